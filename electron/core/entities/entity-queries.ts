import { and, asc, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { EntityRow, entityListInput } from '../../api/schemas/entity-schemas';
import type { Executor } from '../db/database-types';
import { containsPattern } from '../db/like-pattern';
import {
  accountsTable,
  caseEntitiesTable,
  entitiesTable,
  locationsTable,
  organisationsTable,
  parcelsTable,
  personsTable,
  phonesTable,
  vehiclesTable,
} from '../db/schema';

/** The identifier that makes each kind findable, read from the table of its kind. */
const identifier = sql<string | null>`CASE ${entitiesTable.kind}
  WHEN 'person' THEN (SELECT ${personsTable.idNumber} FROM ${personsTable} WHERE ${personsTable.entityId} = ${entitiesTable.id})
  WHEN 'phone' THEN (SELECT ${phonesTable.number} FROM ${phonesTable} WHERE ${phonesTable.entityId} = ${entitiesTable.id})
  WHEN 'vehicle' THEN (SELECT ${vehiclesTable.plate} FROM ${vehiclesTable} WHERE ${vehiclesTable.entityId} = ${entitiesTable.id})
  WHEN 'account' THEN (SELECT ${accountsTable.accountNo} FROM ${accountsTable} WHERE ${accountsTable.entityId} = ${entitiesTable.id})
  WHEN 'parcel' THEN (SELECT ${parcelsTable.waybillNo} FROM ${parcelsTable} WHERE ${parcelsTable.entityId} = ${entitiesTable.id})
  WHEN 'organisation' THEN (SELECT ${organisationsTable.creditCode} FROM ${organisationsTable} WHERE ${organisationsTable.entityId} = ${entitiesTable.id})
  WHEN 'location' THEN (SELECT ${locationsTable.address} FROM ${locationsTable} WHERE ${locationsTable.entityId} = ${entitiesTable.id})
END`;

const caseCount = sql<number>`(SELECT count(*) FROM ${caseEntitiesTable} WHERE ${caseEntitiesTable.entityId} = ${entitiesTable.id})`;

/** One page of live (not deleted, not merged) entities, filtered by kind and text. */
export function listEntities(
  db: Executor,
  input: z.output<typeof entityListInput>,
): { rows: EntityRow[]; total: number } {
  const conditions: SQL[] = [isNull(entitiesTable.deletedAt), isNull(entitiesTable.mergedIntoId)];
  if (input.kinds?.length) conditions.push(inArray(entitiesTable.kind, input.kinds));
  if (input.text) {
    const pattern = containsPattern(input.text);
    conditions.push(
      or(
        sql`${entitiesTable.label} LIKE ${pattern} ESCAPE '\\'`,
        sql`${identifier} LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  const where = and(...conditions);

  const rows = db
    .select({
      id: entitiesTable.id,
      kind: entitiesTable.kind,
      label: entitiesTable.label,
      identifier,
      caseCount,
      updatedAt: entitiesTable.updatedAt,
    })
    .from(entitiesTable)
    .where(where)
    .orderBy(asc(entitiesTable.kind), asc(entitiesTable.label), asc(entitiesTable.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(entitiesTable).where(where).get()?.n ?? 0;
  return { rows, total };
}
