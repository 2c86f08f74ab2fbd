import { sql } from 'drizzle-orm';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import type { RelationAggregates } from '../db/schema';
import { isoOfUnix } from '../db/unix-time';
import { removePersonAlias } from '../entities/person-aliases';
import { indexCase, indexEntity } from '../search/search-indexer';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import {
  maskedRelationsBeside,
  remarkCash,
  remarkMasked,
  remarkRelations,
} from '../records/record-copies-recount';
import { chinaDate } from '../../api/domain/china-time';
import { dropUnsupportedSharing, sharedValuesOf } from './sharing-evidence';
import { remarkSessionCopies, sessionSpansOf } from '../records/session-copies';
import { remarkForwardedAnswers } from '../records/forwarded-answers';
import { pairStoredReversals, uncountUndoneTwins, unpairStoredReversals } from './stored-reversals';

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
 * Takes an import back out, in one audited transaction: its call records, transfers, phone
 * identifiers and the cells it placed; what it added to each relation (a relation it created goes, one it
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
        dataSessions: 0,
        withheldNumbers: 0,
        signals: 0,
        cellSites: 0,
        transfers: 0,
        seizures: 0,
        relationsDeleted: 0,
        relationsUpdated: 0,
        copiesCounted: 0,
        entitiesDeleted: 0,
        entitiesKept: 0,
      };
      const contributions = tx.all<Contribution>(
        sql`SELECT relation_id, created, event_count, message_count, duration_seconds, amount_fen, previous
          FROM import_relations WHERE import_id = ${importId}`,
      );
      // The phones the import's forwarded legs went to: their own lists' rows of those calls
      // count again once the legs go (`forwarded-answers.ts`).
      const forwardedCallees = tx
        .all<{ id: string }>(
          sql`SELECT DISTINCT r.to_entity_id AS id FROM import_relations x
            JOIN relations r ON r.id = x.relation_id
            JOIN call_records c ON c.relation_num = r.num AND c.kind = 'forwarded'
            WHERE x.import_id = ${importId}
              AND c.import_num = (SELECT num FROM imports WHERE id = ${importId})`,
        )
        .map((row) => row.id);
      result.callRecords = tx.run(
        sql`DELETE FROM call_records WHERE import_num = (SELECT num FROM imports WHERE id = ${importId})
          AND relation_num IN (SELECT r.num FROM import_relations x JOIN relations r ON r.id = x.relation_id
            WHERE x.import_id = ${importId})`,
      ).changes;
      // The accounts whose cash rows (ATM, counter: no relation) the import held.
      const cashAccounts = tx
        .all<{ id: string }>(
          sql`SELECT DISTINCT account_id AS id FROM money_transfers
            WHERE import_id = ${importId} AND relation_id IS NULL AND account_id IS NOT NULL`,
        )
        .map((row) => row.id);
      // Rows of other imports that are copies of the import's under other relations (one
      // payment named by other accounts, `reference-copies.ts`): counted again once those go.
      const copiesElsewhere = tx.all<{ relation_id: string | null; account_id: string | null }>(
        sql`SELECT DISTINCT relation_id, account_id FROM money_transfers
          WHERE import_id <> ${importId}
            AND copy_of IN (SELECT id FROM money_transfers WHERE import_id = ${importId})`,
      );
      // Reversals and transfers of other imports paired with the import's come apart.
      const unpaired = unpairStoredReversals(tx, importId);
      result.transfers = tx.run(
        sql`DELETE FROM money_transfers WHERE import_id = ${importId}`,
      ).changes;
      // The IMEIs, MACs and device IDs that linked entities, before their rows go.
      const shared = sharedValuesOf(tx, importId);
      tx.run(sql`DELETE FROM phone_identifiers WHERE import_id = ${importId}`);
      tx.run(sql`DELETE FROM account_identifiers WHERE import_id = ${importId}`);
      result.cellSites = tx.run(sql`DELETE FROM cell_sites WHERE import_id = ${importId}`).changes;
      // Counted by the import summary's categories: a call or text with its other number
      // unknown, or a phone's signalling, is no data session (the same table holds them all).
      for (const { kind, n } of tx.all<{ kind: string; n: number }>(
        sql`SELECT kind, count(*) AS n FROM data_sessions WHERE import_id = ${importId} GROUP BY kind`,
      )) {
        if (kind === 'data') result.dataSessions += n;
        else if (kind === 'signal') result.signals += n;
        else result.withheldNumbers += n;
      }
      // The phones' events that copies in other imports may now count instead.
      const sessionSpans = sessionSpansOf(tx, importId);
      tx.run(sql`DELETE FROM data_sessions WHERE import_id = ${importId}`);
      result.copiesCounted += remarkSessionCopies(tx, sessionSpans);
      // A ledger's seizures go with their custody steps: exactly the rows the import wrote.
      tx.run(
        sql`DELETE FROM custody_steps WHERE seizure_id IN (SELECT id FROM seizures WHERE import_id = ${importId})`,
      );
      result.seizures = tx.run(sql`DELETE FROM seizures WHERE import_id = ${importId}`).changes;
      // Masked accounts' relations beside the import's, found while its relations stand.
      const masked = maskedRelationsBeside(
        tx,
        contributions.map((item) => item.relation_id),
      );
      for (const item of contributions) handOnCreation(tx, importId, item);
      tx.run(sql`DELETE FROM import_relations WHERE import_id = ${importId}`);
      for (const item of contributions) reaggregate(tx, item, result);
      // Links of one handset or computer that later imports made to this import's entities.
      result.relationsDeleted += dropUnsupportedSharing(tx, shared);
      // A reversal left alone may undo a transfer of another import that remains.
      pairStoredReversals(tx, unpaired.accountIds);
      result.copiesCounted +=
        remarkRelations(tx, [
          ...new Set([
            ...contributions.map((item) => item.relation_id),
            ...copiesElsewhere.flatMap((row) => (row.relation_id ? [row.relation_id] : [])),
            ...unpaired.relationIds,
          ]),
        ]) +
        remarkCash(tx, [
          ...new Set([
            ...cashAccounts,
            ...copiesElsewhere.flatMap((row) =>
              !row.relation_id && row.account_id ? [row.account_id] : [],
            ),
          ]),
        ]) +
        remarkMasked(tx, masked) +
        remarkForwardedAnswers(tx, forwardedCallees).counted;
      // A transfer undone afresh: the other party's row of it counts no more.
      uncountUndoneTwins(
        tx,
        contributions.map((item) => item.relation_id),
      );

      // Entities merged into others (an account's other number) go first: the entity they
      // were merged into is in use only through them.
      const created = tx.all<{
        target_type: string;
        target_id: string;
        merged_into: string | null;
      }>(
        sql`SELECT c.target_type, c.target_id, e.merged_into_id AS merged_into FROM import_created c
          LEFT JOIN entities e ON c.target_type = 'entity' AND e.id = c.target_id
          WHERE c.import_id = ${importId} ORDER BY e.merged_into_id IS NULL`,
      );
      for (const alias of created.filter((row) => row.target_type === 'alias')) {
        const [personId, name] = alias.target_id.split('\u0000') as [string, string];
        removePersonAlias(tx, importId, personId, name);
      }
      for (const link of created.filter((row) => row.target_type === 'caseEntity'))
        tx.run(sql`DELETE FROM case_entities WHERE id = ${link.target_id}`);
      for (const entity of created.filter((row) => row.target_type === 'entity')) {
        if (inUse(tx, entity.target_id) || namedElsewhere(tx, importId, entity.target_id)) {
          handOnEntity(tx, importId, entity.target_id);
          continue;
        }
        if (curated(tx, entity.target_id)) {
          result.entitiesKept += 1;
          continue;
        }
        tx.run(sql`DELETE FROM case_entities WHERE entity_id = ${entity.target_id}`);
        tx.run(sql`DELETE FROM search_documents WHERE target_id = ${entity.target_id}`);
        tx.run(sql`DELETE FROM entities WHERE id = ${entity.target_id}`);
        if (entity.merged_into) indexEntity(tx, entity.merged_into);
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

/**
 * A relation's state before any import touched it (none, when an import created it) is kept by
 * its earliest import: when that one goes while later ones stay, the next earliest keeps it, so
 * the last import to go puts the relation back as it was before all of them (deleted, or its
 * counts entered by hand), in whatever order the imports are deleted.
 */
function handOnCreation(tx: Executor, importId: string, item: Contribution) {
  const order = (id: string) => sql`(SELECT num FROM imports WHERE id = ${id})`;
  const next = tx.get<{ import_id: string }>(
    sql`SELECT x.import_id FROM import_relations x JOIN imports i ON i.id = x.import_id
      WHERE x.relation_id = ${item.relation_id} AND x.import_id <> ${importId}
      ORDER BY i.num LIMIT 1`,
  );
  if (!next) return;
  tx.run(sql`UPDATE import_relations SET created = ${item.created}, previous = ${item.previous}
    WHERE import_id = ${next.import_id} AND relation_id = ${item.relation_id}
      AND ${order(next.import_id)} > ${order(importId)}`);
}

/**
 * An entity the deleted import created that later imports still use becomes theirs: deleting
 * the last of them removes it, as deleting the one import would have.
 */
function handOnEntity(tx: Executor, importId: string, entityId: string) {
  tx.run(sql`INSERT OR IGNORE INTO import_created (import_id, target_type, target_id)
    SELECT DISTINCT later_import, 'entity', ${entityId} FROM (
      SELECT x.import_id AS later_import FROM import_relations x JOIN relations r ON r.id = x.relation_id
        WHERE r.from_entity_id = ${entityId} OR r.to_entity_id = ${entityId}
      UNION SELECT import_id FROM phone_identifiers WHERE phone_id = ${entityId}
      UNION SELECT import_id FROM data_sessions WHERE phone_id = ${entityId}
      UNION SELECT import_id FROM money_transfers WHERE account_id = ${entityId}
      UNION SELECT import_id FROM import_created WHERE target_type = 'named' AND target_id = ${entityId})
    WHERE later_import <> ${importId}`);
}

/**
 * Whether a user has made the entity theirs since the import created it: put it in a case by
 * hand (the import's own case links are gone by now) or edited it (a note, a name). Such work is
 * not the import's to take away.
 */
function curated(tx: Executor, entityId: string): boolean {
  return Boolean(
    tx.get(sql`SELECT 1 FROM case_entities WHERE entity_id = ${entityId}
      UNION ALL SELECT 1 FROM entities WHERE id = ${entityId} AND updated_at <> created_at
      LIMIT 1`),
  );
}

/** Whether another import's list names the entity (a person found by the ID number). */
function namedElsewhere(tx: Executor, importId: string, entityId: string): boolean {
  return Boolean(
    tx.get(sql`SELECT 1 FROM import_created WHERE target_type = 'named' AND target_id = ${entityId}
      AND import_id <> ${importId}`),
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
      UNION ALL SELECT 1 FROM data_sessions WHERE phone_id = ${entityId}
      UNION ALL SELECT 1 FROM attachments WHERE owner_id = ${entityId}
      UNION ALL SELECT 1 FROM entities WHERE merged_into_id = ${entityId}
      UNION ALL SELECT 1 FROM event_entities WHERE entity_id = ${entityId}
      UNION ALL SELECT 1 FROM seizures WHERE location_entity_id = ${entityId} OR from_entity_id = ${entityId}
      LIMIT 1`),
  );
}
