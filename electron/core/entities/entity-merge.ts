import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../app-error';
import { appendAudit } from '../audit/audit-log';
import type { Executor } from '../db/database-types';
import {
  attachmentsTable,
  auditLogTable,
  caseEntitiesTable,
  entitiesTable,
  eventEntitiesTable,
  organisationsTable,
  relationsTable,
  seizuresTable,
} from '../db/schema';
import { indexEntity } from '../search/search-indexer';
import { moveRecordRows, moveRecordRowsBack, type MovedRecordRows } from './merge-record-rows';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

/** Everything a merge moved, kept in its audit record so the merge can be undone exactly. */
interface MergeRecord {
  keepId: string;
  mergeId: string;
  kind: string;
  label: string;
  relationsFrom: string[];
  relationsTo: string[];
  /** Relations between the two, which would point at themselves: hidden, not moved. */
  selfLoops: string[];
  caseLinksMoved: string[];
  /** Memberships dropped because the kept entity was already in that case. */
  caseLinksRemoved: (typeof caseEntitiesTable.$inferSelect)[];
  eventLinksMoved: string[];
  eventLinksRemoved: string[];
  attachments: string[];
  seizuresFrom: string[];
  seizuresLocation: string[];
  leaderOf: string[];
  /** Imported records naming the duplicate itself (absent in records from before). */
  recordRows?: MovedRecordRows;
}

