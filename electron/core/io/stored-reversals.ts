import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { printedBeforeMs, reversalWindowMs, unnamedWindowMs } from './transfer-reversals';
import { matchCopies, transferCopyRule } from '../records/record-copies';
import {
  storedTransferColumns,
  transferOfStored,
  type StoredTransfer as StoredCopyRow,
} from '../records/stored-copy-rows';
import { storedStatementSpans } from '../records/stored-statement-spans';
import { sparingTwinnedRows } from './twinned-rows';
import { reversalCounterpartFits } from './reversal-counterparts';

interface StoredTransfer {
  id: number;
  import_id: string;
  account_id: string;
  direction: 'out' | 'in';
  at: string;
  amount_fen: number;
  relation_id: string | null;
  payer_id: string | null;
  payee_id: string | null;
  day_only: number | null;
  counterpart_no: string | null;
  copy_of: number | null;
  original_reference: string | null;
}

const columns = sql.raw(
  'id, import_id, account_id, direction, at, amount_fen, relation_id, payer_id, payee_id, day_only, counterpart_no, copy_of, original_reference',
);

const dayMs = 86_400_000;

/** The account entities a counterpart number is (an alias merged into one: that one). */
function accountsNumbered(tx: Executor, accountNo: string): Set<string> {
  return new Set(
    tx
      .all<{ id: string }>(
        sql`SELECT coalesce(e.merged_into_id, e.id) AS id FROM accounts a JOIN entities e ON e.id = a.entity_id
          WHERE a.account_no = ${accountNo}`,
      )
      .map((row) => row.id),
  );
}

/**
 * The transfer a reversal names by its serial (原交易流水号 S1: the row of another import whose
 * 交易流水号 is S1), on its account, the other way, for the same amount, not paired yet, at or
 * before it (`latest`) and within the window the pairing by amount gives (`at`: a quarter
 * where both name a counterpart, else a week), to the same counterpart where both name one
 * (`reversalCounterpartFits`); with `importId`, of that import. Null where it names none or
 * none is stored: the transfer is then found by amount and time (`latestAlike`).
 */
function serialNamed(
  tx: Executor,
  reversal: StoredTransfer,
  { at, latest }: { at: number; latest: number },
  importId: string | undefined,
): StoredTransfer | null {
  const serial = reversal.original_reference;
  if (!serial) return null;
  const named = tx.all<StoredTransfer>(
    sql`SELECT ${columns} FROM money_transfers
      WHERE account_id = ${reversal.account_id} AND reference = ${serial}
        AND direction = ${reversal.direction === 'out' ? 'in' : 'out'}
        AND amount_fen = ${reversal.amount_fen} AND offset_of IS NULL AND reversal IS NULL
        AND import_id <> ${reversal.import_id} AND at <= ${new Date(latest).toISOString()}
        AND at >= ${new Date(at - reversalWindowMs).toISOString()}
        ${importId === undefined ? sql`` : sql`AND import_id = ${importId}`}
      ORDER BY at DESC, id DESC`,
  );
  return (
    named.find((transfer) => {
      const counterpart = transfer.direction === 'out' ? transfer.payee_id : transfer.payer_id;
      const bothNamed = !!reversal.counterpart_no && !!counterpart;
      if (at - Date.parse(transfer.at) > (bothNamed ? reversalWindowMs : unnamedWindowMs))
        return false;
      return (
        !bothNamed ||
        reversalCounterpartFits(tx, reversal.counterpart_no!, counterpart!, reversal.account_id)
      );
    }) ?? null
  );
}

/**
 * The transfer a reversal undoes found by amount and time (`pairStoredReversals`'s rule) among
 * the rows `around` it: its own statement's first, then one due by then, then the latest.
 */
