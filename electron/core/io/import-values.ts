import { yuanToFen } from '../../api/domain/quantity';
import { shortYearFirst, yearFirst } from './date-orders';
import { englishDateTime } from './english-dates';
import { epochMs, withoutMillis } from './epoch-times';
import type { Cell } from './table-file';
import { chinaDate, chinaOffsetMs } from '../../api/domain/china-time';

/** Why a value was refused; the UI translates each. */
export type ValueProblem =
  | 'required'
  | 'phone'
  | 'dateTime'
  | 'date'
  | 'duration'
  | 'amount'
  | 'idNumber'
  | 'gender'
  | 'sameEnds'
  | 'coordinate'
  | 'callType'
  | 'debitCredit'
  | 'notCompleted'
  | 'preAuthorisation'
  | 'noMoney'
  | 'twoSides'
  | 'flagBelied'
  | 'extraCells'
  | 'otherOwner'
  | 'idTwoNames'
  | 'accountTwoNames'
  | 'swallowedRows'
  | 'idGender'
  | 'idBirthDate'
  | 'currency'
  | 'neutral'
  | 'dayAlone'
  | 'dayFraction'
  | 'balanceGapAmbiguous'
  | 'balanceGapTooLong'
  | 'balanceOldestRow'
  | 'truncated'
  | 'scientific'
  | 'columns'
  | 'labelAsName'
  | 'mergedQuantity'
  | 'mergedPerson'
  | 'seizureRecorded'
  // Seizure ledgers (缴获/扣押物品登记表).
  | 'drug'
  | 'drugAmbiguous'
  | 'quantity'
  | 'unit'
  | 'content'
  | 'weightBasis'
  | 'purity'
  | 'implausible'
  | 'caseNo'
  | 'holder'
  | 'holderAmbiguous'
  | 'holderMismatch';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

/** Days from Excel's day 0 (1899-12-30, which absorbs the 1900 leap-year bug) to 1970-01-01. */
const excelEpochDays = 25_569;
/** 9999-12-31: a larger number in a date cell is not a day. */
const lastExcelSerial = 2_958_465;

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return cell instanceof Date ? cell.toISOString() : String(cell);
  const text = cell.trim();
  // Most cells are figures, Chinese words or longer than any mark: a million rows read each
  // several times.
  const first = text.charCodeAt(0);
  if (text.length < 2 || text.length > 6 || (first >= 48 && first <= 57) || first > 127)
    return text;
  return nullMarks.has(text.toLowerCase()) ? '' : text;
}

/**
 * What database and spreadsheet exports print for an empty cell (Oracle's and Excel's NULL,
 * MySQL's and Hive's \N, #N/A): nothing. Read as text, every base station a carrier did not know
 * had become one tower NULL-NULL that every such phone "shared".
 */
const nullMarks = new Set(['null', '\\n', '(null)', '<null>', '[null]', '#n/a', 'n/a', '#null!']);

/**
 * A long number as Excel writes it into a CSV it saves (6.21700154000928E+18): the digits past
 * the 15th are gone.
 */
export function excelScientific(text: string): boolean {
  return /^\s*[+-]?\d(?:\.\d+)?e\+?\d+\s*$/i.test(text);
}

/**
 * The whole number a scientific figure writes out in full (1.3987654321E+10 is 13987654321: its
 * mantissa holds every digit, at most 15), else null (1.39877E+10 lost digits).
 */
export function wholeOfScientific(text: string): string | null {
  const found = /^\s*(\d)\.(\d+)e\+?(\d+)\s*$/i.exec(text);
  if (!found) return null;
  const [, first, fraction, power] = found;
  return fraction!.length === Number(power) && fraction!.length < 15 ? first! + fraction! : null;
}

/**
 * An ID number typed into a number cell: 18 digits there have lost their last ones already;
 * or as Excel writes such a number into a CSV (5.30102199001011E+17).
 */
export function idNumberCut(cell: Cell): boolean {
  if (typeof cell === 'string') return excelScientific(cell);
  return typeof cell === 'number' && cellText(cell).length > 15;
}

/** Full-width digits and punctuation, as a Chinese input method types them (１７：１６). */
const fullWidth = /[\uff01-\uff5e\u3000]/;

/**
 * A cell's text with full-width digits and punctuation made half-width. Looked at only when
 * the text has a character past ASCII (a time or a duration of a million rows has none).
 */
function plainText(cell: Cell): string {
  const text = cellText(cell);
  for (let index = 0; index < text.length; index += 1)
    if (text.charCodeAt(index) > 127) return fullWidth.test(text) ? text.normalize('NFKC') : text;
  return text;
}

