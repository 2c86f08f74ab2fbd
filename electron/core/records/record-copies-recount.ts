import { sql, type SQL } from 'drizzle-orm';
import { groupRows } from './group-rows';
import type { Executor } from '../db/database-types';
import {
  callCopyRule,
  matchCopies,
  transferCopyRule,
  type CallRow,
  type TransferRow,
} from './record-copies';
import {
  callOfStored,
  storedCallColumns,
  storedTransferColumns,
  transferOfStored,
  type StoredCall,
  type StoredTransfer,
} from './stored-copy-rows';
import { fullTwinsOf, maskedRelationsAt, settleMaskedAccounts } from './masked-twins';
import { sharedReferenceSql, sharesReference, storedReferenceCopies } from './reference-copies';
import { indexEntity } from '../search/search-indexer';
import { storedStatementSpans } from './stored-statement-spans';

/** Raised when the way copies are marked changes, so workspaces are marked again once. */
const recordCopiesVersion = 14;

/**
 * One relation's rows, import by import in the order imported, marked as the writer marks an
 * import's rows: in each import the second end's rows against the first end's, then the rest
 * against the rows earlier imports count (a truer row counting instead of a held one). Returns
 * each copy's row and the ID of the row that counts its event.
 */
function copiesAmong<Row extends CallRow | TransferRow>(
  groups: Row[][],
  firstSide: (row: Row) => boolean,
  rule: Parameters<typeof matchCopies<Row>>[2],
): Map<Row, number> {
  const byTime = (a: Row, b: Row) => a.at - b.at || a.id - b.id;
  const held: Row[] = [];
  const copyOf = new Map<Row, number>();
  for (const group of groups) {
    const sorted = [...group].sort(byTime);
    const first = sorted.filter(firstSide);
    const second = sorted.filter((row) => !firstSide(row));
    matchCopies(first, second, rule).forEach((found, at) => {
      if (found < 0) return;
      const truer = rule.truer?.(first[found]!, second[at]!);
      copyOf.set(truer ? first[found]! : second[at]!, (truer ? second[at]! : first[found]!).id);
    });
    const open = sorted.filter((row) => !copyOf.has(row));
    const counted: Row[] = [];
    const replaced: number[] = [];
    matchCopies(held, open, rule).forEach((found, at) => {
      if (found < 0) counted.push(open[at]!);
      else if (rule.truer?.(held[found]!, open[at]!)) {
        // The earlier import's row becomes the copy of this truer one.
        copyOf.set(held[found]!, open[at]!.id);
        replaced.push(found);
        counted.push(open[at]!);
      } else copyOf.set(open[at]!, held[found]!.id);
    });
    for (const found of replaced.sort((a, b) => b - a)) held.splice(found, 1);
    held.push(...counted);
    held.sort(byTime);
  }
  return copyOf;
}

/** Transfers as the matching reads them, with their mark and way, in the order imported. */
function storedTransfers(tx: Executor, where: SQL) {
  return tx
    .all<StoredTransfer>(
      // A reversal pair (offset_of) is neither a copy nor counted: left out of the matching, and
      // so is a copy of a transfer a reversal undid (the other party's row of it, or a second
      // export of the statement holding it: the reversal may be in another import).
      sql`SELECT ${sql.raw(storedTransferColumns)} FROM money_transfers
        WHERE (${where}) AND offset_of IS NULL AND (copy_of IS NULL OR NOT EXISTS (SELECT 1
          FROM money_transfers undone WHERE undone.id = money_transfers.copy_of AND undone.offset_of IS NOT NULL))
        ORDER BY (SELECT num FROM imports WHERE imports.id = money_transfers.import_id), id`,
    )
    .map((row) => ({ ...transferOfStored(row), was: row.copy_of, out: row.direction === 'out' }));
}

/** Writes the marks that changed (`was`: the stored one); returns how many. */
function writeMarks(
  tx: Executor,
  table: 'call_records' | 'money_transfers',
  rows: { id: number; was: number | null }[],
  copyOf: Map<unknown, number>,
): number {
  let changed = 0;
  for (const row of rows) {
    const now = copyOf.get(row) ?? null;
    if (now === row.was) continue;
    tx.run(sql`UPDATE ${sql.identifier(table)} SET copy_of = ${now} WHERE id = ${row.id}`);
    changed += 1;
  }
  return changed;
}

