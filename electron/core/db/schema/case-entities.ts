import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  caseRoles,
  chainTiers,
  legalStatuses,
  sourceStatuses,
} from '../../../api/domain/person-vocabulary';
import { casesTable } from './cases';
import { stampColumns } from './columns';
import { entitiesTable } from './entities';

/** Membership of an entity in a case, with the person's role and legal status in that case. */
export const caseEntitiesTable = sqliteTable(
  'case_entities',
  {
    id: text().primaryKey(),
    caseId: text()
      .notNull()
      .references(() => casesTable.id),
    entityId: text()
      .notNull()
      .references(() => entitiesTable.id),
    roleInCase: text({ enum: caseRoles }).notNull(),
    legalStatus: text({ enum: legalStatuses }).notNull().default('none'),
    legalStatusOn: text(),
    /** Supply-chain tier in this case, when known. */
    chainTier: text({ enum: chainTiers }),
    /** 到案/抓获 (or, for a drug user, 查获) date: kept apart from the current measure. */
    caughtOn: text(),
    /** For the top of a chain: 毒源已查明 or 境外上线已掌握; null = 源头未查明. */
    sourceStatus: text({ enum: sourceStatuses }),
    notes: text(),
    ...stampColumns(),
  },
  (table) => [
    uniqueIndex('case_entities_case_entity_unique').on(table.caseId, table.entityId),
    index('case_entities_entity_idx').on(table.entityId),
  ],
);

/**
 * The history of measures on a person in a case (刑拘 → 逮捕 → 移送起诉; 行政拘留 …), each with
 * its date: 成绩单 counts 刑拘/逮捕/移送起诉 by these dates, not by the current status.
 */
export const caseMeasuresTable = sqliteTable(
  'case_measures',
  {
    id: text().primaryKey(),
    caseEntityId: text()
      .notNull()
      .references(() => caseEntitiesTable.id, { onDelete: 'cascade' }),
    caseId: text()
      .notNull()
      .references(() => casesTable.id),
    entityId: text()
      .notNull()
      .references(() => entitiesTable.id),
    measure: text({ enum: legalStatuses }).notNull(),
    /** YYYY-MM-DD; null when the date was not entered (then not counted, and said so). */
    takenOn: text(),
    notes: text(),
    ...stampColumns(),
  },
  (table) => [
    index('case_measures_member_idx').on(table.caseEntityId),
    index('case_measures_measure_idx').on(table.measure, table.takenOn),
  ],
);
