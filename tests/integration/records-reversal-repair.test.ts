import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * P paid Q 5,000 (P's statement: the debit; Q's March statement: the credit) and Q's bank took
 * it back (Q's April statement: a 冲正 naming P). With Q's March statement deleted, or never
 * imported, the 冲正 undoes the payer's debit: that transfer moved no money. It had stayed a
 * reversal of nothing, P's 5,000 counted again, unlike with the credit's statement there.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const p = '6230000000000000601';
const q = '6230000000000000602';
const header = '交易卡号,交易日期,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要';
const payer = [header, `${p},20260331,100000,借,"5,000.00",${q},乙,转账`];
const payeeMar = [header, `${q},20260331,100000,贷,"5,000.00",${p},甲,转账`];
const payeeApr = [
  header,
  `${q},20260401,090000,借,"5,000.00",${p},甲,冲正`,
  `${q},20260402,090000,借,"300.00",${p},甲,转账`,
];
/** The payer's own 冲正 of the debit, on the payer's April statement. */
const payerApr = [header, `${p},20260401,080000,贷,"5,000.00",${q},乙,冲正`];
const files = { payer, payeeMar, payeeApr, payerApr };

const commit = (name: keyof typeof files) =>
  c.ok('import.commit', {
    importId: name,
    fileName: `${name}.csv`,
    contentBase64: Buffer.from(files[name].join('\r\n'), 'utf8').toString('base64'),
    template: 'transactions',
  });

async function idOf(account: string) {
  const found = await c.ok('search.query', { text: account });
  return found.groups.flatMap((group) => group.hits)[0]!.id;
}

/**
 * The workspace's money as `from>to: count fen | file:line→file:line …` (each row with the row it
 * cancels with, `alone` for a reversal of no transfer held, `copy` for a copy), then each
 * account's money trace in and out.
 */
async function figures() {
  const names = new Map([
    [p, 'P'],
    [q, 'Q'],
  ]);
  const lines: string[] = [];
  const detail = await c.ok('entities.get', { id: await idOf(p) });
  for (const relation of detail.relations.filter((item) => item.type === 'finances')) {
    const records = await c.ok('import.records', { relationId: relation.id });
    const rows = records.rows
      .map(
        (row) =>
          `${row.source.fileName}:${row.source.line}${
            row.offsetLine
              ? `→${row.offsetFile ?? row.source.fileName}:${row.offsetLine}`
              : row.unmatchedReversal
                ? ' alone'
                : row.copy
                  ? ' copy'
                  : ''
          }`,
      )
      .sort();
    lines.push(
      `${names.get(relation.fromLabel)}>${names.get(relation.toLabel)}: ${relation.eventCount} ${relation.amountFen} | ${rows.join(' ')}`,
    );
  }
  for (const account of [p, q]) {
    const trace = await c.ok('analytics.moneyTrace', { account });
    const row = trace.accounts.find((item) => item.accountNo === account)!;
    lines.push(`${names.get(account)}: in ${row.inFen} out ${row.outFen}`);
  }
  return lines.sort();
}

/** A workspace holding these statements, imported in this order, less the deleted one. */
async function workspace(names: readonly (keyof typeof files)[], deleted?: keyof typeof files) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  for (const name of names) await commit(name);
  if (deleted) await c.ok('import.delete', { importId: deleted });
  return await figures();
}

/** The payer's statement and the payee's April one: the 冲正 undoes the payer's debit. */
const payerAndApril = [
  'P: in 30000 out 0',
  'P>Q: 0 0 | payeeApr.csv:2→payer.csv:2 payer.csv:2→payeeApr.csv:2',
  'Q: in 0 out 30000',
  'Q>P: 1 30000 | payeeApr.csv:3',
];

describe("a 冲正 on the payee's statement whose credit no remaining import holds", () => {
  it("undoes the payer's debit, in either order of import", async () => {
    expect(await workspace(['payer', 'payeeApr'])).toEqual(payerAndApril);
    expect(await workspace(['payeeApr', 'payer'])).toEqual(payerAndApril);
  });

  it("pairs with the payer's debit once the payee's statement of the credit is deleted, as the remaining statements imported afresh", async () => {
    for (const order of [
      ['payer', 'payeeMar', 'payeeApr'],
      ['payeeMar', 'payer', 'payeeApr'],
      ['payeeMar', 'payeeApr', 'payer'],
      ['payer', 'payeeApr', 'payeeMar'],
    ] as const)
      expect(await workspace(order, 'payeeMar')).toEqual(payerAndApril);
  });

  it('deleting the 冲正 leaves the transfer counted once, its copy the later statement’s row, as imported afresh', async () => {
    const fresh = await workspace(['payer', 'payeeMar']);
    expect(fresh).toEqual([
      'P: in 0 out 500000',
      'P>Q: 1 500000 | payeeMar.csv:2 copy payer.csv:2',
      'Q: in 500000 out 0',
    ]);
    expect(await workspace(['payer', 'payeeMar', 'payeeApr'], 'payeeApr')).toEqual(fresh);
  });

  it("pairs with the payer's debit once the payer's own 冲正 of it is deleted", async () => {
    expect(await workspace(['payer', 'payerApr', 'payeeApr'], 'payerApr')).toEqual(payerAndApril);
  });
});