/** A count the relation did not have (null) stays null unless something is added to it. */
const plus = (column: string, more: number) =>
  more ? sql.raw(`coalesce(${column}, 0) + ${more}`) : sql.raw(column);

/**
 * Marks a calls relation's rows afresh: each row's copy is set as the writer would have set
 * it had the remaining imports been imported alone, in their order; each import's contribution
 * becomes what its counted rows add, and the relation changes by as much. Returns the rows
 * whose mark changed.
 */
function remarkCalls(tx: Executor, relationId: string, relationNum: number): number {
  const rows = tx
    .all<StoredCall>(
      // A row that is a forwarded leg's copy (its held row in another relation) is marked by
      // `forwarded-answers.ts`.
      sql`SELECT ${sql.raw(storedCallColumns)} FROM call_records
        WHERE relation_num = ${relationNum} AND NOT EXISTS (SELECT 1 FROM call_records held
          WHERE held.id = call_records.copy_of AND held.relation_num <> ${relationNum})
        ORDER BY import_num, id`,
    )
    .map((row) => ({ ...callOfStored(row), was: row.copy_of }));
  const groups = groupRows(rows, (row) => row.importNum);
  const copyOf = copiesAmong([...groups.values()], (row) => row.ownEnd === 1, callCopyRule);
  const changed = writeMarks(tx, 'call_records', rows, copyOf);
  if (!changed) return 0;
  const total = { calls: 0, messages: 0, seconds: 0 };
  for (const [importNum, group] of groups) {
    const counted = group.filter((row) => !copyOf.has(row));
    const calls = counted.filter((row) => !row.sms).length;
    const messages = counted.length - calls;
    const seconds = counted.reduce((sum, row) => sum + row.seconds, 0);
    const importId = sql`(SELECT id FROM imports WHERE num = ${importNum})`;
    const before = tx.get<{ event_count: number; message_count: number; duration_seconds: number }>(
      sql`SELECT event_count, message_count, duration_seconds FROM import_relations
        WHERE relation_id = ${relationId} AND import_id = ${importId}`,
    );
    if (!before) continue;
    total.calls += calls - before.event_count;
    total.messages += messages - before.message_count;
    total.seconds += seconds - before.duration_seconds;
    tx.run(sql`UPDATE import_relations SET event_count = ${calls}, message_count = ${messages},
      duration_seconds = ${seconds} WHERE relation_id = ${relationId} AND import_id = ${importId}`);
  }
  tx.run(sql`UPDATE relations SET event_count = ${plus('event_count', total.calls)},
    message_count = ${plus('message_count', total.messages)},
    duration_seconds = ${plus('duration_seconds', total.seconds)} WHERE id = ${relationId}`);
  return changed;
}

/** A platform's 提现 or 充值, by its type or summary (财付通's 交易业务类型 提现). */
const walletMoveSql = sql`AND (channel LIKE '%提现%' OR channel LIKE '%充值%'
  OR summary LIKE '%提现%' OR summary LIKE '%充值%')`;

/** `remarkCalls` for a finances relation: transfer counts and amounts. */
function remarkTransfers(tx: Executor, relationId: string): number {
  const rows = storedTransfers(tx, sql`relation_id = ${relationId}`);
  const groups = groupRows(rows, (row) => row.importId);
  const spanOf = storedStatementSpans(tx);
  const rule = transferCopyRule(spanOf);
  const copyOf = copiesAmong<(typeof rows)[number]>([...groups.values()], (row) => row.out, rule);
  // A masked counterpart's rows that the full statement counts already (whichever came first).
  const twins = fullTwinsOf(tx, relationId);
  if (twins.relationIds.length) {
    const held = storedTransfers(
      tx,
      sql`relation_id IN (SELECT value FROM json_each(${JSON.stringify(twins.relationIds)}))
        AND copy_of IS NULL ${twins.walletMoves ? walletMoveSql : sql``}`,
    ).sort((a, b) => a.at - b.at || a.id - b.id);
    const open = rows.filter((row) => !copyOf.has(row)).sort((a, b) => a.at - b.at || a.id - b.id);
    matchCopies(held, open, rule).forEach((found, at) => {
      if (found >= 0) copyOf.set(open[at]!, held[found]!.id);
    });
  }
  markReferenceCopies(tx, rows, copyOf);
  const changed = writeMarks(tx, 'money_transfers', rows, copyOf);
  if (!changed) return 0;
  const total = { count: 0, fen: 0 };
  for (const [importId, group] of groups) {
    const counted = group.filter((row) => !copyOf.has(row));
    const fen = counted.reduce((sum, row) => sum + row.amountFen, 0);
    const before = tx.get<{ event_count: number; amount_fen: number }>(
      sql`SELECT event_count, amount_fen FROM import_relations
        WHERE relation_id = ${relationId} AND import_id = ${importId}`,
    );
    if (!before) continue;
    total.count += counted.length - before.event_count;
    total.fen += fen - before.amount_fen;
    tx.run(sql`UPDATE import_relations SET event_count = ${counted.length}, amount_fen = ${fen}
      WHERE relation_id = ${relationId} AND import_id = ${importId}`);
  }
  tx.run(sql`UPDATE relations SET event_count = ${plus('event_count', total.count)},
    amount_fen = ${plus('amount_fen', total.fen)} WHERE id = ${relationId}`);
  return changed;
}

