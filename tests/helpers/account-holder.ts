import path from 'node:path';
import Database from 'better-sqlite3';
import { applyKey } from '../../electron/core/db/open-database';
import { openKeySlot } from '../../electron/core/vault/key-slot';
import { readHeader } from '../../electron/core/vault/workspace-header';
import type { TestCore } from './test-core';
import { testKdf } from './test-kdf';

/**
 * What an account holder has offline with his own password, no sign-in and so no record: his
 * key slot's secrets (the data key, his author key). The insider tests start here.
 */
export async function openOwnSlot(dir: string, userId: string, password: string) {
  const header = readHeader(dir);
  const slot = header.slots.find((one) => one.kind === 'user' && one.userId === userId)!;
  return (await openKeySlot(header.workspaceId, slot, password, testKdf))!;
}

/** Runs `work` on the workspace's database opened with that data key, as he can offline. */
export async function withOwnDataKey<T>(
  dir: string,
  userId: string,
  password: string,
  work: (sqlite: Database.Database) => T,
): Promise<T> {
  const opened = await openOwnSlot(dir, userId, password);
  const sqlite = new Database(path.join(dir, 'quanlian.db'), { fileMustExist: true });
  try {
    applyKey(sqlite, opened.dataKey);
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

export const invPassword = 'Inv#Pass2026x';
export const leadPassword = 'Lead#Pass2026x';

/**
 * The accounts the insider tests act as, added by the signed-in administrator: an
 * investigator `inv` and, when asked, a lead `lead`. Their IDs.
 */
export async function addInsiders(
  c: TestCore,
  { lead = false }: { lead?: boolean } = {},
): Promise<{ invId: string; leadId: string }> {
  const leadId = lead
    ? (
        await c.ok('users.create', {
          username: 'lead',
          displayName: '大队长',
          role: 'lead',
          password: leadPassword,
        })
      ).id
    : '';
  const inv = await c.ok('users.create', {
    username: 'inv',
    displayName: '调查员',
    role: 'investigator',
    password: invPassword,
  });
  return { invId: inv.id, leadId };
}
