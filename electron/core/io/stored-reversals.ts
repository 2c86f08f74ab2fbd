import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { printedBeforeMs, reversalWindowMs, unnamedWindowMs } from './transfer-reversals';

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
}

const columns = sql.raw(
  'id, import_id, account_id, direction, at, amount_fen, relation_id, payer_id, payee_id, day_only, counterpart_no',
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
 * Pairs reversals whose transfer was not on their statement (kept counted nowhere: `offset_of`
 * their own ID) with that transfer in another import, by the rule of `offsetReversals`: the same
 * account, the other way, the same amount, the same counterpart (or one of the two naming none:
 * within a week), at or before the reversal (or a minute after) and within the window; of
 * several, the latest. The transfer found stops counting: its relation and its import's
 * contribution lose it, in the caller's transaction; a reversal on no relation is listed under
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
    const named = reversal.counterpart_no ? accountsNumbered(tx, reversal.counterpart_no) : null;
    const candidates = tx.all<StoredTransfer>(
      sql`SELECT ${columns} FROM money_transfers
        WHERE account_id = ${reversal.account_id} AND direction = ${reversal.direction === 'out' ? 'in' : 'out'}
          AND amount_fen = ${reversal.amount_fen} AND offset_of IS NULL AND copy_of IS NULL
          AND reversal IS NULL AND import_id <> ${reversal.import_id}
          AND at >= ${new Date(at - reversalWindowMs - dayMs).toISOString()}
          AND at <= ${new Date(latest + dayMs).toISOString()}
          ${ofImport ? sql`` : sql`AND import_id = ${importId}`}`,
    );
    let best: StoredTransfer | null = null;
    let bestRank: [number, number, number] = [-1, 0, 0];
    for (const transfer of candidates) {
      const counterpart = transfer.direction === 'out' ? transfer.payee_id : transfer.payer_id;
      if (named && counterpart && !named.has(counterpart)) continue;
      const when = Date.parse(transfer.at);
      const window = named && counterpart ? reversalWindowMs : unnamedWindowMs;
      if (when > latest || at - when > window) continue;
      const rank: [number, number, number] = [when <= due ? 1 : 0, when, transfer.id];
      if (ranksAbove(rank, bestRank)) [best, bestRank] = [transfer, rank];
    }
    if (!best) continue;
    tx.run(sql`UPDATE money_transfers SET offset_of = ${reversal.id} WHERE id = ${best.id}`);
    tx.run(sql`UPDATE money_transfers SET offset_of = ${best.id} WHERE id = ${reversal.id}`);
    if (best.relation_id) {
      recount(tx, best, -1);
      tx.run(sql`UPDATE money_transfers SET relation_id = ${best.relation_id},
        payer_id = ${best.payer_id}, payee_id = ${best.payee_id}
        WHERE id = ${reversal.id} AND relation_id IS NULL`);
    }
    paired += 1;
  }
  return paired;
}

/**
 * Before an import's rows go: the pairs it made with rows of other imports come apart. A
 * reversal left is again one whose transfer no import holds (off a relation only its import's
 * statement did not give it); a transfer left counts again in its relation and its import's
 * contribution. Returns the accounts of the rows left, to pair afresh once the rows are gone.
 */
export function unpairStoredReversals(tx: Executor, importId: string): string[] {
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
  return [...new Set(left.map((row) => row.account_id))];
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
