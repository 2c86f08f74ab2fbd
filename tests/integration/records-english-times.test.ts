import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/** Lists dumped from Oracle or a Java system, their times with the month in English: refused before. */

const { planned } = previewsOnNewWorkspace();

describe('times with English months', () => {
  it('a call list of Oracle timestamps', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,01-APR-26 02.30.15.000000 PM,65',
      '13800138000,13900139000,被叫,01-APR-26 11.59.59.000000 PM,30',
    ]);
    expect(plan.validCount).toBe(2);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2026-04-01T06:30:15.000Z'],
      ['2026-04-01T15:59:59.000Z'],
    ]);
  });

  it('a statement whose 交易日期 is Oracle’s and 交易时间 apart', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易日期,交易时间,交易金额,借贷标志,对手账号',
      '6228480398271645312,01-APR-26,171647,1200.00,借,6222020200112233445',
      '6228480398271645312,Wed Apr 01 18:00:00 CST 2026,,300.00,贷,6222020200112233445',
    ]);
    expect(pick(plan.sample, ['at', 'direction'])).toEqual([
      ['2026-04-01T09:16:47.000Z', 'out'],
      ['2026-04-01T10:00:00.000Z', 'in'],
    ]);
  });

  it('a 时区 column beside roaming rows: the time is that zone’s; none, China’s', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,时区',
      '13800138000,+959123456789,主叫,2025-03-01 10:00:00,65,+06:30',
      '13800138000,+8562055512345,被叫,2025-03-01 10:00:00,65,GMT+7',
      '13800138000,13900139000,主叫,2025-03-01 10:00:00,65,',
      '13800138000,13900139000,主叫,2025-03-01 10:00:00,65,缅甸',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2025-03-01T03:30:00.000Z'],
      ['2025-03-01T03:00:00.000Z'],
      ['2025-03-01T02:00:00.000Z'],
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.field, problem.problem])).toEqual([
      [5, 'timeZone', 'dateTime'],
    ]);
  });
});