function latestAlike(
  tx: Executor,
  reversal: StoredTransfer,
  around: SQL,
  { at, due, latest }: { at: number; due: number; latest: number },
): StoredTransfer | null {
  const named = reversal.counterpart_no ? accountsNumbered(tx, reversal.counterpart_no) : null;
  const candidates = tx.all<StoredTransfer>(
    sql`SELECT ${columns} FROM money_transfers
      WHERE account_id = ${reversal.account_id} AND direction = ${reversal.direction === 'out' ? 'in' : 'out'}
        AND ${around}`,
  );
  // The other party's row of the transfer, where no import holds the reversal's own (the
  // payee's 冲正 with the payer's debit: the payee's statement of the credit deleted, or never
  // imported): on the account the reversal names, the reversal's way, to or from its account.
  const others = named?.size
    ? tx.all<StoredTransfer>(
        sql`SELECT ${columns} FROM money_transfers
          WHERE account_id IN (SELECT value FROM json_each(${JSON.stringify([...named])}))
            AND direction = ${reversal.direction}
            AND ${sql.raw(reversal.direction === 'out' ? 'payee_id' : 'payer_id')} = ${reversal.account_id}
            AND ${around}`,
      )
    : [];
  let best: StoredTransfer | null = null;
  let bestRank: [number, number, number, number] = [-1, 0, 0, 0];
  for (const transfer of [...candidates, ...others]) {
    const own = transfer.account_id === reversal.account_id;
    const counterpart = transfer.direction === 'out' ? transfer.payee_id : transfer.payer_id;
    if (own && named && counterpart && !named.has(counterpart)) continue;
    const when = Date.parse(transfer.at);
    const window = named && counterpart ? reversalWindowMs : unnamedWindowMs;
    if (when > latest || at - when > window) continue;
    // The reversal's own statement's row first: the other party's is its copy.
    const rank: [number, number, number, number] = [
      own ? 1 : 0,
      when <= due ? 1 : 0,
      when,
      transfer.id,
    ];
    if (ranksAbove(rank, bestRank)) [best, bestRank] = [transfer, rank];
  }
  return best;
}

/**
 * Pairs reversals whose transfer was not on their statement (kept counted nowhere: `offset_of`
 * their own ID) with that transfer in another import, by the rule of `offsetReversals`: the same
 * account, the other way, the same amount, the same counterpart (or one of the two naming none:
 * within a week), at or before the reversal (or a minute after) and within the window; of
 * several, the latest; a reversal naming its transfer's serial (原交易流水号) takes that one
 * first where it holds to the same counterpart and window (`serialNamed`). Where no import holds that row, the other party's row of the transfer
 * (on the account the reversal names, the reversal's way, to or from its account) is paired
 * instead, so a payee's 冲正 undoes the payer's debit whether or not the payee's statement of
 * the credit was imported, or was deleted since. The transfer found stops counting: its relation and its import's
 * contribution lose it, in the caller's transaction (where it was a copy, the row it copied
 * becomes its copy and loses its count instead); a reversal on no relation is listed under
 * the transfer's. With `importId`, one of the two is that import's (the statement with the
 * reversal imported after the one with the transfer, or before it); without, any two of
 * different imports on these accounts (after an import is deleted). Returns the pairs made.
 */
export function pairStoredReversals(
  tx: Executor,
  accountIds: readonly string[],
  importId?: string,
): number {
  if (!accountIds.length) return 0;
  const reversals = tx.all<StoredTransfer>(
    sql`SELECT ${columns} FROM money_transfers
      WHERE account_id IN (SELECT value FROM json_each(${JSON.stringify(accountIds)}))
        AND reversal = 1 AND offset_of = id ORDER BY at, id`,
  );
  let paired = 0;
  for (const reversal of reversals) {
    const at = Date.parse(reversal.at);
    const due = at + (reversal.day_only ? dayMs : 0);
    const latest = due + (reversal.day_only ? 0 : printedBeforeMs);
    const ofImport = importId === undefined || reversal.import_id === importId;
    const around = sql`amount_fen = ${reversal.amount_fen} AND offset_of IS NULL
          AND reversal IS NULL AND import_id <> ${reversal.import_id}
          AND at >= ${new Date(at - reversalWindowMs - dayMs).toISOString()}
          AND at <= ${new Date(latest + dayMs).toISOString()}
          ${ofImport ? sql`` : sql`AND import_id = ${importId}`}`;
    const best =
      serialNamed(tx, reversal, { at, latest }, ofImport ? undefined : importId) ??
      latestAlike(tx, reversal, around, { at, due, latest });
    if (!best) continue;
    tx.run(
      sql`UPDATE money_transfers SET offset_of = ${reversal.id}, copy_of = NULL WHERE id = ${best.id}`,
    );
    tx.run(sql`UPDATE money_transfers SET offset_of = ${best.id} WHERE id = ${reversal.id}`);
    if (best.copy_of !== null) {
      // The transfer undone was a copy (the other party's row of it, counted on the other
      // statement): that row is now its copy, and stops counting where it counted.
      const twin = tx.get<StoredTransfer>(
        sql`SELECT ${columns} FROM money_transfers WHERE id = ${best.copy_of}
          AND offset_of IS NULL AND copy_of IS NULL`,
      );
      if (twin) {
        tx.run(sql`UPDATE money_transfers SET copy_of = ${best.id}
          WHERE (id = ${twin.id} OR copy_of = ${twin.id}) AND id <> ${best.id}`);
        if (twin.relation_id) recount(tx, twin, -1);
      }
    } else if (best.relation_id) recount(tx, best, -1);
    if (best.relation_id)
      tx.run(sql`UPDATE money_transfers SET relation_id = ${best.relation_id},
        payer_id = ${best.payer_id}, payee_id = ${best.payee_id}
        WHERE id = ${reversal.id} AND relation_id IS NULL`);
    paired += 1;
  }
  return paired;
}

