import { sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Executor } from '../db/database-types';
import { caseDocument, entityDocument, type SearchDocument } from './search-documents';

/** Bump when what goes into documents changes: open workspaces rebuild their index once. */
const searchIndexVersion = 1;

const upsertDocument = `INSERT INTO search_documents (target_type, target_id, title, subtitle, body, pinyin)
  VALUES (@targetType, @targetId, @title, @subtitle, @body, @pinyin)
  ON CONFLICT (target_id) DO UPDATE SET target_type = excluded.target_type, title = excluded.title,
    subtitle = excluded.subtitle, body = excluded.body, pinyin = excluded.pinyin`;

function write(db: Executor, targetId: string, document: SearchDocument | null): void {
  if (!document) {
    db.run(sql`DELETE FROM search_documents WHERE target_id = ${targetId}`);
    return;
  }
  db.run(sql`INSERT INTO search_documents (target_type, target_id, title, subtitle, body, pinyin)
    VALUES (${document.targetType}, ${document.targetId}, ${document.title}, ${document.subtitle}, ${document.body}, ${document.pinyin})
    ON CONFLICT (target_id) DO UPDATE SET target_type = excluded.target_type, title = excluded.title,
      subtitle = excluded.subtitle, body = excluded.body, pinyin = excluded.pinyin`);
}

/** The same write as a prepared statement, for bulk imports (one prepare for many rows). */
export function documentWriter(sqlite: Database.Database): (document: SearchDocument) => void {
  const statement = sqlite.prepare(upsertDocument);
  return (document) => void statement.run(document);
}

/**
 * Brings an entity's search document in line with its rows; removes it when the entity was
 * deleted or merged. Call inside the transaction of the change.
 */
export function indexEntity(db: Executor, entityId: string): void {
  write(db, entityId, entityDocument(db, entityId));
}

export function indexCase(db: Executor, caseId: string): void {
  write(db, caseId, caseDocument(db, caseId));
}

/** Rebuilds every document (after a migration that added the index, or a version change). */
export function rebuildSearchIndex(db: Executor): number {
  db.run(sql`DELETE FROM search_documents`);
  const entities = db.all<{ id: string }>(
    sql`SELECT id FROM entities WHERE deleted_at IS NULL AND merged_into_id IS NULL`,
  );
  for (const { id } of entities) indexEntity(db, id);
  const cases = db.all<{ id: string }>(sql`SELECT id FROM cases WHERE deleted_at IS NULL`);
  for (const { id } of cases) indexCase(db, id);
  db.run(sql`INSERT INTO search_index (search_index) VALUES ('optimize')`);
  return entities.length + cases.length;
}

/** Rebuilds the index when it was built by an older version (or never); returns documents written. */
export function ensureSearchIndexCurrent(db: Executor, now: string): number | null {
  const stored = db.get<{ value: string }>(
    sql`SELECT value FROM settings WHERE key = 'searchIndexVersion'`,
  );
  if (stored && JSON.parse(stored.value) === searchIndexVersion) return null;
  return db.transaction((tx) => {
    const count = rebuildSearchIndex(tx);
    tx.run(sql`INSERT INTO settings (key, value, updated_at) VALUES ('searchIndexVersion', ${JSON.stringify(searchIndexVersion)}, ${now})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    return count;
  });
}
