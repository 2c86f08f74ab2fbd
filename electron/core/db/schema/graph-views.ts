import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { stampColumns } from './columns';

/** A saved chart: positions, filters and hidden nodes, as JSON. */
export const graphViewsTable = sqliteTable(
  'graph_views',
  {
    id: text().primaryKey(),
    caseId: text().references(() => casesTable.id),
    name: text().notNull(),
    state: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    deletedAt: text(),
    ...stampColumns(),
  },
  (table) => [index('graph_views_case_idx').on(table.caseId)],
);
