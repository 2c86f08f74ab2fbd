import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Statements a program wrote from doubles it summed (0.1 + 0.2 = 0.30000000000000004): the one
 * amount column read them as 0.30; the two columns of 支出金额 and 收入金额 refused every row.
 */

const { planned, plannedWorkbook } = previewsOnNewWorkspace();

const header = ['交易卡号', '交易时间', '收入金额', '支出金额', '对手账号'];
const row = (hour: number, credit: number | string | null, debit: number | string | null) => [
  '6230000000000000098',
  `2026-04-20 1${hour}:00:00`,
  credit,
  debit,
  '6222020200112230070',
];

describe('float noise in a statement of two amount columns', () => {
  it('number cells: noise under a fen rounds, a fraction of a fen is refused', async () => {
    const plan = await plannedWorkbook('transactions', [
      {
        rows: [
          header,
          row(0, null, 0.1 + 0.2),
          row(1, 0.1 + 0.2, null),
          row(2, null, 1000.3000000000001),
          row(3, 100.08999999999999, null),
          row(4, null, 0.305),
          row(5, 1000.005, null),
        ],
      },
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '30'],
      ['in', '30'],
      ['out', '100030'],
      ['in', '10009'],
    ]);
    expect(plan.problems).toEqual([
      { line: 6, field: 'debitAmount', problem: 'amount', value: '0.305' },
      { line: 7, field: 'creditAmount', problem: 'amount', value: '1000.005' },
    ]);
  });

  it('a CSV: the printed doubles read as the figures they stand for', async () => {
    const plan = await planned('transactions', [
      header.join(','),
      row(0, '', '0.30000000000000004').join(','),
      row(1, '0.30000000000000004', '').join(','),
      row(2, '', '1000.3000000000001').join(','),
      row(3, '', '0.3050000000000001').join(','),
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '30'],
      ['in', '30'],
      ['out', '100030'],
    ]);
    expect(plan.problems).toEqual([
      { line: 5, field: 'debitAmount', problem: 'amount', value: '0.3050000000000001' },
    ]);
  });
});
