import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

it('links of two SIMs by one IMEI stored before 0022 as 其他 become 同一手机; other links stay', () => {
  const file = path.join(makeTempDir(), 'old.db');
  const key = crypto.randomBytes(32);
  const old = new Database(file);
  applyKey(old, key);
  migrate(drizzle({ client: old }), {
    migrationsFolder: migrationsUntil('0021_transfer_traces'),
  });
  const stamp = "'2026-01-01', '2026-01-01'";
  for (const id of ['p', 'q', 'a', 'b'])
    old.exec(
      `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES ('${id}', 'phone', '${id}', ${stamp})`,
    );
  const links = [
    ['r1', 'p', 'q', 'other', 'IMEI 86123456789012'],
    ['r2', 'a', 'b', 'other', 'MAC 00:11:22:33:44:55'],
    ['r3', 'a', 'b', 'other', '线人'],
    ['r4', 'p', 'q', 'calls', 'IMEI 86123456789012'],
  ];
  for (const [id, from, to, type, source] of links)
    old.exec(`INSERT INTO relations (id, from_entity_id, to_entity_id, type, source, created_at, updated_at)
      VALUES ('${id}', '${from}', '${to}', '${type}', '${source}', ${stamp})`); // prettier-ignore
  old.close();

  const opened = openDatabase({ file, key, migrationsFolder });
  if (!opened.ok) throw new Error(opened.failure);
  const { sqlite } = opened;
  expect(sqlite.prepare('SELECT id, type FROM relations ORDER BY id').all()).toEqual([
    { id: 'r1', type: 'same_handset' },
    { id: 'r2', type: 'other' },
    { id: 'r3', type: 'other' },
    { id: 'r4', type: 'calls' },
  ]);
  sqlite.close();
});
