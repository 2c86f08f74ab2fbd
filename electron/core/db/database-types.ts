import type { RunResult } from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

type Schema = typeof schema;
export type AppDatabase = BetterSQLite3Database<Schema>;
/** A database or a transaction: what repositories take as their first argument. */
export type Executor = BaseSQLiteDatabase<'sync', RunResult, Schema>;
