import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { unixToIso } from '../db/unix-time';
import { chinaDate } from './import-values';
import {
  callCopyRule,
  matchCopies,
  transferCopyRule,
  type CallRow,
  type TransferRow,
} from '../records/record-copies';

/** A stored call record as the copy matching reads it. */
interface StoredCall {
  id: number;
  at: number;
  kind: string;
  seconds: number;
  own_end: number | null;
  import_num: number;
}

const callOfStored = (row: StoredCall): CallRow => ({
  id: row.id,
  at: row.at,
  sms: row.kind === 'sms',
  seconds: row.seconds,
  ownEnd: row.own_end ?? 0,
  importNum: row.import_num,
});

/** A stored transfer as the copy matching reads it. */
interface StoredTransfer {
  id: number;
  at: string;
  amount_fen: number;
  account_id: string | null;
  import_id: string;
}

const transferOfStored = (row: StoredTransfer): TransferRow => ({
  id: row.id,
  at: Date.parse(row.at) / 1000,
  amountFen: row.amount_fen,
  accountId: row.account_id ?? '',
  importId: row.import_id,
});

/** The rows of one relation that count (no copies), in time order. */
const countedCalls = `SELECT id, started_unix AS at, kind, duration_seconds AS seconds, own_end, import_num
  FROM call_records WHERE relation_num = ? AND copy_of IS NULL ORDER BY started_unix, id`;
const countedTransfers = `SELECT id, at, amount_fen, account_id, import_id
  FROM money_transfers WHERE relation_id = ? AND copy_of IS NULL ORDER BY at, id`;

/** What the writer knows of an import's records and their pairs (from → to). */
interface PairedRecords<Row> {
  /** Each record's pair (`pairCount` or more: none). */
  pairOf: Uint32Array;
  /**
   * Per pair, the sides its rows came from (bit 1: the list or statement of the relation's
   * first end, the caller's or payer's; bit 2: the other end's): 3 where the file holds both.
   */
  sidesOf: Uint8Array;
  /** Per pair, its first and last row's time (Unix seconds). */
  firstOf: Float64Array;
  lastOf: Float64Array;
  pairCount: number;
  rowOf(index: number): Row;
  /** Whether the record is on the first end's side (caller's list, payer's statement). */
  firstSide(index: number): boolean;
}

/** A relation the import adds to, as read before it writes. */
interface Existing {
  num: number;
  id: string;
  started_on: string | null;
  ended_on: string | null;
}

/**
 * Marks the records of an import that are events already counted (`record-copies.ts`): rows of
 * the second end's side that are rows of the first end's side in the same file, then rows that
 * are rows already stored under the pair's relation. Only pairs that can hold copies are read:
 * seen from both sides in the file, or with a relation whose period meets theirs. Sets
 * `copyOf` (> 0 a stored row's ID, < 0 the negated index + 1 of the file's row) and returns
 * how many, and the stored rows whose event a truer row of the file now counts (`demoted`:
 * the writer makes them its copies once the file's rows have their IDs).
 */
