/**
 * The time axis of the timeline: China time (UTC+8, no daylight saving) whatever the machine's
 * zone, ticks that fit the zoom (years down to minutes), and the zoom arithmetic.
 */
import { chinaOffsetMs } from '../../../../electron/api/domain/china-time';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The narrowest window: ten minutes across the chart. */
const minSpanMs = 10 * minute;
/** The widest: fifty years. */
const maxSpanMs = 50 * 365 * day;

interface Tick {
  at: number;
  label: string;
  /** A year or month boundary: drawn stronger. */
  major: boolean;
}

type Step =
  | { unit: 'minute'; size: number }
  | { unit: 'day'; size: number }
  | { unit: 'month'; size: number };

const steps: Step[] = [
  { unit: 'minute', size: 1 },
  { unit: 'minute', size: 5 },
  { unit: 'minute', size: 15 },
  { unit: 'minute', size: 30 },
  { unit: 'minute', size: 60 },
  { unit: 'minute', size: 180 },
  { unit: 'minute', size: 360 },
  { unit: 'minute', size: 720 },
  { unit: 'day', size: 1 },
  { unit: 'day', size: 2 },
  { unit: 'day', size: 7 },
  { unit: 'month', size: 1 },
  { unit: 'month', size: 3 },
  { unit: 'month', size: 6 },
  { unit: 'month', size: 12 },
  { unit: 'month', size: 24 },
  { unit: 'month', size: 60 },
  { unit: 'month', size: 120 },
];

function approxMs(step: Step): number {
  if (step.unit === 'minute') return step.size * minute;
  if (step.unit === 'day') return step.size * day;
  return step.size * 30.44 * day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** China wall-clock parts of an instant. */
function chinaParts(ms: number) {
  const d = new Date(ms + chinaOffsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** The instant of a China wall-clock time. */
function chinaInstant(year: number, month: number, dayOfMonth = 1, minutes = 0): number {
  return Date.UTC(year, month - 1, dayOfMonth, 0, minutes) - chinaOffsetMs;
}

/** An instant as China time: YYYY-MM-DD HH:mm (or the day alone). */
export function formatChina(ms: number, withTime = true): string {
  const p = chinaParts(ms);
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return withTime ? `${date} ${pad(p.hour)}:${pad(p.minute)}` : date;
}

/** The China calendar day of an instant, YYYY-MM-DD. */
export const chinaDay = (ms: number) => formatChina(ms, false);

/** Ticks for a window drawn `width` pixels wide: about one per 100 px, on round times. */
export function timeTicks(start: number, end: number, width: number): Tick[] {
  const wanted = Math.max(2, Math.floor(width / 100));
  const span = end - start;
  const step = steps.find((candidate) => span / approxMs(candidate) <= wanted) ?? steps.at(-1)!;
  const ticks: Tick[] = [];
  if (step.unit === 'month') {
    const first = chinaParts(start);
    let index = first.year * 12 + (first.month - 1);
    index -= index % step.size;
    for (let guard = 0; guard < 1000; guard += 1, index += step.size) {
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      const at = chinaInstant(year, month);
      if (at > end) break;
      if (at < start) continue;
      ticks.push({
        at,
        label: step.size % 12 === 0 ? String(year) : `${year}-${pad(month)}`,
        major: month === 1,
      });
    }
    return ticks;
  }
  const size = approxMs(step);
  // Days and minutes count from China midnight, so ticks fall on 00:00, 06:00 …
  const weekly = step.unit === 'day' && step.size === 7;
  const align = weekly ? day : size;
  let at = Math.ceil((start + chinaOffsetMs) / align) * align - chinaOffsetMs;
  if (weekly) {
    // Weeks start on Monday: the first Monday from the window's first whole day.
    const weekday = (new Date(at + chinaOffsetMs).getUTCDay() + 6) % 7;
    at += ((7 - weekday) % 7) * day;
  }
  for (let guard = 0; guard < 1000 && at <= end; guard += 1, at += size) {
    const p = chinaParts(at);
    const midnight = p.hour === 0 && p.minute === 0;
    ticks.push({
      at,
      label:
        step.unit === 'day'
          ? `${p.year}-${pad(p.month)}-${pad(p.day)}`
          : midnight
            ? `${pad(p.month)}-${pad(p.day)}`
            : `${pad(p.hour)}:${pad(p.minute)}`,
      major: step.unit === 'day' ? p.day === 1 : midnight,
    });
  }
  return ticks;
}

/** A window zoomed by `factor` (< 1 zooms in) around `anchor`, kept within the limits. */
export function zoomWindow(
  [start, end]: [number, number],
  anchor: number,
  factor: number,
): [number, number] {
  const span = Math.min(maxSpanMs, Math.max(minSpanMs, (end - start) * factor));
  const ratio = end > start ? (anchor - start) / (end - start) : 0.5;
  const from = anchor - span * ratio;
  return [from, from + span];
}

/** The window that shows everything between first and last, with a margin either side. */
export function fitWindow(first: number, last: number): [number, number] {
  const span = Math.max(minSpanMs, last - first);
  const margin = span * 0.04;
  return [first - margin, first + span + margin];
}