/** Milliseconds as UTC ISO, or the problem. */
const isoOf = (parsed: Parsed<number>): Parsed<string> =>
  parsed.ok ? { ok: true, value: new Date(parsed.value).toISOString() } : parsed;

/**
 * A local date and time as exported by Chinese carriers and banks (China Standard Time, no
 * daylight saving) → UTC ISO. Accepts "2026-03-05 14:23:11", "2026/3/5 14:23", "20260305142311",
 * "2026年3月5日 14时23分11秒", an Excel date cell, or an Excel serial number (45721.6).
 */
export function parseLocalDateTime(cell: Cell): Parsed<string> {
  return isoOf(parseLocalInstant(cell));
}

/**
 * What a number in a date column is: an Excel serial of a day from 1927 to 2100 (a fraction
 * its time of day), or six digits written yymmdd (260603, 900305: the century the nearer past);
 * null for anything else (2026 is a year, 199003 a month, 260603 no day of the year 2613).
 */
function dayOfNumber(value: number): number | [number, number, number] | null {
  if (value >= 10_000 && value < 73_416) return value;
  if (!Number.isInteger(value) || value < 100_000 || value > 999_999) return null;
  const yy = Math.floor(value / 10_000);
  const thisYear = new Date().getUTCFullYear() % 100;
  return [yy <= thisYear + 1 ? 2000 + yy : 1900 + yy, Math.floor(value / 100) % 100, value % 100];
}

/** A year, month and day as YYYY-MM-DD. */
function dayText([year, month, day]: [number, number, number]): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** As `parseLocalDateTime`, as milliseconds since 1970 UTC (a call list's million times). */
function parseLocalInstant(cell: Cell): Parsed<number> {
  if (cell instanceof Date) {
    // exceljs reads a date cell's wall-clock time as if it were UTC.
    return { ok: true, value: cell.getTime() - chinaOffsetMs };
  }
  // A whole number past Excel's last day is the digits of 20260305142311 typed into a cell.
  if (typeof cell === 'number' && !(Number.isInteger(cell) && cell > lastExcelSerial)) {
    const day = dayOfNumber(cell);
    if (day === null) return { ok: false, problem: 'dateTime' };
    if (typeof day === 'number')
      return { ok: true, value: Math.round((day - excelEpochDays) * 86_400_000) - chinaOffsetMs };
    return localInstant(day[0], day[1], day[2], 0, 0, 0);
  }
  let text = cellText(cell);
  // The form carriers and banks write most ("2026-03-05 14:23:11"), read without a regex: the
  // same fields the pattern below would give, checked the same way.
  if (text.length === 19 && isPlainDateTime(text))
    return localInstant(
      digitsAt(text, 0, 4),
      digitsAt(text, 5, 2),
      digitsAt(text, 8, 2),
      digitsAt(text, 11, 2),
      digitsAt(text, 14, 2),
      digitsAt(text, 17, 2),
    );
  if (fullWidth.test(text)) text = text.normalize('NFKC');
  // A cell wrapped when the list was printed (2026-03-01⏎10:05:03): the break is a space.
  if (text.includes('\n')) text = text.replace(/\s*\r?\n\s*/g, ' ');
  if (/^\d+(\.\d+)?$/.test(text) && text.length < 8) return parseLocalInstant(Number(text));
  // Unix seconds or milliseconds (a database's dump): an instant, in UTC.
  const epoch = epochMs(text);
  if (epoch !== null) return { ok: true, value: epoch };
  text = withoutMillis(text);
  const compact =
    /^(\d{4})(\d{2})(\d{2})[ T-]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text) ??
    // A date and the time's digits in one cell: 2026-06-05 070503, 20260605 70503 (its 0 lost).
    /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})[ T](\d{1,2})(\d{2})(\d{2})$/.exec(text);
  if (compact) {
    const [year, month, day, hour, minute, second] = compact.slice(1).map(Number);
    return localInstant(year!, month!, day!, hour!, minute!, second!);
  }
  // The date's digits and the minute's, no seconds (202603010932: core systems' minute stamps).
  const toMinute = /^(\d{4})(\d{2})(\d{2})[ T-]?(\d{2})(\d{2})$/.exec(text);
  if (toMinute) {
    const [year, month, day, hour, minute] = toMinute.slice(1).map(Number);
    return localInstant(year!, month!, day!, hour!, minute!, 0);
  }
  // The date's digits alone (20240901 under 交易时间): the day, as under 交易日期.
  const digitsAlone = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (digitsAlone) {
    const [year, month, day] = digitsAlone.slice(1).map(Number);
    return localInstant(year!, month!, day!, 0, 0, 0);
  }
  // The date's digits and a clock with colons: 20260401 10:10, 20260401 10:10:05.
  const digitsDay = /^(\d{4})(\d{2})(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (digitsDay) {
    const [year, month, day, hour, minute, second] = digitsDay
      .slice(1)
      .map((part) => Number(part ?? 0));
    return localInstant(year!, month!, day!, hour!, minute!, second!);
  }
  // China Standard Time named (CST, as Java and Linux servers in China print it).
  if (/\s(?:CST|北京时间)$/i.test(text))
    return parseLocalInstant(text.replace(/\s+(?:CST|北京时间)$/i, ''));
  const zoned = zonedPattern.exec(text);
  if (zoned) return zonedInstant(zoned);
  // A zone written after the time: 2026-06-05 07:05:03 GMT+8, … UTC, … (UTC+08:00).
  const named = zoneSuffix.exec(text);
  if (named) {
    const offset = zoneOffsetMinutes(named[1], named[2], named[3]);
    const local = offset === null ? null : parseLocalInstant(text.slice(0, named.index));
    if (!local?.ok) return { ok: false, problem: 'dateTime' };
    return { ok: true, value: local.value + chinaOffsetMs - offset! * 60_000 };
  }
  const match = localDateTimePattern.exec(text);
  if (!match) {
    // The year last (4/1/2026 17:16): its order is settled over the file (date-orders).
    const reordered = yearFirst(text);
    if (reordered) return parseLocalInstant(reordered);
    // Two digits of the year, first, as Chinese systems print it (26-04-01 08:35:00): 2026.
    // Where they are last (01-04-26) the file's other dates say so (date-orders).
    const shortYear = shortYearFirst(text);
    return shortYear ? parseLocalInstant(shortYear) : englishInstant(text);
  }
  const [year, month, day, hour, minute, second] = [1, 2, 3, 5, 6, 7].map((at) =>
    Number(match[at] ?? 0),
  );
  // 上午 … PM says two things: refused.
  const clock = match[4] && match[8] ? undefined : twelveHour(hour!, match[4] ?? match[8]);
  return clock === undefined
    ? { ok: false, problem: 'dateTime' }
    : localInstant(year!, month!, day!, clock, minute!, second!);
}

