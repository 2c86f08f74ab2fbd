import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import {
  callCopyRule,
  matchCopies,
  transferCopyRule,
  type CallRow,
  type TransferRow,
} from './record-copies';

/** Raised when the way copies are marked changes, so workspaces are marked again once. */
const recordCopiesVersion = 1;

interface Marked<Row> {
  row: Row;
  /** The ID of the row that counts its event. */
  copyOf: number;
}

/**
 * One relation's rows that count, import by import in the order imported, marked as the
 * writer would have: in each import the second end's rows against the first end's, then the
 * rest against the rows earlier imports counted. Returns the rows found to be copies.
 */
function copiesAmong<Row extends CallRow | TransferRow>(
  groups: Row[][],
  firstSide: (row: Row) => boolean,
  rule: Parameters<typeof matchCopies<Row>>[2],
): Marked<Row>[] {
  const byTime = (a: Row, b: Row) => a.at - b.at || a.id - b.id;
  const held: Row[] = [];
  const marked: Marked<Row>[] = [];
  for (const group of groups) {
    const sorted = [...group].sort(byTime);
    const first = sorted.filter(firstSide);
    const second = sorted.filter((row) => !firstSide(row));
    const copies = new Set<Row>();
    matchCopies(first, second, rule).forEach((found, at) => {
      if (found < 0) return;
      const truer = rule.truer?.(first[found]!, second[at]!);
      const held: Row = truer ? second[at]! : first[found]!;
      const row: Row = truer ? first[found]! : second[at]!;
      marked.push({ row, copyOf: held.id });
      copies.add(row);
    });
    const open = sorted.filter((row) => !copies.has(row));
    const counted: Row[] = [];
    const replaced: number[] = [];
    matchCopies(held, open, rule).forEach((found, at) => {
      if (found < 0) counted.push(open[at]!);
      else if (rule.truer?.(held[found]!, open[at]!)) {
        // The earlier import's row becomes the copy of this truer one.
        marked.push({ row: held[found]!, copyOf: open[at]!.id });
        replaced.push(found);
        counted.push(open[at]!);
      } else marked.push({ row: open[at]!, copyOf: held[found]!.id });
    });
    for (const found of replaced.sort((a, b) => b - a)) held.splice(found, 1);
    held.push(...counted);
    held.sort(byTime);
  }
  return marked;
}

/** Groups rows (already in import order) by their import. */
function byImport<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Row[][] {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return [...groups.values()];
}

function recountCalls(tx: Executor): number {
  const relations = tx.all<{ num: number; id: string }>(
    sql`SELECT c.relation_num AS num, r.id FROM call_records c JOIN relations r ON r.num = c.relation_num
      WHERE c.copy_of IS NULL GROUP BY c.relation_num
      HAVING count(DISTINCT c.import_num) > 1 OR (min(c.own_end) = 1 AND max(c.own_end) = 2)`,
  );
  let copies = 0;
  for (const relation of relations) {
    const rows = tx
      .all<{
        id: number;
        at: number;
        kind: string;
        seconds: number;
        own_end: number | null;
        import_num: number;
      }>(
        sql`SELECT id, started_unix AS at, kind, duration_seconds AS seconds, own_end, import_num
          FROM call_records WHERE relation_num = ${relation.num} AND copy_of IS NULL
          ORDER BY import_num, id`,
      )
      .map((row): CallRow => ({
        id: row.id,
        at: row.at,
        sms: row.kind === 'sms',
        seconds: row.seconds,
        ownEnd: row.own_end ?? 0,
        importNum: row.import_num,
      }));
    const marked = copiesAmong(
      byImport(rows, (row) => row.importNum),
      (row) => row.ownEnd === 1,
      callCopyRule,
    );
    for (const group of byImport(
      marked.map((item) => item.row),
      (row) => row.importNum,
    )) {
      const calls = group.filter((row) => !row.sms).length;
      const messages = group.length - calls;
      const seconds = group.reduce((sum, row) => sum + row.seconds, 0);
      tx.run(sql`UPDATE relations SET event_count = event_count - ${calls},
        message_count = CASE WHEN ${messages} = 0 THEN message_count ELSE message_count - ${messages} END,
        duration_seconds = duration_seconds - ${seconds} WHERE id = ${relation.id}`);
      tx.run(sql`UPDATE import_relations SET event_count = event_count - ${calls},
        message_count = message_count - ${messages}, duration_seconds = duration_seconds - ${seconds}
        WHERE relation_id = ${relation.id}
          AND import_id = (SELECT id FROM imports WHERE num = ${group[0]!.importNum})`);
    }
    for (const item of marked)
      tx.run(sql`UPDATE call_records SET copy_of = ${item.copyOf} WHERE id = ${item.row.id}`);
    copies += marked.length;
  }
  return copies;
}

