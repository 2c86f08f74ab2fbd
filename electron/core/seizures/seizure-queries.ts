import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SeizureRow, seizureListInput } from '../../api/schemas/seizure-schemas';
import type { Executor } from '../db/database-types';
import { casesTable, entitiesTable, seizuresTable } from '../db/schema';

/** Seizures, newest first, optionally of one case. */
export function listSeizures(
  db: Executor,
  input: z.output<typeof seizureListInput>,
): { rows: SeizureRow[]; total: number } {
  const conditions: SQL[] = [isNull(seizuresTable.deletedAt)];
  if (input.caseId) conditions.push(eq(seizuresTable.caseId, input.caseId));
  const where = and(...conditions);
  const rows = selectSeizures(db)
    .where(where)
    .orderBy(desc(seizuresTable.seizedAt), desc(seizuresTable.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(seizuresTable)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}

export function findSeizure(db: Executor, id: string): SeizureRow | undefined {
  return selectSeizures(db)
    .where(and(eq(seizuresTable.id, id), isNull(seizuresTable.deletedAt)))
    .get();
}

function selectSeizures(db: Executor) {
  return db
    .select({
      id: seizuresTable.id,
      caseId: seizuresTable.caseId,
      caseNo: casesTable.caseNo,
      seizedAt: seizuresTable.seizedAt,
      drugType: seizuresTable.drugType,
      form: seizuresTable.form,
      quantityValue: seizuresTable.quantityValue,
      quantityUnit: seizuresTable.quantityUnit,
      quantityNormalised: seizuresTable.quantityNormalised,
      normalisedUnit: seizuresTable.normalisedUnit,
      weightBasis: seizuresTable.weightBasis,
      contentPerUnit: seizuresTable.contentPerUnit,
      contentMicrograms: seizuresTable.contentMicrograms,
      purityBasisPoints: seizuresTable.purityBasisPoints,
      place: seizuresTable.place,
      locationEntityId: seizuresTable.locationEntityId,
      fromEntityId: seizuresTable.fromEntityId,
      fromName: entitiesTable.label,
      evidenceNo: seizuresTable.evidenceNo,
      cashFen: seizuresTable.cashFen,
      tools: seizuresTable.tools,
      notes: seizuresTable.notes,
      importId: seizuresTable.importId,
      line: seizuresTable.line,
    })
    .from(seizuresTable)
    .innerJoin(casesTable, eq(casesTable.id, seizuresTable.caseId))
    .leftJoin(entitiesTable, eq(entitiesTable.id, seizuresTable.fromEntityId))
    .$dynamic();
}
