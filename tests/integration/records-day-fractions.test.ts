import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A time column holding Excel's fraction of a day (0.7115625 is 17:04:39) beside a date column
 * written as text (2026-04-01, 20260401, 2026/4/1, 2026年4月1日, 4/1/2026), as a sheet whose time
 * cells were never formatted is saved as CSV, or kept as number cells in an .xlsx. In a CSV the
 * fractions had been refused beside any date but an Excel serial; a fraction past the day had
 * been refused as a time not understood, in either.
 */

const { planned, plannedWorkbook } = previewsOnNewWorkspace();

const header = ['交易卡号', '交易日期', '交易时间', '借贷标志', '交易金额', '对手账号'];
const row = (date: string | number, time: string | number) => [
  '6228480398271645312',
  date,
  time,
  '借',
  '100.00',
  '6217001540009283746',
];
/** 17:04:39, 09:05:01, 12:00:00, 01:12:00, 23:59:59 and midnight, as Excel writes them. */
const fractions = ['0.7115625', '0.378483796296296', '0.5', '0.05', '0.999988425925926', '0'];
/** The same, in UTC, on 2026-04-01 China time. */
const instants = [
  '2026-04-01T09:04:39.000Z',
  '2026-04-01T01:05:01.000Z',
  '2026-04-01T04:00:00.000Z',
  '2026-03-31T17:12:00.000Z',
  '2026-04-01T15:59:59.000Z',
  '2026-03-31T16:00:00.000Z',
];
const dateForms = ['2026-04-01', '20260401', '2026/4/1', '2026年4月1日', '4/1/2026'];

describe('a time as a fraction of a day beside a date column', () => {
  it('CSV text beside every date form, and past the day refused as such', async () => {
    for (const date of dateForms) {
      const plan = await planned('transactions', [
        header.join(','),
        ...fractions.map((time) => row(date, time).join(',')),
        row(date, '1.25').join(','),
        row(date, '-0.1').join(','),
      ]);
      expect([date, pick(plan.sample, ['at']).flat(), plan.problems]).toEqual([
        date,
        instants,
        [
          { line: 8, field: 'at', problem: 'dayFraction', value: '1.25' },
          { line: 9, field: 'at', problem: 'dayFraction', value: '-0.1' },
        ],
      ]);
    }
  });

  it('.xlsx number cells beside text dates and a date cell', async () => {
    for (const date of [...dateForms, new Date(Date.UTC(2026, 3, 1))]) {
      const plan = await plannedWorkbook('transactions', [
        {
          rows: [
            header,
            ...fractions.map((time) => row(date as string, Number(time))),
            row(date as string, 1.5),
            row(date as string, -0.25),
          ],
        },
      ]);
      expect([date, pick(plan.sample, ['at']).flat(), plan.problems]).toEqual([
        date,
        instants,
        [
          { line: 8, field: 'at', problem: 'dayFraction', value: '1.5' },
          { line: 9, field: 'at', problem: 'dayFraction', value: '-0.25' },
        ],
      ]);
    }
  });

  it('a call list of 通话日期 and fractions; 0.05 stays a dotted clock where the column writes clocks', async () => {
    const calls = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话日期,通话时间,通话时长',
      '13987654321,13800138000,主叫,20260401,0.7115625,60',
      '13987654321,13800138000,被叫,20260401,0.05,60',
    ]);
    expect([pick(calls.sample, ['startedAt']).flat(), calls.problems]).toEqual([
      ['2026-04-01T09:04:39.000Z', '2026-03-31T17:12:00.000Z'],
      [],
    ]);
    // Dotted clocks (9.05 is 09:05): 0.05 is five past midnight, as before.
    const dotted = await planned('transactions', [
      header.join(','),
      row('2026-04-01', '9.05').join(','),
      row('2026-04-01', '0.05').join(','),
      row('2026-04-01', '17.16').join(','),
    ]);
    expect([pick(dotted.sample, ['at']).flat(), dotted.problems]).toEqual([
      ['2026-04-01T01:05:00.000Z', '2026-03-31T16:05:00.000Z', '2026-04-01T09:16:00.000Z'],
      [],
    ]);
  });
});
