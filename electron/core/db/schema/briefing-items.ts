import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { analysisSources } from '../../../api/schemas/briefing-item-schemas';
import { casesTable } from './cases';
import { stampColumns } from './columns';

/**
 * Analysis results kept for a case's briefing (研判结果): a snapshot as a table (columns and
 * rows of text) or a figure (a PNG), in the order the user gave them. A snapshot, not a query:
 * the briefing shows what the investigator saw and chose, even after more records come in.
 */
export const briefingItemsTable = sqliteTable(
  'briefing_items',
  {
    id: text().primaryKey(),
    caseId: text()
      .notNull()
      .references(() => casesTable.id),
    position: integer().notNull(),
    title: text().notNull(),
    source: text({ enum: analysisSources }).notNull(),
    /** `{ kind: 'table', columns, rows }` or `{ kind: 'figure', png (base64), width, height }`. */
    content: text({ mode: 'json' }).$type<BriefingItemContent>().notNull(),
    ...stampColumns(),
  },
  (table) => [index('briefing_items_case_idx').on(table.caseId, table.position)],
);

export type BriefingItemContent =
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'figure'; png: string; width: number; height: number };