function markCopies<Row extends CallRow | TransferRow>(
  records: PairedRecords<Row>,
  existingOf: (pair: number) => Existing | undefined,
  storedOf: (relation: Existing) => Row[],
  rule: Parameters<typeof matchCopies<Row>>[2],
  copyOf: Float64Array,
): { copies: number; demoted: Demoted<Row>[] } {
  const demoted: Demoted<Row>[] = [];
  const window = rule.windowSeconds;
  const meets = (pair: number, from: string | null, to: string | null) =>
    !from ||
    !to ||
    (chinaDate(unixToIso(records.firstOf[pair]! - window)) <= to &&
      chinaDate(unixToIso(records.lastOf[pair]! + window)) >= from);
  const candidates: number[] = [];
  for (let pair = 0; pair < records.pairCount; pair += 1) {
    const relation = existingOf(pair);
    if (
      records.sidesOf[pair] === 3 ||
      (relation && meets(pair, relation.started_on, relation.ended_on))
    )
      candidates.push(pair);
  }
  if (!candidates.length) return { copies: 0, demoted };
  const recordsOf = recordsByPair(records.pairOf, records.pairCount);
  let copies = 0;
  for (const pair of candidates) {
    const indexes = recordsOf(pair);
    const rows = indexes.map((index) => records.rowOf(index));
    const order = indexes.map((_, at) => at).sort((a, b) => rows[a]!.at - rows[b]!.at || a - b);
    if (records.sidesOf[pair] === 3) {
      // The first end's rows hold; the other side's are matched against them.
      const held = order.filter((at) => records.firstSide(indexes[at]!));
      const other = order.filter((at) => !records.firstSide(indexes[at]!));
      const heldRows = held.map((at) => rows[at]!);
      const otherRows = other.map((at) => rows[at]!);
      matchCopies(heldRows, otherRows, rule).forEach((found, at) => {
        if (found < 0) return;
        const [first, second] = [indexes[held[found]!]!, indexes[other[at]!]!];
        if (rule.truer?.(heldRows[found]!, otherRows[at]!)) copyOf[first] = -(second + 1);
        else copyOf[second] = -(first + 1);
        copies += 1;
      });
    }
    const relation = existingOf(pair);
    if (!relation) continue;
    const held = storedOf(relation);
    const open = order.filter((at) => !copyOf[indexes[at]!]);
    const openRows = open.map((at) => rows[at]!);
    matchCopies(held, openRows, rule).forEach((found, at) => {
      if (found < 0) return;
      if (rule.truer?.(held[found]!, openRows[at]!))
        demoted.push({ row: held[found]!, index: indexes[open[at]!]!, relationNum: relation.num });
      else copyOf[indexes[open[at]!]!] = held[found]!.id;
      copies += 1;
    });
  }
  return { copies, demoted };
}

/** A stored row whose event a row of the file being written counts from now on. */
interface Demoted<Row> {
  row: Row;
  /** The file's row (its index) that counts instead. */
  index: number;
  relationNum: number;
}

/**
 * Makes demoted stored calls copies of the file's rows that count instead, once those are
 * written (`idOf`: a file row's ID), and takes their figures out of their relation and of
 * their import's contribution.
 */
export function demoteStoredCalls(
  sqlite: Database.Database,
  demoted: Demoted<CallRow>[],
  idOf: (index: number) => number,
): void {
  const mark = sqlite.prepare('UPDATE call_records SET copy_of = ? WHERE id = ?');
  const relation = sqlite.prepare(
    `UPDATE relations SET event_count = event_count - ?, message_count = message_count - ?,
      duration_seconds = duration_seconds - ? WHERE num = ?`,
  );
  const contribution = sqlite.prepare(
    `UPDATE import_relations SET event_count = event_count - ?, message_count = message_count - ?,
      duration_seconds = duration_seconds - ?
      WHERE relation_id = (SELECT id FROM relations WHERE num = ?)
        AND import_id = (SELECT id FROM imports WHERE num = ?)`,
  );
  for (const { row, index, relationNum } of demoted) {
    mark.run(idOf(index), row.id);
    const [calls, messages] = row.sms ? [0, 1] : [1, 0];
    relation.run(calls, messages, row.seconds, relationNum);
    contribution.run(calls, messages, row.seconds, relationNum, row.importNum);
  }
}

/** The calls of an import already counted: see `markCopies`. */
export function markCallCopies(
  sqlite: Database.Database,
  records: PairedRecords<CallRow>,
  existingOf: (pair: number) => Existing | undefined,
  copyOf: Float64Array,
): { copies: number; demoted: Demoted<CallRow>[] } {
  const stored = sqlite.prepare(countedCalls);
  return markCopies(
    records,
    existingOf,
    (relation) => (stored.all(relation.num) as StoredCall[]).map(callOfStored),
    callCopyRule,
    copyOf,
  );
}

