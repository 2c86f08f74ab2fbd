import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A statement whose amounts are unsigned says each row's way by its balance. Two shortcuts had
 * read it wrong: one 冲正 row printed -200.00 made the file "signed", so every unsigned row,
 * payments and ATM withdrawals too, became money in; and a 摘要 word the balances taught by its
 * majority (网银转账: ten receipts) turned the one payment under the same word into money in.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const preamble = ['户名：马某', '账号：6230520012349999', '期初余额：10000.00'];
const header = '交易日期,交易时间,交易金额,余额,对方户名,对方账号,摘要';
const receipts = [
  '20260401,090000,500.00,10500.00,买家01,6228480012340000001,网银转账',
  '20260401,160000,500.00,11000.00,买家02,6228480012340000002,网银转账',
  '20260401,230000,500.00,11500.00,买家03,6228480012340000003,网银转账',
  '20260402,060000,500.00,12000.00,买家04,6228480012340000004,网银转账',
  '20260402,130000,500.00,12500.00,买家05,6228480012340000005,网银转账',
  '20260402,200000,500.00,13000.00,买家06,6228480012340000006,网银转账',
  '20260403,030000,4500.00,8500.00,上线毒源,6228480099990001234,网银转账',
  '20260403,100000,500.00,9000.00,买家07,6228480012340000007,网银转账',
  '20260403,170000,500.00,9500.00,买家08,6228480012340000008,网银转账',
  '20260404,000000,500.00,10000.00,买家09,6228480012340000009,网银转账',
  '20260404,070000,500.00,10500.00,买家10,6228480012340000010,网银转账',
  '20260404,140000,300.00,10200.00,某某KTV,,消费',
  '20260404,210000,1000.00,9200.00,,,ATM取款',
  '20260405,040000,200.00,9000.00,某某超市,,消费',
];

async function ways(lines: string[]) {
  const summary = await c.ok('import.commit', {
    fileName: 'statement.csv',
    contentBase64: base64(lines.join('\n') + '\n'),
    template: 'transactions',
    importId: 'imp-ways',
  });
  const rows = c.router.sessions
    .current()!
    .sqlite.prepare('SELECT line, direction, amount_fen AS fen FROM money_transfers ORDER BY line')
    .all() as { line: number; direction: string; fen: number }[];
  return { summary, rows: rows.map((row) => `${row.line} ${row.direction} ${row.fen}`) };
}

const expected = [
  '5 in 50000',
  '6 in 50000',
  '7 in 50000',
  '8 in 50000',
  '9 in 50000',
  '10 in 50000',
  '11 out 450000',
  '12 in 50000',
  '13 in 50000',
  '14 in 50000',
  '15 in 50000',
  '16 out 30000',
  '17 out 100000',
  '18 out 20000',
];

describe("a statement's ways by its balance", () => {
  it('one 冲正 row printed negative does not make the unsigned rows money in', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const { summary, rows } = await ways([
      ...preamble,
      header,
      ...receipts,
      '20260405,110000,-200.00,9200.00,某某超市,,消费冲正',
    ]);
    expect([summary.rows, summary.rejectedRows]).toEqual([15, 0]);
    // The reversal comes back in, as the balance rose by it.
    expect(rows).toEqual([...expected, '19 in 20000']);
  });

  it('a 摘要 word used both ways (网银转账) is not learned: the payment under it goes out', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const { rows } = await ways([...preamble, header, ...receipts]);
    expect(rows).toEqual(expected);
  });

  it('交易类型 转出/转入 beside a 摘要 of 转账 says the way, the first row too', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const { summary, rows } = await ways([
      '户名：曹某',
      '卡号：6236330012345678',
      '交易日期,交易时间,交易类型,交易金额,账户余额,对方户名,对方账号,对方银行,摘要',
      '2026-04-01,17:16:47,转出,1200.00,8800.00,李四,6228480012345678901,中国农业银行,转账',
      '2026-04-02,09:01:02,转入,5000.00,13800.00,张三,6222021234567890123,中国工商银行,转账',
      '2026-04-03,10:10:10,消费,300.00,13500.00,财付通支付科技有限公司,243300133,,微信支付',
      '2026-04-04,11:11:11,退款,100.00,13600.00,财付通支付科技有限公司,243300133,,微信支付退款',
    ]);
    expect([summary.rows, summary.rejectedRows]).toEqual([4, 0]);
    expect(rows).toEqual(['4 out 120000', '5 in 500000', '6 out 30000', '7 in 10000']);
  });
});
