import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { EntityKind } from '../../api/domain/entity-kinds';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import {
  attachmentsTable,
  caseEntitiesTable,
  casesTable,
  custodyStepsTable,
  entitiesTable,
  eventEntitiesTable,
  eventsTable,
  relationsTable,
  seizuresTable,
} from '../db/schema';
import { kindTables } from '../entities/entity-repository';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/**
 * Every row of a case (or of a set of entities) as stored: the source of the case's JSON and
 * XLSX exports and of the case package (协查), so all three carry the same fields.
 */
export interface CaseSnapshot {
  format: 'quanlian-case/1';
  exportedAt: string;
  sourceWorkspaceId: string;
  case: Row<typeof casesTable> | null;
  entities: { entity: Row<typeof entitiesTable>; details: Record<string, unknown> }[];
  caseEntities: Row<typeof caseEntitiesTable>[];
  /** Without `num`: a workspace's own number for its call records, not the relation's. */
  relations: Omit<Row<typeof relationsTable>, 'num'>[];
  seizures: Row<typeof seizuresTable>[];
  custodySteps: Row<typeof custodyStepsTable>[];
  events: Row<typeof eventsTable>[];
  eventEntities: Row<typeof eventEntitiesTable>[];
  /** Attachments with their bytes as base64 (left out of the JSON export). */
  attachments: (Omit<Row<typeof attachmentsTable>, 'content' | 'fileSecret'> & {
    contentBase64?: string;
  })[];
}

type SnapshotScope = { caseId: string } | { entityIds: string[] };

function entitiesWithDetails(db: Executor, ids: string[]): CaseSnapshot['entities'] {
  if (!ids.length) return [];
  const entities = db
    .select()
    .from(entitiesTable)
    .where(and(inArray(entitiesTable.id, ids), isNull(entitiesTable.deletedAt)))
    .all();
  return entities.map((entity) => {
    const table = kindTables[entity.kind as EntityKind];
    const details = db.select().from(table).where(eq(table.entityId, entity.id)).get() ?? {};
    const { entityId: _entityId, ...fields } = details as Record<string, unknown>;
    return { entity, details: fields };
  });
}

export function readCaseSnapshot(
  db: Executor,
  scope: SnapshotScope,
  meta: { now: string; workspaceId: string },
  withContent: boolean,
): CaseSnapshot {
  let caseRow: CaseSnapshot['case'] = null;
  let caseEntities: CaseSnapshot['caseEntities'] = [];
  let entityIds: string[];
  if ('caseId' in scope) {
    caseRow =
      db
        .select()
        .from(casesTable)
        .where(and(eq(casesTable.id, scope.caseId), isNull(casesTable.deletedAt)))
        .get() ?? null;
    if (!caseRow) throw new AppError('cases.notFound', 'Case not found');
    caseEntities = db
      .select()
      .from(caseEntitiesTable)
      .where(eq(caseEntitiesTable.caseId, scope.caseId))
      .all();
    entityIds = caseEntities.map((member) => member.entityId);
  } else entityIds = [...new Set(scope.entityIds)];
  const entities = entitiesWithDetails(db, entityIds);
  const live = new Set(entities.map((item) => item.entity.id));
  caseEntities = caseEntities.filter((member) => live.has(member.entityId));
  const ids = [...live];

  // Relations of the case, and any relation among the chosen entities.
  const relationWhere: SQL[] = [];
  if (caseRow) relationWhere.push(eq(relationsTable.caseId, caseRow.id));
  if (ids.length)
    relationWhere.push(
      and(inArray(relationsTable.fromEntityId, ids), inArray(relationsTable.toEntityId, ids))!,
    );
  const relations = relationWhere.length
    ? db
        .select()
        .from(relationsTable)
        .where(and(or(...relationWhere), isNull(relationsTable.deletedAt)))
        .all()
        .filter((relation) => live.has(relation.fromEntityId) && live.has(relation.toEntityId))
        .map(({ num: _num, ...relation }) => relation)
    : [];
  const seizures = caseRow
    ? db
        .select()
        .from(seizuresTable)
        .where(and(eq(seizuresTable.caseId, caseRow.id), isNull(seizuresTable.deletedAt)))
        .all()
    : [];
  const custodySteps = seizures.length
    ? db
        .select()
        .from(custodyStepsTable)
        .where(
          inArray(
            custodyStepsTable.seizureId,
            seizures.map((seizure) => seizure.id),
          ),
        )
        .all()
    : [];
  const events = caseRow
    ? db
        .select()
        .from(eventsTable)
        .where(and(eq(eventsTable.caseId, caseRow.id), isNull(eventsTable.deletedAt)))
        .all()
    : [];
  const eventEntities = events.length
    ? db
        .select()
        .from(eventEntitiesTable)
        .where(
          inArray(
            eventEntitiesTable.eventId,
            events.map((event) => event.id),
          ),
        )
        .all()
        .filter((link) => live.has(link.entityId))
    : [];
  const owners = [
    ...(caseRow ? [caseRow.id] : []),
    ...ids,
    ...seizures.map((seizure) => seizure.id),
    ...events.map((event) => event.id),
  ];
  const attachments = owners.length
    ? db
        .select()
        .from(attachmentsTable)
        .where(and(inArray(attachmentsTable.ownerId, owners), isNull(attachmentsTable.deletedAt)))
        .all()
        // A file attachment's secret never leaves the workspace; a package carries the bytes.
        .map(({ content, fileSecret: _secret, ...attachment }) =>
          withContent ? { ...attachment, contentBase64: content.toString('base64') } : attachment,
        )
    : [];
  return {
    format: 'quanlian-case/1',
    exportedAt: meta.now,
    sourceWorkspaceId: meta.workspaceId,
    case: caseRow,
    entities,
    caseEntities,
    relations,
    seizures,
    custodySteps,
    events,
    eventEntities,
    attachments,
  };
}