function recountTransfers(tx: Executor): number {
  const relations = tx.all<{ id: string }>(
    sql`SELECT relation_id AS id FROM money_transfers WHERE relation_id IS NOT NULL AND copy_of IS NULL
      GROUP BY relation_id HAVING count(DISTINCT import_id) > 1 OR count(DISTINCT direction) > 1`,
  );
  let copies = 0;
  for (const relation of relations) {
    const rows = tx.all<{
      id: number;
      at: string;
      amount_fen: number;
      account_id: string | null;
      import_id: string;
      direction: string;
    }>(
      sql`SELECT m.id, m.at, m.amount_fen, m.account_id, m.import_id, m.direction
        FROM money_transfers m LEFT JOIN imports i ON i.id = m.import_id
        WHERE m.relation_id = ${relation.id} AND m.copy_of IS NULL ORDER BY i.num, m.id`,
    );
    const out = new Set(rows.filter((row) => row.direction === 'out').map((row) => row.id));
    const marked = copiesAmong(
      byImport(
        rows.map((row): TransferRow => ({
          id: row.id,
          at: Date.parse(row.at) / 1000,
          amountFen: row.amount_fen,
          accountId: row.account_id ?? '',
          importId: row.import_id,
        })),
        (row) => row.importId,
      ),
      (row) => out.has(row.id),
      transferCopyRule,
    );
    for (const group of byImport(
      marked.map((item) => item.row),
      (row) => row.importId,
    )) {
      const fen = group.reduce((sum, row) => sum + row.amountFen, 0);
      tx.run(sql`UPDATE relations SET event_count = event_count - ${group.length},
        amount_fen = amount_fen - ${fen} WHERE id = ${relation.id}`);
      tx.run(sql`UPDATE import_relations SET event_count = event_count - ${group.length},
        amount_fen = amount_fen - ${fen}
        WHERE relation_id = ${relation.id} AND import_id = ${group[0]!.importId}`);
    }
    for (const item of marked)
      tx.run(sql`UPDATE money_transfers SET copy_of = ${item.copyOf} WHERE id = ${item.row.id}`);
    copies += marked.length;
  }
  return copies;
}

/**
 * Calls and transfers imported before copies were marked (or under an older rule) are marked
 * once, at the first unlock by this version, in one transaction: the same call in both lists,
 * the same transfer on both statements, overlapping exports. The relations' counts and the
 * imports' contributions lose what the copies had added. Returns the copies found, or null
 * when the workspace was marked already.
 */
export function ensureRecordCopiesMarked(db: Executor, now: string): number | null {
  const stored = db.get<{ value: string }>(
    sql`SELECT value FROM settings WHERE key = 'recordCopiesVersion'`,
  );
  if (stored && JSON.parse(stored.value) === recordCopiesVersion) return null;
  return db.transaction((tx) => {
    const copies = recountCalls(tx) + recountTransfers(tx);
    markRecordCopiesCurrent(tx, now);
    return copies;
  });
}

/** Records that the workspace's copies are marked by this version (a new one has no rows). */
export function markRecordCopiesCurrent(db: Executor, now: string): void {
  db.run(sql`INSERT INTO settings (key, value, updated_at) VALUES ('recordCopiesVersion', ${JSON.stringify(recordCopiesVersion)}, ${now})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
}
