import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaDateOfUnix,
  chinaDayNumber,
  chinaMidnightOfDay,
  chinaMinute,
  isChinaMidnight,
} from '../../../electron/api/domain/china-time';

const unix = (iso: string) => Date.parse(iso) / 1000;

describe('China time', () => {
  it('gives the day in China of an instant: 16:00 UTC is the next day', () => {
    expect(chinaDate('2026-11-02T15:59:59.999Z')).toBe('2026-11-02');
    expect(chinaDate('2026-11-02T16:00:00.000Z')).toBe('2026-11-03');
    expect(chinaDateOfUnix(unix('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaDateOfUnix(unix('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
  });

  it('counts China days and finds their midnights', () => {
    const day = chinaDayNumber(unix('2026-11-03T01:00:00Z'));
    expect(day).toBe(chinaDayNumber(unix('2026-11-02T16:00:00Z')));
    expect(day - chinaDayNumber(unix('2026-11-02T15:59:59Z'))).toBe(1);
    expect(chinaMidnightOfDay(day)).toBe(unix('2026-11-02T16:00:00Z'));
    expect(isChinaMidnight(unix('2026-11-02T16:00:00Z'))).toBe(true);
    expect(isChinaMidnight(unix('2026-11-03T00:00:00Z'))).toBe(false);
  });

  it('writes an instant to the minute as China reads it', () => {
    expect(chinaMinute('2026-11-02T16:05:59.000Z')).toBe('2026-11-03 00:05');
  });
});
