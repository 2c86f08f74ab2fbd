import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { maskFitter } from './account-masks';
import { nameOnlyFitter, namesPlatform, standsIn } from './name-only-parties';

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
 * The relations, in the same way, between the same payer or payee and the accounts a masked
 * counterpart may be (the accounts with money relations to the other end whose number and
 * holder the mask fits), for a relation with a masked end (张*（6222****0011） → 李四). A
 * statement that masks its counterpart keeps its transfers under the masked account (in
 * either order of import, so that deleting the full statement leaves them as they were):
 * they had been counted again beside the full statement's. A payer with two cards (诸葛一's
 * …620001 and …620009) has two: the credit naming him alone is a row of either card's debits.
 * A card's 微信零钱提现 from 财付通支付科技有限公司 is the holder's own withdrawal, the 调证's
 * 提现 to that card: `walletMoves` says that only such rows of the twins (提现, 充值) are its
 * events. No relations where the relation has no masked end or the mask fits no account.
 */
export function fullTwinsOf(
  tx: Executor,
  relationId: string,
): { relationIds: string[]; walletMoves: boolean } {
  const twins = twinsOf(tx, relationId);
  return {
    relationIds: twins.map((twin) => twin.relationId),
    walletMoves: twins.some((twin) => twin.walletMoves),
  };
}

/** `fullTwinsOf`'s relations, each with the masked account and the full account it may be. */
function twinsOf(
  tx: Executor,
  relationId: string,
): { relationId: string; maskedId: string; fullId: string; walletMoves: boolean }[] {
  const relation = tx.get<{ from_entity_id: string; to_entity_id: string }>(
    sql`SELECT from_entity_id, to_entity_id FROM relations
      WHERE id = ${relationId} AND type = 'finances' AND deleted_at IS NULL`,
  );
  if (!relation) return [];
  const [from, to] = [endOf(tx, relation.from_entity_id), endOf(tx, relation.to_entity_id)];
  if (!from?.account_no || !to?.account_no) return [];
  // A counterpart named alone (欧阳一, no number) is found as a masked one is: by its name.
  const fromMasked = standsIn(from.account_no);
  if (fromMasked === standsIn(to.account_no)) return [];
  const [masked, known] = fromMasked ? [from, to] : [to, from];
  const fits =
    maskFitter(masked.account_no, masked.holder_name) ??
    nameOnlyFitter(masked.account_no ?? '', known.holder_name);
  if (!fits) return [];
  const walletMoves = namesPlatform(masked.account_no ?? '');
  return tx
    .all<{ id: string; account_no: string; holder_name: string | null }>(
      sql`SELECT DISTINCT other.entity_id AS id, other.account_no, other.holder_name
        FROM relations r
        JOIN accounts other ON other.entity_id =
          CASE WHEN r.from_entity_id = ${known.id} THEN r.to_entity_id ELSE r.from_entity_id END
        JOIN entities e ON e.id = other.entity_id AND e.deleted_at IS NULL
        WHERE r.type = 'finances' AND r.deleted_at IS NULL
          AND (r.from_entity_id = ${known.id} OR r.to_entity_id = ${known.id})
        ORDER BY other.entity_id`,
    )
    .filter((account) => fits(account.account_no, account.holder_name))
    .flatMap((account) => {
      const [payer, payee] = fromMasked ? [account.id, known.id] : [known.id, account.id];
      const twin = tx.get<{ id: string }>(
        sql`SELECT id FROM relations WHERE type = 'finances' AND deleted_at IS NULL
          AND from_entity_id = ${payer} AND to_entity_id = ${payee}`,
      );
      return twin
        ? [{ relationId: twin.id, maskedId: masked.id, fullId: account.id, walletMoves }]
        : [];
    });
}

/**
 * The full account a masked one (张*（6222****0011）) is, where all it holds are copies of that
 * account's transfers: every money relation of it has its one twin (`twinsOf`) at that one
 * account, and every transfer on them is a copy. Null where any transfer still counts, a
 * relation has no twin, two (copies of two cards' transfers: it is neither alone) or another
 * account's, or the account holds anything else (a relation of another type, its own
 * rows, a user's note, an attachment, a seizure, an event, an entity merged into it).
 */
