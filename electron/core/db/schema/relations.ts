import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { normalisedUnits, quantityUnits } from '../../../api/domain/quantity';
import { relationTypes, sourceReliabilities } from '../../../api/domain/relation-types';
import { casesTable } from './cases';
import { stampColumns } from './columns';
import { entitiesTable } from './entities';

/**
 * A link between two entities. Directed relations run from → to (supply: upstream → downstream;
 * money: payer → payee). Graded with the Admiralty scale.
 */
export const relationsTable = sqliteTable(
  'relations',
  {
    id: text().primaryKey(),
    /**
     * The relation's small number, what its call records name (an integer instead of a
     * 36-character ID on each of a million rows and in their index). Given at insert by a
     * trigger when the writer gives none (migration 0013: a rebuild of this table must create
     * that trigger again, drizzle-kit does not see it); kept by VACUUM, unlike a rowid.
     */
    num: integer(),
    fromEntityId: text()
      .notNull()
      .references(() => entitiesTable.id),
    toEntityId: text()
      .notNull()
      .references(() => entitiesTable.id),
    type: text({ enum: relationTypes }).notNull(),
    directed: integer({ mode: 'boolean' }).notNull().default(true),
    startedOn: text(),
    endedOn: text(),
    /** Money in fen (分), exact. */
    amountFen: integer(),
    /** Aggregates for imported calls and transfers. */
    eventCount: integer(),
    /** Text messages among imported call records (eventCount counts calls only). */
    messageCount: integer(),
    durationSeconds: integer(),
    /**
     * What a supply relation moved, by the supplier's statement or a ledger (据供述/交易记录):
     * a drug code of the catalogue and its quantity as entered and exactly normalised, like a
     * seizure's. Null on every other type.
     */
    drugType: text(),
    quantityValue: text(),
    quantityUnit: text({ enum: quantityUnits }),
    quantityNormalised: integer(),
    normalisedUnit: text({ enum: normalisedUnits }),
    source: text(),
    reliability: text({ enum: sourceReliabilities }),
    credibility: integer(),
    caseId: text().references(() => casesTable.id),
    notes: text(),
    deletedAt: text(),
    /**
     * Hidden by a merge (`deletedAt` set with it): its two ends became one entity. Its records
     * still are that entity's (a phone's sightings on base stations), where a relation a user
     * deleted is no evidence. Migration 0014 sets it from the merges' audit records.
     */
    mergedAway: integer({ mode: 'boolean' }).notNull().default(false),
    ...stampColumns(),
  },
  (table) => [
    // Covering indexes for graph traversal: neighbours by type without touching the rows.
    index('relations_from_idx').on(table.fromEntityId, table.type, table.toEntityId),
    index('relations_to_idx').on(table.toEntityId, table.type, table.fromEntityId),
    index('relations_case_idx').on(table.caseId),
    index('relations_type_idx').on(table.type),
    uniqueIndex('relations_num_idx').on(table.num),
  ],
);
export type RelationRecord = typeof relationsTable.$inferSelect;
