import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A sheet whose time cells were not formatted as dates, saved as CSV: Excel serials as text
 * (46082.54167 is 2026-03-01 13:00). Read in a workbook's number cells, they had been refused
 * in a CSV's text, row by row.
 */

const { planned } = previewsOnNewWorkspace();

describe('Excel serials as text in a CSV', () => {
  it('a call list: the start time column', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '15600000010,13800138000,主叫,46082.54167,65',
      '15600000010,13800138000,被叫,46082.5,65',
      '15600000010,13800138000,主叫,12345.5,65',
    ]);
    expect(pick(plan.sample, ['caller', 'startedAt'])).toEqual([
      ['15600000010', '2026-03-01T05:00:00.000Z'],
      ['13800138000', '2026-03-01T04:00:00.000Z'],
    ]);
    expect(plan.problems).toEqual([
      { line: 4, field: 'startedAt', problem: 'dateTime', value: '12345.5' },
    ]);
  });

  it('a statement: one time column (a whole serial is the day alone), and date + time columns', async () => {
    const alone = await planned('transactions', [
      '交易卡号,交易时间,借贷标志,交易金额,对手账号',
      '6230000000000000033,46082.54167,借,100,6222020200112230005',
      '6230000000000000033,46082,借,100,6222020200112230005',
    ]);
    expect(pick(alone.sample, ['at', 'dayOnly'])).toEqual([
      ['2026-03-01T05:00:00.000Z', 'false'],
      ['2026-02-28T16:00:00.000Z', 'true'],
    ]);
    expect(alone.problems).toEqual([]);
    const split = await planned('transactions', [
      '交易卡号,交易日期,交易时间,借贷标志,交易金额,对手账号',
      '6230000000000000034,46082,0.54167,借,100,6222020200112230005',
      '6230000000000000034,46082,0.5,借,100,6222020200112230005',
      '6230000000000000034,46082,17:30:00,借,100,6222020200112230005',
    ]);
    expect(pick(split.sample, ['at', 'dayOnly'])).toEqual([
      ['2026-03-01T05:00:00.000Z', 'false'],
      ['2026-03-01T04:00:00.000Z', 'false'],
      ['2026-03-01T09:30:00.000Z', 'false'],
    ]);
    expect(split.problems).toEqual([]);
  });
});