function live(tx: Executor, id: string) {
  const entity = tx.select().from(entitiesTable).where(eq(entitiesTable.id, id)).get();
  if (!entity || entity.deletedAt || entity.mergedIntoId)
    throw new AppError('entities.mergeInvalid', 'Both entities must exist and be live');
  return entity;
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

/**
 * Merges a duplicate into the entity kept: relations, case memberships, timeline links,
 * attachments and seizures move over; the duplicate stays (hidden) with `mergedIntoId`.
 * One transaction; the audit record lists every row moved, which `unmergeEntities` replays.
 */
export function mergeEntities(
  workspace: UnlockedWorkspace,
  keepId: string,
  mergeId: string,
): { keptId: string; auditSeq: number } {
  return workspace.db.transaction((tx) => {
    if (keepId === mergeId)
      throw new AppError('entities.mergeInvalid', 'An entity cannot be merged into itself');
    const keep = live(tx, keepId);
    const merge = live(tx, mergeId);
    if (keep.kind !== merge.kind)
      throw new AppError('entities.mergeInvalid', 'Only entities of the same kind merge');
    const now = workspace.now();

    const between = relationsBetween(tx, keepId, mergeId);
    const betweenIds = new Set(ids(between));
    // Relations between the two that a user had deleted stay as they are: hiding them again
    // would make an unmerge bring them back.
    const selfLoops = ids(between.filter((relation) => relation.deletedAt === null));
    if (selfLoops.length)
      tx.update(relationsTable)
        .set({ deletedAt: now, mergedAway: true })
        .where(inArray(relationsTable.id, selfLoops))
        .run();
    const relationsFrom = ids(
      tx
        .select({ id: relationsTable.id })
        .from(relationsTable)
        .where(eq(relationsTable.fromEntityId, mergeId))
        .orderBy(relationsTable.id)
        .all(),
    ).filter((id) => !betweenIds.has(id));
    const relationsTo = ids(
      tx
        .select({ id: relationsTable.id })
        .from(relationsTable)
        .where(eq(relationsTable.toEntityId, mergeId))
        .orderBy(relationsTable.id)
        .all(),
    ).filter((id) => !betweenIds.has(id));
    if (relationsFrom.length)
      tx.update(relationsTable)
        .set({ fromEntityId: keepId })
        .where(inArray(relationsTable.id, relationsFrom))
        .run();
    if (relationsTo.length)
      tx.update(relationsTable)
        .set({ toEntityId: keepId })
        .where(inArray(relationsTable.id, relationsTo))
        .run();

    const keptCases = new Set(
      tx
        .select({ caseId: caseEntitiesTable.caseId })
        .from(caseEntitiesTable)
        .where(eq(caseEntitiesTable.entityId, keepId))
        .all()
        .map((row) => row.caseId),
    );
    const memberships = tx
      .select()
      .from(caseEntitiesTable)
      .where(eq(caseEntitiesTable.entityId, mergeId))
      .all();
    const caseLinksRemoved = memberships.filter((row) => keptCases.has(row.caseId));
    const caseLinksMoved = memberships
      .filter((row) => !keptCases.has(row.caseId))
      .map((row) => row.id);
    if (caseLinksRemoved.length)
      tx.delete(caseEntitiesTable)
        .where(
          inArray(
            caseEntitiesTable.id,
            caseLinksRemoved.map((row) => row.id),
          ),
        )
        .run();
    if (caseLinksMoved.length)
      tx.update(caseEntitiesTable)
        .set({ entityId: keepId })
        .where(inArray(caseEntitiesTable.id, caseLinksMoved))
        .run();

    const keptEvents = new Set(
      tx
        .select({ eventId: eventEntitiesTable.eventId })
        .from(eventEntitiesTable)
        .where(eq(eventEntitiesTable.entityId, keepId))
        .all()
        .map((row) => row.eventId),
    );
    const eventLinks = tx
      .select({ eventId: eventEntitiesTable.eventId })
      .from(eventEntitiesTable)
      .where(eq(eventEntitiesTable.entityId, mergeId))
      .all()
      .map((row) => row.eventId);
    const eventLinksRemoved = eventLinks.filter((id) => keptEvents.has(id));
    const eventLinksMoved = eventLinks.filter((id) => !keptEvents.has(id));
    if (eventLinksRemoved.length)
      tx.delete(eventEntitiesTable)
        .where(
          and(
            eq(eventEntitiesTable.entityId, mergeId),
            inArray(eventEntitiesTable.eventId, eventLinksRemoved),
          ),
        )
        .run();
    if (eventLinksMoved.length)
      tx.update(eventEntitiesTable)
        .set({ entityId: keepId })
        .where(
          and(
            eq(eventEntitiesTable.entityId, mergeId),
            inArray(eventEntitiesTable.eventId, eventLinksMoved),
          ),
        )
        .run();

    const attachments = ids(
      tx
        .select({ id: attachmentsTable.id })
        .from(attachmentsTable)
        .where(and(eq(attachmentsTable.ownerType, 'entity'), eq(attachmentsTable.ownerId, mergeId)))
        .all(),
    );
    if (attachments.length)
      tx.update(attachmentsTable)
        .set({ ownerId: keepId })
        .where(inArray(attachmentsTable.id, attachments))
        .run();
    const seizuresFrom = ids(
      tx
        .select({ id: seizuresTable.id })
        .from(seizuresTable)
        .where(eq(seizuresTable.fromEntityId, mergeId))
        .all(),
    );
    if (seizuresFrom.length)
      tx.update(seizuresTable)
        .set({ fromEntityId: keepId })
        .where(inArray(seizuresTable.id, seizuresFrom))
        .run();
    const seizuresLocation = ids(
      tx
        .select({ id: seizuresTable.id })
        .from(seizuresTable)
        .where(eq(seizuresTable.locationEntityId, mergeId))
        .all(),
    );
    if (seizuresLocation.length)
      tx.update(seizuresTable)
        .set({ locationEntityId: keepId })
        .where(inArray(seizuresTable.id, seizuresLocation))
        .run();
    const leaderOf = tx
      .select({ id: organisationsTable.entityId })
      .from(organisationsTable)
      .where(eq(organisationsTable.leaderEntityId, mergeId))
      .all()
      .map((row) => row.id);
    if (leaderOf.length)
      tx.update(organisationsTable)
        .set({ leaderEntityId: keepId })
        .where(inArray(organisationsTable.entityId, leaderOf))
        .run();
    const recordRows = moveRecordRows(tx, mergeId, keepId, selfLoops);

    tx.update(entitiesTable)
      .set({ mergedIntoId: keepId, updatedAt: now, updatedBy: workspace.user.id })
      .where(eq(entitiesTable.id, mergeId))
      .run();
    tx.update(entitiesTable)
      .set({ updatedAt: now, updatedBy: workspace.user.id })
      .where(eq(entitiesTable.id, keepId))
      .run();
    indexEntity(tx, mergeId);
    indexEntity(tx, keepId);

    const record: MergeRecord = {
      keepId,
      mergeId,
      kind: keep.kind,
      label: merge.label,
      relationsFrom,
      relationsTo,
      selfLoops,
      caseLinksMoved,
      caseLinksRemoved,
      eventLinksMoved,
      eventLinksRemoved,
      attachments,
      seizuresFrom,
      seizuresLocation,
      leaderOf,
      recordRows,
    };
    const audit = appendAudit(tx, workspace.actor, now, {
      action: 'entities.merged',
      targetType: 'entity',
      targetId: keepId,
      details: { ...record },
    });
    return { keptId: keepId, auditSeq: audit.seq };
  });
}

function relationsBetween(tx: Executor, a: string, b: string) {
  return tx
    .select({ id: relationsTable.id, deletedAt: relationsTable.deletedAt })
    .from(relationsTable)
    .where(
      sql`(${relationsTable.fromEntityId} = ${a} AND ${relationsTable.toEntityId} = ${b}) OR (${relationsTable.fromEntityId} = ${b} AND ${relationsTable.toEntityId} = ${a})`,
    )
    .all();
}

/**
 * Undoes a merge from its audit record: every row the merge moved goes back, dropped
 * memberships return, and the duplicate is live again. Refused when the record is not a merge,
 * was already undone, or the duplicate has been merged or deleted since.
 */
export function unmergeEntities(workspace: UnlockedWorkspace, auditSeq: number): void {
  workspace.db.transaction((tx) => {
    const audit = tx.select().from(auditLogTable).where(eq(auditLogTable.seq, auditSeq)).get();
    if (!audit || audit.action !== 'entities.merged' || audit.result !== 'ok' || !audit.details) {
      throw new AppError('entities.unmergeInvalid', 'The record is not a merge');
    }
    const undone = tx.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'entities.unmerged' AND json_valid(details) AND json_extract(details, '$.mergeAuditSeq') = ${auditSeq}`,
    );
    if (undone && undone.n > 0)
      throw new AppError('entities.unmergeInvalid', 'This merge was already undone');
    const record = JSON.parse(audit.details) as MergeRecord;
    const merged = tx
      .select()
      .from(entitiesTable)
      .where(eq(entitiesTable.id, record.mergeId))
      .get();
    if (!merged || merged.mergedIntoId !== record.keepId || merged.deletedAt) {
      throw new AppError('entities.unmergeInvalid', 'The duplicate has changed since the merge');
    }
    const now = workspace.now();
    const back = <T extends string>(list: T[], apply: (list: T[]) => void) => {
      if (list.length) apply(list);
    };
    back(record.relationsFrom, (list) =>
      tx
        .update(relationsTable)
        .set({ fromEntityId: record.mergeId })
        .where(inArray(relationsTable.id, list))
        .run(),
    );
    back(record.relationsTo, (list) =>
      tx
        .update(relationsTable)
        .set({ toEntityId: record.mergeId })
        .where(inArray(relationsTable.id, list))
        .run(),
    );
    back(record.selfLoops, (list) =>
      tx
        .update(relationsTable)
        .set({ deletedAt: null, mergedAway: false })
        .where(inArray(relationsTable.id, list))
        .run(),
    );
    back(record.caseLinksMoved, (list) =>
      tx
        .update(caseEntitiesTable)
        .set({ entityId: record.mergeId })
        .where(inArray(caseEntitiesTable.id, list))
        .run(),
    );
    for (const row of record.caseLinksRemoved) tx.insert(caseEntitiesTable).values(row).run();
    back(record.eventLinksMoved, (list) =>
      tx
        .update(eventEntitiesTable)
        .set({ entityId: record.mergeId })
        .where(
          and(
            eq(eventEntitiesTable.entityId, record.keepId),
            inArray(eventEntitiesTable.eventId, list),
          ),
        )
        .run(),
    );
    for (const eventId of record.eventLinksRemoved)
      tx.insert(eventEntitiesTable).values({ eventId, entityId: record.mergeId }).run();
    back(record.attachments, (list) =>
      tx
        .update(attachmentsTable)
        .set({ ownerId: record.mergeId })
        .where(inArray(attachmentsTable.id, list))
        .run(),
    );
    back(record.seizuresFrom, (list) =>
      tx
        .update(seizuresTable)
        .set({ fromEntityId: record.mergeId })
        .where(inArray(seizuresTable.id, list))
        .run(),
    );
    back(record.seizuresLocation, (list) =>
      tx
        .update(seizuresTable)
        .set({ locationEntityId: record.mergeId })
        .where(inArray(seizuresTable.id, list))
        .run(),
    );
    back(record.leaderOf, (list) =>
      tx
        .update(organisationsTable)
        .set({ leaderEntityId: record.mergeId })
        .where(inArray(organisationsTable.entityId, list))
        .run(),
    );
    moveRecordRowsBack(tx, record.recordRows ?? [], record.mergeId, record.keepId);
    tx.update(entitiesTable)
      .set({ mergedIntoId: null, updatedAt: now, updatedBy: workspace.user.id })
      .where(eq(entitiesTable.id, record.mergeId))
      .run();
    indexEntity(tx, record.mergeId);
    indexEntity(tx, record.keepId);
    appendAudit(tx, workspace.actor, now, {
      action: 'entities.unmerged',
      targetType: 'entity',
      targetId: record.keepId,
      details: { mergeAuditSeq: auditSeq, keepId: record.keepId, mergeId: record.mergeId },
    });
  });
}
