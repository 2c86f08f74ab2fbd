import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

it("transfers imported before 0012 get their live relation's payer and payee, kept by triggers", () => {
  const file = path.join(makeTempDir(), 'old.db');
  const key = crypto.randomBytes(32);
  const old = new Database(file);
  applyKey(old, key);
  migrate(drizzle({ client: old }), {
    migrationsFolder: migrationsUntil('0011_money_transfers_covering'),
  });
  const stamp = "'2026-01-01', '2026-01-01'";
  for (const id of ['a', 'b', 'c'])
    old.exec(
      `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES ('${id}', 'account', '${id}', ${stamp})`,
    );
  old.exec(`INSERT INTO relations (id, from_entity_id, to_entity_id, type, deleted_at, created_at, updated_at) VALUES
    ('r-ab', 'a', 'b', 'finances', NULL, ${stamp}), ('r-bc', 'b', 'c', 'finances', '2026-02-01', ${stamp})`);
  old.exec(`INSERT INTO money_transfers (id, relation_id, account_id, direction, at, amount_fen, import_id) VALUES
    (1, 'r-ab', 'a', 'out', '2026-04-01T00:00:00.000Z', 100, 'imp'),
    (2, 'r-ab', 'b', 'in', '2026-04-01T00:00:00.000Z', 100, 'imp'),
    (3, 'r-bc', 'b', 'out', '2026-04-02T00:00:00.000Z', 50, 'imp'),
    (4, NULL, 'c', 'in', '2026-04-03T00:00:00.000Z', 70, 'imp')`); // prettier-ignore
  old.close();

  const opened = openDatabase({ file, key, migrationsFolder });
  if (!opened.ok) throw new Error(opened.failure);
  const { sqlite } = opened;
  const parties = () =>
    sqlite
      .prepare('SELECT id, payer_id AS payer, payee_id AS payee FROM money_transfers ORDER BY id')
      .raw(true)
      .all();
  expect(parties()).toEqual([
    [1, 'a', 'b'],
    [2, 'a', 'b'],
    [3, null, null],
    [4, null, null],
  ]);
  // Restored, re-pointed, made another type, inserted without parties: the copies follow.
  sqlite.exec(`UPDATE relations SET deleted_at = NULL WHERE id = 'r-bc'`);
  sqlite.exec(`UPDATE relations SET to_entity_id = 'a' WHERE id = 'r-ab'`);
  sqlite.exec(`INSERT INTO money_transfers (id, relation_id, account_id, direction, at, amount_fen, import_id)
    VALUES (5, 'r-bc', 'c', 'in', '2026-04-02T00:00:00.000Z', 50, 'imp')`);
  expect(parties()).toEqual([
    [1, 'a', 'a'],
    [2, 'a', 'a'],
    [3, 'b', 'c'],
    [4, null, null],
    [5, 'b', 'c'],
  ]);
  sqlite.exec(`UPDATE relations SET type = 'calls' WHERE id = 'r-bc'`);
  expect(parties().slice(2)).toEqual([
    [3, null, null],
    [4, null, null],
    [5, null, null],
  ]);
  sqlite.close();
});
