import { text } from 'drizzle-orm/sqlite-core';

/** Who made and last changed a row, and when (ISO-8601 UTC). Every user-changed table has these. */
export function stampColumns() {
  return {
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
    createdBy: text(),
    updatedBy: text(),
  };
}
