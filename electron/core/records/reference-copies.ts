import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/**
 * One WeChat or Alipay payment in two files that name its accounts differently: the owner's
 * bill export (the owner a nickname or the WeChat ID typed at import, the other party a name)
 * and the platform's 调证 reply (用户ID, 对手方ID). No relation holds both rows, so the copy
 * rules of one relation (`record-copies.ts`) never meet them; the 交易单号 both print does. A
 * row of a later import with the platform number, way and amount of a row an earlier import
 * holds is that row's copy, whichever file came first; so is the other party's row of it (the
 * payee's bill printing the payer's 交易单号 as money in).
 */

/**
 * A transaction number as written into the table: Excel's text mark (a leading apostrophe) and
 * the tab WeChat puts after each number (so Excel keeps its digits) are no part of it.
 */
export function referenceText(text: string | null): string | null {
  if (text === null) return null;
  const reference = text.replace(/^[\s'‘’`]+/, '').trim();
  return reference || null;
}

/**
 * A number long enough to name one payment platform-wide (WeChat's 交易单号 28 digits, Alipay's
 * 交易号 32), never a row's 序号 (1, 2, 3) or a short 流水号 that two statements may both print.
 */
export function platformReference(text: string | null): string | null {
  const reference = referenceText(text);
  return reference && reference.length >= 16 && /\d{10}/.test(reference) ? reference : null;
}

/** The two rows of one payment may be a day apart where one file gives the day alone. */
const referenceWindowSeconds = 86_400;

/** A row as the matching reads it. */
export interface ReferenceRow {
  reference: string;
  out: boolean;
  amountFen: number;
  /** Unix seconds. */
  at: number;
  /** The import's number (its order); rows not written yet come after every stored one. */
  importNum: number;
}

/** A stored row that a row may be the copy of. */
interface HeldReferenceRow extends ReferenceRow {
  id: number;
  counted: boolean;
}

/** Both ways a stored number may be written (rows imported before it was kept without the mark). */
export const referenceVariants = (references: Iterable<string>) =>
  JSON.stringify([...references].flatMap((reference) => [reference, `'${reference}`]));

/**
 * Per row, the held row (its ID) of the same payment in an earlier import, or 0: the same
 * platform number and amount, within a day, the same way first, else the other way. One held row is the copy of one row at most;
 * a counted held row is taken before a copy, an earlier import before a later.
 */
export function matchReferences(
  rows: readonly (ReferenceRow | null)[],
  held: readonly HeldReferenceRow[],
): number[] {
  const byReference = new Map<string, HeldReferenceRow[]>();
  for (const row of [...held].sort(
    (a, b) => Number(b.counted) - Number(a.counted) || a.importNum - b.importNum || a.id - b.id,
  )) {
    const list = byReference.get(row.reference);
    if (list) list.push(row);
    else byReference.set(row.reference, [row]);
  }
  const taken = new Set<number>();
  return rows.map((row) => {
    if (!row) return 0;
    const candidates = (byReference.get(row.reference) ?? []).filter(
      (candidate) =>
        !taken.has(candidate.id) &&
        candidate.importNum < row.importNum &&
        candidate.amountFen === row.amountFen &&
        Math.abs(candidate.at - row.at) <= referenceWindowSeconds,
    );
    // The same side first (the owner's bill and his 调证), then the other side's file (the
    // payee's own bill prints the payer's 交易单号 as money in): one payment either way.
    const found =
      candidates.find((candidate) => candidate.out === row.out) ??
      candidates.find((candidate) => candidate.out !== row.out);
    if (!found) return 0;
    taken.add(found.id);
    return found.id;
  });
}

/**
 * The stored rows holding these numbers (as `referenceText` keeps them), outside reversal
 * pairs: `?` the JSON of `referenceVariants`.
 */
export const heldReferencesSql = `SELECT t.id, t.reference, t.direction, t.amount_fen, t.at,
    t.copy_of, i.num AS import_num
  FROM money_transfers t JOIN imports i ON i.id = t.import_id
  WHERE t.reference IN (SELECT value FROM json_each(?)) AND t.offset_of IS NULL`;

/** A row of `heldReferencesSql`. */
export interface StoredReference {
  id: number;
  reference: string;
  direction: string;
  amount_fen: number;
  at: string;
  copy_of: number | null;
  import_num: number;
}

export const heldOfStored = (row: StoredReference): HeldReferenceRow => ({
  id: row.id,
  reference: referenceText(row.reference)!,
  out: row.direction === 'out',
  amountFen: row.amount_fen,
  at: Date.parse(row.at) / 1000,
  importNum: row.import_num,
  counted: row.copy_of === null,
});

/**
 * Of these stored rows (their IDs; those no rule of their relation made copies), the ones an
 * earlier import holds by their platform number: row ID → the held row's ID.
 */
export function storedReferenceCopies(tx: Executor, ids: number[]): Map<number, number> {
  const copies = new Map<number, number>();
  if (!ids.length) return copies;
  const rows = tx
    .all<StoredReference>(
      sql`SELECT t.id, t.reference, t.direction, t.amount_fen, t.at, t.copy_of, i.num AS import_num
        FROM money_transfers t JOIN imports i ON i.id = t.import_id
        WHERE t.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
          AND t.reference IS NOT NULL`,
    )
    .map((row) => ({ id: row.id, reference: platformReference(row.reference), row }))
    .filter((item) => item.reference !== null);
  if (!rows.length) return copies;
  const variants = referenceVariants(rows.map((item) => item.reference!));
  const held = tx
    .all<StoredReference>(
      sql`SELECT t.id, t.reference, t.direction, t.amount_fen, t.at, t.copy_of, i.num AS import_num
        FROM money_transfers t JOIN imports i ON i.id = t.import_id
        WHERE t.reference IN (SELECT value FROM json_each(${variants})) AND t.offset_of IS NULL`,
    )
    .map(heldOfStored);
  const found = matchReferences(
    rows.map((item) => ({ ...heldOfStored(item.row), reference: item.reference! })),
    held,
  );
  found.forEach((heldId, at) => {
    if (heldId) copies.set(rows[at]!.id, heldId);
  });
  return copies;
}

/**
 * Rows (`t`) whose platform number a row of another import holds, however either was written:
 * a condition on `t` in SQL.
 */
export const sharedReferenceSql = sql.raw(`length(t.reference) >= 16 AND EXISTS (SELECT 1
  FROM money_transfers o WHERE o.reference IN (t.reference, '''' || t.reference,
    ltrim(t.reference, '''')) AND o.import_id <> t.import_id)`);

/** Whether a row of the relation has a platform number that a row of another import holds. */
export function sharesReference(tx: Executor, relationId: string): boolean {
  return Boolean(
    tx.get(sql`SELECT 1 FROM money_transfers t WHERE t.relation_id = ${relationId}
      AND ${sharedReferenceSql} LIMIT 1`),
  );
}
