import { sql, type SQL } from 'drizzle-orm';

/**
 * Call records keep their start as whole seconds since 1970-01-01 UTC (an integer of four
 * bytes, not a 24-character ISO text on each of a million rows and in two indexes). These
 * convert at the edges: what is written and what a query compares or returns.
 */

/** The first whole second at or after a UTC ISO instant: `column >= it` ⇔ `instant <= column`. */
export function unixSecondsFrom(iso: string): number {
  return Math.ceil(Date.parse(iso) / 1000);
}

/** Unix seconds as UTC ISO with milliseconds, as `isoOfUnix` gives them in SQL. */
export function unixToIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** SQL: a Unix-seconds column as UTC ISO with milliseconds ("2026-04-01T09:16:47.000Z"). */
export function isoOfUnix(column: SQL): SQL {
  return sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, 'unixepoch')`;
}
