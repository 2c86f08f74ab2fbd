import type { AreaHandlers } from '../handler-types';
import { beginSession } from '../session/begin-session';
import { unlockWorkspace } from '../vault/workspace-vault';
import { backupFilePath, backupNow, backupStatus, updateSchedule } from './backup-schedule';
import { restoreOverWorkspace } from './backup-service';

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
  /**
   * Restores the open workspace from one of its backups. Only an administrator signed in to
   * this workspace may; the backup is verified (password, checksum, integrity, audit chain)
   * before anything is replaced, older schemas are migrated, and the workspace is opened again.
   * The replaced files are kept aside.
   */
  'backup.restore': async (ctx, input) => {
    const { dir, user } = ctx.workspace;
    const file = backupFilePath(ctx.workspace.db, input.fileName);
    let closed = false;
    try {
      await restoreOverWorkspace(ctx.workspace, file, input.password, ctx.env, () => {
        closed = true;
        ctx.sessions.lock('user');
      });
    } finally {
      // Open again (restored, or as it was when the restore failed after locking).
      if (closed)
        beginSession(ctx, await unlockWorkspace(dir, user.username, input.password, ctx.env));
    }
    return ctx.sessions.info()!;
  },
};