/**
 * Before an import's rows go: the pairs it made with rows of other imports come apart. A
 * reversal left is again one whose transfer no import holds (off a relation only its import's
 * statement did not give it); a transfer left counts again in its relation and its import's
 * contribution. Returns the accounts of the rows left (and a transfer's other party), to pair
 * afresh once the rows are gone, and their relations, whose copies are then marked afresh (a
 * transfer that counts again may hold a copy of it, or be one).
 */
export function unpairStoredReversals(
  tx: Executor,
  importId: string,
): { accountIds: string[]; relationIds: string[] } {
  // Found by the reversal of each pair (one side of it is one): the reversals among the
  // import's rows, and the few flagged rows of the others, never a scan of every transfer.
  type Left = StoredTransfer & { reversal: number | null };
  const left = [
    ...tx.all<Left>(
      sql`SELECT ${columns}, reversal FROM money_transfers WHERE id IN (SELECT offset_of FROM money_transfers
          WHERE import_id = ${importId} AND reversal = 1 AND offset_of <> id) AND import_id <> ${importId}`,
    ),
    ...tx.all<Left>(
      sql`SELECT ${columns}, reversal FROM money_transfers l
        WHERE reversal = 1 AND offset_of <> id AND import_id <> ${importId}
          AND EXISTS (SELECT 1 FROM money_transfers d WHERE d.id = l.offset_of AND d.import_id = ${importId})`,
    ),
  ];
  for (const row of left) {
    if (row.reversal) {
      tx.run(sql`UPDATE money_transfers SET offset_of = id WHERE id = ${row.id}`);
      tx.run(sql`UPDATE money_transfers SET relation_id = NULL, payer_id = NULL, payee_id = NULL
        WHERE id = ${row.id} AND relation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_relations x
          WHERE x.import_id = ${row.import_id} AND x.relation_id = ${row.relation_id})`);
    } else {
      tx.run(sql`UPDATE money_transfers SET offset_of = NULL WHERE id = ${row.id}`);
      if (row.relation_id) recount(tx, row, 1);
    }
  }
  return {
    // A transfer left may be undone by a reversal on the other party's account.
    accountIds: [
      ...new Set(
        left.flatMap((row) =>
          row.reversal
            ? [row.account_id]
            : [row.account_id, row.payer_id, row.payee_id].filter((id) => id !== null),
        ),
      ),
    ],
    relationIds: [...new Set(left.flatMap((row) => (row.relation_id ? [row.relation_id] : [])))],
  };
}

/**
 * A transfer a reversal undid is one event with the other party's row of it (or a second
 * export's): that row moved no money either. In these relations, each undone transfer takes,
 * by the copies' rule, a counted row of each other statement (an account in an import) that
 * holds no row of it yet as its copy: the row stops counting in its relation and its import's contribution (a 冲正 on
 * the payee's statement had left the payer's row counted). Deleting the undone row's import
 * leaves the copy naming no row, which the relation's marking afresh counts again. Returns the
 * rows made copies.
 */
