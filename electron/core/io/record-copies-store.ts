import type Database from 'better-sqlite3';
import { unixToIso } from '../db/unix-time';
import { chinaDate } from '../../api/domain/china-time';
import {
  callCopyRule,
  matchCopies,
  transferCopyRule,
  type CallRow,
  type TransferRow,
} from '../records/record-copies';
import {
  callOfStored,
  storedCallColumns,
  statementSpanSql,
  statementSpans,
  storedTransferColumns,
  transferOfStored,
  type StoredCall,
  type StoredSpan,
  type StoredTransfer,
} from '../records/stored-copy-rows';
import {
  heldOfStored,
  heldReferencesSql,
  heldRefundsSql,
  matchReferences,
  refundBounds,
  refundedReferences,
  referenceVariants,
  type ReferenceRow,
  type StoredReference,
} from '../records/reference-copies';

/**
 * The rows of one relation that count (no copies), in time order. A transfer that is the copy
 * of a row of another relation (one payment named by other accounts, `reference-copies.ts`)
 * is its relation's row of that payment: the other party's row of it is its copy, as when it
 * counted.
 */
const countedCalls = `SELECT ${storedCallColumns}
  FROM call_records WHERE relation_num = ? AND copy_of IS NULL ORDER BY started_unix, id`;
const countedTransfers = `SELECT ${storedTransferColumns}
  FROM money_transfers t WHERE relation_id = ? AND offset_of IS NULL
    AND (copy_of IS NULL OR NOT EXISTS (SELECT 1 FROM money_transfers h
      WHERE h.id = t.copy_of AND h.relation_id IS t.relation_id))
  ORDER BY at, id`;

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
  // A relation whose rows are farther off than the window may still hold a late booking.
  const window = Math.max(rule.windowSeconds, rule.late?.lateSeconds ?? 0);
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

/**
 * The transfers of an import already counted: see `markCopies`. `spans`: the first and last
 * instant of each account's rows in the file (its statements' spans).
 */
export function markTransferCopies(
  sqlite: Database.Database,
  records: PairedRecords<TransferRow>,
  existingOf: (pair: number) => Existing | undefined,
  copyOf: Float64Array,
  own: { importId: string; spans: Map<string, [number, number]> },
): number {
  const stored = sqlite.prepare(countedTransfers);
  const span = sqlite.prepare(statementSpanSql);
  const spanOf = statementSpans(
    (importId, accountId) => span.get(importId, accountId) as StoredSpan | undefined,
    own,
  );
  // Both rows of a transfer give the same amount: none is truer, none is demoted.
  return markCopies(
    records,
    existingOf,
    (relation) => (stored.all(relation.id) as StoredTransfer[]).map(transferOfStored),
    transferCopyRule(spanOf),
    copyOf,
  ).copies;
}

/**
 * Marks the file's rows (`rows`, per record: null for one that is no candidate) that a row of
 * an earlier import holds by its platform number (`reference-copies.ts`), where no rule of their
 * relation found one. Sets `copyOf` and returns how many.
 */
export function markReferenceCopies(
  sqlite: Database.Database,
  rows: (ReferenceRow | null)[],
  copyOf: Float64Array,
): number {
  const open = rows.map((row, index) => (row && !copyOf[index] ? row : null));
  const references = new Set(open.flatMap((row) => (row ? [row.reference] : [])));
  if (!references.size) return 0;
  const read = sqlite.prepare(heldReferencesSql);
  const held = [];
  const list = [...references];
  for (let offset = 0; offset < list.length; offset += 5_000)
    held.push(
      ...(read.all(referenceVariants(list.slice(offset, offset + 5_000))) as StoredReference[]).map(
        heldOfStored,
      ),
    );
  // The held refunds of the refunds among them, and of their payments.
  const siblings = rows.filter((row) => row !== null);
  const refundsRead = sqlite.prepare(heldRefundsSql);
  const ids = new Set(held.map((row) => row.id));
  for (const base of refundedReferences(open, [...siblings, ...held]))
    for (const row of refundsRead.all(...refundBounds(base)) as StoredReference[])
      if (!ids.has(row.id)) {
        ids.add(row.id);
        held.push(heldOfStored(row));
      }
  if (!held.length) return 0;
  let copies = 0;
  matchReferences(open, held, siblings).forEach((heldId, index) => {
    if (!heldId) return;
    copyOf[index] = heldId;
    copies += 1;
  });
  return copies;
}

/** A cash row of the file being written (no counterpart, no relation). */
export interface CashRow {
  index: number;
  out: boolean;
  row: TransferRow;
}

/**
 * Marks the file's cash rows that a stored cash row of the same account, way and amount
 * already counts (the statement exported before over an overlapping period): one to one, as
 * transfers pair. Sets `copyOf` and returns how many.
 */
export function markCashCopies(
  sqlite: Database.Database,
  cash: CashRow[],
  copyOf: Float64Array,
): number {
  if (!cash.length) return 0;
  const stored = sqlite.prepare(
    `SELECT ${storedTransferColumns} FROM money_transfers
     WHERE account_id = ? AND direction = ? AND relation_id IS NULL AND copy_of IS NULL
       AND offset_of IS NULL
       AND at >= ? AND at <= ? ORDER BY at, id`,
  );
  const groups = new Map<string, CashRow[]>();
  for (const item of cash) {
    const key = `${item.row.accountId}\u0000${item.out ? 'out' : 'in'}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  let copies = 0;
  for (const group of groups.values()) {
    let [from, to] = [Infinity, -Infinity];
    for (const item of group) [from, to] = [Math.min(from, item.row.at), Math.max(to, item.row.at)];
    [from, to] = [from - 2 * 86_400, to + 2 * 86_400];
    const held = (
      stored.all(
        group[0]!.row.accountId,
        group[0]!.out ? 'out' : 'in',
        unixToIso(from),
        unixToIso(to),
      ) as StoredTransfer[]
    ).map(transferOfStored);
    if (!held.length) continue;
    matchCopies(
      held,
      group.map((item) => item.row),
      transferCopyRule(),
    ).forEach((found, at) => {
      if (found < 0) return;
      copyOf[group[at]!.index] = held[found]!.id;
      copies += 1;
    });
  }
  return copies;
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
