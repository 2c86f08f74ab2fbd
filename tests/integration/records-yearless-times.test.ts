import { describe, expect, it } from 'vitest';
import { periodIn, withYear } from '../../electron/core/io/yearless-dates';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Times printed without their year (04-01 14:30:15) under a period named above the header or
 * in the file's name: refused before; never given a guessed year.
 */

const { planned, preview } = previewsOnNewWorkspace();

describe('times without a year', () => {
  it('the period named above the header gives the year, across New Year too', async () => {
    const plan = await planned('calls', [
      '13800138000 通话详单',
      '查询时间：2025-12-01 至 2026-02-28',
      '对方号码,呼叫类型,通话时间,通话时长',
      '13900139000,主叫,12-31 23:59:00,65',
      '13900139000,被叫,01-01 00:01:00,30',
      '13900139000,被叫,2月3日 8:05,30',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2025-12-31T15:59:00.000Z'],
      ['2025-12-31T16:01:00.000Z'],
      ['2026-02-03T00:05:00.000Z'],
    ]);
  });

  it('a monthly 详单 (2026年04月) and a date column without a year', async () => {
    const plan = await planned('calls', [
      '2026年04月 通话详单',
      '本机号码,对方号码,呼叫类型,日期,时间,通话时长',
      '13800138000,13900139000,主叫,04-01,14:30:15,65',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([['2026-04-01T06:30:15.000Z']]);
  });

  it('the period in the file’s name', async () => {
    const plan = await planned(
      'calls',
      ['对方号码,呼叫类型,通话时间,通话时长', '13900139000,主叫,03-05 10:00:00,65'],
      { fileName: '话单_13800138000_20260101-20260331.csv' },
    );
    expect(pick(plan.sample, ['caller', 'startedAt'])).toEqual([
      ['13800138000', '2026-03-05T02:00:00.000Z'],
    ]);
  });

  it('no period, or a day outside it: refused, no year guessed', async () => {
    const none = await preview('calls', [
      '本机号码,对方号码,呼叫类型,通话时间,通话时长',
      '13800138000,13900139000,主叫,04-01 14:30:15,65',
    ]);
    expect(none.ok && none.value.problems.map((problem) => problem.problem)).toEqual(['dateTime']);
    const outside = await preview('calls', [
      '查询时间：2026-01-01 至 2026-03-31',
      '本机号码,对方号码,呼叫类型,通话时间,通话时长',
      '13800138000,13900139000,主叫,04-01 14:30:15,65',
    ]);
    expect(outside.ok && outside.value.problems.map((problem) => problem.problem)).toEqual([
      'dateTime',
    ]);
  });

  it('periods as written', () => {
    expect(periodIn('起止日期：2026年1月1日至2026年3月31日')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(periodIn('20260101-20260331')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodIn('2026-02-01 00:00:00 ~ 2026-02-28 23:59:59')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodIn('2026年2月')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodIn('客户号码：13987654321\t查询月份：202604')).toEqual({
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(periodIn('账期: 2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // Two months: from the first day of one to the last of the other.
    expect(periodIn('查询月份：2025年12月至2026年01月')).toEqual({
      from: '2025-12-01',
      to: '2026-01-31',
    });
    expect(periodIn('账期：202512-202601')).toEqual({ from: '2025-12-01', to: '2026-01-31' });
    expect(periodIn('查询月份：2025-12至2026-02')).toEqual({
      from: '2025-12-01',
      to: '2026-02-28',
    });
    expect(periodIn('套餐有效期：2025年12月至2026年11月')).toBeNull();
    expect(periodIn('2026年03月至2026年01月')).toBeNull();
    expect(periodIn('客户号码：13987654321')).toBeNull();
    expect(periodIn('打印日期 2026年2月5日')).toBeNull();
    expect(periodIn('2026-03-31 至 2026-01-01')).toBeNull();
    // A card's validity is no period; the query's is, wherever it stands.
    expect(
      periodIn(
        '机主姓名：张三\t证件有效期：2016.05.01-2036.05.01\n查询时间：2026-01-01 至 2026-03-31',
      ),
    ).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodIn('证件有效期：2016.05.01-2036.05.01')).toBeNull();
    // Two unlabelled ranges: which is the list's is not known.
    expect(periodIn('2026-01-01至2026-03-31 2025-01-01至2025-12-31')).toBeNull();
    // A day that falls in two years of a long period gets neither.
    expect(withYear('03-15 14:30:15', { from: '2025-01-01', to: '2026-06-30' })).toBeNull();
    expect(withYear('02-29 10:00', { from: '2024-01-01', to: '2025-12-31' })).toBe(
      '2024-02-29 10:00',
    );
  });

  it('a month and day in a date column of their own, the month named as 查询月份：202604', async () => {
    const plan = await planned('calls', [
      '中国移动 客户详单',
      '客户号码：13987654321,查询月份：202604',
      '日期,起始时间,通信地点,通信方式,对方号码,通信时长,通信类型',
      '04月01日,08:00:00,昆明,主叫,13812345678,1分23秒,本地',
      '4月2日,09:00:00,昆明,被叫,13812345678,2分5秒,本地',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['startedAt', 'durationSeconds'])).toEqual([
      ['2026-04-01T00:00:00.000Z', '83'],
      ['2026-04-02T01:00:00.000Z', '125'],
    ]);
  });
});
