import path from 'node:path';
import type { AreaHandlers, SessionContext } from '../handler-types';
import { beginSession } from '../session/begin-session';
import { AppError } from '../app-error';
import { passwordOpensOwnSlot, unlockWorkspace } from '../vault/workspace-vault';
import { backupFilePath, backupNow, backupStatus, updateSchedule } from './backup-schedule';
import { createBackup, restoreBackup, type RestoreResult } from './backup-service';

/**
 * Restores the open workspace from a backup file: the signed-in administrator's password is
 * checked while the workspace is still open (a wrong one changes nothing), the workspace is
 * locked, the backup is verified (password, checksum, integrity, audit chain) before anything is
 * replaced, older schemas are migrated, and the workspace is opened again. The replaced files
 * are kept aside.
 */
async function restoreOpenWorkspace(
  ctx: SessionContext,
  file: string,
  password: string,
): Promise<RestoreResult> {
  const { dir, user } = ctx.workspace;
  if (!(await passwordOpensOwnSlot(ctx.workspace, password)))
    throw new AppError('auth.invalidCredentials', 'The password is not correct');
  ctx.sessions.lock('user');
  try {
    return await restoreBackup(file, dir, user.username, password, ctx.env);
  } finally {
    // Open again (restored, or as it was when the backup was refused).
    beginSession(ctx, await unlockWorkspace(dir, user.username, password, ctx.env));
  }
}

export const backupHandlers: AreaHandlers<'backup'> = {
  'backup.status': (ctx) => backupStatus(ctx.workspace.db),
  'backup.schedule': (ctx, input) => {
    updateSchedule(ctx.workspace, input);
    return backupStatus(ctx.workspace.db);
  },
  'backup.create': (ctx) => {
    backupNow(ctx.workspace);
    return backupStatus(ctx.workspace.db);
  },
  'backup.createAt': (ctx, input) => createBackup(ctx.workspace, input.path),
  'backup.restore': async (ctx, input) => {
    await restoreOpenWorkspace(
      ctx,
      backupFilePath(ctx.workspace.db, input.fileName),
      input.password,
    );
    return ctx.sessions.info()!;
  },
  'backup.restoreFrom': (ctx, input) =>
    restoreOpenWorkspace(ctx, path.resolve(input.path), input.password),
};
