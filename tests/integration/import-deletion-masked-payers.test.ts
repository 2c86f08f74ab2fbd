import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { importStatementFixture, moneyRelations } from '../helpers/money-relations';

/**
 * A payee's statement masking the payer (6217****0001) imported after the payer's had been
 * written under the payer's full account; deleting the payer's statement left those transfers
 * there, where the payee's statement imported alone gives them to the masked stand-in: the
 * amounts agreed, the account did not (the tester's 端木 and 诸葛 files). Deleting an import
 * must leave what importing the others alone gives.
 */
let c: TestCore;
afterEach(() => c?.dispose());

async function workspaceOf(files: string[], deleted?: string) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  for (const file of files) await importStatementFixture(c, file);
  if (deleted) await c.ok('import.delete', { importId: deleted.replace('.csv', '') });
  return await moneyRelations(c);
}

const sets = [
  ['masked-deleted-payer.csv', 'masked-deleted-payee.csv'],
  ['two-cards-payer-first.csv', 'two-cards-payer-second.csv', 'two-cards-payee.csv'],
];

describe('deleting an import beside a statement that masks or names alone its other party', () => {
  for (const files of sets)
    for (const deleted of files)
      it(`leaves what the others imported alone give (${files.join(', ')} less ${deleted})`, async () => {
        const rest = files.filter((file) => file !== deleted);
        expect(await workspaceOf(files, deleted)).toEqual(await workspaceOf(rest));
      });

  it('the payer’s statement deleted: the payee’s credits are the masked and the named payer’s', async () => {
    expect(
      await workspaceOf(
        ['masked-deleted-payer.csv', 'masked-deleted-payee.csv'],
        'masked-deleted-payer.csv',
      ),
    ).toEqual([
      '端木一（6217****0001）>6217000000000640002: 1 500000',
      '端木一（6217000000000640002对方）>6217000000000640002: 1 500000',
    ]);
  });
});
