import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { isMasked, maskFitter } from './account-masks';

interface End {
  id: string;
  account_no: string | null;
  holder_name: string | null;
}

/** A live account entity's number and holder (null: no account, or deleted). */
function endOf(tx: Executor, entityId: string): End | undefined {
  return tx.get<End>(
    sql`SELECT e.id, a.account_no, a.holder_name FROM entities e
      JOIN accounts a ON a.entity_id = e.id WHERE e.id = ${entityId} AND e.deleted_at IS NULL`,
  );
}

/**
 * The relation, in the same way, between the same payer or payee and the account a masked
 * counterpart is (`unmaskKnownCounterparts`'s test: the one account with money relations to the
 * other end whose number and holder the mask fits), for a relation with a masked end
 * (张*（6222****0011） → 李四). A statement that masks its counterpart, imported before the one
 * that names it in full, had left its transfers under the masked account, counted again beside
 * the full statement's. Null where the relation has no masked end or the mask fits no one
 * account.
 */
export function fullTwinOf(tx: Executor, relationId: string): string | null {
  const relation = tx.get<{ from_entity_id: string; to_entity_id: string }>(
    sql`SELECT from_entity_id, to_entity_id FROM relations
      WHERE id = ${relationId} AND type = 'finances' AND deleted_at IS NULL`,
  );
  if (!relation) return null;
  const [from, to] = [endOf(tx, relation.from_entity_id), endOf(tx, relation.to_entity_id)];
  if (!from?.account_no || !to?.account_no) return null;
  const fromMasked = isMasked(from.account_no);
  if (fromMasked === isMasked(to.account_no)) return null;
  const [masked, known] = fromMasked ? [from, to] : [to, from];
  const fits = maskFitter(masked.account_no, masked.holder_name);
  if (!fits) return null;
  const found = tx
    .all<{ id: string; account_no: string; holder_name: string | null }>(
      sql`SELECT DISTINCT other.entity_id AS id, other.account_no, other.holder_name
        FROM relations r
        JOIN accounts other ON other.entity_id =
          CASE WHEN r.from_entity_id = ${known.id} THEN r.to_entity_id ELSE r.from_entity_id END
        JOIN entities e ON e.id = other.entity_id AND e.deleted_at IS NULL
        WHERE r.type = 'finances' AND r.deleted_at IS NULL
          AND (r.from_entity_id = ${known.id} OR r.to_entity_id = ${known.id})`,
    )
    .filter((account) => fits(account.account_no, account.holder_name));
  if (found.length !== 1) return null;
  const [payer, payee] = fromMasked ? [found[0]!.id, known.id] : [known.id, found[0]!.id];
  return (
    tx.get<{ id: string }>(
      sql`SELECT id FROM relations WHERE type = 'finances' AND deleted_at IS NULL
        AND from_entity_id = ${payer} AND to_entity_id = ${payee}`,
    )?.id ?? null
  );
}

/** The live money relations between these entities and a masked account (6222****0011). */
export function maskedRelationsAt(tx: Executor, entityIds: Iterable<string>): string[] {
  const ends = new Set(entityIds);
  if (!ends.size) return [];
  // Masked accounts are few: read them all, then their relations.
  return tx
    .all<{ id: string; from_entity_id: string; to_entity_id: string; masked: string }>(
      sql`SELECT r.id, r.from_entity_id, r.to_entity_id, a.entity_id AS masked
        FROM accounts a
        JOIN relations r ON r.type = 'finances' AND r.deleted_at IS NULL
          AND (r.from_entity_id = a.entity_id OR r.to_entity_id = a.entity_id)
        WHERE a.account_no LIKE '%*%' OR a.account_no LIKE '%＊%'`,
    )
    .filter(
      (row) =>
        ends.has(row.from_entity_id === row.masked ? row.to_entity_id : row.from_entity_id) ||
        ends.has(row.masked),
    )
    .map((row) => row.id);
}
