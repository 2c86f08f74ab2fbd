import { describe, expect, it } from 'vitest';
import { parseDateAndTime, parseLocalDateTime } from '../../../electron/core/io/import-values';

/** Times as database dumps write them: Unix seconds or milliseconds, milliseconds after a colon. */
describe('epoch times and milliseconds', () => {
  it.each([
    // Unix seconds and milliseconds: an instant, in UTC.
    ['1764547200', '2025-12-01T00:00:00.000Z'],
    [1764547200, '2025-12-01T00:00:00.000Z'],
    ['1775035007', '2026-04-01T09:16:47.000Z'],
    // To the second, as a time with its milliseconds written out is read.
    ['1775035007923', '2026-04-01T09:16:47.000Z'],
    [1775035007923, '2026-04-01T09:16:47.000Z'],
    // Milliseconds after a colon or a dot: China time, to the second.
    ['2026-04-01 17:16:47:123', '2026-04-01T09:16:47.000Z'],
    ['2026-04-01 17:16:47.123', '2026-04-01T09:16:47.000Z'],
    ['2026/4/1 17:16:47:123', '2026-04-01T09:16:47.000Z'],
    // Eight digits are a date, never a second.
    ['20260401', '2026-03-31T16:00:00.000Z'],
  ])('%s is %s', (cell, iso) => {
    expect(parseLocalDateTime(cell)).toEqual({ ok: true, value: iso });
  });

  it.each([
    // Ten digits from 19… on may be a date and an hour (2026040117): no time clearly.
    '2026040117',
    '1900000000',
    '0999999999',
    '999999999',
    '2026040117000',
    '17750350071',
    '2026-04-01 17:16:47:12',
    '2026-04-01 17:16:47:1234',
  ])('%s is refused', (cell) => {
    expect(parseLocalDateTime(cell)).toEqual({ ok: false, problem: 'dateTime' });
  });

  it('in a time column beside a date: the epoch alone, or a clock with its milliseconds', () => {
    expect(parseDateAndTime(null, '1775035007')).toEqual({
      ok: true,
      value: '2026-04-01T09:16:47.000Z',
    });
    expect(parseDateAndTime('2026-04-01', '1775035007')).toEqual({
      ok: true,
      value: '2026-04-01T09:16:47.000Z',
    });
    expect(parseDateAndTime('20260401', '17:16:47:123')).toEqual({
      ok: true,
      value: '2026-04-01T09:16:47.000Z',
    });
    expect(parseDateAndTime('20260401', '17:16:47.123')).toEqual({
      ok: true,
      value: '2026-04-01T09:16:47.000Z',
    });
  });
});
