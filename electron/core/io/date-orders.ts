import type { ImportRecords } from './import-plan';
import type { Cell } from './table-file';
import type { Period } from './yearless-dates';
import { chinaDateOfUnix, chinaOffsetSeconds } from '../../api/domain/china-time';

/**
 * Dates written with their year last (4/1/2026 17:16, 01.04.2026), as an English-language Excel
 * or a foreign bank prints them: whether the month or the day comes first is the file's, not the
 * cell's. A cell alone is read month first after slashes (Excel's en-US m/d/yyyy) and day first
 * after dots or dashes (dd.mm.yyyy), either way where its first number is past 12. Counted over
 * the whole file: a first number past 12 somewhere (31/3/2026) says day first, a second one past
 * 12 (3/31/2026) says month first; where the file says one and its cells were read the other way,
 * every date that could be read both ways is turned round once the file is read.
 */
export interface DateOrders {
  /** Year-last dates with slashes. */
  slashes: number;
  /** Year-last dates with dots or dashes. */
  dotsOrDashes: number;
  /** Dates written any other way (2026-04-01, a date cell): the file's order is then not one. */
  other: number;
  /** A first number past 12: day first. */
  dayFirst: boolean;
  /** A second number past 12: month first. */
  monthFirst: boolean;
  /**
   * The lines (of a call list) whose date is year-last and could be read either way (01/04/2026):
   * a file with dates written more than one way reads each by the dates around it.
   */
  ambiguousLines: number[];
  /**
   * The lines (of a call list or a statement) whose date is two digits each with dashes
   * (26-04-01, 01-04-26): read year first, and turned where the file's other dates say the
   * year is last (`turnShortYearRows`).
   */
  shortYearLines: number[];
}

/** A date with its year last, and the rest of the cell (its time) after it. */
const yearLastPattern = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?=$|[ T])/;

/**
 * A date of two digits each with dashes, and what follows it: read year first (26-04-01), as
 * Chinese systems print it, until the file's other dates say otherwise. With slashes (01/04/26)
 * it is as often an English day or month first, and left alone.
 */
const shortYearPattern = /^(\d{2})-(\d{2})-(\d{2})(?=$|[ T])/;

/** The cell's two-digit date with its year first and in full (2026-04-01 for 26-04-01), or null. */
export function shortYearFirst(text: string): string | null {
  const match = shortYearPattern.exec(text);
  return match ? `20${match[1]}-${match[2]}-${match[3]}${text.slice(match[0].length)}` : null;
}

/** The cell's date written year first (2026-4-1 17:16 for 4/1/2026 17:16), or null. */
export function yearFirst(text: string): string | null {
  const match = yearLastPattern.exec(text);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  const dayFirst = first > 12 || (match[2] !== '/' && second <= 12);
  const [month, day] = dayFirst ? [second, first] : [first, second];
  return `${match[4]}-${month}-${day}${text.slice(match[0].length)}`;
}

export function dateOrders(): DateOrders {
  return {
    slashes: 0,
    dotsOrDashes: 0,
    other: 0,
    dayFirst: false,
    monthFirst: false,
    ambiguousLines: [],
    shortYearLines: [],
  };
}

const separator = (code: number) => code === 47 || code === 46 || code === 45;

/** Counts the cell a row's date is read from (`line`: the row's, in a call list or a statement). */
export function countDateOrder(orders: DateOrders, cell: Cell, line?: number): void {
  if (cell === null || cell === '') return;
  const text = typeof cell === 'string' ? cell.trim() : '';
  // Most dates begin with their year: no pattern is tried on them.
  const match =
    separator(text.charCodeAt(1)) || separator(text.charCodeAt(2))
      ? yearLastPattern.exec(text)
      : null;
  if (!match) {
    orders.other += 1;
    if (line !== undefined && shortYearPattern.test(text)) orders.shortYearLines.push(line);
    return;
  }
  if (match[2] === '/') orders.slashes += 1;
  else orders.dotsOrDashes += 1;
  const [first, second] = [Number(match[1]), Number(match[3])];
  if (first > 12) orders.dayFirst = true;
  if (second > 12) orders.monthFirst = true;
  if (line !== undefined && first <= 12 && second <= 12 && first !== second)
    orders.ambiguousLines.push(line);
}

