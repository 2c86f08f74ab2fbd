import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A bank's system left a quote before a name ("王五) and another after a later one (钱七"): the
 * CSV reader took the rows between as lines of one cell, and the 300 and 400 yuan transfers to
 * 赵六 and 钱七 were gone without a word (3 rows of 5, no problem). A quote never closed was
 * refused without the line it is on.
 */
const { preview } = previewsOnNewWorkspace();

const lines = [
  '账号：6222600000000001201,户名：张三',
  '交易时间,借贷标志,交易金额,对方账号,对方户名,摘要',
  '2026-03-01 10:00:00,借,100.00,6222600000000001202,李"四,转账',
  '2026-03-01 11:00:00,借,200.00,6222600000000001203,"王五,转账',
  '2026-03-01 12:00:00,借,300.00,6222600000000001204,赵六,转账',
  '2026-03-01 13:00:00,借,400.00,6222600000000001205,钱七",转账',
  '2026-03-01 14:00:00,借,500.00,6222600000000001206,孙八,转账',
];

describe('stray quotes in a statement', () => {
  it('a cell that took the rows after it is refused, naming the lines it took', async () => {
    const result = await preview('transactions', lines);
    expect(
      result.ok &&
        result.value.problems.map(({ line, field, problem, value }) => [
          line,
          field,
          problem,
          value,
        ]),
    ).toEqual([[4, 'counterpartName', 'swallowedRows', '5–6']]);
    expect(result.ok && pick(result.value.sample, ['amountFen', 'counterpart'])).toEqual([
      ['10000', '6222600000000001202'],
      ['50000', '6222600000000001206'],
    ]);
  });

  it('a quote never closed is refused naming its line', async () => {
    const result = await preview('transactions', [
      '交易时间,交易金额,借贷标志,对方账号',
      '2026-03-01 10:00:00,"100.00,借,6222600000000000999',
      '2026-03-01 11:00:00,200.00,贷,6222600000000000998',
    ]);
    expect(result.ok ? 'read' : [result.error.code, result.error.details]).toEqual([
      'import.unclosedQuote',
      { line: 2 },
    ]);
  });
});
