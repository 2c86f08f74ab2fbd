import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Statements with two money columns, one per way, named as banks print them (民生's 存入金额/
 * 取出金额, 付出/收入, 支出额/收入额, 取款/存款, 出金/入金). With one of the two names unknown
 * every row of the other way had been a bad row ("支出金额：金额格式不正确", a column the file
 * lacks), only the inflows imported with --skip-invalid, and the rejected file said
 * "debitAmount：…"; with neither known the file was refused (缺少必需的列：交易金额).
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

async function stored(text: string, skipInvalid = false) {
  c = makeTestCore();
  await createTestWorkspace(c);
  const summary = await c.ok('import.commit', {
    fileName: 'statement.csv',
    contentBase64: Buffer.from(text, 'utf8').toString('base64'),
    template: 'transactions',
    importId: 'imp-split',
    skipInvalid,
  });
  const rows = c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT m.line, m.direction, m.amount_fen AS fen, payer.label AS payer, payee.label AS payee
         FROM money_transfers m JOIN entities payer ON payer.id = m.payer_id
         JOIN entities payee ON payee.id = m.payee_id ORDER BY m.line`,
    )
    .all() as { line: number; direction: string; fen: number; payer: string; payee: string }[];
  return {
    summary,
    rows: rows.map((row) => `${row.line} ${row.direction} ${row.fen} ${row.payer}→${row.payee}`),
  };
}

/** The statement of two_08.csv with its money columns named otherwise. */
const named = (debit: string, credit: string) =>
  fixture('bank-statement-paid-received.csv').replace('付出,收入', `${debit},${credit}`);

const both = [
  '3 out 10000 6217000000000410001→6217000000000410002',
  '4 in 5000 6217000000000410003→6217000000000410001',
];

describe('a statement’s two money columns', () => {
  it('存入金额/取出金额: the withdrawal is money out, not a bad row', async () => {
    const { summary, rows } = await stored(fixture('bank-statement-deposit-withdrawal.csv'));
    expect([summary.rows, summary.rejectedRows]).toEqual([2, 0]);
    expect(rows).toEqual([
      '3 out 10000 6217000000000400001→6217000000000400002',
      '4 in 5000 6217000000000400003→6217000000000400001',
    ]);
  });

  it('付出/收入, 支出额/收入额, 取款/存款, 出金/入金', async () => {
    for (const [debit, credit] of [
      ['付出', '收入'],
      ['支出额', '收入额'],
      ['取款', '存款'],
      ['出金', '入金'],
    ]) {
      const { summary, rows } = await stored(named(debit!, credit!));
      expect([debit, summary.rows, summary.rejectedRows, rows]).toEqual([debit, 2, 0, both]);
      c.dispose();
    }
  });

  it('a column beside a known one, named by the other way’s word, is its pair', async () => {
    const { summary, rows } = await stored(named('汇出金额', '收入金额'));
    expect([summary.rows, summary.rejectedRows, rows]).toEqual([2, 0, both]);
  });

  it('a row set aside names a column the file has, never a field’s key', async () => {
    const { summary, rows } = await stored(named('现金取出情况', '收入金额'), true);
    expect([summary.rows, summary.rejectedRows, rows]).toEqual([1, 1, [both[1]]]);
    const rejected = Buffer.from(summary.rejectedFile!.contentBase64, 'base64').toString('utf8');
    expect(rejected.split('\r\n')[2]).toBe(
      '2026-04-01,10:00:00,100.00,,900.00,6217000000000410002,公孙二,3,收入金额：金额格式不正确或不大于 0',
    );
  });
});
