import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

it('rows with an unknown end imported twice before 0023 are marked copies of the first import', () => {
  const file = path.join(makeTempDir(), 'old.db');
  const key = crypto.randomBytes(32);
  const old = new Database(file);
  applyKey(old, key);
  migrate(drizzle({ client: old }), {
    migrationsFolder: migrationsUntil('0022_same_handset'),
  });
  const stamp = "'2026-01-01', '2026-01-01'";
  old.exec(
    `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES ('p', 'phone', 'p', ${stamp})`,
  );
  for (const id of ['a', 'b', 'c'])
    old.exec(`INSERT INTO imports (id, file_name, sha256, template, row_count, rejected_count, created_at, created_by)
      VALUES ('${id}', '${id}.csv', '${id}', 'calls', 1, 0, '2026-01-01', 'u')`); // prettier-ignore
  // [id, import, start, seconds, kind, incoming]
  const rows: [number, string, number, number, string, number | null][] = [
    [1, 'a', 100, 50, 'call', 1],
    [2, 'a', 200, 600, 'data', null],
    [3, 'b', 100, 50, 'call', 1],
    [4, 'b', 100, 50, 'call', 1],
    [5, 'b', 100, 50, 'call', 0],
    [6, 'b', 200, 600, 'data', null],
    [7, 'c', 100, 50, 'call', 1],
  ];
  for (const [id, importId, at, seconds, kind, incoming] of rows)
    old.exec(`INSERT INTO data_sessions (id, phone_id, started_unix, duration_seconds, import_id, kind, incoming)
      VALUES (${id}, 'p', ${at}, ${seconds}, '${importId}', '${kind}', ${incoming ?? 'NULL'})`); // prettier-ignore
  old.close();

  const opened = openDatabase({ file, key, migrationsFolder });
  if (!opened.ok) throw new Error(opened.failure);
  const { sqlite } = opened;
  // b's second incoming call at 100 is one a lacks; c's is a's; the outgoing one is another.
  expect(sqlite.prepare('SELECT id, copy_of FROM data_sessions ORDER BY id').all()).toEqual([
    { id: 1, copy_of: null },
    { id: 2, copy_of: null },
    { id: 3, copy_of: 1 },
    { id: 4, copy_of: null },
    { id: 5, copy_of: null },
    { id: 6, copy_of: 2 },
    { id: 7, copy_of: 1 },
  ]);
  sqlite.close();
});