function fullAccountOf(tx: Executor, maskedId: string): string | null {
  const relations = tx.all<{ id: string; type: string }>(
    sql`SELECT id, type FROM relations WHERE deleted_at IS NULL
      AND (from_entity_id = ${maskedId} OR to_entity_id = ${maskedId})`,
  );
  if (!relations.length || relations.some((relation) => relation.type !== 'finances')) return null;
  const held = tx.get<{ n: number }>(
    sql`SELECT 1 AS n FROM entities WHERE id = ${maskedId} AND updated_at <> created_at
      UNION ALL SELECT 1 FROM money_transfers WHERE account_id = ${maskedId}
      UNION ALL SELECT 1 FROM attachments WHERE owner_id = ${maskedId}
      UNION ALL SELECT 1 FROM entities WHERE merged_into_id = ${maskedId}
      UNION ALL SELECT 1 FROM event_entities WHERE entity_id = ${maskedId}
      UNION ALL SELECT 1 FROM seizures WHERE location_entity_id = ${maskedId} OR from_entity_id = ${maskedId}
      LIMIT 1`,
  );
  if (held) return null;
  let fullId: string | null = null;
  for (const relation of relations) {
    const twins = twinsOf(tx, relation.id);
    const twin = twins.length === 1 ? twins[0]! : null;
    if (!twin || twin.maskedId !== maskedId || (fullId && twin.fullId !== fullId)) return null;
    fullId = twin.fullId;
    const rows = tx.get<{ n: number; counted: number }>(
      sql`SELECT count(*) AS n, count(*) - count(copy_of) AS counted FROM money_transfers
        WHERE relation_id = ${relation.id}`,
    )!;
    if (!rows.n || rows.counted) return null;
  }
  return fullId;
}

/**
 * Merges each masked account at an end of these relations into the full account it is once all
 * its transfers are copies of that account's (`fullAccountOf`): it is that account, found by
 * its number, not an account of its own with 0 transfers beside it. It goes back apart when its
 * transfers count again (the full statement deleted). Only what this merged is undone: an
 * account merged by hand has no relations left here. Returns the accounts whose merge changed,
 * with the accounts they were or are merged into, for the search index.
 */
export function settleMaskedAccounts(tx: Executor, relationIds: string[]): string[] {
  if (!relationIds.length) return [];
  const masked = tx.all<{ id: string; merged_into_id: string | null }>(
    sql`SELECT DISTINCT e.id, e.merged_into_id FROM relations r
      JOIN entities e ON e.id IN (r.from_entity_id, r.to_entity_id) AND e.deleted_at IS NULL
      JOIN accounts a ON a.entity_id = e.id
      WHERE r.id IN (SELECT value FROM json_each(${JSON.stringify(relationIds)}))
        AND (a.account_no LIKE '%*%' OR a.account_no LIKE '%＊%' OR a.account_no LIKE '%对方）')
      ORDER BY e.id`,
  );
  const changed: string[] = [];
  for (const account of masked) {
    const fullId = fullAccountOf(tx, account.id);
    if (fullId === account.merged_into_id) continue;
    // Its updated_at stays: the merge is the import's, not a user's edit.
    tx.run(sql`UPDATE entities SET merged_into_id = ${fullId} WHERE id = ${account.id}`);
    changed.push(account.id, ...[account.merged_into_id, fullId].filter((id) => id !== null));
  }
  return changed;
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
        WHERE a.account_no LIKE '%*%' OR a.account_no LIKE '%＊%' OR a.account_no LIKE '%对方）'`,
    )
    .filter(
      (row) =>
        ends.has(row.from_entity_id === row.masked ? row.to_entity_id : row.from_entity_id) ||
        ends.has(row.masked),
    )
    .map((row) => row.id);
}