export function uncountUndoneTwins(tx: Executor, relationIds: readonly string[]): number {
  let uncounted = 0;
  const withUndone = tx.all<{ id: string }>(
    sql`SELECT DISTINCT relation_id AS id FROM money_transfers
      WHERE relation_id IN (SELECT value FROM json_each(${JSON.stringify(relationIds)}))
        AND offset_of IS NOT NULL AND reversal IS NULL AND attempt IS NULL`,
  );
  for (const { id: relationId } of withUndone) {
    type Row = StoredCopyRow & { relation_id: string };
    // The transfers undone (a reversal's pair, counting nowhere) and the rows already their
    // copies: each event's statements, so that no statement gives an event two rows.
    const undone = tx.all<Row>(
      sql`SELECT ${sql.raw(storedTransferColumns)}, relation_id FROM money_transfers
        WHERE relation_id = ${relationId} AND reversal IS NULL AND copy_of IS NULL
          AND offset_of IS NOT NULL AND attempt IS NULL ORDER BY at, id`,
    );
    if (!undone.length) continue;
    const statementOf = (row: StoredCopyRow) => `${row.import_id}\u0000${row.account_id}`;
    const statements = new Map(undone.map((row) => [row.id, new Set([statementOf(row)])]));
    for (const copy of tx.all<StoredCopyRow>(
      sql`SELECT ${sql.raw(storedTransferColumns)} FROM money_transfers
        WHERE relation_id = ${relationId} AND copy_of IN (SELECT id FROM money_transfers
          WHERE relation_id = ${relationId} AND offset_of IS NOT NULL AND reversal IS NULL)`,
    ))
      statements.get(copy.copy_of!)?.add(statementOf(copy));
    const counted = tx.all<Row>(
      sql`SELECT ${sql.raw(storedTransferColumns)}, relation_id FROM money_transfers
        WHERE relation_id = ${relationId} AND reversal IS NULL AND copy_of IS NULL
          AND offset_of IS NULL ORDER BY at, id`,
    );
    if (!counted.length) continue;
    const spanOf = storedStatementSpans(tx);
    const rule = sparingTwinnedRows(tx, relationId, transferCopyRule(spanOf));
    // Statement by statement, its counted rows against the events it has no row of yet.
    const byStatement = new Map<string, Row[]>();
    for (const row of counted) {
      const list = byStatement.get(statementOf(row));
      if (list) list.push(row);
      else byStatement.set(statementOf(row), [row]);
    }
    for (const [statement, rows] of byStatement) {
      const held = undone.filter((row) => !statements.get(row.id)!.has(statement));
      matchCopies(held.map(transferOfStored), rows.map(transferOfStored), rule).forEach(
        (found, at) => {
          if (found < 0) return;
          const event = held[found]!;
          const twin = rows[at]!;
          tx.run(sql`UPDATE money_transfers SET copy_of = ${event.id}
            WHERE id = ${twin.id} OR copy_of = ${twin.id}`);
          statements.get(event.id)!.add(statement);
          recount(tx, twin, -1);
          uncounted += 1;
        },
      );
    }
  }
  return uncounted;
}

/** A transfer's count and amount taken out of (-1) or put back in (1) its relation and import. */
function recount(
  tx: Executor,
  row: Pick<StoredTransfer, 'relation_id' | 'import_id' | 'amount_fen'>,
  sign: 1 | -1,
) {
  const fen = sign * row.amount_fen;
  tx.run(sql`UPDATE relations SET event_count = coalesce(event_count, 0) + ${sign},
    amount_fen = coalesce(amount_fen, 0) + ${fen} WHERE id = ${row.relation_id}`);
  tx.run(sql`UPDATE import_relations SET event_count = event_count + ${sign},
    amount_fen = amount_fen + ${fen} WHERE import_id = ${row.import_id} AND relation_id = ${row.relation_id}`);
}

function ranksAbove(rank: readonly number[], other: readonly number[]): boolean {
  const at = rank.findIndex((value, index) => value !== other[index]);
  return at >= 0 && rank[at]! > other[at]!;
}
