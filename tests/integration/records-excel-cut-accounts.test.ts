import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A 查控 feedback Excel had shown with its card numbers as numbers, then saved as CSV: each card
 * is its first 15 digits and zeros (6222021234567890123 and …456 both 6222021234567890000).
 * Read as text, the two cards had become one account, 赵六's rows under 王五's name, and a
 * money cycle between two accounts that never happened.
 */

const { preview } = previewsOnNewWorkspace();

const header =
  '交易卡号,交易方户名,交易时间,收付标志,交易金额,交易余额,交易对手账卡号,对手户名,摘要说明';
const problemsOf = (result: Awaited<ReturnType<typeof preview>>) =>
  result.ok
    ? result.value.problems.map(({ line, field, problem, value }) => [line, field, problem, value])
    : result.error.code;
const moves = (result: Awaited<ReturnType<typeof preview>>) =>
  result.ok
    ? pick(result.value.sample, [
        'account',
        'accountName',
        'direction',
        'amountFen',
        'counterpart',
        'counterpartName',
      ])
    : result.error.code;

describe('card numbers an Excel CSV cut to 15 digits', () => {
  it('a column of long numbers each ending in zeros past the 15th digit is refused as cut, line by line', async () => {
    const result = await preview('transactions', [
      header,
      '6222021234567890000,王五,2026-03-01 10:00:00,进,1000.00,1000.00,6228480398271640000,李四,转账',
      '6222021234567890000,赵六,2026-03-01 11:00:00,出,500.00,2500.00,6228480398271640000,钱七,转账',
    ]);
    expect(problemsOf(result)).toEqual([
      [2, 'account', 'truncated', '6222021234567890000'],
      [2, 'counterpartAccount', 'truncated', '6228480398271640000'],
      [3, 'account', 'truncated', '6222021234567890000'],
      [3, 'counterpartAccount', 'truncated', '6228480398271640000'],
    ]);
    expect(result.ok && [result.value.validCount, result.value.rejectedCount]).toEqual([0, 2]);
  });

  it('cut 16-digit cards are found by their zeros together; a column with a whole number in it was not cut', async () => {
    const result = await preview('transactions', [
      header,
      '6222021234567890,王五,2026-03-01 10:00:00,进,1000.00,1000.00,6228480398271645312,李四,转账',
      '6222021234567890,王五,2026-03-01 11:00:00,出,200.00,800.00,6217000000000000000,钱七,转账',
      '6222021234567890,王五,2026-03-01 12:00:00,出,100.00,700.00,6228480398271640000,孙八,转账',
      '6222021234567800,王五,2026-03-02 10:00:00,进,300.00,300.00,6228480398271645312,李四,转账',
      '6222021234567810,王五,2026-03-02 11:00:00,进,300.00,600.00,6228480398271645312,李四,转账',
    ]);
    // 6222021234567890, …7800, …7810: a zero past the 15th digit on each (three in all); the
    // counterparts' column holds 6228480398271645312, so its numbers ending in zeros are real.
    expect(problemsOf(result)).toEqual([
      [2, 'account', 'truncated', '6222021234567890'],
      [3, 'account', 'truncated', '6222021234567890'],
      [4, 'account', 'truncated', '6222021234567890'],
      [5, 'account', 'truncated', '6222021234567800'],
      [6, 'account', 'truncated', '6222021234567810'],
    ]);
  });

  it('one card ending in 0, with its counterparts whole, is a real card and read', async () => {
    const result = await preview('transactions', [
      header,
      '6222021234567890,王五,2026-03-01 10:00:00,进,1000.00,1000.00,6228480398271645312,李四,转账',
      '6222021234567890,王五,2026-03-01 11:00:00,出,200.00,800.00,6228480398271640000,钱七,转账',
    ]);
    expect(problemsOf(result)).toEqual([]);
    expect(moves(result)).toEqual([
      ['6222021234567890', '王五', 'in', '100000', '6228480398271645312', '李四'],
      ['6222021234567890', '王五', 'out', '20000', '6228480398271640000', '钱七'],
    ]);
  });
});

describe('one account under two people’s names', () => {
  it('is refused on the later row, naming the account and the first holder; another name of a company is not', async () => {
    const result = await preview('transactions', [
      header,
      '6222021234567890123,王五,2026-03-01 10:00:00,进,1000.00,1000.00,6228480398271645312,李四,转账',
      '6222021234567890123,王五,2026-03-01 11:00:00,出,500.00,500.00,6228480398271645312,钱七,转账',
      '6222021234567890123,赵六,2026-03-01 12:00:00,出,100.00,400.00,6228480398271649999,钱七,转账',
      '6222021234567890123,王 五,2026-03-01 13:00:00,出,100.00,400.00,243300133,支付宝（中国）网络技术有限公司,快捷支付',
      '6222021234567890123,王五,2026-03-01 14:00:00,出,100.00,300.00,243300133,支付宝,快捷支付',
    ]);
    expect(problemsOf(result)).toEqual([
      [3, 'counterpartAccount', 'accountTwoNames', '6228480398271645312 李四'],
      [4, 'account', 'accountTwoNames', '6222021234567890123 王五'],
    ]);
    expect(moves(result)).toEqual([
      ['6222021234567890123', '王五', 'in', '100000', '6228480398271645312', '李四'],
      [
        '6222021234567890123',
        '王 五',
        'out',
        '10000',
        '243300133',
        '支付宝（中国）网络技术有限公司',
      ],
      ['6222021234567890123', '王五', 'out', '10000', '243300133', '支付宝'],
    ]);
  });
});
