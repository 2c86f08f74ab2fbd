import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import type { AppDatabase } from './database-types';

interface OpenDatabaseOptions {
  file: string;
  /** The 256-bit data key. Used as a SQLCipher raw key, so no KDF runs at open. */
  key: Buffer;
  migrationsFolder: string;
  /** Path to a better-sqlite3 binary built for Electron's ABI (main process only). */
  nativeBinding?: string;
  /** True when creating a new workspace: the file must not exist yet. */
  create?: boolean;
}

export type OpenDatabaseFailure =
  'missing' | 'notADatabase' | 'truncated' | 'newerSchema' | 'migrationFailed';

type OpenDatabaseResult =
  | { ok: true; db: AppDatabase; sqlite: Database.Database }
  | { ok: false; failure: OpenDatabaseFailure };

/** SQLCipher 4 compatible settings, so `export-key` output opens in standard SQLCipher tools. */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Opens a workspace database in one fixed order: key → prove the key (read sqlite_master) →
 * pragmas → refuse a schema newer than this app → migrate → drizzle. Never deletes or
 * recreates anything on failure: a wrong key and a damaged file look the same to SQLite.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenDatabaseResult {
  const exists = fs.existsSync(options.file);
  if (!exists && !options.create) return { ok: false, failure: 'missing' };

  const sqlite = new Database(options.file, {
    fileMustExist: !options.create,
    nativeBinding: options.nativeBinding,
  });
  try {
    applyKey(sqlite, options.key);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (isNotADatabase(error)) return fail(sqlite, 'notADatabase');
      throw error;
    }
    if (exists && isTruncated(sqlite, options.file)) return fail(sqlite, 'truncated');

    applyPragmas(sqlite);

    const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
    if (isNewerThan(sqlite, known)) return fail(sqlite, 'newerSchema');

    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
    try {
      migrate(db, { migrationsFolder: options.migrationsFolder });
    } catch (error) {
      if (isNotADatabase(error)) return fail(sqlite, 'notADatabase');
      return fail(sqlite, 'migrationFailed');
    }
    return { ok: true, db, sqlite };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The pragmas every workspace connection runs with. */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Freed pages are zeroed, so deleted case data does not linger in the file.
  sqlite.pragma('secure_delete = ON');
  // The audit log lives in this database: a committed record must survive power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // Decrypting a page costs more than reading it from the OS cache: keep decrypted pages in a
  // generous page cache (up to 256 MiB, allocated only as pages are read).
  sqlite.pragma('cache_size = -262144');
  // Sorts and temporary tables (an index built after a bulk import, ORDER BY on large results)
  // stay in memory: SQLCipher does not encrypt temporary files, and case data must not reach
  // the disk in plaintext. An import's index build is also faster without the file round trip.
  sqlite.pragma('temp_store = MEMORY');
}

function fail(sqlite: Database.Database, failure: OpenDatabaseFailure): OpenDatabaseResult {
  sqlite.close();
  return { ok: false, failure };
}

/**
 * A file shorter than its own page count says is a truncated copy; refuse it before use.
 * After a crash the newest pages may sit in the WAL only, so the check needs an empty WAL.
 */
function isTruncated(sqlite: Database.Database, file: string): boolean {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return false;
  const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  return fs.statSync(file).size < pageCount * pageSize;
}

function isNewerThan(
  sqlite: Database.Database,
  known: ReturnType<typeof readMigrationFiles>,
): boolean {
  const table = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'`)
    .get();
  if (!table) return false;
  const row = sqlite.prepare('SELECT max(created_at) AS latest FROM __drizzle_migrations').get() as
    { latest: number | null } | undefined;
  const latestKnown = Math.max(0, ...known.map((migration) => migration.folderMillis));
  return row?.latest != null && Number(row.latest) > latestKnown;
}

/** The schema version a database is at: how many migrations it has applied. */
export function appliedMigrationCount(sqlite: Database.Database): number {
  const row = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
    n: number;
  };
  return row.n;
}

/**
 * Opens a database read-only for inspection (a backup snapshot): key and proof only, no
 * pragmas, no migrations, nothing written.
 */
export function openForInspection(
  file: string,
  key: Buffer,
  nativeBinding?: string,
): { db: AppDatabase; sqlite: Database.Database } | null {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    applyKey(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return { db: drizzle({ client: sqlite, schema, casing: 'snake_case' }), sqlite };
  } catch (error) {
    sqlite.close();
    if (isNotADatabase(error)) return null;
    throw error;
  }
}