/** The transfers of an import already counted: see `markCopies`. */
export function markTransferCopies(
  sqlite: Database.Database,
  records: PairedRecords<TransferRow>,
  existingOf: (pair: number) => Existing | undefined,
  copyOf: Float64Array,
): number {
  const stored = sqlite.prepare(countedTransfers);
  // Both rows of a transfer give the same amount: none is truer, none is demoted.
  return markCopies(
    records,
    existingOf,
    (relation) => (stored.all(relation.id) as StoredTransfer[]).map(transferOfStored),
    transferCopyRule,
    copyOf,
  ).copies;
}

/** Each pair's record indexes in file order: a counting sort, built once. */
function recordsByPair(pairOf: Uint32Array, pairCount: number) {
  // A record of no pair (a cash row) names one past the last; it is counted there, not read.
  const startOf = new Uint32Array(pairCount + 2);
  for (const pair of pairOf) startOf[Math.min(pair, pairCount) + 1]! += 1;
  for (let pair = 1; pair <= pairCount + 1; pair += 1) startOf[pair]! += startOf[pair - 1]!;
  const placed = startOf.slice();
  const records = new Uint32Array(pairOf.length);
  for (let index = 0; index < pairOf.length; index += 1)
    records[placed[Math.min(pairOf[index]!, pairCount)]!++] = index;
  return (pair: number) => Array.from(records.subarray(startOf[pair]!, startOf[pair + 1]!));
}

/**
 * Orphaned copies (their counted row deleted) of one relation, import by import, matched
 * against the rows that count: a matched one names its new row (`rename`), the others count
 * from now on (`promote`) and join the rows that count.
 */
function recount<Row extends CallRow | TransferRow, Key>(
  held: Row[],
  orphans: Row[],
  importOf: (row: Row) => Key,
  rule: Parameters<typeof matchCopies<Row>>[2],
  rename: (row: Row, to: Row) => void,
  promote: (key: Key, rows: Row[]) => void,
  /** A counted row whose event a truer orphan counts from now on becomes its copy. */
  demote?: (row: Row, to: Row) => void,
): number {
  const byImport = new Map<Key, Row[]>();
  for (const row of orphans) {
    const rows = byImport.get(importOf(row));
    if (rows) rows.push(row);
    else byImport.set(importOf(row), [row]);
  }
  let counted = 0;
  for (const [key, rows] of byImport) {
    const again: Row[] = [];
    const replaced: [number, Row][] = [];
    matchCopies(held, rows, rule).forEach((found, at) => {
      const row = rows[at]!;
      if (found < 0) again.push(row);
      else if (demote && rule.truer?.(held[found]!, row)) {
        demote(held[found]!, row);
        replaced.push([found, row]);
        again.push(row);
      } else rename(row, held[found]!);
    });
    // The demoted rows leave the rows that count; the truer ones come in with the others.
    for (const [found] of replaced.sort((a, b) => b[0] - a[0])) held.splice(found, 1);
    if (!again.length) continue;
    promote(key, again);
    counted += again.length;
    held.push(...again);
    held.sort((a, b) => a.at - b.at || a.id - b.id);
  }
  return counted;
}

/**
 * After an import's records are deleted: the copies of its rows left in other imports count
 * again, unless another row still counts their event. Those that count again are added to the
 * relation and to their import's contribution (so deleting that import later takes them out).
 * Returns how many rows count again.
 */
export function recountOrphanedCopies(tx: Executor, relationIds: string[]): number {
  let counted = 0;
  for (const relationId of relationIds) {
    const relation = tx.get<{ num: number }>(
      sql`SELECT num FROM relations WHERE id = ${relationId}`,
    );
    if (!relation) continue;
    counted += recountCalls(tx, relationId, relation.num) + recountTransfers(tx, relationId);
  }
  return counted;
}

