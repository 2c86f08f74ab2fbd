import { describe, expect, it } from 'vitest';
import { parseDateAndTime } from '../../../electron/core/io/import-values';

/** 46082 is 2026-03-01 in Excel's 1900 system (day 0 = 1899-12-30, past its false 1900-02-29). */
describe('Excel serials written as text in a CSV', () => {
  it.each([
    // The one time column: a serial with its time of day, to the nearest second.
    [null, '46082.54167', '2026-03-01T05:00:00.000Z'],
    [null, '46082.5', '2026-03-01T04:00:00.000Z'],
    [null, '46082.375', '2026-03-01T01:00:00.000Z'],
    [null, '46082.5416666667', '2026-03-01T05:00:00.000Z'],
    // A whole serial alone is the day (as a number cell's is now too).
    [null, '46082', '2026-02-28T16:00:00.000Z'],
    [null, 46_082, '2026-02-28T16:00:00.000Z'],
    // The date's column: beside a fraction of a day, a clock, nothing; a number cell's day
    // beside a text fraction.
    ['46082', '0.54167', '2026-03-01T05:00:00.000Z'],
    ['46082', '0.5', '2026-03-01T04:00:00.000Z'],
    ['46082', '.5', '2026-03-01T04:00:00.000Z'],
    ['46082', '13:00:00', '2026-03-01T05:00:00.000Z'],
    ['46082', null, '2026-02-28T16:00:00.000Z'],
    [46_082, '0.54167', '2026-03-01T05:00:00.000Z'],
    // The whole serial in the time column beside its day.
    ['46082', '46082.54167', '2026-03-01T05:00:00.000Z'],
    // 2000-03-01 at midnight, China time: day 0 on 1899-12-30 takes up the leap bug's false
    // 1900-02-29 for every day after it.
    [null, '36586', '2000-02-29T16:00:00.000Z'],
  ] as const)('%s + %s → %s', (date, time, iso) => {
    expect(parseDateAndTime(date, time)).toEqual({ ok: true, value: iso });
  });

  it.each([
    // Before 1990, from 2100: no record's day.
    [null, '32873.5'],
    [null, '73051.5'],
    [null, '12345.5'],
    // A clock of five digits beside a date is none (04:60:82), nor a fraction past a day.
    ['46082', '46082'],
    ['46082', '1.5'],
    // A fraction beside a date written out: a dotted clock short of a digit as well (0.05).
    ['2026-03-01', '0.5'],
  ] as const)('%s + %s is refused', (date, time) => {
    expect(parseDateAndTime(date, time)).toEqual({ ok: false, problem: 'dateTime' });
  });

  it.each([
    // What read before reads the same: yyyymmdd, yyyymmddHHMMSS, Unix seconds and milliseconds.
    [null, '20260301', '2026-02-28T16:00:00.000Z'],
    [null, '20260301130000', '2026-03-01T05:00:00.000Z'],
    [null, '1772341200', '2026-03-01T05:00:00.000Z'],
    [null, '1772341200000', '2026-03-01T05:00:00.000Z'],
    ['20260301', '130000', '2026-03-01T05:00:00.000Z'],
    // 0.30 under a time is a clock with a dot (00:30), as before.
    ['20260301', '0.30', '2026-02-28T16:30:00.000Z'],
  ] as const)('%s + %s → %s, as before', (date, time, iso) => {
    expect(parseDateAndTime(date, time)).toEqual({ ok: true, value: iso });
  });
});
