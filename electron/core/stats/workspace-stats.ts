import { isNull, sql } from 'drizzle-orm';
import { caseStatuses } from '../../api/domain/case-vocabulary';
import { entityKinds } from '../../api/domain/entity-kinds';
import type { WorkspaceStats } from '../../api/schemas/stats-schemas';
import type { Executor } from '../db/database-types';
import {
  auditLogTable,
  casesTable,
  entitiesTable,
  eventsTable,
  relationsTable,
  seizuresTable,
  usersTable,
} from '../db/schema';

function countOf(
  db: Executor,
  table: Parameters<ReturnType<Executor['select']>['from']>[0],
  where?: ReturnType<typeof isNull>,
): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(where)
      .get()?.n ?? 0
  );
}

/** Counts of what the workspace holds (deleted rows excluded). */
export function workspaceStats(db: Executor): WorkspaceStats {
  const casesByStatus = Object.fromEntries(
    caseStatuses.map((status) => [status, 0]),
  ) as WorkspaceStats['casesByStatus'];
  for (const row of db
    .select({ status: casesTable.status, n: sql<number>`count(*)` })
    .from(casesTable)
    .where(isNull(casesTable.deletedAt))
    .groupBy(casesTable.status)
    .all()) {
    casesByStatus[row.status] = row.n;
  }
  const entitiesByKind = Object.fromEntries(
    entityKinds.map((kind) => [kind, 0]),
  ) as WorkspaceStats['entitiesByKind'];
  for (const row of db
    .select({ kind: entitiesTable.kind, n: sql<number>`count(*)` })
    .from(entitiesTable)
    .where(isNull(entitiesTable.deletedAt))
    .groupBy(entitiesTable.kind)
    .all()) {
    entitiesByKind[row.kind] = row.n;
  }
  return {
    cases: Object.values(casesByStatus).reduce((sum, n) => sum + n, 0),
    casesByStatus,
    entities: Object.values(entitiesByKind).reduce((sum, n) => sum + n, 0),
    entitiesByKind,
    relations: countOf(db, relationsTable, isNull(relationsTable.deletedAt)),
    seizures: countOf(db, seizuresTable, isNull(seizuresTable.deletedAt)),
    events: countOf(db, eventsTable, isNull(eventsTable.deletedAt)),
    users: countOf(db, usersTable),
    auditRecords: countOf(db, auditLogTable),
  };
}
