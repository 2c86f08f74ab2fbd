import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  caseProcedures,
  caseStatuses,
  offenceTypes,
  supervisionLevels,
} from '../../../api/domain/case-vocabulary';
import { stampColumns } from './columns';

export const casesTable = sqliteTable(
  'cases',
  {
    id: text().primaryKey(),
    caseNo: text().notNull(),
    title: text().notNull(),
    /** 刑事 or 行政: set from the offence type. */
    procedure: text({ enum: caseProcedures }).notNull().default('criminal'),
    offenceType: text({ enum: offenceTypes }).notNull(),
    status: text({ enum: caseStatuses }).notNull(),
    supervisionLevel: text({ enum: supervisionLevels }).notNull(),
    unit: text(),
    leadInvestigator: text(),
    /** 受案 / 立案 / 破案 / 移送起诉 / 结案 dates (YYYY-MM-DD). */
    acceptedOn: text(),
    openedOn: text(),
    solvedOn: text(),
    prosecutedOn: text(),
    closedOn: text(),
    summary: text(),
    /** 并案: the case this one was merged into. */
    mergedIntoCaseId: text(),
    deletedAt: text(),
    ...stampColumns(),
  },
  (table) => [
    uniqueIndex('cases_case_no_unique').on(table.caseNo),
    index('cases_status_idx').on(table.status),
    index('cases_opened_on_idx').on(table.openedOn),
    index('cases_updated_at_idx').on(table.updatedAt),
  ],
);
export type CaseRecord = typeof casesTable.$inferSelect;
