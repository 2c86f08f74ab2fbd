import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error';
import { verifyAuditChain } from '../audit/audit-verify';
import { anchorOf, resetOutsideHead, signAuditHead } from '../audit/audit-anchor';
import { lastAuditRecord } from '../audit/audit-log';
import { appliedMigrationCount, openDatabase, openForInspection } from '../db/open-database';
import { newId } from '../db/ids';
import { kdfCost, openKeySlot } from '../vault/key-slot';
import { emptyLockout } from '../vault/lockout';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { VaultEnv } from '../vault/vault-env';
import { swapInRestore } from '../vault/restore-journal';
import {
  databaseFiles,
  headerPath,
  looksLikeWorkspace,
  restrictFiles,
  restrictFolder,
} from '../vault/workspace-files';
import { readHeader } from '../vault/workspace-header';
import { normaliseUsername, passwordOpensOwnSlot, unlockWorkspace } from '../vault/workspace-vault';
import { attachmentsDir } from '../attachments/attachment-blob';
import { sha256File } from '../durable-file';
import { backupAttachmentList } from '../attachments/attachment-backup';
import {
  extractBackupAttachments,
  extractBackupDatabase,
  readBackupHeader,
  writeBackupFile,
  type BackupHeader,
} from './backup-file';

/**
 * Writes an encrypted, consistent backup of an open workspace. `VACUUM INTO` copies one
 * snapshot (other connections may keep writing) and keeps the encryption. The backup carries
 * the snapshot's audit head, signed when an administrator makes it, and is readable by its
 * owner only.
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
    let attachments: NonNullable<BackupHeader['attachments']> = [];
    try {
      const last = lastAuditRecord(opened.db);
      anchor = last ? anchorOf(last) : null;
      migrations = appliedMigrationCount(opened.sqlite);
      attachments = backupAttachmentList(opened.sqlite, workspace.dir);
    } finally {
      opened.sqlite.close();
    }
    const header = readHeader(workspace.dir);
    const signingKey = workspace.signingKey();
    const signedHead =
      anchor && signingKey
        ? signAuditHead(
            signingKey,
            header.auditSigningKey.publicKey,
            { workspaceId: workspace.workspaceId, ...anchor },
            workspace.now(),
            workspace.user.username,
          )
        : null;
    const size = fs.statSync(snapshot).size;
    const sha256 = sha256File(snapshot);
    writeBackupFile(
      target,
      {
        format: 'quanlian-backup',
        version: 2,
        createdAt: workspace.now(),
        createdBy: workspace.user.username,
        appliedMigrations: migrations,
        workspace: { ...header, lockout: emptyLockout(), auditAnchor: anchor },
        signedHead,
        database: { size, sha256 },
        attachments,
      },
      snapshot,
      attachmentsDir(workspace.dir),
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

interface StagedBackup {
  header: BackupHeader;
  staged: string;
  /** The backup's attachment files, extracted and checked beside the staged database. */
  stagedAttachments: string;
}

/**
 * Checks a backup before anything is replaced (format, checksum, the credentials against the
 * backup's own key slots, SQLite integrity, the audit chain against its anchor) and stages its
 * database in `dir`. The backup's slots only prove the backup is intact; who may restore is
 * decided against the current workspace.
 */
