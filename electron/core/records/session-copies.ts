import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/** A phone's events of one import, or of an import about to go: the span they cover. */
interface SessionSpan {
  phoneId: string;
  first: number;
  last: number;
}

/** Each phone's span of the import's events with no far end (data_sessions). */
export function sessionSpansOf(db: Executor, importId: string): SessionSpan[] {
  return db.all<SessionSpan>(
    sql`SELECT phone_id AS phoneId, min(started_unix) AS first, max(started_unix) AS last
      FROM data_sessions WHERE import_id = ${importId} GROUP BY phone_id`,
  );
}

/**
 * Marks afresh the copies among a phone's events with no far end in these spans: a call with a
 * withheld number, a data session or a signalling row is the same event in two imports when
 * the phone, start, duration, kind and way are the same (one list exported twice, two exports
 * that overlap: carriers' lists print no ID for a row). The n-th such row of an import is a
 * copy of the n-th of the first import, in the order imported, that has as many; so a list
 * holding one event twice keeps both, and deleting imports in any order leaves what importing
 * the others alone would have. With `newImport`, a span holding no row of another import is
 * left as it is (a new list with nothing beside it costs one look per phone). Returns the rows
 * whose mark changed.
 */
export function remarkSessionCopies(
  db: Executor,
  spans: readonly SessionSpan[],
  { newImport }: { newImport?: string } = {},
): number {
  let changed = 0;
  for (const span of spans) {
    if (
      newImport &&
      !db.get(sql`SELECT 1 FROM data_sessions WHERE phone_id = ${span.phoneId}
        AND started_unix BETWEEN ${span.first} AND ${span.last} AND import_id <> ${newImport} LIMIT 1`)
    )
      continue;
    changed += db.run(sql`WITH ranked AS (
        SELECT d.id, d.started_unix, d.duration_seconds, d.kind, d.incoming, i.num,
          row_number() OVER (PARTITION BY d.started_unix, d.duration_seconds, d.kind, d.incoming, d.import_id
            ORDER BY d.id) AS ordinal
        FROM data_sessions d JOIN imports i ON i.id = d.import_id
        WHERE d.phone_id = ${span.phoneId} AND d.started_unix BETWEEN ${span.first} AND ${span.last}
      ), firsts AS (
        SELECT id, nullif(first_value(id) OVER (PARTITION BY started_unix, duration_seconds, kind, incoming, ordinal
          ORDER BY num, id), id) AS copy_of
        FROM ranked
      )
      UPDATE data_sessions SET copy_of = firsts.copy_of FROM firsts
      WHERE firsts.id = data_sessions.id AND data_sessions.copy_of IS NOT firsts.copy_of`).changes;
  }
  return changed;
}
