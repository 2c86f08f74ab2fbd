import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMoney,
  formatQuantity,
  kilograms,
} from '../../../electron/api/i18n/chinese-format';

describe('Chinese figures for briefings', () => {
  it('writes dates as 年月日 without leading zeros', () => {
    const zone = 'Asia/Shanghai';
    expect(formatDate('2026-03-05', 'zh-CN', zone)).toBe('2026年3月5日');
    expect(formatDate('2026-11-23T08:00:00.000Z', 'zh-CN', zone)).toBe('2026年11月23日');
    expect(formatDate('2026-03-05', 'en', zone)).toBe('2026-03-05');
    expect(formatDate(null, 'zh-CN', zone)).toBe('');
  });

  it('writes an instant on its calendar day in the given zone, a day as it is', () => {
    // 03:15 on the 24th in Beijing is 19:15 on the 23rd in UTC.
    expect(formatDate('2026-03-23T19:15:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月24日');
    expect(formatDate('2026-03-23T19:15:00.000Z', 'zh-CN', 'UTC')).toBe('2026年3月23日');
    expect(formatDate('2026-03-23T19:15:00.000Z', 'en', 'Asia/Urumqi')).toBe('2026-03-24');
    expect(formatDate('2026-03-24', 'zh-CN', 'America/Los_Angeles')).toBe('2026年3月24日');
  });

  it('keeps every milligram of a total', () => {
    expect(formatQuantity(26_000_000, 'mg', 'zh-CN')).toBe('26 千克');
    expect(formatQuantity(25_619_000, 'mg', 'zh-CN')).toBe('25.619 千克');
    expect(formatQuantity(25_619_001, 'mg', 'zh-CN')).toBe('25.619001 千克');
    expect(formatQuantity(118_600, 'mg', 'zh-CN')).toBe('118.6 克');
    expect(formatQuantity(350, 'mg', 'zh-CN')).toBe('350 毫克');
    expect(formatQuantity(1_250, 'ml', 'zh-CN')).toBe('1.25 升');
    expect(formatQuantity(40, 'count', 'zh-CN')).toBe('40 粒');
    expect(formatQuantity(178_000_000_000, 'mg', 'en')).toBe('178000 kg');
  });

  it('writes money in 万元 from ten thousand yuan up, exactly', () => {
    expect(formatMoney(123_500_00, 'zh-CN')).toBe('12.35 万元');
    expect(formatMoney(850_000, 'zh-CN')).toBe('8500 元');
    expect(formatMoney(1_250, 'zh-CN')).toBe('12.5 元');
    expect(formatMoney(1_000_001, 'zh-CN')).toBe('1.000001 万元');
    expect(formatMoney(1_250, 'en')).toBe('¥12.5');
  });

  it('gives kilograms for statistics columns', () => {
    expect(kilograms(25_619_000)).toBe('25.619');
    expect(kilograms(500)).toBe('0.0005');
  });
});
