import { describe, expect, it } from 'vitest';
import { givesDayAlone } from '../../../electron/core/io/day-alone';

describe('a date cell that gives the day alone', () => {
  it('dates without a time of day, and nothing in the time column', () => {
    for (const cell of [
      '2024-03-06',
      '2024/3/6',
      '2024年3月6日',
      '２０２４-０３-０６',
      '20240306',
      20240306,
      45357,
      // An Excel serial a CSV saved as text.
      '45357',
      '06/03/2024',
      '06-MAR-24',
      'Mar 6 2024',
      '06MAR2024',
      new Date(Date.UTC(2024, 2, 6)),
    ])
      expect([cell, givesDayAlone(cell, null)]).toEqual([cell, true]);
  });

  it('anything with a time, or a time column filled, is timed', () => {
    for (const cell of [
      '2024-03-06 00:00:00',
      '2024-03-06 14:22',
      '20240306142210',
      '2024-03-06T00:00',
      '01-APR-26 02.30.15.000000 PM',
      45357.5,
      '45357.5',
      new Date(Date.UTC(2024, 2, 6, 14, 22)),
      null,
    ])
      expect([cell, givesDayAlone(cell, null)]).toEqual([cell, false]);
    expect(givesDayAlone('2024-03-06', '00:00:00')).toBe(false);
    expect(givesDayAlone('2024-03-06', '')).toBe(true);
  });
});
