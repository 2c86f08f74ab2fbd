import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

it('cases received before 0025 are marked by the package record that came with them, not by one appended later', () => {
  const file = path.join(makeTempDir(), 'old.db');
  const key = crypto.randomBytes(32);
  const old = new Database(file);
  applyKey(old, key);
  migrate(drizzle({ client: old }), {
    migrationsFolder: migrationsUntil('0024_cross_import_reversals'),
  });
  const addCase = (id: string, createdAt: string, createdBy: string) =>
    old.exec(`INSERT INTO cases (id, case_no, title, offence_type, status, supervision_level, created_at, updated_at, created_by)
      VALUES ('${id}', '${id}', '${id}', 'trafficking', 'investigating', 'ordinary', '${createdAt}', '${createdAt}', '${createdBy}')`); // prettier-ignore
  let seq = 0;
  const addRecord = (targetId: string, at: string, userId: string) =>
    old.exec(`INSERT INTO audit_log (seq, at, user_id, username, action, target_type, target_id, result, details, prev_hash, hash)
      VALUES (${++seq}, '${at}', '${userId}', '${userId}', 'package.imported', 'case', '${targetId}', 'ok',
      '{"sourceWorkspaceId":"ws-sender"}', 'p${seq}', 'h${seq}')`); // prettier-ignore
  // Received: the record by the importing user, 2 s after the case row.
  addCase('received', '2026-05-01T08:00:00.000Z', 'lead');
  addRecord('received', '2026-05-01T08:00:02.000Z', 'lead');
  // The unit's own case, named by a record a viewer appended a month later.
  addCase('own', '2026-05-01T08:00:00.000Z', 'lead');
  addRecord('own', '2026-06-01T08:00:00.000Z', 'lead');
  // Another own case, named by a record in another user's name at its creation time.
  addCase('own2', '2026-05-01T08:00:00.000Z', 'lead');
  addRecord('own2', '2026-05-01T08:00:01.000Z', 'viewer');
  old.close();

  const opened = openDatabase({ file, key, migrationsFolder });
  if (!opened.ok) throw new Error(opened.failure);
  const { sqlite } = opened;
  expect(sqlite.prepare('SELECT * FROM received_cases').all()).toEqual([
    {
      case_id: 'received',
      received_at: '2026-05-01T08:00:02.000Z',
      received_by: 'lead',
      source_workspace_id: 'ws-sender',
    },
  ]);
  sqlite.close();
});
