import { and, asc, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { EntityRow, entityListInput } from '../../api/schemas/entity-schemas';
import type { Executor } from '../db/database-types';
import { containsPattern } from '../db/like-pattern';
import { entitiesTable } from '../db/schema';

/**
 * The identifier that makes each kind findable, read from the table of its kind. Correlated
 * subqueries are written out: drizzle leaves the outer column unqualified inside them.
 */
export const identifier = sql<string | null>`CASE entities.kind
  WHEN 'person' THEN (SELECT id_number FROM persons WHERE persons.entity_id = entities.id)
  WHEN 'phone' THEN (SELECT number FROM phones WHERE phones.entity_id = entities.id)
  WHEN 'vehicle' THEN (SELECT plate FROM vehicles WHERE vehicles.entity_id = entities.id)
  WHEN 'account' THEN (SELECT account_no FROM accounts WHERE accounts.entity_id = entities.id)
  WHEN 'parcel' THEN (SELECT waybill_no FROM parcels WHERE parcels.entity_id = entities.id)
  WHEN 'organisation' THEN (SELECT credit_code FROM organisations WHERE organisations.entity_id = entities.id)
  WHEN 'location' THEN (SELECT address FROM locations WHERE locations.entity_id = entities.id)
END`;

const caseCount = sql<number>`(SELECT count(*) FROM case_entities ce WHERE ce.entity_id = entities.id)`;

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
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(entitiesTable)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}