function recountCalls(tx: Executor, relationId: string, relationNum: number): number {
  const orphans = tx.all<StoredCall>(
    sql`SELECT c.id, c.started_unix AS at, c.kind, c.duration_seconds AS seconds, c.own_end, c.import_num
      FROM call_records c WHERE c.relation_num = ${relationNum} AND c.copy_of IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM call_records o WHERE o.id = c.copy_of)
      ORDER BY c.import_num, c.started_unix, c.id`,
  );
  if (!orphans.length) return 0;
  const held = tx
    .all<StoredCall>(
      sql`SELECT id, started_unix AS at, kind, duration_seconds AS seconds, own_end, import_num
        FROM call_records WHERE relation_num = ${relationNum} AND copy_of IS NULL
        ORDER BY started_unix, id`,
    )
    .map(callOfStored);
  return recount(
    held,
    orphans.map(callOfStored),
    (row) => row.importNum,
    callCopyRule,
    (row, to) => tx.run(sql`UPDATE call_records SET copy_of = ${to.id} WHERE id = ${row.id}`),
    (importNum, rows) => {
      for (const row of rows)
        tx.run(sql`UPDATE call_records SET copy_of = NULL WHERE id = ${row.id}`);
      const calls = rows.filter((row) => !row.sms).length;
      const messages = rows.length - calls;
      const seconds = rows.reduce((sum, row) => sum + row.seconds, 0);
      // A count the relation did not have (null) stays null unless rows add to it.
      const plus = (column: string, more: number) =>
        more ? sql.raw(`coalesce(${column}, 0) + ${more}`) : sql.raw(column);
      tx.run(sql`UPDATE relations SET event_count = ${plus('event_count', calls)},
        message_count = ${plus('message_count', messages)},
        duration_seconds = coalesce(duration_seconds, 0) + ${seconds} WHERE id = ${relationId}`);
      tx.run(sql`UPDATE import_relations SET event_count = event_count + ${calls},
        message_count = message_count + ${messages}, duration_seconds = duration_seconds + ${seconds}
        WHERE relation_id = ${relationId} AND import_id = (SELECT id FROM imports WHERE num = ${importNum})`);
    },
    (row, to) => {
      tx.run(sql`UPDATE call_records SET copy_of = ${to.id} WHERE id = ${row.id}`);
      const [calls, messages] = row.sms ? [0, 1] : [1, 0];
      tx.run(sql`UPDATE relations SET event_count = event_count - ${calls},
        message_count = message_count - ${messages}, duration_seconds = duration_seconds - ${row.seconds}
        WHERE id = ${relationId}`);
      tx.run(sql`UPDATE import_relations SET event_count = event_count - ${calls},
        message_count = message_count - ${messages}, duration_seconds = duration_seconds - ${row.seconds}
        WHERE relation_id = ${relationId} AND import_id = (SELECT id FROM imports WHERE num = ${row.importNum})`);
    },
  );
}

function recountTransfers(tx: Executor, relationId: string): number {
  const orphans = tx.all<StoredTransfer>(
    sql`SELECT m.id, m.at, m.amount_fen, m.account_id, m.import_id
      FROM money_transfers m WHERE m.relation_id = ${relationId} AND m.copy_of IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM money_transfers o WHERE o.id = m.copy_of)
      ORDER BY (SELECT num FROM imports WHERE id = m.import_id), m.at, m.id`,
  );
  if (!orphans.length) return 0;
  const held = tx
    .all<StoredTransfer>(
      sql`SELECT id, at, amount_fen, account_id, import_id FROM money_transfers
        WHERE relation_id = ${relationId} AND copy_of IS NULL ORDER BY at, id`,
    )
    .map(transferOfStored);
  return recount(
    held,
    orphans.map(transferOfStored),
    (row) => row.importId,
    transferCopyRule,
    (row, to) => tx.run(sql`UPDATE money_transfers SET copy_of = ${to.id} WHERE id = ${row.id}`),
    (importId, rows) => {
      for (const row of rows)
        tx.run(sql`UPDATE money_transfers SET copy_of = NULL WHERE id = ${row.id}`);
      const fen = rows.reduce((sum, row) => sum + row.amountFen, 0);
      tx.run(sql`UPDATE relations SET event_count = coalesce(event_count, 0) + ${rows.length},
        amount_fen = coalesce(amount_fen, 0) + ${fen} WHERE id = ${relationId}`);
      tx.run(sql`UPDATE import_relations SET event_count = event_count + ${rows.length},
        amount_fen = amount_fen + ${fen} WHERE relation_id = ${relationId} AND import_id = ${importId}`);
    },
  );
}
