import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error';
import { verifyAuditChain } from '../audit/audit-verify';
import { makeAuditAnchor } from '../audit/audit-anchor';
import { lastAuditRecord } from '../audit/audit-log';
import { appliedMigrationCount, openDatabase, openForInspection } from '../db/open-database';
import { newId } from '../db/ids';
import { kdfCost, openKeySlot } from '../vault/key-slot';
import { emptyLockout } from '../vault/lockout';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { VaultEnv } from '../vault/vault-env';
import { swapInRestore } from '../vault/restore-journal';
import { databaseFiles, headerPath } from '../vault/workspace-files';
import { readHeader } from '../vault/workspace-header';
import { normaliseUsername, unlockWorkspace } from '../vault/workspace-vault';
import {
  extractBackupDatabase,
  readBackupHeader,
  sha256File,
  writeBackupFile,
} from './backup-file';

/**
 * Writes an encrypted, consistent backup of an open workspace. `VACUUM INTO` copies one
 * snapshot (other connections may keep writing) and keeps the encryption.
 */
export function createBackup(
  workspace: UnlockedWorkspace,
  out: string,
): { file: string; size: number; sha256: string } {
  const target = path.resolve(out);
  workspace.audit({
    action: 'backup.created',
    targetType: 'workspace',
    targetId: workspace.workspaceId,
    details: { file: path.basename(target) },
  });
  const snapshot = path.join(path.dirname(target), `.${path.basename(target)}.${newId()}.db`);
  try {
    workspace.sqlite.prepare('VACUUM INTO ?').run(snapshot);
    // The anchor must describe the snapshot, not the live log that may have moved on.
    const opened = openForInspection(snapshot, workspace.dataKey());
    if (!opened) throw new AppError('backup.corrupt', 'The snapshot could not be read back');
    let anchor;
    let migrations;
    try {
      const last = lastAuditRecord(opened.db);
      anchor = last
        ? makeAuditAnchor(workspace.dataKey(), workspace.workspaceId, last.seq, last.hash)
        : null;
      migrations = appliedMigrationCount(opened.sqlite);
    } finally {
      opened.sqlite.close();
    }
    const header = readHeader(workspace.dir);
    const size = fs.statSync(snapshot).size;
    const sha256 = sha256File(snapshot);
    writeBackupFile(
      target,
      {
        format: 'quanlian-backup',
        version: 1,
        createdAt: workspace.now(),
        createdBy: workspace.user.username,
        appliedMigrations: migrations,
        workspace: { ...header, lockout: emptyLockout(), auditAnchor: anchor },
        database: { size, sha256 },
      },
      snapshot,
    );
    return { file: target, size, sha256 };
  } catch (error) {
    workspace.audit({
      action: 'backup.failed',
      result: 'failed',
      targetType: 'workspace',
      targetId: workspace.workspaceId,
      details: { file: path.basename(target), code: (error as { code?: string }).code ?? null },
    });
    throw error;
  } finally {
    fs.rmSync(snapshot, { force: true });
  }
}

export interface RestoreResult {
  dir: string;
  /** Where the replaced workspace files were moved (kept, never deleted), if there were any. */
  replacedInto: string | null;
  auditRecords: number;
}

/**
 * Restores a backup into `dir`. Everything is checked first (format, checksum, the password
 * against the backup's own key slots, SQLite integrity, the audit chain against its anchor);
 * only then are existing workspace files moved aside and the restored ones put in place.
 */
export async function restoreBackup(
  file: string,
  dir: string,
  username: string,
  password: string,
  env: VaultEnv,
): Promise<RestoreResult> {
  const { header, databaseOffset } = readBackupHeader(file);
  const slot = header.workspace.slots.find(
    (candidate) => candidate.kind === 'user' && candidate.username === normaliseUsername(username),
  );
  const key = slot
    ? await openKeySlot(header.workspace.workspaceId, slot, password, kdfCost(env))
    : null;
  if (!key)
    throw new AppError('auth.invalidCredentials', 'The credentials do not open this backup');

  fs.mkdirSync(dir, { recursive: true });
  const staged = path.join(dir, `.restore-${newId()}.db`);
  let replacedInto: string | null;
  let swapping = false;
  try {
    extractBackupDatabase(file, databaseOffset, header.database.sha256, staged);
    const opened = openDatabase({
      file: staged,
      key,
      migrationsFolder: env.migrationsFolder,
      nativeBinding: env.nativeBinding,
    });
    if (!opened.ok)
      throw new AppError('backup.corrupt', 'The backup database cannot be opened', {
        failure: opened.failure,
      });
    try {
      const integrity = opened.sqlite.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok')
        throw new AppError('backup.corrupt', 'The backup database fails its integrity check');
      const chain = verifyAuditChain(opened.db, header.workspace.auditAnchor);
      if (!chain.ok)
        throw new AppError('audit.broken', 'The audit chain in the backup does not verify', {
          ...chain,
        });
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      opened.sqlite.close();
    }

    const existing = [headerPath(dir), ...databaseFiles(dir)].some((candidate) =>
      fs.existsSync(candidate),
    );
    const replacedName = `.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    replacedInto = existing ? path.join(dir, replacedName) : null;
    swapping = true;
    swapInRestore(dir, {
      staged: path.basename(staged),
      replacedInto: replacedName,
      header: { ...header.workspace, lockout: emptyLockout() },
    });
  } catch (error) {
    // Once the swap has begun, its journal finishes it at the next opening: keep what it needs.
    if (!swapping)
      for (const candidate of [staged, `${staged}-wal`, `${staged}-shm`])
        fs.rmSync(candidate, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }

  const workspace = await unlockWorkspace(dir, username, password, env);
  try {
    workspace.audit({
      action: 'backup.restored',
      targetType: 'workspace',
      targetId: workspace.workspaceId,
      details: { file: path.basename(file), backupCreatedAt: header.createdAt },
    });
    const count = lastAuditRecord(workspace.db)?.seq ?? 0;
    return { dir, replacedInto, auditRecords: count };
  } finally {
    workspace.close('user');
  }
}
