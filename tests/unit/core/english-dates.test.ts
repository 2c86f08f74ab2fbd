import { describe, expect, it } from 'vitest';
import {
  parseDate,
  parseDateAndTime,
  parseLocalDateTime,
} from '../../../electron/core/io/import-values';

/** Times with the month in English, as Oracle, Java and US systems dump them. */
describe('months written in English', () => {
  it.each([
    // Oracle's default TIMESTAMP and DATE forms (China time, no zone written).
    ['01-APR-26 02.30.15.000000 PM', '2026-04-01T06:30:15.000Z'],
    ['01-APR-26 12.05.00.000000 AM', '2026-03-31T16:05:00.000Z'],
    ['01-APR-2026 14:30:15', '2026-04-01T06:30:15.000Z'],
    ['1-Apr-26', '2026-03-31T16:00:00.000Z'],
    // Java's Date.toString() on a Chinese server: CST is China Standard Time.
    ['Wed Apr 01 14:30:15 CST 2026', '2026-04-01T06:30:15.000Z'],
    ['Wed Apr 01 14:30:15 GMT+08:00 2026', '2026-04-01T06:30:15.000Z'],
    ['Wed Apr 01 06:30:15 UTC 2026', '2026-04-01T06:30:15.000Z'],
    // US and British forms.
    ['Apr 1, 2026 2:30:15 PM', '2026-04-01T06:30:15.000Z'],
    ['April 1, 2026', '2026-03-31T16:00:00.000Z'],
    ['1 April 2026 14:30', '2026-04-01T06:30:00.000Z'],
    ['2026-Apr-01 14:30:15', '2026-04-01T06:30:15.000Z'],
    // SQL Server's default, with its milliseconds; SAS's DATETIME; words between.
    ['Apr  1 2026  2:30PM', '2026-04-01T06:30:00.000Z'],
    ['Apr 1 2026 12:00AM', '2026-03-31T16:00:00.000Z'],
    ['Apr 1 2026 2:30:15:123PM', '2026-04-01T06:30:15.000Z'],
    ['01APR2026:14:30:15', '2026-04-01T06:30:15.000Z'],
    ['April 1st, 2026 at 2:30 PM', '2026-04-01T06:30:00.000Z'],
    // The date's digits before a clock with colons; China time named CST.
    ['20260401 10:10', '2026-04-01T02:10:00.000Z'],
    ['2026/04/01 10:10:10 CST', '2026-04-01T02:10:10.000Z'],
    // Apache's log time with its offset.
    ['01/Apr/2026:14:30:15 +0800', '2026-04-01T06:30:15.000Z'],
    // Refused: no day, a day past the month, two months, 13 PM, a zone this cannot place.
    ['Apr 2026', null],
    ['31-APR-26', null],
    ['Apr May 1 2026', null],
    ['Apr 1, 2026 13:00 PM', null],
    ['Wed Apr 01 14:30:15 EST 2026', null],
    ['01-FOO-26', null],
  ] as const)('%s → %s', (text, iso) => {
    expect(parseLocalDateTime(text)).toEqual(
      iso ? { ok: true, value: iso } : { ok: false, problem: 'dateTime' },
    );
  });

  it('a date column in English beside a time column', () => {
    expect(parseDateAndTime('01-APR-26', '14:30:15')).toEqual({
      ok: true,
      value: '2026-04-01T06:30:15.000Z',
    });
    expect(parseDateAndTime('', 'Wed Apr 01 14:30:15 CST 2026')).toEqual({
      ok: true,
      value: '2026-04-01T06:30:15.000Z',
    });
  });

  it('a birth date in English', () => {
    expect(parseDate('05-MAR-90')).toEqual({ ok: true, value: '1990-03-05' });
  });
});
