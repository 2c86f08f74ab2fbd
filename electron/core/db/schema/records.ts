import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { relationsTable } from './relations';

/**
 * Imported call detail records (话单), one row per call, under the aggregated `calls` relation
 * between the two phones: the relation carries count, total duration and period; these rows
 * are the drill-down. Times are UTC ISO; the import that brought each row is kept.
 */
export const callRecordsTable = sqliteTable(
  'call_records',
  {
    id: integer().primaryKey(),
    relationId: text()
      .notNull()
      .references(() => relationsTable.id),
    startedAt: text().notNull(),
    durationSeconds: integer().notNull(),
    baseStation: text(),
    importId: text().notNull(),
  },
  (table) => [index('call_records_relation_idx').on(table.relationId, table.startedAt)],
);

/** Imported bank and payment transactions, one row each, under the `finances` relation. */
export const moneyTransfersTable = sqliteTable(
  'money_transfers',
  {
    id: integer().primaryKey(),
    relationId: text()
      .notNull()
      .references(() => relationsTable.id),
    at: text().notNull(),
    amountFen: integer().notNull(),
    channel: text(),
    importId: text().notNull(),
  },
  (table) => [index('money_transfers_relation_idx').on(table.relationId, table.at)],
);
