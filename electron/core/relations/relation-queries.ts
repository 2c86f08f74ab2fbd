import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { RelationRow } from '../../api/schemas/entity-schemas';
import type { Executor } from '../db/database-types';
import { casesTable, entitiesTable, relationsTable } from '../db/schema';

const fromEntity = alias(entitiesTable, 'from_entity');
const toEntity = alias(entitiesTable, 'to_entity');

/**
 * Relations of a case or of an entity, with both ends named; hidden when an end was deleted or
 * merged into another.
 */
export function listRelations(
  db: Executor,
  filter: { caseId?: string; entityId?: string; id?: string },
): RelationRow[] {
  const scope = filter.id
    ? eq(relationsTable.id, filter.id)
    : filter.caseId
      ? eq(relationsTable.caseId, filter.caseId)
      : or(
          eq(relationsTable.fromEntityId, filter.entityId!),
          eq(relationsTable.toEntityId, filter.entityId!),
        );
  return db
    .select({
      id: relationsTable.id,
      fromEntityId: relationsTable.fromEntityId,
      fromLabel: fromEntity.label,
      fromKind: fromEntity.kind,
      toEntityId: relationsTable.toEntityId,
      toLabel: toEntity.label,
      toKind: toEntity.kind,
      type: relationsTable.type,
      directed: relationsTable.directed,
      startedOn: relationsTable.startedOn,
      endedOn: relationsTable.endedOn,
      amountFen: relationsTable.amountFen,
      eventCount: relationsTable.eventCount,
      durationSeconds: relationsTable.durationSeconds,
      drugType: relationsTable.drugType,
      quantityValue: relationsTable.quantityValue,
      quantityUnit: relationsTable.quantityUnit,
      quantityNormalised: relationsTable.quantityNormalised,
      normalisedUnit: relationsTable.normalisedUnit,
      source: relationsTable.source,
      reliability: relationsTable.reliability,
      credibility: relationsTable.credibility,
      caseId: relationsTable.caseId,
      caseNo: casesTable.caseNo,
      notes: relationsTable.notes,
    })
    .from(relationsTable)
    .innerJoin(fromEntity, eq(fromEntity.id, relationsTable.fromEntityId))
    .innerJoin(toEntity, eq(toEntity.id, relationsTable.toEntityId))
    .leftJoin(casesTable, eq(casesTable.id, relationsTable.caseId))
    .where(
      and(
        scope,
        isNull(relationsTable.deletedAt),
        isNull(fromEntity.deletedAt),
        isNull(toEntity.deletedAt),
        // A masked account merged into the full one it is keeps its relations of copies.
        isNull(fromEntity.mergedIntoId),
        isNull(toEntity.mergedIntoId),
      ),
    )
    .orderBy(
      asc(relationsTable.type),
      asc(fromEntity.label),
      asc(toEntity.label),
      sql`${relationsTable.id}`,
    )
    .all();
}
