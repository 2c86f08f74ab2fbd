import { describe, expect, it } from 'vitest';
import { parseDate, parseLocalDateTime } from '../../../electron/core/io/import-values';

describe('short digits in a date column', () => {
  it.each([
    // yymmdd, written or as a number cell.
    ['260603', '2026-06-02T16:00:00.000Z'],
    [260628, '2026-06-27T16:00:00.000Z'],
    // An Excel serial (with its time) is still one.
    [46_178.5, '2026-06-05T04:00:00.000Z'],
    ['46178', '2026-06-04T16:00:00.000Z'],
    // A year, a year and month, a day of no month: refused, not read as days since 1900.
    ['2026', null],
    [2026, null],
    ['199003', null],
    ['261340', null],
  ] as const)('%s → %s', (cell, iso) => {
    expect(parseLocalDateTime(cell)).toEqual(
      iso ? { ok: true, value: iso } : { ok: false, problem: 'dateTime' },
    );
  });

  it('birth dates: yymmdd in the nearer past, a year alone refused, none in the future', () => {
    expect(parseDate('900305')).toEqual({ ok: true, value: '1990-03-05' });
    expect(parseDate(900_305)).toEqual({ ok: true, value: '1990-03-05' });
    expect(parseDate('1990')).toEqual({ ok: false, problem: 'date' });
    expect(parseDate(1990)).toEqual({ ok: false, problem: 'date' });
    expect(parseDate('2990-01-01')).toEqual({ ok: false, problem: 'date' });
  });
});
