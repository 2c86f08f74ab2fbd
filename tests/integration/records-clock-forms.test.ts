import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A time column beside a date column that writes hours and minutes as four digits (1430): its
 * times were read as 00:14:30, every call and payment put in the first hour after midnight.
 */

const { planned } = previewsOnNewWorkspace();

/** Ten more calls of four-digit clocks: a list of a dozen is no extract of one hour past midnight. */
const tenMore = Array.from(
  { length: 10 },
  (_, index) => `13800138000,13900139000,被叫,20260402,${1000 + index * 100},30`,
);

describe('clocks of four digits beside a date', () => {
  it('a call list whose 通话时间 is HHMM', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话日期,通话时间,通话时长',
      '13800138000,13900139000,主叫,20260401,1430,65',
      '13800138000,13900139000,被叫,20260401,905,30',
      '13800138000,13900139000,被叫,20260401,2359,30',
      ...tenMore,
    ]);
    expect(pick(plan.sample.slice(0, 3), ['startedAt'])).toEqual([
      ['2026-04-01T06:30:00.000Z'],
      ['2026-04-01T01:05:00.000Z'],
      ['2026-04-01T15:59:00.000Z'],
    ]);
  });

  it('a statement whose 交易时间 is HHMM', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易日期,交易时间,交易金额,借贷标志,对手账号',
      '6228480398271645312,20260401,1716,1200.00,借,6222020200112233445',
      '6228480398271645312,20260402,0815,300.00,贷,6222020200112233445',
    ]);
    expect(pick(plan.sample, ['at'])).toEqual([
      ['2026-04-01T09:16:00.000Z'],
      ['2026-04-02T00:15:00.000Z'],
    ]);
  });

  it('a few short clocks alone stay hhmmss (calls just after midnight)', async () => {
    const plan = await planned('calls', [
      '本机号码,日期,时间,对方号码,通话时长,呼叫类型',
      '13800138000,20260401,1530,13900139000,65,主叫',
      '13800138000,20260401,2210,13900139001,30,被叫',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2026-03-31T16:15:30.000Z'],
      ['2026-03-31T16:22:10.000Z'],
    ]);
  });

  it('one clock of five digits says hhmmss: the short ones stay in the first hour', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话日期,通话时间,通话时长',
      '13800138000,13900139000,主叫,20260401,1430,65',
      '13800138000,13900139000,被叫,20260401,91647,30',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2026-03-31T16:14:30.000Z'],
      ['2026-04-01T01:16:47.000Z'],
    ]);
  });

  it('a minute past 59 under HHMM (4530, no hour 45) says hhmmss', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话日期,通话时间,通话时长',
      '13800138000,13900139000,主叫,20260401,1430,65',
      '13800138000,13900139000,被叫,20260401,4530,30',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2026-03-31T16:14:30.000Z'],
      ['2026-03-31T16:45:30.000Z'],
    ]);
  });
});
