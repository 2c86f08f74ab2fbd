import { cellText, parseDateAndTimeInstant, type Parsed } from './import-values';
import type { Cell } from './table-file';

/**
 * Times printed without their year (04-01 14:30:15, 4月1日 14:30), as a carrier's monthly 详单
 * and self-service prints give them: the year is the one of the period the lines above the
 * header (查询时间：2025-12-01 至 2026-02-28, 2026年04月通话详单) or the file's name
 * (话单_20260101-20260331.csv) name, in which the day falls. Without a period, or a day that
 * falls in none of its years, no time is read (no year is guessed).
 */
export interface Period {
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
}

const day = (year: number, month: number, date: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date written 2026-01-01, 2026/1/1, 2026.1.1, 2026年1月1日 or 20260101. */
const datePattern = String.raw`(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))`;
const rangePattern = new RegExp(
  String.raw`(?<!\d)${datePattern}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:至|到|~|～|—|--|-|_)\s*${datePattern}(?!\d)`,
);
const monthPattern = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/;

/** The period a text names: a range of two dates, else one month (2026年04月); else null. */
export function periodIn(text: string): Period | null {
  const range = rangePattern.exec(text);
  if (range) {
    const [from, to] = [1, 6].map((at) => {
      const year = Number(range[at]);
      const month = Number(range[at + 1] ?? range[at + 3]);
      const date = Number(range[at + 2] ?? range[at + 4]);
      return month >= 1 && month <= 12 && date >= 1 && date <= lastDay(year, month)
        ? day(year, month, date)
        : null;
    });
    if (from && to && from <= to) return { from, to };
  }
  const month = monthPattern.exec(text);
  if (month) {
    const [year, number] = [Number(month[1]), Number(month[2])];
    if (number >= 1 && number <= 12)
      return { from: day(year, number, 1), to: day(year, number, lastDay(year, number)) };
  }
  return null;
}

/** A month and day with the rest of the cell after them: 04-01 14:30:15, 4月1日14时30分, 04/01. */
const yearlessPattern = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?=$|[\sT]|\d{1,2}[:时])/;

/**
 * The text with its year put in from the period (2026-04-01 14:30:15 for 04-01 14:30:15), or
 * null when it has no month and day first or the day is in none of the period's years.
 */
export function withYear(text: string, period: Period): string | null {
  const found = yearlessPattern.exec(text.trim());
  if (!found) return null;
  const [month, date] = [Number(found[1]), Number(found[2])];
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  for (let year = first; year <= last; year += 1) {
    if (month < 1 || month > 12 || date > lastDay(year, month)) continue;
    const when = day(year, month, date);
    if (when >= period.from && when <= period.to)
      return `${when} ${text.trim().slice(found[0].length).trim()}`.trim();
  }
  return null;
}

/**
 * A date and time (or a time column holding both) without a year, read with the period's: the
 * answer `parseDateAndTimeInstant` gives the cells once the year is put in; null when they
 * are not a month and day.
 */
export function yearlessInstant(
  dateCell: Cell,
  timeCell: Cell,
  period: Period,
): Parsed<number> | null {
  if (dateCell !== null && cellText(dateCell) !== '') {
    const dated = typeof dateCell === 'string' ? withYear(dateCell, period) : null;
    return dated ? parseDateAndTimeInstant(dated, timeCell) : null;
  }
  const timed = typeof timeCell === 'string' ? withYear(timeCell, period) : null;
  return timed ? parseDateAndTimeInstant(null, timed) : null;
}