/** A time with its month in English (Oracle's 01-APR-26 02.30.15 PM, Java's …CST 2026). */
function englishInstant(text: string): Parsed<number> {
  const read = englishDateTime(text);
  if (!read) return { ok: false, problem: 'dateTime' };
  const local = localInstant(read.year, read.month, read.day, read.hour, read.minute, read.second);
  if (!local.ok || read.offsetMinutes === null) return local;
  return { ok: true, value: local.value + chinaOffsetMs - read.offsetMinutes * 60_000 };
}

/**
 * A date and an optional time as carriers and banks write them: 2026-03-05 14:23:11,
 * 2026/3/5 14:23, 2026年3月5日14时23分11秒, 2026-03-05T14:23:11.000, the DB2 timestamps of bank
 * core systems (2026-03-05-14.23.11.123456), Excel's Chinese 2026/3/5 下午 2:23, a weekday after
 * the date (2026年3月1日星期日 09:05:03) and the parts of the day (凌晨 1:05, 中午 12:05, 晚上 9:05).
 */
const localDateTimePattern =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?)?(?:(?:[ T]+|-|(?<=[日一二三四五六天)）]))(上午|下午|凌晨|早上|早晨|中午|傍晚|晚上|夜里|夜间|am|pm)?\s*(\d{1,2})(?:[:时]|\.(?=\d{2}(?!\d)))(\d{1,2})(?:(?:[:分]|\.(?=\d{2}(?!\d)))(\d{1,2})(?:\.\d+)?秒?|分)?\s*(am|pm)?)?$/i;

/**
 * ISO 8601 with its offset, as JSON-minded systems and forensic tools export times
 * (2026-03-05T14:23:11+08:00, 2026-03-05T06:23:11.000Z): the offset given, not China's.
 */
const zonedPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

function zonedInstant(match: RegExpExecArray): Parsed<number> {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((at) =>
    Number(match[at] ?? 0),
  );
  const offsetMinutes = match[7]
    ? 0
    : (match[8] === '-' ? -1 : 1) * (Number(match[9]) * 60 + Number(match[10]));
  if (Math.abs(offsetMinutes) > 14 * 60 || Number(match[10]) > 59)
    return { ok: false, problem: 'dateTime' };
  const local = localInstant(year!, month!, day!, hour!, minute!, second!);
  return local.ok
    ? { ok: true, value: local.value + chinaOffsetMs - offsetMinutes * 60_000 }
    : local;
}

