import { cellText, parseDateAndTimeInstant, type Parsed } from './import-values';
import type { Cell } from './table-file';

/**
 * Times printed without their year (04-01 14:30:15, 4月1日 14:30), as a carrier's monthly 详单
 * and self-service prints give them: the year is the one of the period the lines above the
 * header (查询时间：2025-12-01 至 2026-02-28, 2026年04月通话详单) or the file's name
 * (话单_20260101-20260331.csv) name, in which the day falls. Without a period, or a day that
 * falls in none or in two of its years, no time is read (no year is guessed).
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
  'g',
);
/** What a range is the period of, by the words just before it. */
const periodLabel =
  /查询|起止|期间|时段|时间段|区间|账单|详单|话单|清单|明细|统计|交易日期|交易时间|通话时间/;
const otherLabel = /有效|证件|期限|套餐|合同|协议|签约|开户|入网|生日|出生/;
const monthPattern = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/;
/** Two months: 2025年12月至2026年01月, 2025-12至2026-01, 账期：202512-202601. */
const monthRangePattern =
  /(?<!\d)(\d{4})\s*(?:年\s*|[-/.]\s*)?(\d{1,2})\s*月?\s*(?:至|到|~|～|—|--|-)\s*(\d{4})\s*(?:年\s*|[-/.]\s*)?(\d{1,2})\s*月?(?![\d日])/;
/** A month labelled as the list's, written in digits: 查询月份：202604, 账期: 2026-04. */
const labelledMonthPattern =
  /(?:查询月份|查询账期|账期|计费月份?|账单月份?|详单月份?|话单月份?|月份)\s*[:：]?\s*(\d{4})\s*[-/.]?\s*(\d{1,2})(?![\d/.-])/;

/**
 * The period a text names: a range of two dates, else of two months, else one month
 * (2026年04月); else null.
 */
export function periodIn(text: string): Period | null {
  // A range labelled as the list's period (查询时间：…) is taken; one labelled as something
  // else (证件有效期 2016.05.01-2036.05.01) never; of the unlabelled, only a range alone.
  const labelled: Period[] = [];
  const plain: Period[] = [];
  for (const range of text.matchAll(rangePattern)) {
    const [from, to] = [1, 6].map((at) => {
      const year = Number(range[at]);
      const month = Number(range[at + 1] ?? range[at + 3]);
      const date = Number(range[at + 2] ?? range[at + 4]);
      return month >= 1 && month <= 12 && date >= 1 && date <= lastDay(year, month)
        ? day(year, month, date)
        : null;
    });
    if (!from || !to || from > to) continue;
    const before = text
      .slice(Math.max(0, range.index - 12), range.index)
      .split(/[\t\n,，;；]/)
      .pop()!;
    if (otherLabel.test(before)) continue;
    (periodLabel.test(before) ? labelled : plain).push({ from, to });
  }
  if (labelled.length) return labelled[0]!;
  if (plain.length === 1) return plain[0]!;
  if (plain.length > 1) return null;
  // A range of months (查询月份：2025年12月至2026年01月): from the first day of one to the last
  // of the other (its January rows had been read in no year and refused).
  const months = monthRangePattern.exec(text);
  const monthsLabel = months
    ? text
        .slice(Math.max(0, months.index - 12), months.index)
        .split(/[\t\n,，;；]/)
        .pop()!
    : '';
  if (months) {
    // A range of a contract's months (套餐有效期), or backwards: no period, nor its first month.
    if (otherLabel.test(monthsLabel)) return null;
    const [fromYear, fromMonth, toYear, toMonth] = months.slice(1, 5).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (
      fromMonth >= 1 &&
      fromMonth <= 12 &&
      toMonth >= 1 &&
      toMonth <= 12 &&
      fromYear * 12 + fromMonth <= toYear * 12 + toMonth
    )
      return {
        from: day(fromYear, fromMonth, 1),
        to: day(toYear, toMonth, lastDay(toYear, toMonth)),
      };
    return null;
  }
  const month = monthPattern.exec(text) ?? labelledMonthPattern.exec(text);
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
  // The one year of the period the day falls in; in two (a period of more than a year), none.
  const days: string[] = [];
  for (let year = first; year <= last; year += 1) {
    if (month < 1 || month > 12 || date > lastDay(year, month)) continue;
    const when = day(year, month, date);
    if (when >= period.from && when <= period.to) days.push(when);
  }
  return days.length === 1
    ? `${days[0]} ${text.trim().slice(found[0].length).trim()}`.trim()
    : null;
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
