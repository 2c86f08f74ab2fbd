import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { roles } from '../../../api/domain/roles';
import { stampColumns } from './columns';

/** Accounts. Their key slots live in the workspace header; this row holds identity and role. */
export const usersTable = sqliteTable(
  'users',
  {
    id: text().primaryKey(),
    username: text().notNull(),
    displayName: text().notNull(),
    role: text({ enum: roles }).notNull(),
    disabled: integer({ mode: 'boolean' }).notNull().default(false),
    /** The account's author key (Ed25519 SPKI, base64) as the audit chain introduced it. */
    authorKey: text(),
    ...stampColumns(),
  },
  (table) => [uniqueIndex('users_username_unique').on(table.username)],
);
export type UserRecord = typeof usersTable.$inferSelect;

/** Workspace-wide settings as JSON values, one row per key. */
export const settingsTable = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: text().notNull(),
  updatedBy: text(),
});