/**
 * Of rows no rule of their relation made copies, those an earlier import holds by their platform
 * number under other accounts' names (`reference-copies.ts`), as the writer marks them.
 */
function markReferenceCopies<Row extends { id: number }>(
  tx: Executor,
  rows: Row[],
  copyOf: Map<Row, number>,
): void {
  const open = new Map(rows.filter((row) => !copyOf.has(row)).map((row) => [row.id, row]));
  for (const [id, heldId] of storedReferenceCopies(tx, [...open.keys()]))
    copyOf.set(open.get(id)!, heldId);
}

/**
 * Marks the cash rows of these accounts afresh (no relation, no counts to change): per account
 * and way, import by import, a row that a row of an earlier import already counts (the
 * statement exported twice) is its copy. Returns the rows whose mark changed.
 */
export function remarkCash(tx: Executor, accountIds: string[]): number {
  let changed = 0;
  for (const accountId of accountIds) {
    const stored = storedTransfers(tx, sql`account_id = ${accountId} AND relation_id IS NULL`);
    for (const out of [true, false]) {
      const rows = stored.filter((row) => row.out === out);
      const copyOf = copiesAmong(
        [...groupRows(rows, (row) => row.importId).values()],
        () => true,
        transferCopyRule(),
      );
      markReferenceCopies(tx, rows, copyOf);
      changed += writeMarks(tx, 'money_transfers', rows, copyOf);
    }
  }
  return changed;
}

/**
 * The money relations of a masked account (6222****0011) at either end of these relations:
 * read while the relations stand (deleting an import takes out those it created).
 */
export function maskedRelationsBeside(tx: Executor, relationIds: string[]): string[] {
  if (!relationIds.length) return [];
  const ends = tx.all<{ from_entity_id: string; to_entity_id: string }>(
    sql`SELECT from_entity_id, to_entity_id FROM relations WHERE type = 'finances'
      AND id IN (SELECT value FROM json_each(${JSON.stringify(relationIds)}))`,
  );
  return maskedRelationsAt(
    tx,
    ends.flatMap((relation) => [relation.from_entity_id, relation.to_entity_id]),
  );
}

/**
 * Marks masked accounts' money relations afresh against the relation each mask is
 * (`fullTwinsOf`): a full statement imported after the masked one makes the masked rows of its
 * transfers copies, and a full relation that loses its rows lets them count again. Returns the
 * rows whose mark changed. A masked account all of whose transfers are copies is merged into
 * the full account it is, and goes back apart when they count again (`settleMaskedAccounts`).
 */
export function remarkMasked(tx: Executor, maskedIds: string[]): number {
  const changed = maskedIds.reduce(
    (count, relationId) => count + remarkTransfers(tx, relationId),
    0,
  );
  for (const entityId of new Set(settleMaskedAccounts(tx, maskedIds))) indexEntity(tx, entityId);
  return changed;
}

/**
 * Marks the copies of these relations afresh (after an import's rows left them): the rows of
 * the imports that remain are marked as if those had been imported alone, in their order, so
 * deleting imports in any order leaves what importing the others would have. Relations whose
 * rows come from one import without copies are left as they are. Returns the rows whose mark
 * changed.
 */
