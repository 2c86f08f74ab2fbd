/**
 * China Standard Time, UTC+8 all year (no daylight saving since 1991): the clock of carriers'
 * lists, banks' statements and the documents, whatever the machine's zone. One place for it,
 * where the import, the copy matching and the analyses each spelled the offset.
 */
export const chinaOffsetSeconds = 8 * 3_600;
export const chinaOffsetMs = chinaOffsetSeconds * 1_000;
const daySeconds = 86_400;

/** The day in China of an instant in Unix seconds: YYYY-MM-DD. */
export function chinaDateOfUnix(unix: number): string {
  return new Date((unix + chinaOffsetSeconds) * 1_000).toISOString().slice(0, 10);
}

/** The day in China of an ISO instant: YYYY-MM-DD. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + chinaOffsetMs).toISOString().slice(0, 10);
}

/** The China day of an instant in Unix seconds, counted from 1970-01-01. */
export function chinaDayNumber(unix: number): number {
  return Math.floor((unix + chinaOffsetSeconds) / daySeconds);
}

/** Unix seconds of the midnight in China that starts the day `chinaDayNumber` counts. */
export function chinaMidnightOfDay(day: number): number {
  return day * daySeconds - chinaOffsetSeconds;
}

/** Whether an instant in Unix seconds is a midnight in China (a time that may give a day alone). */
export function isChinaMidnight(unix: number): boolean {
  return (unix + chinaOffsetSeconds) % daySeconds === 0;
}

/** An ISO instant as China time to the minute: YYYY-MM-DD HH:mm. */
export function chinaMinute(iso: string): string {
  return new Date(Date.parse(iso) + chinaOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}
