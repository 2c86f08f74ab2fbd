import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Payment apps' bills as they export them: 云闪付's 收款方 (the other party, a transfer's payee
 * named with its card masked, 周某 6222****1111) had been no column, so its 1000 yuan went to no
 * one; 美团's 交易成功时间 had been no time, so the bill was refused (缺少必需的列：交易时间).
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

async function stored(name: string, ownAccount?: string) {
  c = makeTestCore();
  await createTestWorkspace(c);
  const summary = await c.ok('import.commit', {
    fileName: name,
    contentBase64: fs.readFileSync(path.join(fixtures, name)).toString('base64'),
    template: 'transactions',
    importId: 'imp-bill',
    ...(ownAccount && { ownAccount }),
  });
  const rows = c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT m.line, m.direction, m.at, m.amount_fen AS fen, payer.label AS payer,
              payee.label AS payee
         FROM money_transfers m LEFT JOIN entities payer ON payer.id = m.payer_id
         LEFT JOIN entities payee ON payee.id = m.payee_id ORDER BY m.line`,
    )
    .all()
    .map((row) => Object.values(row as object).join(' '));
  return { summary, rows };
}

describe('payment-app bills', () => {
  it('云闪付: 收款方 is the other party; a masked card after the name is told apart by it', async () => {
    const { rows } = await stored('unionpay-bill.csv', '6222000011112222');
    expect(rows).toEqual([
      '2 out 2026-04-01T01:00:00.000Z 2500 6222000011112222 某便利店（6222000011112222对方）',
      '3 in 2026-04-01T02:00:00.000Z 8800 周某（6222000011112222对方） 6222000011112222',
      '4 out 2026-04-01T03:00:00.000Z 100000 6222000011112222 周某（6222****1111）',
    ]);
  });

  it('美团: 交易成功时间 is the time of each row', async () => {
    const { summary, rows } = await stored('meituan-bill.csv');
    expect(summary.rows).toBe(2);
    expect(rows.map((row) => row.split(' ').slice(0, 4).join(' '))).toEqual([
      '5 out 2026-04-01T04:00:00.000Z 4550',
      '7 out 2026-04-03T04:00:00.000Z 38800',
    ]);
  });
});
