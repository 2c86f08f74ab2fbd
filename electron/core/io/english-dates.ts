/**
 * Dates and times with the month written in English, as database and Java systems print them
 * when a carrier's or a bank's query is dumped without formatting:
 * - Oracle's defaults: 01-APR-26, 01-APR-26 02.30.15.000000 PM, 01-APR-2026 14:30:15;
 * - Java's Date.toString(): Wed Apr 01 14:30:15 CST 2026 (CST on a Chinese server is China
 *   Standard Time);
 * - US and British forms: Apr 1, 2026 2:30:15 PM, April 1 2026, 1 Apr 2026 14:30, 2026-Apr-01.
 * Anything else, or a part that says two things, is no reading (null).
 */
interface EnglishDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Whether a time of day was written (a date alone is midnight). */
  timed: boolean;
  /** Minutes east of UTC the text names (CST, GMT+8, UTC); null when it names none. */
  offsetMinutes: number | null;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNames = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;
const weekdays = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?$/i;
/** China's own zone as servers name it; US Central time is not what a Chinese export means. */
const chinaZones = /^(?:cst|cct|bjt|hkt|asia\/shanghai|beijing)$/i;
/** GMT+8, UTC, Z, and a bare +0800 (Apache's). */
const offsetZone = /^(?:gmt|utc|z)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$|^([+-])(\d{2}):?(\d{2})$/i;
/**
 * The clock: 14:30, 14:30:15, 02.30.15.000000 (Oracle), 2:30:15:123 (SQL Server's
 * milliseconds), with a fraction dropped; an AM/PM may be written onto it (2:30PM).
 */
const clockPattern = /^(\d{1,2})([:.])(\d{2})(?:\2(\d{2})(?:[.,:]\d{1,9})?)?([ap]\.?m\.?)?$/i;

export function englishDateTime(text: string): EnglishDateTime | null {
  if (!/[a-z]/i.test(text) || text.length > 60) return null;
  // Oracle and Apache join the date's parts with - or /; the time may follow a colon (Apache).
  const tokens = text
    .trim()
    .replace(/^(\d{1,2})[-/ ]?([a-z]{3,9})[-/ ]?(\d{2,4})(?::(?=\d))?/i, '$1 $2 $3 ')
    .replace(/^(\d{4})[-/ ]([a-z]{3,9})[-/ ](\d{1,2})\b/i, '$1 $2 $3')
    .split(/[\s,]+/)
    .filter(Boolean);
  let month: number | undefined;
  let clock: RegExpExecArray | undefined;
  let half: 'am' | 'pm' | undefined;
  let offsetMinutes: number | null = null;
  const numbers: string[] = [];
  for (const token of tokens) {
    const named = monthNames.exec(token);
    if (named && /^[a-z]+\.?$/i.test(token)) {
      if (month !== undefined) return null;
      month = months.indexOf(named[1]!.toLowerCase()) + 1;
      continue;
    }
    // Weekdays, and the words between a date and its time (April 1st, 2026 at 2:30 PM).
    if (weekdays.test(token) || /^(?:at|on|the)$/i.test(token)) continue;
    if (/^[ap]\.?m\.?$/i.test(token)) {
      if (half) return null;
      half = token[0]!.toLowerCase() === 'a' ? 'am' : 'pm';
      continue;
    }
    const time = clockPattern.exec(token);
    if (time) {
      if (clock) return null;
      clock = time;
      if (time[5]) {
        if (half) return null;
        half = time[5][0]!.toLowerCase() === 'a' ? 'am' : 'pm';
      }
      continue;
    }
    if (chinaZones.test(token)) {
      offsetMinutes = 8 * 60;
      continue;
    }
    const zone = offsetZone.exec(token);
    if (zone) {
      const [sign, hours, minutesText] = zone[4] ? zone.slice(4) : zone.slice(1);
      const minutes = Number(minutesText ?? 0);
      const offset = (sign === '-' ? -1 : 1) * (Number(hours ?? 0) * 60 + minutes);
      if (Math.abs(offset) > 14 * 60 || minutes > 59) return null;
      offsetMinutes = offset;
      continue;
    }
    if (/^\d{1,4}(?:st|nd|rd|th)?$/i.test(token)) {
      numbers.push(token.replace(/\D/g, ''));
      continue;
    }
    return null;
  }
  if (month === undefined || numbers.length !== 2) return null;
  // The year is the four-digit number; of two short ones (Oracle's 01-APR-26) the second.
  const longAt = numbers.findIndex((number) => number.length === 4);
  if (numbers.filter((number) => number.length > 2).length > (longAt >= 0 ? 1 : 0)) return null;
  const yearAt = longAt >= 0 ? longAt : 1;
  const yearText = numbers[yearAt]!;
  const day = Number(numbers[1 - yearAt]);
  let year = Number(yearText);
  if (yearText.length <= 2) {
    // The nearer past: 26 is 2026, 90 is 1990.
    const thisYear = new Date().getUTCFullYear() % 100;
    year = year <= thisYear + 1 ? 2000 + year : 1900 + year;
  }
  let hour = clock ? Number(clock[1]) : 0;
  if (half) {
    if (!clock || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  return {
    year,
    month,
    day,
    hour,
    minute: clock ? Number(clock[3]) : 0,
    second: clock?.[4] ? Number(clock[4]) : 0,
    timed: !!clock,
    offsetMinutes,
  };
}
