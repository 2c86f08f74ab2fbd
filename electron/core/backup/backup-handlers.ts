import type { AreaHandlers } from '../handler-types';
import { beginSession } from '../session/begin-session';
import { AppError } from '../app-error';
import { passwordOpensOwnSlot, unlockWorkspace } from '../vault/workspace-vault';
import { backupFilePath, backupNow, backupStatus, updateSchedule } from './backup-schedule';
import { restoreBackup } from './backup-service';

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
   * Restores the open workspace from one of its backups: the workspace is locked, the backup is
   * verified (password, checksum, integrity, audit chain) before anything is replaced, older
   * schemas are migrated, and the workspace is opened again. The replaced files are kept aside.
   */
  'backup.restore': async (ctx, input) => {
    const { dir, user } = ctx.workspace;
    const file = backupFilePath(ctx.workspace.db, input.fileName);
    // The password is checked while the workspace is still open: a wrong one changes nothing.
    if (!(await passwordOpensOwnSlot(ctx.workspace, input.password)))
      throw new AppError('auth.invalidCredentials', 'The password is not correct');
    ctx.sessions.lock('user');
    try {
      await restoreBackup(file, dir, user.username, input.password, ctx.env);
    } finally {
      // Open again (restored, or as it was when the backup was refused).
      beginSession(ctx, await unlockWorkspace(dir, user.username, input.password, ctx.env));
    }
    return ctx.sessions.info()!;
  },
};
