import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

it('cells stored before 0018 get one key each: a 4G cell stored as TAC-ECI or eNodeB-cell is its ECI, 2G pairs and names stay', () => {
  const file = path.join(makeTempDir(), 'old.db');
  const key = crypto.randomBytes(32);
  const old = new Database(file);
  applyKey(old, key);
  migrate(drizzle({ client: old }), { migrationsFolder: migrationsUntil('0017_data_sessions') });
  const stored = [
    '9763-123456905', // TAC-ECI
    '123456905', // ECI alone
    '482253-137', // eNodeB-cell
    '9763-41235', // LAC-CI (2G)
    '70000-300', // over 16 bits beside a cell over 255: as it was
    '2000000-1', // over 20 bits: no eNodeB
    '昆明五华基站', // a name
    '460-00-1-2', // not a pair
  ];
  const stamp = "'2026-01-01', '2026-01-01'";
  for (const id of ['p', 'q'])
    old.exec(
      `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES ('${id}', 'phone', '${id}', ${stamp})`,
    );
  old.exec(`INSERT INTO relations (id, num, from_entity_id, to_entity_id, type, created_at, updated_at)
    VALUES ('r', 1, 'p', 'q', 'calls', ${stamp})`); // prettier-ignore
  stored.forEach((cell, index) => {
    old.exec(`INSERT INTO call_records (id, relation_num, started_unix, duration_seconds, base_station, import_num)
      VALUES (${index + 1}, 1, ${1_700_000_000 + index}, 10, '${cell}', 1)`);
    old.exec(`INSERT INTO data_sessions (id, phone_id, started_unix, duration_seconds, base_station, import_id)
      VALUES (${index + 1}, 'p', ${1_700_000_000 + index}, 10, '${cell}', 'imp')`);
    old.exec(`INSERT INTO phone_identifiers (phone_id, type, value, seen_count, first_seen, last_seen, import_id)
      VALUES ('p', 'cell', '${cell}', 1, '2026-04-01', '2026-04-01', 'imp')`);
  }); // prettier-ignore
  old.exec(`INSERT INTO phone_identifiers (phone_id, type, value, seen_count, first_seen, last_seen, import_id)
    VALUES ('p', 'imei', '9763-123456905', 1, '2026-04-01', '2026-04-01', 'imp')`);
  old.close();

  const opened = openDatabase({ file, key, migrationsFolder });
  if (!opened.ok) throw new Error(opened.failure);
  const { sqlite } = opened;
  const column = (query: string) => sqlite.prepare(query).pluck().all();
  const keys = [
    '123456905',
    '123456905',
    '123456905',
    '9763-41235',
    '70000-300',
    '2000000-1',
    '昆明五华基站',
    '460-00-1-2',
  ];
  expect(column('SELECT base_station FROM call_records ORDER BY id')).toEqual(keys);
  expect(column('SELECT base_station FROM data_sessions ORDER BY id')).toEqual(keys);
  expect(column("SELECT value FROM phone_identifiers WHERE type = 'cell' ORDER BY id")).toEqual(
    keys,
  );
  // Only cells: an identifier of another type is left as it is.
  expect(column("SELECT value FROM phone_identifiers WHERE type = 'imei'")).toEqual([
    '9763-123456905',
  ]);
  sqlite.close();
});
