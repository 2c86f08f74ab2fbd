import { sql } from 'drizzle-orm';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import type { RelationAggregates } from '../db/schema';
import { isoOfUnix } from '../db/unix-time';
import { indexCase } from '../search/search-indexer';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { chinaDate } from './import-values';

interface Contribution {
  relation_id: string;
  created: number;
  event_count: number;
  message_count: number;
  duration_seconds: number;
  amount_fen: number;
  previous: string | null;
}

const minus = (value: number | null, less: number) => (value === null ? null : value - less);

/**
 * Takes an import back out, in one audited transaction: its call records, transfers and
 * phone identifiers; what it added to each relation (a relation it created goes, one it
 * added to gets its earlier totals back, or its counts reduced when a later import added to
 * it too); the phones, accounts, persons and case links it created that nothing else uses.
 */
export function deleteImport(workspace: UnlockedWorkspace, importId: string) {
  return workspace.write(
    (tx) => {
      const found = tx.get<{ id: string; file_name: string; case_id: string | null }>(
        sql`SELECT id, file_name, case_id FROM imports WHERE id = ${importId}`,
      );
      if (!found) throw new AppError('import.notFound', 'No such import');
      const result = {
        importId,
        callRecords: 0,
        transfers: 0,
        seizures: 0,
        relationsDeleted: 0,
        relationsUpdated: 0,
        entitiesDeleted: 0,
      };
      const contributions = tx.all<Contribution>(
        sql`SELECT relation_id, created, event_count, message_count, duration_seconds, amount_fen, previous
          FROM import_relations WHERE import_id = ${importId}`,
      );
      result.callRecords = tx.run(
        sql`DELETE FROM call_records WHERE import_num = (SELECT num FROM imports WHERE id = ${importId})
          AND relation_num IN (SELECT r.num FROM import_relations x JOIN relations r ON r.id = x.relation_id
            WHERE x.import_id = ${importId})`,
      ).changes;
      result.transfers = tx.run(
        sql`DELETE FROM money_transfers WHERE import_id = ${importId}`,
      ).changes;
      tx.run(sql`DELETE FROM phone_identifiers WHERE import_id = ${importId}`);
      // A ledger's seizures go with their custody steps: exactly the rows the import wrote.
      tx.run(
        sql`DELETE FROM custody_steps WHERE seizure_id IN (SELECT id FROM seizures WHERE import_id = ${importId})`,
      );
      result.seizures = tx.run(sql`DELETE FROM seizures WHERE import_id = ${importId}`).changes;
      tx.run(sql`DELETE FROM import_relations WHERE import_id = ${importId}`);
      for (const item of contributions) reaggregate(tx, item, result);

      const created = tx.all<{ target_type: string; target_id: string }>(
        sql`SELECT target_type, target_id FROM import_created WHERE import_id = ${importId}`,
      );
      for (const link of created.filter((row) => row.target_type === 'caseEntity'))
        tx.run(sql`DELETE FROM case_entities WHERE id = ${link.target_id}`);
      for (const entity of created.filter((row) => row.target_type === 'entity')) {
        if (inUse(tx, entity.target_id)) continue;
        tx.run(sql`DELETE FROM case_entities WHERE entity_id = ${entity.target_id}`);
        tx.run(sql`DELETE FROM search_documents WHERE target_id = ${entity.target_id}`);
        tx.run(sql`DELETE FROM entities WHERE id = ${entity.target_id}`);
        result.entitiesDeleted += 1;
      }
      tx.run(sql`DELETE FROM import_created WHERE import_id = ${importId}`);
      tx.run(sql`DELETE FROM imports WHERE id = ${importId}`);
      if (found.case_id) indexCase(tx, found.case_id);
      return { ...result, fileName: found.file_name, caseId: found.case_id };
    },
    (result) => ({
      action: 'import.deleted',
      targetType: result.caseId ? 'case' : 'workspace',
      targetId: result.caseId,
      details: { ...result },
    }),
  );
}

function reaggregate(
  tx: Executor,
  item: Contribution,
  result: { relationsDeleted: number; relationsUpdated: number },
) {
  const later = tx.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM import_relations WHERE relation_id = ${item.relation_id}`,
  )!.n;
  if (!later) {
    // No other import added to this relation: it goes back to what it was before.
    if (item.created) {
      tx.run(sql`DELETE FROM relations WHERE id = ${item.relation_id}`);
      result.relationsDeleted += 1;
      return;
    }
    const previous = JSON.parse(item.previous ?? 'null') as RelationAggregates | null;
    if (previous) {
      tx.run(sql`UPDATE relations SET event_count = ${previous.eventCount}, message_count = ${previous.messageCount},
        duration_seconds = ${previous.durationSeconds}, amount_fen = ${previous.amountFen},
        started_on = ${previous.startedOn}, ended_on = ${previous.endedOn} WHERE id = ${item.relation_id}`);
      result.relationsUpdated += 1;
      return;
    }
  }
  const relation = tx.get<{
    event_count: number | null;
    message_count: number | null;
    duration_seconds: number | null;
    amount_fen: number | null;
  }>(
    sql`SELECT event_count, message_count, duration_seconds, amount_fen FROM relations WHERE id = ${item.relation_id}`,
  );
  if (!relation) return;
  const relationNum = sql`(SELECT num FROM relations WHERE id = ${item.relation_id})`;
  const span = tx.get<{ first: string | null; last: string | null }>(
    sql`SELECT min(at) AS first, max(at) AS last FROM (
      SELECT ${isoOfUnix(sql`min(started_unix)`)} AS at FROM call_records WHERE relation_num = ${relationNum}
      UNION ALL SELECT ${isoOfUnix(sql`max(started_unix)`)} FROM call_records WHERE relation_num = ${relationNum}
      UNION ALL SELECT at FROM money_transfers WHERE relation_id = ${item.relation_id})`,
  );
  const dates = span?.first
    ? sql`, started_on = ${chinaDate(span.first)}, ended_on = ${chinaDate(span.last!)}`
    : sql``;
  tx.run(sql`UPDATE relations SET event_count = ${minus(relation.event_count, item.event_count)},
    message_count = ${minus(relation.message_count, item.message_count)},
    duration_seconds = ${minus(relation.duration_seconds, item.duration_seconds)},
    amount_fen = ${minus(relation.amount_fen, item.amount_fen)} ${dates} WHERE id = ${item.relation_id}`);
  result.relationsUpdated += 1;
}

/** Whether anything besides the deleted import still refers to an entity. */
function inUse(tx: Executor, entityId: string): boolean {
  return Boolean(
    tx.get(sql`SELECT 1 FROM relations WHERE from_entity_id = ${entityId} OR to_entity_id = ${entityId}
      UNION ALL SELECT 1 FROM money_transfers WHERE account_id = ${entityId}
      UNION ALL SELECT 1 FROM phone_identifiers WHERE phone_id = ${entityId}
      UNION ALL SELECT 1 FROM attachments WHERE owner_id = ${entityId}
      UNION ALL SELECT 1 FROM entities WHERE merged_into_id = ${entityId}
      UNION ALL SELECT 1 FROM event_entities WHERE entity_id = ${entityId}
      UNION ALL SELECT 1 FROM seizures WHERE location_entity_id = ${entityId} OR from_entity_id = ${entityId}
      LIMIT 1`),
  );
}
