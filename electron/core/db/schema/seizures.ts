import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { stampColumns } from './columns';
import { entitiesTable } from './entities';
import { normalisedUnits, quantityUnits, weightBases } from '../../../api/domain/quantity';

/**
 * A seizure (缴获). The quantity is kept as entered (value + unit) and as an exact integer in the
 * normalised unit, so totals per drug add up exactly.
 */
export const seizuresTable = sqliteTable(
  'seizures',
  {
    id: text().primaryKey(),
    caseId: text()
      .notNull()
      .references(() => casesTable.id),
    seizedAt: text().notNull(),
    place: text(),
    locationEntityId: text().references(() => entitiesTable.id),
    fromEntityId: text().references(() => entitiesTable.id),
    drugType: text().notNull(),
    form: text(),
    quantityValue: text().notNull(),
    quantityUnit: text({ enum: quantityUnits }).notNull(),
    quantityNormalised: integer().notNull(),
    normalisedUnit: text({ enum: normalisedUnits }).notNull(),
    /** 净重 or 毛重 for a weighed quantity; null where not stated (earlier records). */
    weightBasis: text({ enum: weightBases }),
    /** Drug content per unit (mg per 片/支/瓶/ml) as entered, for standard-spec medicines. */
    contentPerUnit: text(),
    /** The same content in micrograms, exact. */
    contentMicrograms: integer(),
    /** Purity in basis points (71.5 % → 7150), when tested. */
    purityBasisPoints: integer(),
    /** 毒资: cash seized, in fen. */
    cashFen: integer(),
    tools: text(),
    evidenceNo: text(),
    notes: text(),
    /** The ledger import (缴获登记表) the seizure came from, and the line of the file; null when entered by hand. */
    importId: text(),
    line: integer(),
    deletedAt: text(),
    ...stampColumns(),
  },
  (table) => [
    index('seizures_case_idx').on(table.caseId),
    index('seizures_import_idx').on(table.importId),
    index('seizures_drug_idx').on(table.drugType),
    index('seizures_seized_at_idx').on(table.seizedAt),
  ],
);
export type SeizureRecord = typeof seizuresTable.$inferSelect;

/** Chain of custody: every hand-over of a seizure's evidence. */
export const custodyStepsTable = sqliteTable(
  'custody_steps',
  {
    id: text().primaryKey(),
    seizureId: text()
      .notNull()
      .references(() => seizuresTable.id),
    at: text().notNull(),
    action: text().notNull(),
    fromHolder: text(),
    toHolder: text(),
    notes: text(),
    ...stampColumns(),
  },
  (table) => [index('custody_steps_seizure_idx').on(table.seizureId)],
);
