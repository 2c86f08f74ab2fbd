import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { unixToIso } from '../db/unix-time';
import { copyWindowSeconds, matchCallCopies, type CallRow } from './call-copies';
import { chinaDate } from './import-values';

/** A stored call record as the copy matching reads it. */
interface StoredRow {
  id: number;
  at: number;
  kind: string;
  seconds: number;
  own_end: number | null;
  import_num: number;
}

const rowOfStored = (row: StoredRow): CallRow => ({
  id: row.id,
  at: row.at,
  sms: row.kind === 'sms',
  seconds: row.seconds,
  ownEnd: row.own_end ?? 0,
  importNum: row.import_num,
});

/** The rows of one relation that count (no copies), in time order. */
const countedRows = `SELECT id, started_unix AS at, kind, duration_seconds AS seconds, own_end, import_num
  FROM call_records WHERE relation_num = ? AND copy_of IS NULL ORDER BY started_unix, id`;

/** What the writer knows of a call list's records and their pairs (caller → callee). */
interface ListRecords {
  /** Each record's pair. */
  pairOf: Uint32Array;
  /** Per pair, the ends the list's target phones were (1 caller, 2 callee, 3 both). */
  sidesOf: Uint8Array;
  /** Per pair, its first and last start (Unix seconds). */
  firstOf: Float64Array;
  lastOf: Float64Array;
  pairCount: number;
  rowOf(index: number): CallRow;
}

/**
 * Marks the records of an import that are calls already counted (see `call-copies.ts`): rows of
 * the callee's list that are rows of the caller's list in the same file, then rows that are
 * rows already stored under the pair's relation. Only pairs that can hold copies are read: seen
 * from both ends in the file, or with a relation whose period meets theirs. Sets `copyOf` (> 0
 * a stored row's ID, < 0 the negated index + 1 of the file's row) and returns how many.
 */
export function markCallCopies(
  sqlite: Database.Database,
  list: ListRecords,
  existingOf: (
    pair: number,
  ) => { num: number; started_on: string | null; ended_on: string | null } | undefined,
  copyOf: Float64Array,
): number {
  const meets = (pair: number, from: string | null, to: string | null) =>
    !from ||
    !to ||
    (chinaDate(unixToIso(list.firstOf[pair]! - copyWindowSeconds)) <= to &&
      chinaDate(unixToIso(list.lastOf[pair]! + copyWindowSeconds)) >= from);
  const candidates: number[] = [];
  for (let pair = 0; pair < list.pairCount; pair += 1) {
    const relation = existingOf(pair);
    if (
      list.sidesOf[pair] === 3 ||
      (relation && meets(pair, relation.started_on, relation.ended_on))
    )
      candidates.push(pair);
  }
  if (!candidates.length) return 0;
  const recordsOf = recordsByPair(list.pairOf, list.pairCount);
  const stored = sqlite.prepare(countedRows);
  let copies = 0;
  for (const pair of candidates) {
    const indexes = recordsOf(pair);
    const rows = indexes.map(list.rowOf);
    const order = indexes.map((_, at) => at).sort((a, b) => rows[a]!.at - rows[b]!.at || a - b);
    if (list.sidesOf[pair] === 3) {
      // The caller's list holds; the callee's rows are matched against it.
      const held = order.filter((at) => rows[at]!.ownEnd === 1);
      const other = order.filter((at) => rows[at]!.ownEnd !== 1);
      const matched = matchCallCopies(
        held.map((at) => rows[at]!),
        other.map((at) => rows[at]!),
      );
      matched.forEach((found, at) => {
        if (found < 0) return;
        copyOf[indexes[other[at]!]!] = -(indexes[held[found]!]! + 1);
        copies += 1;
      });
    }
    const relation = existingOf(pair);
    if (!relation) continue;
    const held = (stored.all(relation.num) as StoredRow[]).map(rowOfStored);
    const open = order.filter((at) => !copyOf[indexes[at]!]);
    matchCallCopies(
      held,
      open.map((at) => rows[at]!),
    ).forEach((found, at) => {
      if (found < 0) return;
      copyOf[indexes[open[at]!]!] = held[found]!.id;
      copies += 1;
    });
  }
  return copies;
}

