import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';

/**
 * The cases received from another unit in a 协查 package, written by the package import in the
 * transaction that inserts the case. The 成绩单 leaves them out (they are the sending unit's
 * achievement) by this table: it had taken a `package.imported` audit record as the proof, and
 * any account holder can append a record naming any case.
 */
export const receivedCasesTable = sqliteTable('received_cases', {
  caseId: text()
    .primaryKey()
    .references(() => casesTable.id),
  receivedAt: text().notNull(),
  receivedBy: text(),
  /** The sending unit's workspace, as its package names it. */
  sourceWorkspaceId: text().notNull(),
});