const zoneSuffix = /\s*[(（]?(?:GMT|UTC)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?[)）]?$/i;

/** Minutes east of UTC of a written offset (+8, -05:30, none for UTC); null past ±14 h. */
function zoneOffsetMinutes(sign?: string, hours?: string, minutes?: string): number | null {
  const offset = (sign === '-' ? -1 : 1) * (Number(hours ?? 0) * 60 + Number(minutes ?? 0));
  return Math.abs(offset) > 14 * 60 || Number(minutes ?? 0) > 59 ? null : offset;
}

/**
 * The zone a time column's header names (开始时间(UTC), 交易时间(GMT+8)) as minutes east of UTC;
 * null when it names none (China time, as every list is read otherwise).
 */
export function headerZone(header: string): number | null {
  const note = /\(([^()]*)\)\s*$/.exec(header.normalize('NFKC'))?.[1] ?? '';
  const zone =
    /^(?:utc|gmt)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$|^(?:格林尼治|世界协调|世界)时间?$/i.exec(
      note.trim(),
    );
  return zone ? zoneOffsetMinutes(zone[1], zone[2], zone[3]) : null;
}

/**
 * A time zone as a 时区 column writes it beside a roaming row's time (+06:30, GMT+8, UTC+7,
 * +0630, 8) → minutes east of UTC; null when it is none of these.
 */
export function zoneColumnOffset(text: string): number | null {
  const zone = /^(?:gmt|utc)?\s*([+-])?\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(
    text.normalize('NFKC').trim(),
  );
  return zone ? zoneOffsetMinutes(zone[1], zone[2], zone[3]) : null;
}

/** Whether a time as written names its own zone (…Z, +08:00, GMT+8, UTC): no other applies. */
export function namesZone(cell: Cell): boolean {
  return (
    (typeof cell === 'string' &&
      /(?:Z|[+-]\d{2}:?\d{2}|GMT[^)）]*|UTC[^)）]*)[)）]?\s*$/i.test(cell)) ||
    // Unix seconds are UTC's.
    (typeof cell !== 'object' && epochMs(cellText(cell)) !== null)
  );
}

/**
 * An hour of a 12-hour clock (上午/下午, AM/PM, and the parts of a Chinese day: 凌晨 and 早上
 * before noon, 中午 about it, 傍晚, 晚上 and 夜里 after) on the 24-hour one; undefined past 12,
 * or where the words leave it open (晚上 12 点: this midnight or the next?).
 */
function twelveHour(hour: number, half: string | undefined): number | undefined {
  if (half === undefined) return hour;
  if (hour < 1 || hour > 12) return undefined;
  if (half === '中午') return hour >= 11 ? hour : hour + 12;
  const evening = /^(?:傍晚|晚上|夜里|夜间)$/.test(half);
  if (evening && hour === 12) return undefined;
  const afternoon = half === '下午' || evening || half.toLowerCase() === 'pm';
  return (hour % 12) + (afternoon ? 12 : 0);
}

/** "YYYY-MM-DD HH:MM:SS" (or with / or . between the date's parts, or T before the time). */
function isPlainDateTime(text: string): boolean {
  for (let index = 0; index < 19; index += 1) {
    const code = text.charCodeAt(index);
    if (index === 4 || index === 7) {
      if (code !== 45 && code !== 47 && code !== 46) return false;
    } else if (index === 10) {
      if (code !== 32 && code !== 84) return false;
    } else if (index === 13 || index === 16) {
      if (code !== 58) return false;
    } else if (code < 48 || code > 57) return false;
  }
  return true;
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index += 1)
    value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

/**
 * A local date and time in China → milliseconds since 1970 UTC, or the problem when the fields
 * name no instant (month 13, 30 February, 24:00). Checked without a Date object: a call list
 * has a million of them.
 */
function localInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): Parsed<number> {
  if (
    // Date.UTC reads years 0–99 as 1900–1999.
    year < 100 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    // 24:00:00 is the next day's midnight, as some systems print the end of a day.
    (hour > 23 && !(hour === 24 && minute === 0 && second === 0)) ||
    minute > 59 ||
    second > 59
  )
    return { ok: false, problem: 'dateTime' };
  return { ok: true, value: Date.UTC(year, month - 1, day, hour, minute, second) - chinaOffsetMs };
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** A date (birth date): "1983-09-27", "1983/9/27", "19830927", a date cell or serial. */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) return { ok: true, value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number' && cell < lastExcelSerial) {
    const day = dayOfNumber(cell);
    if (day === null) return { ok: false, problem: 'date' };
    if (typeof day !== 'number') {
      return localInstant(day[0], day[1], day[2], 12, 0, 0).ok
        ? { ok: true, value: dayText(day) }
        : { ok: false, problem: 'date' };
    }
    return {
      ok: true,
      value: new Date(Math.round((day - excelEpochDays) * 86_400_000)).toISOString().slice(0, 10),
    };
  }
  const text = cellText(cell);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parsed = parseLocalDateTime(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text);
  if (!parsed.ok) return { ok: false, problem: 'date' };
  const day = chinaDate(parsed.value);
  // Nobody is born tomorrow: a date past today is a misread figure.
  return day > chinaDate(new Date().toISOString())
    ? { ok: false, problem: 'date' }
    : { ok: true, value: day };
}

