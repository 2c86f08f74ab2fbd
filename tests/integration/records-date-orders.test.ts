import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Dates written with the year last, as an English-language Excel saves a statement or a call
 * list (4/1/2026 17:16) and as foreign banks print them (01.04.2026): they were refused, every
 * row. Whether the month or the day comes first is read from the whole file.
 */

const { planned } = previewsOnNewWorkspace();

describe('dates with the year last', () => {
  it("Excel's en-US m/d/yyyy h:mm is month first; a second number past 12 bears it out", async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,4/1/2026 17:16,65',
      '13800138000,13900139000,被叫,4/13/2026 9:05:07,30',
      '13800138000,13900139000,被叫,12/31/2026 5:16:47 PM,30',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2026-04-01T09:16:00.000Z'],
      ['2026-04-13T01:05:07.000Z'],
      ['2026-12-31T09:16:47.000Z'],
    ]);
  });

  it('slashes with a first number past 12 somewhere: the whole file is day first', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易日期,交易时间,交易金额,借贷标志,对手账号',
      '6228480398271645312,01/04/2026,17:16:47,1200.00,借,6222020200112233445',
      '6228480398271645312,13/04/2026,08:15:00,300.00,贷,6222020200112233445',
      '6228480398271645312,02/05/2026,08:15:00,50.00,贷,6222020200112233445',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['at'])).toEqual([
      ['2026-04-01T09:16:47.000Z'],
      ['2026-04-13T00:15:00.000Z'],
      ['2026-05-02T00:15:00.000Z'],
    ]);
  });

  it('the day-first evidence in the second half of a large list turns the first half too', async () => {
    // Over 4 MB a call list is planned in two threads, each half counting its own dates.
    const rows = Array.from({ length: 60_000 }, (_, index) => {
      const day = index < 59_999 ? 1 + (index % 12) : 25;
      return `13800138000,139${String(index % 1000).padStart(8, '0')},主叫,${String(day).padStart(2, '0')}/03/2026 10:00:00,65,备注备注备注备注备注备注`;
    });
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,备注',
      ...rows,
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample.slice(0, 3), ['startedAt'])).toEqual([
      ['2026-03-01T02:00:00.000Z'],
      ['2026-03-02T02:00:00.000Z'],
      ['2026-03-03T02:00:00.000Z'],
    ]);
  });

  it('dots are day first (dd.mm.yyyy) unless a second number past 12 says otherwise', async () => {
    const dayFirst = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,05.04.2026 14:30:00,65',
    ]);
    expect(pick(dayFirst.sample, ['startedAt'])).toEqual([['2026-04-05T06:30:00.000Z']]);
    const monthFirst = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,05.04.2026 14:30:00,65',
      '13800138000,13900139000,主叫,05.21.2026 14:30:00,65',
    ]);
    expect(pick(monthFirst.sample, ['startedAt'])).toEqual([
      ['2026-05-04T06:30:00.000Z'],
      ['2026-05-21T06:30:00.000Z'],
    ]);
  });

  it('a file that says both orders, or mixes forms, is left as each cell reads', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,4/1/2026 10:00,65',
      '13800138000,13900139000,主叫,25/4/2026 10:00,65',
      '13800138000,13900139000,主叫,4/25/2026 10:00,65',
      '13800138000,13900139000,主叫,2026-04-02 10:00:00,65',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2026-04-01T02:00:00.000Z'],
      ['2026-04-25T02:00:00.000Z'],
      ['2026-04-25T02:00:00.000Z'],
      ['2026-04-02T02:00:00.000Z'],
    ]);
  });

  it('a month past 12 either way is still refused', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,13/13/2026 10:00,65',
    ]);
    expect(plan.problems.map((problem) => problem.problem)).toEqual(['dateTime']);
  });

  it('a period named above the list turns dates whose numbers are all 12 or less', async () => {
    const plan = await planned('transactions', [
      '账号：6230580000011112222',
      '查询期间：2026-04-01 至 2026-04-12',
      '交易时间,交易金额,借贷标志,对方账号',
      '01/04/2026 10:00:00,100.00,贷,6222020000000000001',
      '05/04/2026 10:00:00,100.00,贷,6222020000000000001',
      '12/04/2026 10:00:00,100.00,贷,6222020000000000001',
    ]);
    expect(pick(plan.sample, ['at'])).toEqual([
      ['2026-04-01T02:00:00.000Z'],
      ['2026-04-05T02:00:00.000Z'],
      ['2026-04-12T02:00:00.000Z'],
    ]);
    const calls = await planned('calls', [
      '查询月份：202604',
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13987654321,13812345678,主叫,01/04/2026 08:05,10',
      '13987654321,13812345678,主叫,03/04/2026 08:05,10',
    ]);
    expect(pick(calls.sample, ['startedAt'])).toEqual([
      ['2026-04-01T00:05:00.000Z'],
      ['2026-04-03T00:05:00.000Z'],
    ]);
  });
});
