import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deferIndexes,
  multiRowInsert,
  rollbackJournalFor,
} from '../../electron/core/io/bulk-insert';

const require = createRequire(import.meta.url);

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

  it('keeps a unique index: it checks the rows, and a foreign key may stand on it', () => {
    // Call records name their relation by its unique number: with that index dropped, every
    // insert into the relations failed ("foreign key mismatch").
    sqlite.exec(`PRAGMA foreign_keys = ON;
      CREATE TABLE relations (id TEXT PRIMARY KEY, num INTEGER, kind TEXT);
      CREATE UNIQUE INDEX relations_num_idx ON relations (num);
      CREATE INDEX relations_kind_idx ON relations (kind);
      CREATE TABLE records (relation_num INTEGER REFERENCES relations (num));
      BEGIN`);
    const rebuild = deferIndexes(sqlite, 'relations', 1_000, 500);
    const insert = multiRowInsert(sqlite, 'relations', ['id', 'num', 'kind']);
    for (let num = 1; num <= 1_000; num += 1) insert.add(`r${num}`, num, 'calls');
    insert.flush();
    expect(() =>
      sqlite.prepare('INSERT INTO relations (id, num) VALUES (?, ?)').run('x', 7),
    ).toThrow(/UNIQUE constraint failed: relations.num/);
    sqlite.prepare('INSERT INTO records (relation_num) VALUES (?)').run(7);
    rebuild();
    sqlite.exec('COMMIT');
    expect(
      sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'relations' ORDER BY name`,
        )
        .all(),
    ).toEqual([
      { name: 'relations_kind_idx' },
      { name: 'relations_num_idx' },
      { name: 'sqlite_autoindex_relations_1' },
    ]);
  });
});

describe('a rollback journal for a bulk import', () => {
  let dir: string;
  let file: string;
  const marker = '2026-10-01 住址 plaintext before the import';
  const open = () => {
    const db = new Database(file);
    db.pragma(`key='bulk-journal-test'`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    return db;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-bulk-journal-'));
    file = path.join(dir, 'workspace.db');
    const db = open();
    db.exec(
      'CREATE TABLE calls (id INTEGER PRIMARY KEY, relation TEXT NOT NULL, at TEXT, line INTEGER)',
    );
    db.prepare('INSERT INTO calls (relation, at, line) VALUES (?, ?, ?)').run('r0', marker, 1);
    db.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the import through a journal and puts the workspace back in WAL mode', () => {
    fs.chmodSync(file, 0o600);
    const db = open();
    const restore = rollbackJournalFor(db, 1_000, 500);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.exec('BEGIN IMMEDIATE');
    const insert = multiRowInsert(db, 'calls', ['relation', 'at', 'line']);
    for (let line = 2; line <= 1_001; line += 1) insert.add(`r${line % 7}`, `t${line}`, line);
    insert.flush();
    db.prepare('UPDATE calls SET at = ? WHERE id = 1').run('t0-changed');
    // The page it changed is journaled (encrypted like the database, owner-only like it)
    // until COMMIT.
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
    if (process.platform !== 'win32')
      expect(fs.statSync(`${file}-journal`).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(`${file}-journal`).includes(marker)).toBe(false);
    db.exec('COMMIT');
    restore();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n, max(line) AS last FROM calls').get()).toEqual({
      n: 1_001,
      last: 1_001,
    });
    db.close();
  });

  it('leaves a small import, and a workspace another connection has open, in WAL mode', () => {
    const db = open();
    rollbackJournalFor(db, 499, 500)();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const other = open();
    other.prepare('SELECT count(*) FROM calls').get();
    const restore = rollbackJournalFor(db, 1_000, 500);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    restore();
    other.close();
    db.close();
  });

  it('a process killed in the middle of the import leaves the workspace as it was', () => {
    const script = `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(file)});
      db.pragma("key='bulk-journal-test'");
      db.pragma('synchronous = FULL');
      db.pragma('cache_size = 8');
      console.log(db.pragma('journal_mode = DELETE', { simple: true }));
      db.exec('BEGIN IMMEDIATE');
      db.prepare('UPDATE calls SET at = ? WHERE id = 1').run('t0-changed');
      const insert = db.prepare('INSERT INTO calls (relation, at, line) VALUES (?, ?, ?)');
      for (let line = 2; line <= 20000; line += 1) insert.run('r' + (line % 7), 't'.repeat(50), line);
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout.trim()).toBe('delete');
    // Pages spilled into the database before the kill; the journal holds what they were.
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
    const db = open();
    expect(db.prepare('SELECT count(*) AS n, max(at) AS at FROM calls').get()).toEqual({
      n: 1,
      at: marker,
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