/** A call's length: seconds ("205"), "00:03:25", "3:25", "3分25秒", or a time cell (00:03:25). */
export function parseDuration(cell: Cell): Parsed<number> {
  // A spreadsheet's time cell: the time elapsed since Excel's day 0 (1899-12-30), as a Date.
  if (cell instanceof Date) {
    const seconds = Math.round((cell.getTime() + excelEpochDays * 86_400_000) / 1000);
    return seconds >= 0 && cell.getUTCFullYear() < 1901
      ? { ok: true, value: seconds }
      : { ok: false, problem: 'duration' };
  }
  if (typeof cell === 'number')
    return Number.isInteger(cell) && cell >= 0
      ? { ok: true, value: cell }
      : { ok: false, problem: 'duration' };
  // Spaces next to a unit go (1 分 5 秒); between bare digits they do not (1 5 is no duration).
  // 1'05'' (two single quotes for the seconds' mark).
  const written = plainText(cell);
  // Seconds alone, most lists' every row: read before any unit is looked for.
  if (/^\d+$/.test(written)) return { ok: true, value: Number(written) };
  const text = written
    // The prime marks (1′02″) and curly quotes (1’02”) a Chinese-locale export prints for them.
    .replace(/[′’]/g, "'")
    .replace(/[″”]/g, '"')
    .replace(/''/g, '"')
    .replace(/\s*(小时|时|分钟|分|秒钟|秒|h|min|m|sec|s|'|")\s*/gi, '$1');
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text) };
  // Seconds Excel wrote with its thousands separator (1,065).
  if (/^\d{1,3}(?:,\d{3})+$/.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  // Whole seconds written with decimals (83.0, 83.00), as some exports do. Others (83.5) may be
  // minutes (通话时长(分)): refused, not guessed.
  if (/^\d+\.0+$/.test(text)) return { ok: true, value: Number.parseInt(text, 10) };
  // Milliseconds after the seconds (00:01:05.000, 00:01:05.5): the nearest whole second.
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})(\.\d{1,3})?$/.exec(text);
  if (clock) {
    const [hours, minutes] = [Number(clock[1] ?? 0), Number(clock[2])];
    const seconds = Number(`${clock[3]}${clock[4] ?? ''}`);
    if (seconds < 60 && (clock[1] === undefined || minutes < 60))
      return { ok: true, value: Math.round(hours * 3600 + minutes * 60 + seconds) };
  }
  // Hours, minutes and seconds unpadded (0:1:5, as 联通's lists print some): 65 s.
  const unpadded = /^(\d+):(\d{1,2}):(\d{1,2})$/.exec(text);
  if (unpadded && Number(unpadded[2]) < 60 && Number(unpadded[3]) < 60)
    return {
      ok: true,
      value: Number(unpadded[1]) * 3600 + Number(unpadded[2]) * 60 + Number(unpadded[3]),
    };
  // Minutes past an hour written as minutes (分:秒, 125:30).
  const long = /^(\d{3,}):(\d{2})$/.exec(text);
  if (long && Number(long[2]) < 60)
    return { ok: true, value: Number(long[1]) * 60 + Number(long[2]) };
  const words =
    /^(?:(\d+)(?:小时|时|h))?(?:(\d+)(?:分钟|分|min|m|'))?(?:(\d+)(?:秒钟|秒|sec|s|"))?$/i.exec(
      text,
    );
  if (words && text)
    return {
      ok: true,
      value: Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0),
    };
  return { ok: false, problem: 'duration' };
}

/**
 * An amount in yuan as statements print it → fen, exactly, with its sign: "1,234.50",
 * "-800.00", "+12,500", "¥800", "800元", "人民币 800", "800.00 CNY", "（800.00）" in brackets
 * for a debit, full-width digits, a number cell. Zero is refused as moving nothing (a balance
 * inquiry's row, 余额查询), not as unreadable.
 */
