import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * One Alipay payment partly refunded, in two files: the payer's 交易明细 prints it on one row
 * (交易金额 800.00, 退款金额 200.00), the 账务明细 of either party as two (the 800 under its 交易号
 * in 业务流水号, the 200 back days later under 交易号_1). The 交易明细's row was netted to 600, no
 * row of the 账务明细's, and counted beside them: 马某 → 羊某 1,466 in 3 rows (and 1,400 with
 * the payee's file) instead of 866 and 800. It is the payment whole and its refund now: each
 * file alone gives what it shows, both together each payment and refund once, in either order.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.resolve(__dirname, '../fixtures/records');
const files = {
  trades: 'alipay-trades-refunded.csv',
  ledger: 'alipay-ledger-refunded.csv',
  payee: 'alipay-ledger-payee.csv',
} as const;
type File = keyof typeof files;

async function importFile(importId: File) {
  return await c.ok('import.commit', {
    importId,
    fileName: files[importId],
    contentBase64: fs.readFileSync(path.join(fixtures, files[importId])).toString('base64'),
    template: 'transactions',
  });
}

/** Every money relation as `from>to: transfers fen`, sorted, empty ones left out. */
async function money() {
  const accounts = await c.ok('entities.list', { kinds: ['account'], page: 1, pageSize: 200 });
  const lines = new Set<string>();
  for (const account of accounts.rows) {
    const detail = await c.ok('entities.get', { id: account.id });
    for (const relation of detail.relations.filter((item) => item.type === 'finances'))
      if (relation.eventCount)
        lines.add(
          `${relation.fromLabel.slice(-3)}>${relation.toLabel.slice(-3)}: ${relation.eventCount} ${relation.amountFen}`,
        );
  }
  return [...lines].sort();
}

async function fresh(...imports: File[]) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  for (const file of imports) await importFile(file);
  return await money();
}

/** The 交易明细 alone: 500 and 800 paid (200 of it back), 1,200 received; two closed trades. */
const tradesAlone = [
  '001>002: 1 50000',
  '001>003: 1 80000',
  '002>001: 1 120000',
  '003>001: 1 20000',
];
/** The payer's 账务明细 alone: the same, and 66 paid and refunded whole. */
const ledgerAlone = [
  '001>002: 1 50000',
  '001>003: 2 86600',
  '002>001: 1 120000',
  '003>001: 2 26600',
];

describe('an Alipay payment partly refunded, in the 交易明细 and a 账务明细', () => {
  it('each file alone: the payment whole and its refund', async () => {
    expect(await fresh('trades')).toEqual(tradesAlone);
    // Three rows of the file imported (two closed trades set aside), its refund no row of its own.
    c.dispose();
    c = makeTestCore();
    await createTestWorkspace(c);
    expect(await importFile('trades')).toMatchObject({ rows: 3 });
    expect(await fresh('ledger')).toEqual(ledgerAlone);
    expect(await fresh('payee')).toEqual(['001>003: 1 80000', '003>001: 1 20000']);
  });

  it("the payer's two files count each payment and refund once, in either order", async () => {
    for (const order of [
      ['trades', 'ledger'],
      ['ledger', 'trades'],
    ] as const) {
      expect(await fresh(...order)).toEqual(ledgerAlone);
      // Deleting either leaves the other's.
      await c.ok('import.delete', { importId: order[0] });
      expect(await money()).toEqual(order[0] === 'trades' ? ledgerAlone : tradesAlone);
    }
  });

  it("the payer's 交易明细 and the payee's 账务明细, in either order", async () => {
    for (const order of [
      ['trades', 'payee'],
      ['payee', 'trades'],
    ] as const)
      expect(await fresh(...order)).toEqual(tradesAlone);
  });
});
