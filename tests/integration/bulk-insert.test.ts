import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferIndexes, multiRowInsert } from '../../electron/core/io/bulk-insert';

let sqlite: Database.Database;
const indexSql = () =>
  sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls' ORDER BY name`,
    )
    .all();

beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE calls (id INTEGER PRIMARY KEY, relation TEXT NOT NULL, at TEXT, line INTEGER);
    CREATE INDEX calls_relation_idx ON calls (relation, at);
    CREATE INDEX calls_at_idx ON calls (at)`);
});
afterEach(() => sqlite.close());

describe('multi-row inserts', () => {
  it('writes every row in order, whole statements and the remainder, nulls kept', () => {
    const insert = multiRowInsert(sqlite, 'calls', ['relation', 'at', 'line']);
    for (let line = 1; line <= 130; line += 1)
      insert.add(`r${line % 3}`, line % 10 === 0 ? null : `2026-01-01T00:00:${line}`, line);
    // 64 rows per statement: 128 written, 2 wait for flush.
    expect(sqlite.prepare('SELECT count(*) AS n FROM calls').get()).toEqual({ n: 128 });
    insert.flush();
    insert.flush();
    const rows = sqlite.prepare('SELECT id, relation, at, line FROM calls ORDER BY id').all();
    expect(rows).toHaveLength(130);
    expect(rows[0]).toEqual({ id: 1, relation: 'r1', at: '2026-01-01T00:00:1', line: 1 });
    expect(rows[9]).toEqual({ id: 10, relation: 'r1', at: null, line: 10 });
    expect(rows[129]).toEqual({ id: 130, relation: 'r1', at: null, line: 130 });
  });
});

describe('indexes deferred for a bulk insert', () => {
  it('drops the indexes of a table smaller than the import and builds the same ones again', () => {
    const before = indexSql();
    sqlite.exec('BEGIN');
    const rebuild = deferIndexes(sqlite, 'calls', 1_000, 500);
    expect(indexSql()).toEqual([]);
    const insert = multiRowInsert(sqlite, 'calls', ['relation', 'at', 'line']);
    for (let line = 1; line <= 1_000; line += 1) insert.add(`r${line % 7}`, `t${line}`, line);
    insert.flush();
    rebuild();
    sqlite.exec('COMMIT');
    expect(indexSql()).toEqual(before);
    expect(sqlite.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    const plan = sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT at FROM calls WHERE relation = 'r3'`)
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toContain('calls_relation_idx');
  });

  it('a rollback (cancel) brings the indexes back', () => {
    const before = indexSql();
    sqlite.exec('BEGIN');
    deferIndexes(sqlite, 'calls', 1_000, 500);
    expect(indexSql()).toEqual([]);
    sqlite.exec('ROLLBACK');
    expect(indexSql()).toEqual(before);
  });

  it('keeps the indexes for a small import, or when the table holds more rows than come', () => {
    expect(deferIndexes(sqlite, 'calls', 499, 500)).toBeTypeOf('function');
    expect(indexSql()).toHaveLength(2);
    const insert = multiRowInsert(sqlite, 'calls', ['relation', 'at', 'line']);
    for (let line = 1; line <= 600; line += 1) insert.add('r', 't', line);
    insert.flush();
    deferIndexes(sqlite, 'calls', 599, 500);
    expect(indexSql()).toHaveLength(2);
  });
});