/** Two halves' counts as one file's. */
export function joinDateOrders(first?: DateOrders, second?: DateOrders): DateOrders | undefined {
  if (!first || !second) return first ?? second;
  return {
    slashes: first.slashes + second.slashes,
    dotsOrDashes: first.dotsOrDashes + second.dotsOrDashes,
    other: first.other + second.other,
    dayFirst: first.dayFirst || second.dayFirst,
    monthFirst: first.monthFirst || second.monthFirst,
    ambiguousLines: first.ambiguousLines.concat(second.ambiguousLines),
    shortYearLines: first.shortYearLines.concat(second.shortYearLines),
  };
}

/**
 * Whether the file's dates were read the other way round from the order it shows: slashes read
 * month first in a file that shows day first, dots or dashes read day first in one that shows
 * month first. A file that shows both, or writes its dates more than one way, is left as read.
 */
function readTheOtherWay(orders: DateOrders | undefined): boolean {
  if (!orders || orders.other || orders.dayFirst === orders.monthFirst) return false;
  if (orders.slashes && !orders.dotsOrDashes) return orders.dayFirst;
  if (orders.dotsOrDashes && !orders.slashes) return orders.monthFirst;
  return false;
}

/**
 * A time read with its month and day the wrong way round, turned: only a day of 12 or less was
 * read that way (a larger first number was read as the day already).
 */
function turnedUnix(readUnix: number): number {
  const local = new Date((readUnix + chinaOffsetSeconds) * 1000);
  const day = local.getUTCDate();
  if (day > 12) return readUnix;
  const turned = Date.UTC(
    local.getUTCFullYear(),
    day - 1,
    local.getUTCMonth() + 1,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  );
  return turned / 1000 - chinaOffsetSeconds;
}

/**
 * Whether a file whose dates show no order (no number past 12) is turned by the period named
 * above it (查询月份：202604): every date turned falls in the period, not every date as read.
 */
function periodTurns(data: ImportRecords, orders: DateOrders, period: Period): boolean {
  if (orders.other || orders.dayFirst || orders.monthFirst) return false;
  if (!!orders.slashes === !!orders.dotsOrDashes) return false;
  const times =
    data.template === 'calls'
      ? Array.from(data.records.startedUnix.subarray(0, data.records.length))
      : data.template === 'transactions'
        ? data.records.map((record) => Date.parse(record.at) / 1000)
        : [];
  const within = (unix: number) => {
    const day = chinaDateOfUnix(unix);
    return day >= period.from && day <= period.to;
  };
  return (
    times.length > 0 && !times.every(within) && times.every((unix) => within(turnedUnix(unix)))
  );
}

/** A call list's or a statement's rows: each one's line and time (Unix seconds). */
interface DatedRows {
  length: number;
  line(index: number): number;
  unix(index: number): number;
  setUnix(index: number, unix: number): void;
}

function datedRows(data: ImportRecords): DatedRows | null {
  if (data.template === 'calls') {
    const { startedUnix, line, length } = data.records;
    return {
      length,
      line: (index) => line[index]!,
      unix: (index) => startedUnix[index]!,
      setUnix: (index, unix) => {
        startedUnix[index] = unix;
      },
    };
  }
  if (data.template === 'transactions') {
    const records = data.records;
    return {
      length: records.length,
      line: (index) => records[index]!.line,
      unix: (index) => Date.parse(records[index]!.at) / 1000,
      setUnix: (index, unix) => {
        records[index]!.at = new Date(unix * 1000).toISOString();
      },
    };
  }
  return null;
}

/** The instant of a day in China and a second of that day; null where there is no such day. */
function chinaInstant(year: number, month: number, day: number, second: number): number | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / 1000 + second - chinaOffsetSeconds;
}

/**
 * Rows whose date is two digits each with dashes (01-04-26), read year first (2001-04-26), in a
 * file whose other dates are in the year of its last two digits (2026): read with the year last.
 * Day first, as dashes are read, where the file's dates say so (a first number past 12:
 * 13-04-26) or say nothing and the day-first date falls within the other rows' days; month
 * first where the file says so (4/13/2026) or only that date falls within them (the rule of
 * `turnAmbiguousRows`). 01-04-26 in a list of April 2026 had been stored as 26 April 2001.
 */