export function parseSignedAmount(cell: Cell, yuanPerUnit = 1): Parsed<number> {
  if (yuanPerUnit > 1) return scaledAmount(cell, yuanPerUnit);
  const { sign, text: written } = writtenAmount(cell);
  // A figure under one yuan without its 0 (.5), as some systems print it.
  const text = (written.startsWith('.') ? `0${written}` : written).replace(/(\d)\.$/, '$1');
  // Thousands apart by commas, or ten-thousands as some Chinese systems group them (1,0000.00).
  if (
    typeof cell !== 'number' &&
    !/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d{1,4}(,\d{4})+(\.\d+)?$|^\d+(\.\d+)?$/.test(text)
  )
    return { ok: false, problem: 'amount' };
  // Trailing zeros past the fen (1000.000) say nothing more.
  const figure = text.replace(/,/g, '').replace(/(\.\d{2})0+$/, '$1');
  let fen = yuanToFen(figure);
  // A double a program summed and printed whole (0.30000000000000004): looked at only where the
  // figure is no amount as written.
  if (fen === null) {
    const clean = withoutFloatNoise(figure);
    if (clean !== null) fen = yuanToFen(clean);
  }
  return fen === null || fen === 0
    ? { ok: false, problem: fen === 0 ? 'noMoney' : 'amount' }
    : { ok: true, value: (sign || 1) * fen };
}

/**
 * An amount in 万元 or 千元 → fen, exactly: 1.2345 万元 is 12,345.00 元 (a number cell's figure
 * taken whole, not cut to two decimals first); refused where it falls between two fen.
 */
function scaledAmount(cell: Cell, yuanPerUnit: number): Parsed<number> {
  const { sign, text } =
    typeof cell === 'number'
      ? { sign: cell < 0 ? -1 : 0, text: String(Number(Math.abs(cell).toPrecision(15))) }
      : writtenAmount(cell);
  const figureForm = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,6}))?$/;
  const figure =
    figureForm.exec(text) ??
    (typeof cell === 'number' ? null : figureForm.exec(withoutFloatNoise(text) ?? ''));
  if (!figure) return { ok: false, problem: 'amount' };
  const millionths =
    BigInt(figure[1]!.replace(/,/g, '') + (figure[2] ?? '').padEnd(6, '0')) *
    BigInt(yuanPerUnit) *
    100n;
  if (millionths % 1_000_000n) return { ok: false, problem: 'amount' };
  const fen = Number(millionths / 1_000_000n);
  return fen === 0 ? { ok: false, problem: 'noMoney' } : { ok: true, value: (sign || 1) * fen };
}

/**
 * A decimal as a program prints the double it summed (0.1 + 0.2 written 0.30000000000000004,
 * 1000.3000000000001, 0.7999999999999999: 16 or 17 significant digits, a double's whole print)
 * → the figure the double stands for at 15 significant digits (0.3, 1000.3), where the two are
 * a few units of the double's last place apart; null for any other text. Digits that say
 * something (0.3050000000000001 is 0.305; 1234567890123.456 is no print of 1234567890123.46)
 * are not made a figure they are not.
 */
function withoutFloatNoise(text: string): string | null {
  if (text.length < 17 || !/^\d+\.\d+$/.test(text)) return null;
  const significant = text.replace('.', '').replace(/^0+/, '').length;
  if (significant < 16 || significant > 17) return null;
  const value = Number(text);
  const clean = Number(value.toPrecision(15));
  return Math.abs(value - clean) <= 4 * Number.EPSILON * clean ? String(clean) : null;
}

/** Minus signs as systems print them: U+2212, dashes, the small and the full-width hyphen-minus. */
const minusSigns = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g;

/**
 * An amount's figure without its currency marks (¥, 元, RMB, CNY, 人民币) and the sign it is
 * written with wherever it stands: -1200, ¥-1,200.00, RMB -1200, －1200, −1200, (1200),
 * 1200- (a debit printed after), +12; 0 when none is written. A number cell's sign is its own.
 * `stated`: the way is written as CR or DR, not as a sign.
 */
