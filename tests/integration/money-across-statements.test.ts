import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Money through several statements, as a tester imported them: a statement that gives the day
 * alone for money that left that day (the trace had stopped there, the payment read at
 * midnight before the money came in at 10:00), and a transfer the payee's bank booked three
 * minutes after the payer's (counted twice: the window was two minutes).
 */
let c: TestCore;
afterEach(() => c?.dispose());

const [a, b, cc, d] = [
  '6222000000000001',
  '6222000000000002',
  '6222000000000003',
  '6222000000000004',
];
const header = '交易卡号,交易时间,借贷标志,交易金额,对手账号';
const statements: Record<string, string[]> = {
  a: [header, `${a},2025-03-01 10:00:00,借,50000.00,${b}`],
  b: [
    header,
    `${b},2025-03-01 10:00:00,贷,50000.00,${a}`,
    `${b},2025-03-01 12:30:00,借,20000.00,${cc}`,
    `${b},2025-03-01 12:30:00,借,20000.00,${cc}`,
  ],
  // C's bank gives the day alone for the two credits from B.
  c: [
    header,
    `${cc},2025-03-01,贷,20000.00,${b}`,
    `${cc},2025-03-01,贷,20000.00,${b}`,
    `${cc},2025-03-02 00:05:00,借,35000.00,${d}`,
  ],
  d: [header, `${d},2025-03-02 00:07,贷,35000.00,${cc}`],
};

async function importAll(names: string[]) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  for (const name of names)
    await c.ok('import.commit', {
      importId: `imp-${name}`,
      fileName: `${name}.csv`,
      contentBase64: iconv.encode(statements[name]!.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
    });
}

async function traceFromA() {
  const trace = await c.ok('analytics.moneyTrace', { account: a });
  const short = new Map([
    [a, 'A'],
    [b, 'B'],
    [cc, 'C'],
    [d, 'D'],
  ]);
  return trace.accounts.map(
    (row) => `${row.path.map((step) => short.get(step)).join('>')} ${row.reachedFen}`,
  );
}

describe('money across statements', () => {
  it('a payment on a day given alone is followed from money that came in that day, in any order', async () => {
    const chain = ['A 5000000', 'A>B 5000000', 'A>B>C 4000000', 'A>B>C>D 3500000'];
    for (const order of [
      ['a', 'b', 'c', 'd'],
      ['c', 'a', 'd', 'b'],
      ['a', 'c', 'd'],
    ]) {
      await importAll(order);
      expect([order.join(''), ...(await traceFromA())]).toEqual([order.join(''), ...chain]);
    }
  });

  it("a transfer the payee's bank booked three minutes later is one transfer", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const files = [
      [
        '本方账号,交易日期,交易时间,收付标志,交易金额,对方账号',
        `${a},20250701,105830,付,66000.00,${b}`,
      ],
      [
        '本方账号,交易日期,交易时间,收付标志,交易金额,对方账号',
        `${b},20250701,110125,收,66000.00,${a}`,
      ],
    ];
    const summaries = [];
    for (const [index, lines] of files.entries())
      summaries.push(
        await c.ok('import.commit', {
          importId: `imp-${index}`,
          fileName: `${index}.csv`,
          contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
          template: 'transactions',
        }),
      );
    expect(summaries.map((summary) => summary.copies)).toEqual([0, 1]);
    const trace = await c.ok('analytics.moneyTrace', { account: a });
    expect(trace.accounts.map((row) => [row.accountNo, row.inFen, row.outFen])).toEqual([
      [a, 0, 6_600_000],
      [b, 6_600_000, 0],
    ]);
  });
});
