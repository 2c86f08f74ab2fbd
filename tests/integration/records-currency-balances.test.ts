import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A card's statement whose only word on each row's way is its 余额, two 美元 rows (with their own
 * 美元 balance) between its 人民币 ones: the balances were followed across the currencies, no
 * way fitted, and the whole file was refused as lacking a 借贷标志 column it does not need.
 */
const { preview } = previewsOnNewWorkspace();

describe('balances in two currencies', () => {
  it('are followed per currency: the 人民币 rows read their ways, the 美元 rows are refused as foreign currency', async () => {
    const result = await preview('transactions', [
      '账号：6222600000000001901,户名：张三',
      '交易时间,币种,交易金额,余额,对方账号,对方户名,摘要',
      '2026-03-01 09:00:00,人民币,1000.00,5000.00,6222600000000001902,李四,转账',
      '2026-03-01 10:00:00,美元,100.00,200.00,,,结汇',
      '2026-03-01 11:00:00,人民币,500.00,4500.00,6222600000000001903,王五,转账',
      '2026-03-01 12:00:00,美元,50.00,250.00,,,汇入',
      '2026-03-01 13:00:00,人民币,300.00,4800.00,6222600000000001904,赵六,转账',
      '2026-03-01 14:00:00,人民币,800.00,4000.00,6222600000000001905,钱七,转账',
    ]);
    expect(
      result.ok
        ? result.value.problems.map(({ line, field, problem }) => [line, field, problem])
        : result.error.code,
    ).toEqual([
      // The first row of each currency: no balance before it says its way.
      [3, 'balance', 'balanceOldestRow'],
      [4, 'balance', 'balanceOldestRow'],
      [4, 'currency', 'currency'],
      [6, 'currency', 'currency'],
    ]);
    expect(
      result.ok && pick(result.value.sample, ['direction', 'amountFen', 'counterpart']),
    ).toEqual([
      ['out', '50000', '6222600000000001903'],
      ['in', '30000', '6222600000000001904'],
      ['out', '80000', '6222600000000001905'],
    ]);
  });
});