export function remarkRelations(tx: Executor, relationIds: string[]): number {
  let changed = 0;
  for (const relationId of relationIds) {
    const relation = tx.get<{ num: number; type: string }>(
      sql`SELECT num, type FROM relations WHERE id = ${relationId}`,
    );
    if (relation?.type === 'calls') {
      const mixed = tx.get<{ imports: number; copies: number; ends: number }>(
        sql`SELECT count(DISTINCT import_num) AS imports, count(copy_of) AS copies,
          count(DISTINCT own_end) AS ends FROM call_records WHERE relation_num = ${relation.num}`,
      );
      if (mixed && (mixed.imports > 1 || mixed.copies || mixed.ends > 1))
        changed += remarkCalls(tx, relationId, relation.num);
    } else if (relation?.type === 'finances') {
      const mixed = tx.get<{ imports: number; copies: number; ways: number }>(
        sql`SELECT count(DISTINCT import_id) AS imports, count(copy_of) AS copies,
          count(DISTINCT direction) AS ways FROM money_transfers WHERE relation_id = ${relationId}`,
      );
      if (
        mixed &&
        (mixed.imports > 1 || mixed.copies || mixed.ways > 1 || sharesReference(tx, relationId))
      )
        changed += remarkTransfers(tx, relationId);
    }
  }
  return changed + remarkMasked(tx, maskedRelationsBeside(tx, relationIds));
}

/**
 * Calls and transfers imported before copies were marked (or under an older rule) are marked
 * once, at the first unlock by this version, in one transaction: the same call in both lists,
 * the same transfer on both statements, overlapping exports, a masked statement's transfers
 * that the full one counts (version 8), a masked account whose transfers all are copies merged
 * into the full one (version 9), one payment in two files that name its accounts differently,
 * found by its platform number (version 10), a text the receiver's list shows delivered minutes
 * after the sender's (version 11), a payee's credit from the payer named alone (欧阳一, no number)
 * that the payer's debit counts (version 12), one that the debit of either of the payer's two
 * cards counts (version 13), a card's 微信零钱提现 from 财付通 that the 调证's 提现 to it counts
 * (version 14). The relations' counts and the imports' contributions
 * lose what the copies had added. Returns the rows whose mark changed, or null when the
 * workspace was marked already.
 */
export function ensureRecordCopiesMarked(db: Executor, now: string): number | null {
  const stored = db.get<{ value: string }>(
    sql`SELECT value FROM settings WHERE key = 'recordCopiesVersion'`,
  );
  if (stored && JSON.parse(stored.value) === recordCopiesVersion) return null;
  return db.transaction((tx) => {
    const relations = tx.all<{ id: string }>(
      sql`SELECT r.id FROM call_records c JOIN relations r ON r.num = c.relation_num
        GROUP BY c.relation_num
        HAVING count(DISTINCT c.import_num) > 1 OR count(DISTINCT c.own_end) > 1
        UNION SELECT relation_id FROM money_transfers WHERE relation_id IS NOT NULL
        GROUP BY relation_id HAVING count(DISTINCT import_id) > 1 OR count(DISTINCT direction) > 1
        UNION SELECT r.id FROM accounts a JOIN relations r ON r.type = 'finances'
          AND (r.from_entity_id = a.entity_id OR r.to_entity_id = a.entity_id)
        WHERE a.account_no LIKE '%*%' OR a.account_no LIKE '%＊%' OR a.account_no LIKE '%对方）'
        UNION SELECT t.relation_id FROM money_transfers t
        WHERE t.relation_id IS NOT NULL AND ${sharedReferenceSql}`,
    );
    const accounts = tx.all<{ id: string }>(
      sql`SELECT account_id AS id FROM money_transfers WHERE relation_id IS NULL AND account_id IS NOT NULL
        GROUP BY account_id HAVING count(DISTINCT import_id) > 1
        UNION SELECT t.account_id FROM money_transfers t
        WHERE t.relation_id IS NULL AND t.account_id IS NOT NULL AND ${sharedReferenceSql}`,
    );
    const changed =
      remarkRelations(
        tx,
        relations.map((relation) => relation.id),
      ) +
      remarkCash(
        tx,
        accounts.map((account) => account.id),
      );
    markRecordCopiesCurrent(tx, now);
    return changed;
  });
}

/** Records that the workspace's copies are marked by this version (a new one has no rows). */
export function markRecordCopiesCurrent(db: Executor, now: string): void {
  db.run(sql`INSERT INTO settings (key, value, updated_at) VALUES ('recordCopiesVersion', ${JSON.stringify(recordCopiesVersion)}, ${now})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
}
