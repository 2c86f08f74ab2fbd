import { type SQL, sql } from 'drizzle-orm';
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

/** A refund's own number: its payment's 交易号 and a suffix (Alipay's 账务明细: 2026…0002_1). */
const refundNumber = /^(.+)_\d{1,4}$/;

/**
 * Refunds can come weeks after their payment, and the 交易明细 dates its refund at the payment
 * (it prints no other time): a quarter, as for a bank's reversal.
 */
const refundWindowSeconds = 90 * 86_400;

/** The payment number a refund's own number (2026…0002_1) names, or null. */
function refundedReference(reference: string): string | null {
  const base = refundNumber.exec(reference)?.[1];
  return base && platformReference(base) ? base : null;
}

/**
 * Per row, the payment number it is a refund of, or null: a refund's own number (R_1), or the
 * payment's own number on a row the other way from a larger row of that number in its import,
 * at or after it (the refund a 交易明细 prints in its payment's 退款金额). `siblings`: the rows of
 * the same imports, copies too.
 */
function refundsOf(
  rows: readonly (ReferenceRow | null)[],
  siblings: readonly ReferenceRow[],
): (string | null)[] {
  const byNumber = new Map<string, ReferenceRow[]>();
  for (const row of siblings) {
    const key = `${row.importNum}|${row.reference}`;
    const list = byNumber.get(key);
    if (list) list.push(row);
    else byNumber.set(key, [row]);
  }
  return rows.map((row) => {
    if (!row) return null;
    const base = refundedReference(row.reference);
    if (base) return base;
    const paid = byNumber
      .get(`${row.importNum}|${row.reference}`)
      ?.some(
        (other) => other.out !== row.out && other.amountFen > row.amountFen && other.at <= row.at,
      );
    return paid ? row.reference : null;
  });
}

/** The payment numbers whose refunds a match of these rows needs held: see `refundsOf`. */
export function refundedReferences(
  rows: readonly (ReferenceRow | null)[],
  siblings: readonly ReferenceRow[] = rows.filter((row) => row !== null),
): string[] {
  return [...new Set(refundsOf(rows, siblings).filter((base) => base !== null))];
}

/**
 * Per row, the held row (its ID) of the same payment in an earlier import, or 0: the same
 * platform number and amount, within a day, the same way first, else the other way. A refund
 * is matched to a held refund of the same payment (`refundsOf`: its own number R_1 in the
 * 账务明细, the payment's in the 交易明细) of the same amount within a quarter, the same way
 * first. One held row is the copy of one row at most; a counted held row is taken before a
 * copy, an earlier import before a later. `siblings`: the rows' imports' rows (copies too).
 */
export function matchReferences(
  rows: readonly (ReferenceRow | null)[],
  held: readonly HeldReferenceRow[],
  siblings: readonly ReferenceRow[] = rows.filter((row) => row !== null),
): number[] {
  const byReference = new Map<string, HeldReferenceRow[]>();
  const ordered = [...held].sort(
    (a, b) => Number(b.counted) - Number(a.counted) || a.importNum - b.importNum || a.id - b.id,
  );
  for (const row of ordered) {
    const list = byReference.get(row.reference);
    if (list) list.push(row);
    else byReference.set(row.reference, [row]);
  }
  const byRefund = new Map<string, HeldReferenceRow[]>();
  const heldRefunds = refundsOf(ordered, [...held, ...siblings]);
  ordered.forEach((row, at) => {
    const base = heldRefunds[at];
    if (!base) return;
    const list = byRefund.get(base);
    if (list) list.push(row);
    else byRefund.set(base, [row]);
  });
  const rowRefunds = refundsOf(rows, siblings);
  const taken = new Set<number>();
  const open = (row: ReferenceRow, list: HeldReferenceRow[] | undefined, window: number) =>
    (list ?? []).filter(
      (candidate) =>
        !taken.has(candidate.id) &&
        candidate.importNum < row.importNum &&
        candidate.amountFen === row.amountFen &&
        Math.abs(candidate.at - row.at) <= window,
    );
  return rows.map((row, at) => {
    if (!row) return 0;
    const candidates = open(row, byReference.get(row.reference), referenceWindowSeconds);
    // The same side first (the owner's bill and his 调证), then the other side's file (the
    // payee's own bill prints the payer's 交易单号 as money in): one payment either way.
    const base = rowRefunds[at];
    const refunds = base ? open(row, byRefund.get(base), refundWindowSeconds) : [];
    const found =
      candidates.find((candidate) => candidate.out === row.out) ??
      candidates.find((candidate) => candidate.out !== row.out) ??
      refunds.find((candidate) => candidate.out === row.out) ??
      refunds.find((candidate) => candidate.out !== row.out);
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

/**
 * The stored rows of a payment number's refunds, as `heldReferencesSql` reads them: the
 * payment's own number (the 交易明细 prints its refund on it) and its refunds' (R_1, R_2), however
 * written; the parameters `refundBounds` of the payment's number.
 */
export const heldRefundsSql = `SELECT t.id, t.reference, t.direction, t.amount_fen, t.at,
    t.copy_of, i.num AS import_num
  FROM money_transfers t JOIN imports i ON i.id = t.import_id
  WHERE (t.reference IN (?, ?) OR t.reference BETWEEN ? AND ? OR t.reference BETWEEN ? AND ?)
    AND t.offset_of IS NULL`;

/** The parameters of `heldRefundsSql`: the number as written and with the mark, and ranges. */
export const refundBounds = (base: string) => [
  base,
  `'${base}`,
  `${base}_`,
  `${base}_~`,
  `'${base}_`,
  `'${base}_~`,
];

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
  const stored = tx.all<StoredReference>(
    sql`SELECT t.id, t.reference, t.direction, t.amount_fen, t.at, t.copy_of, i.num AS import_num
        FROM money_transfers t JOIN imports i ON i.id = t.import_id
        WHERE t.reference IN (SELECT value FROM json_each(${variants})) AND t.offset_of IS NULL`,
  );
  const asRows = rows.map((item) => ({ ...heldOfStored(item.row), reference: item.reference! }));
  // The held rows of the refunds among them, and of their payments (the rows' own imports' too).
  const byId = new Map(stored.map((row) => [row.id, row]));
  for (const base of refundedReferences(asRows, [...asRows, ...stored.map(heldOfStored)]))
    for (const row of tx.all<StoredReference>(bound(heldRefundsSql, refundBounds(base))))
      byId.set(row.id, row);
  const held = [...byId.values()].map(heldOfStored);
  const found = matchReferences(asRows, held, [...asRows, ...held]);
  found.forEach((heldId, at) => {
    if (heldId) copies.set(rows[at]!.id, heldId);
  });
  return copies;
}

/** A query of `?` parameters as drizzle runs it. */
function bound(text: string, values: string[]): SQL {
  const parts = text.split('?');
  return sql.join(
    parts.map((part, at) =>
      at < values.length ? sql`${sql.raw(part)}${values[at]}` : sql.raw(part),
    ),
  );
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
