import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

it('call records of an early release get the target phone whose cell they name, kept as the relation end, with numbers for relation, time and import', () => {
  const file = path.join(makeTempDir(), 'old.db');
  const key = crypto.randomBytes(32);
  const old = new Database(file);
  applyKey(old, key);
  migrate(drizzle({ client: old }), {
    migrationsFolder: migrationsUntil('0004_real_call_and_bank_records'),
  });
  const stamp = "'2026-01-01', '2026-01-01'";
  for (const [id, number] of [
    ['p-target', '13900000001'],
    ['p-far', '13800000001'],
  ]) {
    old.exec(`INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES ('${id}', 'phone', '${number}', ${stamp})`);
    old.exec(`INSERT INTO phones (entity_id, number) VALUES ('${id}', '${number}')`);
  } // prettier-ignore
  old.exec(`INSERT INTO relations (id, from_entity_id, to_entity_id, type, created_at, updated_at) VALUES
    ('r-out', 'p-target', 'p-far', 'calls', ${stamp}), ('r-in', 'p-far', 'p-target', 'calls', ${stamp})`);
  old.exec(`INSERT INTO call_records (id, relation_id, started_at, duration_seconds, base_station, import_id) VALUES
    (1, 'r-out', '2026-04-01T00:00:00.000Z', 10, '100-1', 'imp'),
    (2, 'r-in', '2026-04-01T01:00:00.000Z', 10, '100-2', 'imp'),
    (3, 'r-in', '2026-04-01T02:00:00.000Z', 10, NULL, 'imp'),
    (4, 'r-out', '2026-04-01T03:00:00.000Z', 10, '100-9', 'other-import'),
    (5, 'r-out', '2026-04-01T03:59:59.600Z', 10, NULL, 'imp')`);
  old.exec(`INSERT INTO phone_identifiers (phone_id, type, value, seen_count, first_seen, last_seen, import_id) VALUES
    ('p-target', 'cell', '100-1', 1, '2026-04-01', '2026-04-01', 'imp'),
    ('p-target', 'cell', '100-2', 1, '2026-04-01', '2026-04-01', 'imp')`);
  old.exec(`INSERT INTO imports (id, file_name, sha256, template, row_count, rejected_count, created_at, created_by) VALUES
    ('imp', 'a.csv', '', 'calls', 3, 0, ${stamp}), ('other-import', 'b.csv', '', 'calls', 1, 0, ${stamp})`);
  old.close();

  const opened = openDatabase({ file, key, migrationsFolder });
  if (!opened.ok) throw new Error(opened.failure);
  // 0007 found the target phone of rows 1 and 2 by their cells; 0013 keeps it as the end of
  // the relation it is (r-out from it, r-in to it).
  expect(
    opened.sqlite
      .prepare(
        `SELECT c.id, r.id AS relation, c.own_end AS own, c.started_unix AS at, i.id AS import
         FROM call_records c JOIN relations r ON r.num = c.relation_num
         JOIN imports i ON i.num = c.import_num ORDER BY c.id`,
      )
      .all(),
  ).toEqual([
    { id: 1, relation: 'r-out', own: 1, at: 1_775_001_600, import: 'imp' },
    { id: 2, relation: 'r-in', own: 2, at: 1_775_005_200, import: 'imp' },
    { id: 3, relation: 'r-in', own: null, at: 1_775_008_800, import: 'imp' },
    { id: 4, relation: 'r-out', own: null, at: 1_775_012_400, import: 'other-import' },
    // A spreadsheet's time a fraction off rounds as the importer rounds it, not down.
    { id: 5, relation: 'r-out', own: null, at: 1_775_016_000, import: 'imp' },
  ]);
  // A relation written later (no number given) gets the next one.
  opened.sqlite
    .exec(`INSERT INTO relations (id, from_entity_id, to_entity_id, type, created_at, updated_at) VALUES
    ('r-new', 'p-far', 'p-target', 'calls', ${stamp})`);
  expect(opened.sqlite.prepare('SELECT id, num FROM relations ORDER BY num').all()).toEqual([
    { id: 'r-out', num: 1 },
    { id: 'r-in', num: 2 },
    { id: 'r-new', num: 3 },
  ]);
  opened.sqlite.close();
});