/** Each pair's record indexes in file order: a counting sort, built once. */
function recordsByPair(pairOf: Uint32Array, pairCount: number) {
  const startOf = new Uint32Array(pairCount + 1);
  for (const pair of pairOf) startOf[pair + 1]! += 1;
  for (let pair = 1; pair <= pairCount; pair += 1) startOf[pair]! += startOf[pair - 1]!;
  const placed = startOf.slice();
  const records = new Uint32Array(pairOf.length);
  for (let index = 0; index < pairOf.length; index += 1) records[placed[pairOf[index]!]!++] = index;
  return (pair: number) => Array.from(records.subarray(startOf[pair]!, startOf[pair + 1]!));
}

/**
 * After an import's records are deleted: the copies of its rows left in other imports count
 * again, unless another row still counts their call. Each relation's orphaned copies, import by
 * import, are matched against the rows that count; those without one count from now on, added
 * to the relation and to their import's contribution (so deleting that import later takes them
 * out). Returns how many rows count again.
 */
export function recountOrphanedCopies(tx: Executor, relationIds: string[]): number {
  let counted = 0;
  for (const relationId of relationIds) {
    const relation = tx.get<{ num: number }>(
      sql`SELECT num FROM relations WHERE id = ${relationId}`,
    );
    if (!relation) continue;
    const orphans = tx.all<StoredRow>(
      sql`SELECT c.id, c.started_unix AS at, c.kind, c.duration_seconds AS seconds, c.own_end, c.import_num
        FROM call_records c WHERE c.relation_num = ${relation.num} AND c.copy_of IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM call_records o WHERE o.id = c.copy_of)
        ORDER BY c.import_num, c.started_unix, c.id`,
    );
    if (!orphans.length) continue;
    const held = tx
      .all<StoredRow>(
        sql`SELECT id, started_unix AS at, kind, duration_seconds AS seconds, own_end, import_num
          FROM call_records WHERE relation_num = ${relation.num} AND copy_of IS NULL
          ORDER BY started_unix, id`,
      )
      .map(rowOfStored);
    const byImport = new Map<number, CallRow[]>();
    for (const row of orphans.map(rowOfStored)) {
      const rows = byImport.get(row.importNum);
      if (rows) rows.push(row);
      else byImport.set(row.importNum, [row]);
    }
    for (const [importNum, rows] of byImport) {
      const again = { calls: 0, messages: 0, seconds: 0 };
      matchCallCopies(held, rows).forEach((found, at) => {
        const row = rows[at]!;
        if (found >= 0) {
          tx.run(sql`UPDATE call_records SET copy_of = ${held[found]!.id} WHERE id = ${row.id}`);
          return;
        }
        tx.run(sql`UPDATE call_records SET copy_of = NULL WHERE id = ${row.id}`);
        if (row.sms) again.messages += 1;
        else again.calls += 1;
        again.seconds += row.seconds;
        counted += 1;
        held.push(row);
      });
      held.sort((a, b) => a.at - b.at || a.id - b.id);
      if (!again.calls && !again.messages) continue;
      // A count the relation did not have (null) stays null unless rows add to it.
      const plus = (column: string, more: number) =>
        more ? sql.raw(`coalesce(${column}, 0) + ${more}`) : sql.raw(column);
      tx.run(sql`UPDATE relations SET event_count = ${plus('event_count', again.calls)},
        message_count = ${plus('message_count', again.messages)},
        duration_seconds = coalesce(duration_seconds, 0) + ${again.seconds} WHERE id = ${relationId}`);
      tx.run(sql`UPDATE import_relations SET event_count = event_count + ${again.calls},
        message_count = message_count + ${again.messages},
        duration_seconds = duration_seconds + ${again.seconds}
        WHERE relation_id = ${relationId} AND import_id = (SELECT id FROM imports WHERE num = ${importNum})`);
    }
  }
  return counted;
}
