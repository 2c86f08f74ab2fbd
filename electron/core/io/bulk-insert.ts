import type Database from 'better-sqlite3';

/** Rows per INSERT statement: one call into SQLite binds this many rows. */
const rowsPerStatement = 64;

/**
 * Buffers rows and writes them with multi-row `INSERT … VALUES (…), (…)` statements, prepared
 * once: a million single-row `run` calls spend as much time crossing into SQLite and binding
 * as SQLite spends storing. Call `flush` before reading the table or committing.
 */
export function multiRowInsert(
  sqlite: Database.Database,
  table: string,
  columns: string[],
  /**
   * Columns with one integer for every row, written into the statement rather than bound a
   * million times (an import's number on each of its records).
   */
  fixed: Record<string, number> = {},
) {
  const fixedColumns = Object.keys(fixed);
  for (const column of fixedColumns)
    if (!Number.isSafeInteger(fixed[column])) throw new TypeError(`${column} is not an integer`);
  const tuple = `(${[...columns.map(() => '?'), ...fixedColumns.map((column) => String(fixed[column]))].join(', ')})`;
  const statementFor = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO ${table} (${[...columns, ...fixedColumns].join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`,
    );
  const full = statementFor(rowsPerStatement);
  const width = columns.length;
  const buffer: unknown[] = new Array<unknown>(rowsPerStatement * width);
  let filled = 0;
  /**
   * Where the next row's values go in `values` (its first value at the index returned, the
   * others after it, in the order of `columns`): a million rows written in place, with no
   * array of arguments made for each. The rows are sent when the statement's rows are full.
   */
  const next = (): number => {
    if (filled === buffer.length) {
      full.run(buffer);
      filled = 0;
    }
    const at = filled;
    filled += width;
    return at;
  };
  return {
    /** One row's values, in the order of `columns`. */
    add(...values: unknown[]): void {
      const at = next();
      for (let column = 0; column < width; column += 1) buffer[at + column] = values[column];
    },
    next,
    values: buffer,
    flush(): void {
      if (!filled) return;
      statementFor(filled / width).run(buffer.slice(0, filled));
      filled = 0;
    },
  };
}

/** Below this many rows an import keeps the indexes: rebuilding would cost more than it saves. */
const deferFromRows = 50_000;

/**
 * Drops a table's indexes (all but the unique ones) for a bulk insert and gives back the function that builds them
 * again, when the import brings at least as many rows as the table holds. Inserting a million
 * rows into an index in random order touches a random page per row and leaves pages half
 * full (each one encrypted at commit); `CREATE INDEX` sorts once and writes full pages. Run
 * inside the import's transaction: a rollback (cancel, crash) brings the indexes back as they
 * were.
 */
export function deferIndexes(
  sqlite: Database.Database,
  table: string,
  incomingRows: number,
  fromRows = deferFromRows,
): () => void {
  if (incomingRows < fromRows) return () => undefined;
  // The largest rowid bounds the rows held (deleted imports leave gaps): no full count.
  const { held } = sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS held FROM ${table}`).get() as {
    held: number;
  };
  if (held > incomingRows) return () => undefined;
  const indexes = sqlite
    .prepare(
      // A unique index stays: it checks the rows as they come, and a foreign key may need it
      // (call records name their relation by its unique number).
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%'`,
    )
    .all(table) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of indexes) sqlite.exec(index.sql);
  };
}

/**
 * Switches a workspace in WAL mode to a rollback journal for one bulk import (at least
 * `fromRows` rows) and gives back the function that switches it back. In WAL mode every page
 * of a large import is written twice, to the WAL at COMMIT and to the database at the
 * checkpoint that follows; with a rollback journal the new pages at the end of the file are
 * written once and only the pages the import changes are journaled first (encrypted like the
 * database; `synchronous = FULL` still syncs the journal before the database, so a crash
 * rolls back exactly as before). Call outside any transaction; the workspace is this
 * process's only connection to the database (SQLite refuses the switch otherwise, and the
 * import then runs in WAL mode as before).
 */
export function rollbackJournalFor(
  sqlite: Database.Database,
  incomingRows: number,
  fromRows = deferFromRows,
): () => void {
  if (incomingRows < fromRows || sqlite.inTransaction) return () => undefined;
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return () => undefined;
  let switched: unknown;
  try {
    switched = sqlite.pragma('journal_mode = DELETE', { simple: true });
  } catch {
    return () => undefined;
  }
  if (switched !== 'delete') return () => undefined;
  return () => {
    // A closed workspace (locked during the import) is put back in WAL mode when it reopens.
    if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('journal_mode = WAL');
  };
}
