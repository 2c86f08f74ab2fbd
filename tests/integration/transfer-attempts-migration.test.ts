import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

it('transfers stored before 0027 are no attempts: every row keeps its count and pairing', () => {
  const file = path.join(makeTempDir(), 'old.db');
  const key = crypto.randomBytes(32);
  const old = new Database(file);
  applyKey(old, key);
  migrate(drizzle({ client: old }), {
    migrationsFolder: migrationsUntil('0026_reference_copies_uncounted_relations'),
  });
  // A counted transfer and a reversal whose transfer no import holds (its own offset).
  old.exec(`INSERT INTO money_transfers (id, direction, at, amount_fen, import_id, line, offset_of, reversal)
    VALUES (1, 'out', '2026-04-01T02:00:00.000Z', 100000, 'a', 2, NULL, NULL),
           (2, 'in', '2026-04-02T02:00:00.000Z', 50000, 'a', 3, 2, 1)`); // prettier-ignore
  old.close();

  const opened = openDatabase({ file, key, migrationsFolder });
  if (!opened.ok) throw new Error(opened.failure);
  const { sqlite } = opened;
  expect(
    sqlite
      .prepare('SELECT id, offset_of, reversal, attempt FROM money_transfers ORDER BY id')
      .all(),
  ).toEqual([
    { id: 1, offset_of: null, reversal: null, attempt: null },
    { id: 2, offset_of: 2, reversal: 1, attempt: null },
  ]);
  sqlite.close();
});
