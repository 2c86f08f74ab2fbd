import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { attachmentOwnerTypes } from '../../../api/schemas/attachment-schemas';
import { casesTable } from './cases';

/**
 * Evidence files. The content lives in the encrypted database (so it is encrypted at rest like
 * everything else); the SHA-256 proves it has not changed since it was added.
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
    content: blob({ mode: 'buffer' }).notNull(),
    description: text(),
    deletedAt: text(),
    createdAt: text().notNull(),
    createdBy: text(),
    updatedAt: text().notNull(),
    updatedBy: text(),
  },
  (table) => [index('attachments_owner_idx').on(table.ownerType, table.ownerId)],
);
