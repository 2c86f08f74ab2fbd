import path from 'node:path';
import type { AreaHandlers, SessionContext } from '../handler-types';
import { beginSession } from '../session/begin-session';
import { unlockWorkspace } from '../vault/workspace-vault';
import {
  backupFilePath,
  backupNow,
  backupStatus,
  replaceOldBackups,
  updateSchedule,
} from './backup-schedule';
import { createBackup, restoreOverWorkspace, type RestoreResult } from './backup-service';

/**
 * Restores the open workspace from a backup file. Only an administrator signed in to this
 * workspace may; the backup is verified (password, checksum, integrity, audit chain) before
 * anything is replaced, older schemas are migrated, and the workspace is opened again. The
 * replaced files are kept aside.
 */
async function restoreOpenWorkspace(
  ctx: SessionContext,
  file: string,
  password: string,
): Promise<RestoreResult> {
  const { dir, user } = ctx.workspace;
  let closed = false;
  try {
    return await restoreOverWorkspace(ctx.workspace, file, password, ctx.env, () => {
      closed = true;
      ctx.sessions.lock('user');
    });
  } finally {
    // Open again (restored, or as it was when the restore failed after locking).
    if (closed) beginSession(ctx, await unlockWorkspace(dir, user.username, password, ctx.env));
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
  'backup.replaceOld': (ctx) => replaceOldBackups(ctx.workspace),
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