export function writtenAmount(cell: Cell): { sign: -1 | 0 | 1; text: string; stated?: true } {
  let text =
    typeof cell === 'number'
      ? // Its decimals as the cell holds them, float noise (0.30000000000000004) aside: a fraction
        // of a fen in yuan (1000.005) is refused as the text 1000.005 is, not rounded quietly; in
        // 万元 (1.23456) it is a whole fen.
        String(Number(cell.toFixed(6)))
      : cellText(cell)
          .normalize('NFKC')
          .replace(minusSigns, '-')
          .replace(/[\s¥￥]|元$|^(?:RMB|CNY|人民币)|(?:RMB|CNY)$/gi, '');
  let sign: -1 | 0 | 1 = 0;
  // A dash for nothing (—, -, –) is no sign: only a figure carries one.
  if (!/\d/.test(text)) return { sign, text };
  // Banks' CR and DR after a figure (1,000.00 CR): money in, money out.
  const crDr = /(CR|DR)$/i.exec(text);
  if (crDr && /\d/.test(text.slice(0, crDr.index))) {
    return {
      sign: crDr[1]!.toUpperCase() === 'DR' ? -1 : 1,
      text: text.slice(0, crDr.index),
      stated: true,
    };
  }
  // The way written before the figure (借1,234.50, 贷2,000.00, 借：500.00): out, in.
  const flagged = /^(借|贷)[:：]?(?=[\d.])/.exec(text);
  if (flagged)
    return {
      sign: flagged[1] === '借' ? -1 : 1,
      text: text.slice(flagged[0].length),
      stated: true,
    };
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) [sign, text] = [-1, bracketed[1]!];
  if (text.startsWith('-')) [sign, text] = [sign === -1 ? 1 : -1, text.slice(1)];
  else if (text.startsWith('+')) [sign, text] = [sign || 1, text.slice(1)];
  // Some bank systems print the sign after the amount (1,500.00-); not also in brackets.
  else if (text.endsWith('-') && !bracketed) [sign, text] = [-1, text.slice(0, -1)];
  return { sign, text };
}

/**
 * A date column and a time column as banks split them (20260401 + 171647, 2026-04-01 +
 * 17:16:47, an Excel date serial + a time fraction) → UTC ISO. A time column that already
 * holds the whole date and time is read alone.
 */
export function parseDateAndTime(dateCell: Cell, timeCell: Cell): Parsed<string> {
  return isoOf(parseDateAndTimeInstant(dateCell, timeCell));
}

/** As `parseDateAndTime`, as milliseconds since 1970 UTC. */
export function parseDateAndTimeInstant(dateCell: Cell, timeCell: Cell): Parsed<number> {
  const read = readDateAndTime(dateCell, timeCell);
  return read.ok ? read : (serialsRead(dateCell, timeCell) ?? read);
}

/** 1990-01-01 and 2100-01-01 as Excel serials: the days a record written as one is in. */
const firstSerialDay = 32_874;
const lastSerialDay = 73_051;

/**
 * A day as an Excel serial in a cell, its fraction the time of day: a number cell, or a
 * CSV's text of one (46082, 46082.54167) from a sheet whose cells were not formatted as dates.
 * Five digits before the point, so 20260401 (yyyymmdd), 260401 (yymmdd), 171647 (hhmmss) and
 * Unix times are none.
 */
function serialDay(cell: Cell): number | null {
  const value =
    typeof cell === 'number'
      ? cell
      : typeof cell === 'string' && /^\s*\d{5}(?:\.\d+)?\s*$/.test(cell)
        ? Number(cell)
        : Number.NaN;
  return value >= firstSerialDay && value < lastSerialDay ? value : null;
}

/**
 * The date and time cells read as Excel serials where they are written as text (46082.54167
 * under 开始时间; 46082 under 交易日期 beside 0.54167 or 13:00:00 under 交易时间; 0.5 beside a
 * serial day in a number cell), or a whole
 * serial alone in the only time column (46082, the day): the instant to the nearest second (a
 * CSV prints the fraction to 5 decimals, 0.864 s apart); null where no cell is one. Looked at
 * only where the cells read as nothing else.
 */
function serialsRead(dateCell: Cell, timeCell: Cell): Parsed<number> | null {
  let read: Parsed<number> | null = null;
  if (dateCell === null) {
    const day = serialDay(timeCell);
    if (day !== null) read = parseLocalInstant(day);
  } else {
    const day = typeof dateCell === 'string' ? serialDay(dateCell) : null;
    const timeText = typeof timeCell === 'string' ? timeCell.trim() : '';
    // A fraction of a day beside a serial's day (46082, 0.05); beside 2026-04-01, 0.05 may as
    // well be a dotted clock short of a digit: the planner tells by the column (day-fractions).
    const fraction = /^0?\.\d+$/.test(timeText) && serialDay(day ?? dateCell) !== null;
    const time = fraction ? Number(timeText) : serialDay(timeText || null);
    if (day !== null || time !== null) read = readDateAndTime(day ?? dateCell, time ?? timeCell);
  }
  return read?.ok ? { ok: true, value: Math.round(read.value / 1000) * 1000 } : null;
}

