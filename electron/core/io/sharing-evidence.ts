import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/** An identifier two entities can share: a handset's IMEI (phones), a MAC or device ID (accounts). */
interface SharedValue {
  table: 'phone_identifiers' | 'account_identifiers';
  type: string;
  value: string;
  /** The source the import wrote on the link (import-writer's linkSharing). */
  source: string;
}

/** The identifiers an import saw that link entities (IPs are kept, never linked). */
export function sharedValuesOf(tx: Executor, importId: string): SharedValue[] {
  const phones = tx
    .all<{ value: string }>(
      sql`SELECT DISTINCT value FROM phone_identifiers WHERE import_id = ${importId} AND type = 'imei'`,
    )
    .map(({ value }) => ({
      table: 'phone_identifiers' as const,
      type: 'imei',
      value,
      source: `IMEI ${value}`,
    }));
  const accounts = tx
    .all<{ type: string; value: string }>(
      sql`SELECT DISTINCT type, value FROM account_identifiers
        WHERE import_id = ${importId} AND type IN ('mac', 'device')`,
    )
    .map(({ type, value }) => ({
      table: 'account_identifiers' as const,
      type,
      value,
      source: `${type === 'mac' ? 'MAC' : '设备号'} ${value}`,
    }));
  return [...phones, ...accounts];
}

/**
 * After an import's identifiers are gone, the links they were the evidence of: a link between two
 * phones (one handset) or two accounts (one computer) stands only while both still have the
 * identifier from some import. A later import that saw the IMEI on a third phone had linked it to
 * the deleted import's phone too (its own link, by its own contribution): that link went on after
 * the deletion with no record behind it, and kept the deleted import's phone alive. Returns how
 * many links went.
 */
export function dropUnsupportedSharing(tx: Executor, values: SharedValue[]): number {
  let dropped = 0;
  for (const shared of values) {
    const type = shared.table === 'phone_identifiers' ? 'same_handset' : 'other';
    const links = tx.all<{ id: string; from_entity_id: string; to_entity_id: string }>(
      sql`SELECT id, from_entity_id, to_entity_id FROM relations
        WHERE type = ${type} AND source = ${shared.source} AND deleted_at IS NULL`,
    );
    for (const link of links) {
      if (holds(tx, shared, link.from_entity_id) && holds(tx, shared, link.to_entity_id)) continue;
      // Only a link the imports made: one a user drew (no import's contribution) is theirs.
      const imported = tx.get(
        sql`SELECT 1 FROM import_relations WHERE relation_id = ${link.id} LIMIT 1`,
      );
      if (!imported) continue;
      tx.run(sql`DELETE FROM import_relations WHERE relation_id = ${link.id}`);
      tx.run(sql`DELETE FROM relations WHERE id = ${link.id}`);
      dropped += 1;
    }
  }
  return dropped;
}

function holds(tx: Executor, shared: SharedValue, entityId: string): boolean {
  return Boolean(
    shared.table === 'phone_identifiers'
      ? tx.get(sql`SELECT 1 FROM phone_identifiers
          WHERE phone_id = ${entityId} AND type = ${shared.type} AND value = ${shared.value} LIMIT 1`)
      : tx.get(sql`SELECT 1 FROM account_identifiers
          WHERE account_id = ${entityId} AND type = ${shared.type} AND value = ${shared.value} LIMIT 1`),
  );
}
