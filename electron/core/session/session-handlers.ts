import type { AreaHandlers } from '../handler-types';
import { changeOwnPassword, recoverWorkspace, unlockWorkspace } from '../vault/workspace-vault';

export const sessionHandlers: AreaHandlers<'session'> = {
  'session.current': (ctx) => ({ session: ctx.sessions.info() }),

  'session.unlock': async (ctx, input) => {
    ctx.sessions.lock('user');
    const workspace = await unlockWorkspace(input.path, input.username, input.password, ctx.env);
    ctx.sessions.open(workspace);
    ctx.registry.remember({
      path: workspace.dir,
      name: workspace.name,
      isDemo: workspace.isDemo,
      lastOpenedAt: workspace.now(),
    });
    return ctx.sessions.info()!;
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
    ctx.sessions.open(workspace);
    ctx.registry.remember({
      path: workspace.dir,
      name: workspace.name,
      isDemo: workspace.isDemo,
      lastOpenedAt: workspace.now(),
    });
    return ctx.sessions.info()!;
  },

  'session.lock': (ctx) => {
    ctx.sessions.lock('user');
    return { ok: true };
  },

  // The router already counted the call as activity; nothing else to do.
  'session.activity': () => ({ ok: true }),

  'session.changePassword': async (ctx, input) => {
    await changeOwnPassword(ctx.workspace, input.currentPassword, input.newPassword);
    return { ok: true };
  },
};