function readDateAndTime(dateCell: Cell, timeCell: Cell): Parsed<number> {
  // The whole time in the time column as most lists write it (2026-03-05 14:23:11): read as
  // the patterns below would send it on, without them (a million rows).
  if (typeof timeCell === 'string' && timeCell.length >= 19) {
    const text = cellText(timeCell);
    if (text.length === 19 && isPlainDateTime(text)) return parseLocalInstant(text);
  }
  const timeText = plainText(timeCell);
  // A time-only spreadsheet cell reads as a Date on Excel's day 0 (1899-12-30).
  const timeOnlyDate = timeCell instanceof Date && timeCell.getUTCFullYear() < 1901;
  // A whole number under 240000 in a time cell is a clock typed as digits (171647), not a day.
  const clockDigits =
    typeof timeCell === 'number' && Number.isInteger(timeCell) && timeCell < 240_000;
  if (
    (timeCell instanceof Date && !timeOnlyDate) ||
    (typeof timeCell === 'number' && timeCell >= 1 && !clockDigits) ||
    (typeof timeCell === 'string' &&
      (/^\d{8}[ T-]?\d{2}:?\d{2}:?\d{2}$|^\d{8}[ T]\d{5,6}$/.test(timeText) ||
        // The date's digits alone in the only time column (20240901 under 交易时间).
        (dateCell === null && /^\d{8}$/.test(timeText)) ||
        /^\d{4}[-/.年]/.test(timeText) ||
        /^\d{1,2}([-/.])\d{1,2}\1\d{4}[ T]\d/.test(timeText) ||
        /^\d{2}-\d{2}-\d{2}[ T]\d/.test(timeText) ||
        englishDateTime(timeText)?.timed ||
        epochMs(timeText) !== null))
  )
    return parseLocalInstant(timeCell);
  let day: string | undefined;
  if (dateCell instanceof Date) day = dateCell.toISOString().slice(0, 10);
  else if (typeof dateCell === 'number' && dateCell < lastExcelSerial) {
    const number = dayOfNumber(dateCell);
    if (typeof number === 'number')
      day = new Date(Math.floor(number) * 86_400_000 - excelEpochDays * 86_400_000)
        .toISOString()
        .slice(0, 10);
    else if (number) day = dayText(number);
  } else {
    // Text, or 20260401 typed as a number.
    const written = plainText(dateCell);
    const text = yearFirst(written) ?? shortYearFirst(written) ?? written;
    const match =
      /^(\d{4})(\d{2})(\d{2})$/.exec(text) ??
      /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
    if (match) day = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
    // Oracle's 01-APR-26, a date alone.
    const english = match ? null : englishDateTime(text);
    if (english && !english.timed) day = dayText([english.year, english.month, english.day]);
  }
  if (!day)
    // A date column that holds the whole time (交易日期 2026-06-28 21:05:11) beside no time.
    return timeText === '' && dateCell !== null
      ? parseLocalInstant(dateCell)
      : { ok: false, problem: 'dateTime' };
  // A spreadsheet's date cell holding its time of day (2026-04-02 11:30) beside an empty time.
  if (
    timeText === '' &&
    (dateCell instanceof Date ||
      (typeof dateCell === 'number' && !Number.isInteger(dateCell) && dateCell < lastExcelSerial))
  )
    return parseLocalInstant(dateCell);
  let clock = '00:00:00';
  if (timeCell instanceof Date) clock = timeCell.toISOString().slice(11, 19);
  else if (typeof timeCell === 'number' && timeCell >= 0 && timeCell < 1 && !clockDigits) {
    const seconds = Math.round(timeCell * 86_400);
    clock = [seconds / 3600, (seconds % 3600) / 60, seconds % 60]
      .map((part) => String(Math.floor(part)).padStart(2, '0'))
      .join(':');
  } else if (timeCell !== null && timeText !== '') {
    const text = withoutMillis(timeText);
    // A 12-hour clock (下午 5:16, 5:16 PM) is read with the day as one date and time.
    if (/上午|下午|凌晨|早上|早晨|中午|傍晚|晚上|夜里|夜间|[ap]m/i.test(text))
      return parseLocalInstant(`${day} ${text}`);
    const match =
      /^(\d{2})(\d{2})(\d{2})$/.exec(text.padStart(6, '0')) ??
      /^(\d{1,2})(?:[:时]|\.(?=\d{2}(?!\d)))(\d{1,2})(?:(?:[:分]|\.(?=\d{2}(?!\d)))(\d{1,2})(?:\.\d+)?秒?)?$/.exec(
        text,
      );
    if (!match || !/^\d{1,6}$|[:时.]/.test(text)) return { ok: false, problem: 'dateTime' };
    clock = [match[1], match[2], match[3] ?? '0'].map((part) => part!.padStart(2, '0')).join(':');
  }
  return parseLocalInstant(`${day} ${clock}`);
}