function turnShortYearRows(
  rows: DatedRows,
  orders: DateOrders,
  within: (unix: number) => boolean,
  years: [number, number],
): void {
  const lines = new Set(orders.shortYearLines);
  const ofTheFile = (year: number) => year >= years[0] && year <= years[1];
  const found: { index: number; parts: [number, number, number]; second: number }[] = [];
  let dayFirstSaid = orders.dayFirst;
  for (let index = 0; index < rows.length; index += 1) {
    if (!lines.has(rows.line(index))) continue;
    const local = new Date((rows.unix(index) + chinaOffsetSeconds) * 1000);
    const first = local.getUTCFullYear() - 2000;
    const [second, last] = [local.getUTCMonth() + 1, local.getUTCDate()];
    if (ofTheFile(2000 + first) || !ofTheFile(2000 + last)) continue;
    if (first > 12) dayFirstSaid = true;
    const secondOfDay = Math.round(rows.unix(index) + chinaOffsetSeconds) % 86_400;
    found.push({ index, parts: [first, second, last], second: secondOfDay });
  }
  const said = dayFirstSaid === orders.monthFirst ? null : dayFirstSaid ? 'day' : 'month';
  for (const { index, parts, second } of found) {
    const [first, middle, year] = [parts[0], parts[1], 2000 + parts[2]];
    const dayFirst = chinaInstant(year, middle, first, second);
    const monthFirst = chinaInstant(year, first, middle, second);
    const chosen =
      said === 'day'
        ? dayFirst
        : said === 'month'
          ? monthFirst
          : dayFirst !== null && (within(dayFirst) || monthFirst === null || !within(monthFirst))
            ? dayFirst
            : monthFirst;
    if (chosen !== null) rows.setUnix(index, chosen);
  }
}

/**
 * A call list's or a statement's rows whose date could be read either way (01/04/2026), in a
 * file whose other dates leave no doubt (2026-04-01, 2026年4月1日, 13/04/2026): a row read outside
 * the days those dates span, and inside them turned round, is turned. The file's own dates show
 * its order where the year-last ones alone show none; 01/04/2026 among rows of 2026-04-01 had
 * been read as 4 January, a row three months off in a list of one morning (and a statement's,
 * until the rule was theirs too). A row inside the span, or outside it either way, is left as
 * read. Run once the whole file is read: rows read before its order was known (a streamed
 * list, the halves of a parser thread) are re-dated here. Two-digit dates with the year last
 * are read first, by the same span (`turnShortYearRows`).
 */
function turnAmbiguousRows(data: ImportRecords, orders: DateOrders): void {
  if (!orders.ambiguousLines.length && !orders.shortYearLines.length) return;
  const rows = datedRows(data);
  if (!rows) return;
  const ambiguous = new Set(orders.ambiguousLines);
  const shortYear = new Set(orders.shortYearLines);
  const dayOf = (unix: number) => chinaDateOfUnix(unix);
  let [from, to] = ['', ''];
  for (let index = 0; index < rows.length; index += 1) {
    const line = rows.line(index);
    if (ambiguous.has(line) || shortYear.has(line)) continue;
    const day = dayOf(rows.unix(index));
    if (!from || day < from) from = day;
    if (!to || day > to) to = day;
  }
  if (!from) return;
  const within = (unix: number) => dayOf(unix) >= from && dayOf(unix) <= to;
  if (shortYear.size)
    turnShortYearRows(rows, orders, within, [Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
  for (let index = 0; index < rows.length; index += 1) {
    const unix = rows.unix(index);
    if (!ambiguous.has(rows.line(index)) || within(unix)) continue;
    const turned = turnedUnix(unix);
    if (within(turned)) rows.setUnix(index, turned);
  }
}

/**
 * Turns every date of a file read the other way round from its order, or from the period named
 * above it where the dates show none (after the halves are joined); where neither says, a call
 * list's or a statement's dates that could be read either way by the file's other dates
 * (`turnAmbiguousRows`).
 */
export function settleDateOrders(
  data: ImportRecords,
  orders: DateOrders | undefined,
  period?: Period | null,
): void {
  if (!orders) return;
  if (!readTheOtherWay(orders) && !(period && periodTurns(data, orders, period))) {
    turnAmbiguousRows(data, orders);
    return;
  }
  if (data.template === 'calls') {
    const { startedUnix, length } = data.records;
    for (let index = 0; index < length; index += 1)
      startedUnix[index] = turnedUnix(startedUnix[index]!);
  } else if (data.template === 'transactions')
    for (const record of data.records)
      record.at = new Date(turnedUnix(Date.parse(record.at) / 1000) * 1000).toISOString();
}
