import { afterEach, describe, expect, it } from 'vitest';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { importStatementFixture, moneyRelations, tracedInOut } from '../helpers/money-relations';

/**
 * 诸葛一 pays 诸葛二 from two cards: …620001 sends 5,000 and 3,000, …620009 sends 5,000. 诸葛二's
 * statement books each seconds later, naming the payer by name alone (诸葛一, no 对方账号) or by
 * a masked card (6217****0001). The tester's files: with both of the payer's cards in, the
 * credits naming him alone matched neither card (the name fits two accounts), and 诸葛二 had
 * 23,000 in for 13,000 sent, in every order.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const first = 'two-cards-payer-first.csv';
const second = 'two-cards-payer-second.csv';
const payee = 'two-cards-payee.csv';
const payeeNo = '6217000000000620002';
const counted = [
  `6217000000000620001>${payeeNo}: 2 800000`,
  `6222000000000620009>${payeeNo}: 1 500000`,
  `诸葛一（${payeeNo}对方）>${payeeNo}: 0 0`,
];

describe('a payee’s credits naming a payer with two cards by name alone or masked', () => {
  for (const order of [
    [first, second, payee],
    [payee, first, second],
    [first, payee, second],
    [second, payee, first],
  ])
    it(`are the debits of either card: 13,000 in (${order.join(', ')})`, async () => {
      c = makeTestCore();
      await createTestWorkspace(c);
      for (const file of order) await importStatementFixture(c, file);
      expect(await moneyRelations(c)).toEqual(counted);
      expect(await tracedInOut(c, payeeNo)).toEqual({ inFen: 1300000, outFen: 0 });
    });

  it('a workspace that counted them twice (imported before) is marked at the next unlock', async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    for (const file of [first, second, payee]) await importStatementFixture(c, file);
    await c.ok('session.lock', {});
    // What the version before wrote: the two credits naming 诸葛一 alone counted again.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      CREATE TEMP TABLE named_alone AS SELECT r.id FROM relations r
        JOIN accounts a ON a.entity_id = r.from_entity_id WHERE a.account_no LIKE '%对方）';
      UPDATE relations SET event_count = event_count + 2, amount_fen = amount_fen + 1000000
        WHERE id IN (SELECT id FROM named_alone);
      UPDATE import_relations SET event_count = event_count + 2, amount_fen = amount_fen + 1000000
        WHERE relation_id IN (SELECT id FROM named_alone);
      UPDATE money_transfers SET copy_of = NULL WHERE relation_id IN (SELECT id FROM named_alone);
      UPDATE settings SET value = '12' WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await moneyRelations(c)).toEqual(counted);
    expect(await tracedInOut(c, payeeNo)).toEqual({ inFen: 1300000, outFen: 0 });
  });
});
