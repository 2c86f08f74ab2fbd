import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A statement of unsigned amounts says each row's way by its balance only. A row printed
 * without its balance had left both it and the row after it undecided (rejected): the gap
 * between the two known balances decides them where exactly one choice of ways closes it.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const statement = [
  '户名：马某',
  '账号：6230520012349999',
  '期初余额：1000.00',
  '交易日期,交易时间,交易金额,余额,对方户名,对方账号,摘要',
  // Line 5 on: from the opening 1,000.00.
  '20260401,090000,100.00,1100.00,买家01,6228480012340000001,转账',
  '20260401,100000,200.00,900.00,上线01,6228480012340000002,转账',
  // 900 ± 100 ± 200 = 600 only as −100 −200: both out.
  '20260401,110000,100.00,,上线02,6228480012340000003,转账',
  '20260401,120000,200.00,600.00,上线03,6228480012340000004,转账',
  '20260401,130000,300.00,900.00,买家02,6228480012340000005,转账',
  // 900 ± 100 ± 100 = 900 two ways (in then out, out then in): neither row is decided.
  '20260402,090000,100.00,,买家03,6228480012340000006,转账',
  '20260402,100000,100.00,900.00,上线04,6228480012340000007,转账',
  '20260402,110000,50.00,950.00,买家04,6228480012340000008,转账',
  // Four blank balances in a row: 950 − 10 − 20 − 40 − 80 − 160 = 640, the one choice.
  '20260403,090000,10.00,,上线05,6228480012340000009,转账',
  '20260403,100000,20.00,,上线06,6228480012340000010,转账',
  '20260403,110000,40.00,,上线07,6228480012340000011,转账',
  '20260403,120000,80.00,,上线08,6228480012340000012,转账',
  '20260403,130000,160.00,640.00,上线09,6228480012340000013,转账',
  // Three blank balances: 640 + 1 − 2 + 4 + 8 = 651, the one choice that closes the gap.
  '20260404,090000,1.00,,买家05,6228480012340000014,转账',
  '20260404,100000,2.00,,上线10,6228480012340000015,转账',
  '20260404,110000,4.00,,买家06,6228480012340000016,转账',
  '20260404,120000,8.00,651.00,买家07,6228480012340000017,转账',
];

describe('a statement whose balance is blank on a few rows', () => {
  it('decides the rows of a gap one choice of ways closes; the others are said to be open', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: 'statement.csv',
      contentBase64: base64(`${statement.join('\n')}\n`),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect(preview.problems).toEqual(
      [10, 11].map((line) => ({
        line,
        field: 'balance',
        problem: 'balanceGapAmbiguous',
        value: line === 11 ? '900.00' : '',
      })),
    );
    const summary = await c.ok('import.commit', {
      ...file,
      importId: 'imp-gaps',
      skipInvalid: true,
    });
    expect([summary.rows, summary.rejectedRows]).toEqual([15, 2]);
    const rows = c.router.sessions
      .current()!
      .sqlite.prepare(
        'SELECT line, direction, amount_fen AS fen FROM money_transfers ORDER BY line',
      )
      .all() as { line: number; direction: string; fen: number }[];
    expect(rows.map((row) => `${row.line} ${row.direction} ${row.fen}`)).toEqual([
      '5 in 10000',
      '6 out 20000',
      '7 out 10000',
      '8 out 20000',
      '9 in 30000',
      '12 in 5000',
      '13 out 1000',
      '14 out 2000',
      '15 out 4000',
      '16 out 8000',
      '17 out 16000',
      '18 in 100',
      '19 out 200',
      '20 in 400',
      '21 in 800',
    ]);
  });
});
