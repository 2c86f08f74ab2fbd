import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

const migrations = readMigrationFiles({ migrationsFolder });
const journal = JSON.parse(
  fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
) as {
  entries: { tag: string }[];
};

/** A copy of drizzle/ holding only the first `count` migrations: "the release before". */
function migrationsUpTo(count: number): string {
  const folder = makeTempDir('quanlian-migrations-');
  fs.mkdirSync(path.join(folder, 'meta'));
  const entries = journal.entries.slice(0, count);
  fs.writeFileSync(
    path.join(folder, 'meta/_journal.json'),
    JSON.stringify({ ...journal, entries }),
  );
  for (const entry of entries) {
    fs.copyFileSync(
      path.join(migrationsFolder, `${entry.tag}.sql`),
      path.join(folder, `${entry.tag}.sql`),
    );
  }
  return folder;
}

function tableNames(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`)
      .all() as { name: string }[]
  ).map((row) => row.name);
}

describe('migrations', () => {
  it('apply to an empty encrypted database', () => {
    const file = path.join(makeTempDir(), 'empty.db');
    const key = crypto.randomBytes(32);
    const opened = openDatabase({ file, key, migrationsFolder, create: true });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(tableNames(opened.sqlite)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'cases',
        'case_entities',
        'entities',
        'persons',
        'relations',
        'seizures',
        'users',
      ]),
    );
    expect(
      (
        opened.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
          n: number;
        }
      ).n,
    ).toBe(migrations.length);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    opened.sqlite.close();
  });

  it.each(journal.entries.map((entry, index) => [entry.tag, index + 1]))(
    'upgrade a database made by the release that ended with %s, keeping its rows',
    (_tag, count) => {
      const file = path.join(makeTempDir(), 'old.db');
      const key = crypto.randomBytes(32);
      const old = new Database(file);
      applyKey(old, key);
      migrate(drizzle({ client: old }), { migrationsFolder: migrationsUpTo(count as number) });
      old
        .prepare(
          `INSERT INTO users (id, username, display_name, role, disabled, created_at, updated_at) VALUES ('u1', 'admin', '管理员', 'admin', 0, '2026-01-01', '2026-01-01')`,
        )
        .run();
      old.close();

      const opened = openDatabase({ file, key, migrationsFolder });
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      expect(
        (
          opened.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
            n: number;
          }
        ).n,
      ).toBe(migrations.length);
      expect(opened.sqlite.prepare('SELECT display_name FROM users').all()).toEqual([
        { display_name: '管理员' },
      ]);
      opened.sqlite.close();
    },
  );

  it('0014 marks the relations a merge hid, from the merges’ audit records, and no other deleted one', () => {
    const file = path.join(makeTempDir(), 'merged.db');
    const key = crypto.randomBytes(32);
    const old = new Database(file);
    applyKey(old, key);
    const before = journal.entries.findIndex((entry) => entry.tag === '0014_merged_away');
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsUpTo(before) });
    const at = '2026-05-01T00:00:00.000Z';
    for (const id of ['a', 'b', 'c'])
      old
        .prepare(
          `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES (?, 'phone', ?, '${at}', '${at}')`,
        )
        .run(id, id);
    const relation = old.prepare(
      `INSERT INTO relations (id, from_entity_id, to_entity_id, type, deleted_at, created_at, updated_at) VALUES (?, ?, ?, 'calls', ?, '${at}', '${at}')`,
    );
    relation.run('hidden', 'a', 'b', at); // hidden by the merge of b into a
    relation.run('deleted', 'a', 'b', at); // deleted by a user before that merge
    relation.run('undone', 'a', 'c', null); // hidden by a merge of c into a, brought back
    relation.run('deletedLater', 'a', 'c', at); // … then deleted by a user
    relation.run('live', 'b', 'c', null);
    const audit = old.prepare(
      `INSERT INTO audit_log (seq, at, action, result, details, prev_hash, hash) VALUES (?, '${at}', ?, 'ok', ?, '', '')`,
    );
    audit.run(
      1,
      'entities.merged',
      JSON.stringify({ keepId: 'a', mergeId: 'b', selfLoops: ['hidden'] }),
    );
    audit.run(
      2,
      'entities.merged',
      JSON.stringify({ keepId: 'a', mergeId: 'c', selfLoops: ['undone', 'deletedLater'] }),
    );
    audit.run(3, 'entities.unmerged', JSON.stringify({ mergeAuditSeq: 2 }));
    old.close();

    const opened = openDatabase({ file, key, migrationsFolder });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(
      opened.sqlite.prepare('SELECT id, merged_away FROM relations ORDER BY id').all(),
    ).toEqual([
      { id: 'deleted', merged_away: 0 },
      { id: 'deletedLater', merged_away: 0 },
      { id: 'hidden', merged_away: 1 },
      { id: 'live', merged_away: 0 },
      { id: 'undone', merged_away: 0 },
    ]);
    opened.sqlite.close();
  });

  it('0015 marks the rows of statements that give the day alone (every row of an account at midnight China time)', () => {
    const file = path.join(makeTempDir(), 'statements.db');
    const key = crypto.randomBytes(32);
    const old = new Database(file);
    applyKey(old, key);
    const before = journal.entries.findIndex((entry) => entry.tag === '0015_record_copies');
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsUpTo(before) });
    for (const id of ['p', 'q'])
      old
        .prepare(
          `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES (?, 'account', ?, '2026-03-01', '2026-03-01')`,
        )
        .run(id, id);
    const transfer = old.prepare(
      `INSERT INTO money_transfers (id, account_id, direction, at, amount_fen, import_id) VALUES (?, ?, 'out', ?, 100, ?)`,
    );
    // Import 1: account p gives days alone; account q has times (one of them at midnight).
    transfer.run(1, 'p', '2026-02-28T16:00:00.000Z', 'import-1');
    transfer.run(2, 'p', '2026-03-01T16:00:00.000Z', 'import-1');
    transfer.run(3, 'q', '2026-02-28T16:00:00.000Z', 'import-1');
    transfer.run(4, 'q', '2026-03-01T02:30:00.000Z', 'import-1');
    // Import 2: account p again, with times.
    transfer.run(5, 'p', '2026-03-02T01:00:00.000Z', 'import-2');
    old.close();

    const opened = openDatabase({ file, key, migrationsFolder });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(
      opened.sqlite.prepare('SELECT id, day_only, copy_of FROM money_transfers ORDER BY id').all(),
    ).toEqual([
      { id: 1, day_only: 1, copy_of: null },
      { id: 2, day_only: 1, copy_of: null },
      { id: 3, day_only: null, copy_of: null },
      { id: 4, day_only: null, copy_of: null },
      { id: 5, day_only: null, copy_of: null },
    ]);
    opened.sqlite.close();
  });

  it('refuse a database written by a newer release, changing nothing', () => {
    const file = path.join(makeTempDir(), 'newer.db');
    const key = crypto.randomBytes(32);
    const first = openDatabase({ file, key, migrationsFolder, create: true });
    if (!first.ok) throw new Error('setup failed');
    first.sqlite
      .prepare(
        `INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)`,
      )
      .run();
    first.sqlite.close();
    const before = fs.readFileSync(file);
    expect(openDatabase({ file, key, migrationsFolder })).toEqual({
      ok: false,
      failure: 'newerSchema',
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
