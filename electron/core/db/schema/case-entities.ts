import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { caseRoles, chainTiers, legalStatuses } from '../../../api/domain/person-vocabulary';
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
    notes: text(),
    ...stampColumns(),
  },
  (table) => [
    uniqueIndex('case_entities_case_entity_unique').on(table.caseId, table.entityId),
    index('case_entities_entity_idx').on(table.entityId),
  ],
);
