import type { AreaHandlers } from '../handler-types';
import { beginSession } from './begin-session';
import { changeOwnPassword, finishInterruptedRevocation, rotateKey } from '../vault/key-rotation';
import { recoverWorkspace, unlockWorkspace } from '../vault/workspace-vault';

export const sessionHandlers: AreaHandlers<'session'> = {
  'session.current': (ctx) => ({ session: ctx.sessions.info() }),

  'session.unlock': async (ctx, input) => {
    ctx.sessions.lock('user');
    const workspace = await unlockWorkspace(input.path, input.username, input.password, ctx.env);
    try {
      await finishInterruptedRevocation(workspace, ctx.env);
    } catch (error) {
      workspace.close('error');
      throw error;
    }
    return beginSession(ctx, workspace);
  },

  'session.recover': async (ctx, input) => {
    ctx.sessions.lock('user');
    const workspace = await recoverWorkspace(
      input.path,
      input.recoveryKey,
      input.username,
      input.newPassword,
      ctx.env,
    );
    try {
      // Only an older workspace, whose roles are not sealed yet, is recovered through a slot
      // without the signing key: its administrator gets a new one, with a new data key (a
      // forgotten password may be a disclosed one). A sealed workspace never mints one here.
      if (workspace.user.role === 'admin' && !workspace.signingKey())
        await rotateKey(workspace, ctx.env);
    } catch (error) {
      workspace.close('error');
      throw error;
    }
    return beginSession(ctx, workspace);
  },

  'session.lock': (ctx) => {
    ctx.sessions.lock('user');
    return { ok: true };
  },

  // The router already counted the call as activity; nothing else to do.
  'session.activity': () => ({ ok: true }),

  'session.changePassword': async (ctx, input) => {
    await changeOwnPassword(ctx.workspace, input.currentPassword, input.newPassword, {
      rotate: input.rotateKey,
      env: ctx.env,
    });
    return { ok: true };
  },
};
