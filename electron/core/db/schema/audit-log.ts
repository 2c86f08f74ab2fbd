import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained audit log. Each record's hash covers its fields and the previous
 * record's hash, so altering or deleting any row breaks the chain from that row on.
 */
export const auditLogTable = sqliteTable(
  'audit_log',
  {
    seq: integer().primaryKey(),
    at: text().notNull(),
    userId: text(),
    username: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    result: text({ enum: ['ok', 'denied', 'failed'] }).notNull(),
    /** JSON object; never secrets. */
    details: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
    /**
     * The author's Ed25519 signature over `hash` (`audit-author.ts`); null for system records
     * and records written before authors were signed. Not part of the hash, so older chains,
     * backups and packages stay valid.
     */
    authorSignature: text(),
  },
  (table) => [
    index('audit_log_target_idx').on(table.targetId),
    index('audit_log_action_idx').on(table.action),
  ],
);
export type AuditRecord = typeof auditLogTable.$inferSelect;
