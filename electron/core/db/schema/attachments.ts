import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { attachmentKinds, attachmentOwnerTypes } from '../../../api/schemas/attachment-schemas';
import { casesTable } from './cases';

/**
 * Evidence files. New files live outside the database, in `attachments/<id>.qla` in the
 * workspace folder, encrypted in authenticated chunks (`storage = 'file'`); files added before
 * that kept their bytes in `content` inside the encrypted database (`storage = 'database'`).
 * The SHA-256 of the plaintext proves the file has not changed since it was added.
 */
export const attachmentsTable = sqliteTable(
  'attachments',
  {
    id: text().primaryKey(),
    ownerType: text({ enum: attachmentOwnerTypes }).notNull(),
    ownerId: text().notNull(),
    caseId: text().references(() => casesTable.id),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    /** The bytes of a `storage = 'database'` attachment; empty for `storage = 'file'`. */
    content: blob({ mode: 'buffer' }).notNull(),
    description: text(),
    deletedAt: text(),
    createdAt: text().notNull(),
    createdBy: text(),
    updatedAt: text().notNull(),
    updatedBy: text(),
    kind: text({ enum: attachmentKinds }).notNull().default('other'),
    storage: text({ enum: ['database', 'file'] })
      .notNull()
      .default('database'),
    /**
     * The random 256-bit secret a `storage = 'file'` attachment's key is derived from. It lives
     * only here, in the encrypted database, so re-keying the workspace (a revoked user) protects
     * the files too without re-encrypting gigabytes.
     */
    fileSecret: blob({ mode: 'buffer' }),
  },
  (table) => [index('attachments_owner_idx').on(table.ownerType, table.ownerId)],
);
