import type { CallRow, StatementSpan, TransferRow } from './record-copies';
import { statementSpan } from './statement-periods';

/** A stored call record as the copy matching reads it (`storedCallColumns`). */
export interface StoredCall {
  id: number;
  at: number;
  kind: string;
  seconds: number;
  own_end: number | null;
  import_num: number;
  copy_of: number | null;
}

export const storedCallColumns =
  'id, started_unix AS at, kind, duration_seconds AS seconds, own_end, import_num, copy_of';

export const callOfStored = (row: StoredCall): CallRow => ({
  id: row.id,
  at: row.at,
  sms: row.kind === 'sms',
  seconds: row.seconds,
  ownEnd: row.own_end ?? 0,
  importNum: row.import_num,
});

/** A stored transfer as the copy matching reads it (`storedTransferColumns`). */
export interface StoredTransfer {
  id: number;
  at: string;
  amount_fen: number;
  account_id: string | null;
  import_id: string;
  direction: string;
  day_only: number | null;
  copy_of: number | null;
}

export const storedTransferColumns =
  'id, at, amount_fen, account_id, import_id, direction, day_only, copy_of';

export const transferOfStored = (row: StoredTransfer): TransferRow => ({
  id: row.id,
  at: Date.parse(row.at) / 1000,
  amountFen: row.amount_fen,
  accountId: row.account_id ?? '',
  importId: row.import_id,
  out: row.direction === 'out',
  dayOnly: row.day_only === 1,
});

/**
 * A statement's first and last row (one account in one import) and the period its heading
 * gives, as `statementSpans` reads it.
 */
export const statementSpanSql = `SELECT min(m.at) AS first, max(m.at) AS last,
    i.period_from AS periodFrom, i.period_to AS periodTo
  FROM money_transfers m JOIN imports i ON i.id = m.import_id
  WHERE m.import_id = ? AND m.account_id = ?`;

/** A stored statement's rows' first and last time, and its heading's period. */
export interface StoredSpan {
  first: string | null;
  last: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
}

/**
 * The spans of stored statements, each read once (`read` runs `statementSpanSql`); `own` gives
 * those of an import not written yet.
 */
export function statementSpans(
  read: (importId: string, accountId: string) => StoredSpan | undefined,
  own?: { importId: string; spans: Map<string, [number, number]> },
): StatementSpan {
  const known = new Map<string, [number, number] | undefined>();
  return (importId, accountId) => {
    if (own && importId === own.importId) return own.spans.get(accountId);
    const key = `${importId}\u0000${accountId}`;
    if (!known.has(key)) {
      const row = read(importId, accountId);
      known.set(
        key,
        row?.first && row.last
          ? statementSpan(
              [Date.parse(row.first) / 1000, Date.parse(row.last) / 1000],
              row.periodFrom,
              row.periodTo,
            )
          : undefined,
      );
    }
    return known.get(key);
  };
}
