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
 * 王某某's 财付通 调证 (amounts in fen, 借贷类型 出/入) holds a 提现 of 1,000 to his own card
 * 6217000010001234567; the card's statement books it 5 seconds later as 贷 1,000.00 微信零钱提现
 * from 财付通支付科技有限公司, no account. The tester's files: the withdrawal had been counted
 * twice, as the 调证's transfer and again as money in from 财付通, the card 2,000 in for one
 * 1,000 moved between the holder's own accounts.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const tenpay = 'tenpay-withdrawal-wang.csv';
const card = 'card-withdrawal-wang.csv';
const cardNo = '6217000010001234567';
const wallet = '1688000111222';
const stand = `财付通支付科技有限公司（${cardNo}对方）`;

/** The 调证's five rows, its 提现 the transfer to the card, for the money trace to follow. */
const tenpayAlone = [
  `${wallet}>1688000333444: 1 500000`,
  `${wallet}>1900000001: 1 1234`,
  `${wallet}>${cardNo}: 1 100000`,
  `1688000333444>${wallet}: 1 30000`,
  `1688000555666>${wallet}: 1 20000`,
];

async function fresh() {
  c?.dispose();
  c = makeTestCore();
  return await createTestWorkspace(c);
}

describe('a 财付通 提现 and the card statement’s 微信零钱提现', () => {
  for (const order of [
    [tenpay, card],
    [card, tenpay],
  ])
    it(`is one withdrawal to the holder's card (${order.join(' then ')}); deleting either file leaves the other's`, async () => {
      await fresh();
      for (const file of order) await importStatementFixture(c, file);
      expect(await moneyRelations(c)).toEqual(tenpayAlone);
      expect(await tracedInOut(c, cardNo)).toEqual({ inFen: 100000, outFen: 0 });
      expect(await tracedInOut(c, wallet)).toEqual({ inFen: 50000, outFen: 601234 });

      await c.ok('import.delete', { importId: tenpay.replace('.csv', '') });
      expect(await moneyRelations(c)).toEqual([`${stand}>${cardNo}: 1 100000`]);
      await fresh();
      for (const file of order) await importStatementFixture(c, file);
      await c.ok('import.delete', { importId: card.replace('.csv', '') });
      expect(await moneyRelations(c)).toEqual(tenpayAlone);
    });

  it('the card’s statement alone: money in from 财付通, the platform that paid it out', async () => {
    await fresh();
    await importStatementFixture(c, card);
    expect(await moneyRelations(c)).toEqual([`${stand}>${cardNo}: 1 100000`]);
  });

  it('a workspace that counted it twice (imported before) is marked at the next unlock', async () => {
    const { path: dir } = await fresh();
    await importStatementFixture(c, tenpay);
    await importStatementFixture(c, card);
    await c.ok('session.lock', {});
    // What the version before wrote: the card's credit counted beside the 调证's 提现, from an
    // account of its own.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      UPDATE entities SET merged_into_id = NULL WHERE id IN (SELECT entity_id FROM accounts
        WHERE account_no LIKE '%对方）');
      UPDATE relations SET event_count = event_count + 1, amount_fen = amount_fen + 100000
        WHERE id IN (SELECT relation_id FROM money_transfers WHERE copy_of IS NOT NULL);
      UPDATE import_relations SET event_count = event_count + 1, amount_fen = amount_fen + 100000
        WHERE relation_id IN (SELECT relation_id FROM money_transfers WHERE copy_of IS NOT NULL);
      UPDATE money_transfers SET copy_of = NULL;
      UPDATE settings SET value = '13' WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await moneyRelations(c)).toEqual(tenpayAlone);
    expect(await tracedInOut(c, cardNo)).toEqual({ inFen: 100000, outFen: 0 });
  });
});
