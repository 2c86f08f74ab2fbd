import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DrugTotal } from '../../api/schemas/seizure-schemas';
import type { Executor } from '../db/database-types';
import { seizuresTable } from '../db/schema';
import { statutoryThresholds, statutoryTier } from './statutory-thresholds';
import type { DrugCode } from '../../api/domain/drug-catalog';

/**
 * The exact total of each drug seized in a case, per normalised unit (integer milligrams,
 * millilitres or tablets: sums are exact), with the statutory tier of the total.
 */
export function caseDrugTotals(db: Executor, caseId: string): DrugTotal[] {
  return db
    .select({
      drugType: seizuresTable.drugType,
      unit: seizuresTable.normalisedUnit,
      total: sql<number>`sum(${seizuresTable.quantityNormalised})`,
      seizures: sql<number>`count(*)`,
    })
    .from(seizuresTable)
    .where(and(eq(seizuresTable.caseId, caseId), isNull(seizuresTable.deletedAt)))
    .groupBy(seizuresTable.drugType, seizuresTable.normalisedUnit)
    .orderBy(asc(seizuresTable.drugType))
    .all()
    .map((row) => {
      const threshold = statutoryThresholds[row.drugType as DrugCode];
      return {
        ...row,
        tier: statutoryTier(row.drugType, row.total, row.unit),
        thresholds: threshold && row.unit === 'mg' ? threshold : null,
      };
    });
}