async function stageBackup(
  file: string,
  dir: string,
  username: string,
  password: string,
  env: VaultEnv,
  expectedWorkspaceId: string | null,
): Promise<StagedBackup> {
  const { header, databaseOffset } = readBackupHeader(file);
  if (expectedWorkspaceId && header.workspace.workspaceId !== expectedWorkspaceId)
    throw new AppError('backup.invalid', 'The backup belongs to another workspace');
  const slot = header.workspace.slots.find(
    (candidate) => candidate.kind === 'user' && candidate.username === normaliseUsername(username),
  );
  const opened = slot
    ? await openKeySlot(header.workspace.workspaceId, slot, password, kdfCost(env))
    : null;
  if (!opened)
    throw new AppError('auth.invalidCredentials', 'The credentials do not open this backup');
  opened.signingKey?.fill(0);
  const key = opened.dataKey;

  const staged = path.join(dir, `.restore-${newId()}.db`);
  const stagedAttachments = `${staged}-attachments`;
  try {
    extractBackupDatabase(
      file,
      databaseOffset,
      header.database.sha256,
      staged,
      header.database.size,
    );
    extractBackupAttachments(file, header, databaseOffset, stagedAttachments);
    const db = openDatabase({
      file: staged,
      key,
      migrationsFolder: env.migrationsFolder,
      nativeBinding: env.nativeBinding,
    });
    if (!db.ok)
      throw new AppError('backup.corrupt', 'The backup database cannot be opened', {
        failure: db.failure,
      });
    try {
      const integrity = db.sqlite.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok')
        throw new AppError('backup.corrupt', 'The backup database fails its integrity check');
      const chain = verifyAuditChain(db.db, header.workspace.auditAnchor);
      if (!chain.ok)
        throw new AppError('audit.broken', 'The audit chain in the backup does not verify', {
          ...chain,
        });
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.sqlite.close();
    }
    restrictFiles([staged]);
    return { header, staged, stagedAttachments };
  } catch (error) {
    for (const candidate of [staged, `${staged}-wal`, `${staged}-shm`])
      fs.rmSync(candidate, { force: true });
    fs.rmSync(stagedAttachments, { recursive: true, force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}

/** Swaps a staged backup in; the existing files, if any, are kept aside. */
function swapIn(dir: string, staged: StagedBackup, env: VaultEnv): string | null {
  const existing = [headerPath(dir), ...databaseFiles(dir)].some((candidate) =>
    fs.existsSync(candidate),
  );
  const replacedName = `.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  // The restored chain is shorter than the live one: the outside copy of the head moves back
  // to the backup's, and the restore record below keeps the replaced head.
  const anchor = staged.header.workspace.auditAnchor;
  if (env.anchorDir && anchor)
    resetOutsideHead(
      env.anchorDir,
      { workspaceId: staged.header.workspace.workspaceId, ...anchor },
      new Date().toISOString(),
    );
  swapInRestore(dir, {
    staged: path.basename(staged.staged),
    stagedAttachments: path.basename(staged.stagedAttachments),
    replacedInto: replacedName,
    header: { ...staged.header.workspace, lockout: emptyLockout() },
  });
  return existing ? path.join(dir, replacedName) : null;
}

async function recordRestore(
  dir: string,
  file: string,
  header: BackupHeader,
  username: string,
  password: string,
  env: VaultEnv,
  replacedHead: { count: number; hash: string } | null,
  replacedInto: string | null,
): Promise<RestoreResult> {
  const workspace = await unlockWorkspace(dir, username, password, env);
  try {
    workspace.audit({
      action: 'backup.restored',
      targetType: 'workspace',
      targetId: workspace.workspaceId,
      details: {
        file: path.basename(file),
        backupCreatedAt: header.createdAt,
        replacedHead,
      },
    });
    const count = lastAuditRecord(workspace.db)?.seq ?? 0;
    return { dir, replacedInto, auditRecords: count };
  } finally {
    workspace.close('user');
  }
}

/**
 * Restores a backup over the open workspace. Only an administrator signed in to this
 * workspace may (their password is checked again, against the current slots); the backup must
 * be of this workspace and open with the same credentials. `close` locks the current session
 * just before the files are swapped; the restored workspace is left locked.
 */
export async function restoreOverWorkspace(
  current: UnlockedWorkspace,
  file: string,
  password: string,
  env: VaultEnv,
  close: () => void,
): Promise<RestoreResult> {
  const audit = (result: 'denied' | 'failed', code: string) =>
    current.audit({
      action: 'backup.restore',
      result,
      targetType: 'workspace',
      targetId: current.workspaceId,
      details: { file: path.basename(file), code },
    });
  if (current.user.role !== 'admin') {
    audit('denied', 'auth.forbidden');
    throw new AppError('auth.forbidden', 'Only an administrator may restore a backup', {
      needed: 'admin',
    });
  }
  if (!(await passwordOpensOwnSlot(current, password))) {
    audit('failed', 'auth.invalidCredentials');
    throw new AppError('auth.invalidCredentials', 'The password is not correct');
  }
  const { dir, user } = current;
  let staged: StagedBackup;
  try {
    staged = await stageBackup(file, dir, user.username, password, env, current.workspaceId);
  } catch (error) {
    audit('failed', (error as { code?: string }).code ?? 'error');
    throw error;
  }
  const live = lastAuditRecord(current.db);
  const replacedHead = live ? anchorOf(live) : null;
  current.audit({
    action: 'backup.restoreStarted',
    targetType: 'workspace',
    targetId: current.workspaceId,
    details: { file: path.basename(file), backupCreatedAt: staged.header.createdAt },
  });
  close();
  const replacedInto = swapIn(dir, staged, env);
  return recordRestore(
    dir,
    file,
    staged.header,
    user.username,
    password,
    env,
    replacedHead,
    replacedInto,
  );
}

/**
 * Restores a backup into a folder that holds no workspace (a restore drill, or a new machine
 * after a disk loss): the credentials open the backup's own slots. Never over a workspace:
 * replacing a live workspace needs its administrator signed in (`restoreBackup`).
 */
async function restoreBackupToFolder(
  file: string,
  dir: string,
  username: string,
  password: string,
  env: VaultEnv,
): Promise<RestoreResult> {
  if ([headerPath(dir), ...databaseFiles(dir)].some((candidate) => fs.existsSync(candidate)))
    throw new AppError('backup.targetNotEmpty', 'The folder already holds a workspace');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrictFolder(dir);
  const staged = await stageBackup(file, dir, username, password, env, null);
  const replacedInto = swapIn(dir, staged, env);
  return recordRestore(dir, file, staged.header, username, password, env, null, replacedInto);
}

/**
 * Restores `file` into `dir` for a caller without a session (the CLI): over an existing
 * workspace the credentials must first sign in to that workspace as an administrator; into an
 * empty folder they must open the backup.
 */
export async function restoreBackup(
  file: string,
  dir: string,
  username: string,
  password: string,
  env: VaultEnv,
): Promise<RestoreResult> {
  if (!looksLikeWorkspace(dir)) return restoreBackupToFolder(file, dir, username, password, env);
  const current = await unlockWorkspace(dir, username, password, env);
  let closed = false;
  try {
    return await restoreOverWorkspace(current, file, password, env, () => {
      closed = true;
      current.close('user');
    });
  } finally {
    if (!closed) current.close('user');
  }
}
