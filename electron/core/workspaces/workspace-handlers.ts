import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error';
import { createDemoWorkspace, demoCredentials } from '../demo/seed-demo';
import type { AreaHandlers, PublicContext } from '../handler-types';
import { beginSession } from '../session/begin-session';
import { secondsLockedFor } from '../vault/lockout';
import { looksLikeWorkspace } from '../vault/workspace-files';
import { readHeader } from '../vault/workspace-header';
import { createWorkspace, readHeaderOf } from '../vault/workspace-vault';
import { exportDataKey } from '../vault/export-key';

/** A folder name from a workspace name: no path separators or characters Windows refuses. */
function folderNameFor(name: string): string {
  const cleaned = [...name]
    .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return cleaned.slice(0, 60) || 'workspace';
}

function freshFolder(parent: string, name: string): string {
  const base = path.join(parent, folderNameFor(name));
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

function demoWorkspaceDir(ctx: PublicContext): string {
  return path.join(ctx.deps.appDataDir, 'demo-workspace');
}

export const workspaceHandlers: AreaHandlers<'workspace'> = {
  'workspace.list': (ctx) => ({
    workspaces: ctx.registry.list(),
    defaultDirectory: ctx.deps.defaultWorkspaceDir,
  }),

  'workspace.inspect': (ctx, input) => {
    if (!fs.existsSync(input.path))
      throw new AppError('workspace.notFound', 'The workspace folder does not exist');
    // A journal a crash left is finished only after a sign-in, never on inspection.
    const header = readHeaderOf(input.path);
    return {
      path: input.path,
      name: header.name,
      isDemo: header.isDemo,
      usernames: header.slots
        .flatMap((slot) => (slot.kind === 'user' && slot.username ? [slot.username] : []))
        .sort(),
      lockedForSeconds: secondsLockedFor(header.lockout, ctx.deps.clock.now()),
      failedAttempts: header.lockout.failures,
      demoCredentials: header.isDemo ? { ...demoCredentials } : null,
    };
  },

  'workspace.create': async (ctx, input) => {
    const dir = input.path?.trim()
      ? path.resolve(input.path)
      : freshFolder(ctx.deps.defaultWorkspaceDir, input.name);
    const { workspace, recoveryKey } = await createWorkspace(
      {
        dir,
        name: input.name,
        unitName: input.unitName,
        admin: {
          username: input.adminUsername,
          displayName: input.adminDisplayName,
          password: input.password,
        },
      },
      ctx.env,
    );
    return { path: dir, recoveryKey, session: beginSession(ctx, workspace) };
  },

  'workspace.openDemo': async (ctx) => {
    const dir = demoWorkspaceDir(ctx);
    if (!looksLikeWorkspace(dir)) {
      const { workspace } = await createDemoWorkspace(dir, ctx.env);
      workspace.close('user');
    }
    ctx.registry.remember({
      path: dir,
      name: readHeader(dir).name,
      isDemo: true,
      lastOpenedAt: null,
    });
    return { path: dir, ...demoCredentials };
  },

  'workspace.createDemo': async (ctx, input) => {
    const dir = path.resolve(input.path);
    const { workspace, recoveryKey, counts } = await createDemoWorkspace(dir, ctx.env);
    workspace.close('user');
    return { path: dir, ...demoCredentials, recoveryKey, counts };
  },

  'workspace.exportKey': (ctx) => ({ key: exportDataKey(ctx.workspace) }),

  'workspace.pickDirectory': async (ctx) => {
    if (!ctx.deps.pickDirectory)
      throw new AppError('host.unsupported', 'This host has no folder picker');
    return { path: await ctx.deps.pickDirectory() };
  },

  'workspace.forget': (ctx, input) => {
    ctx.registry.forget(input.path);
    return { ok: true };
  },
};
