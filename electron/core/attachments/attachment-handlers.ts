import path from 'node:path';
import { AppError } from '../app-error';
import type { CoreDeps } from '../core-deps';
import type { AreaHandlers } from '../handler-types';
import {
  addAttachment,
  addAttachmentFile,
  deleteAttachment,
  listAttachments,
  readAttachment,
  saveAttachmentTo,
} from './attachment-service';

/**
 * In the desktop app a path comes from the renderer, which must not name any file it likes:
 * there a path is accepted once, and only if the native picker just returned it. The CLI and
 * tests pass paths of their own.
 */
const pickedPaths = new WeakMap<CoreDeps, Set<string>>();

function grant(deps: CoreDeps, picked: string): void {
  const set = pickedPaths.get(deps) ?? new Set<string>();
  set.add(path.resolve(picked));
  pickedPaths.set(deps, set);
}

function takeGrant(deps: CoreDeps, requested: string): void {
  if (deps.host !== 'electron') return;
  const resolved = path.resolve(requested);
  if (!pickedPaths.get(deps)?.delete(resolved))
    throw new AppError('attachments.pathNotPicked', 'Choose the file with the file picker');
}

export const attachmentHandlers: AreaHandlers<'attachments'> = {
  'attachments.list': (ctx, input) => listAttachments(ctx.workspace.db, input),
  'attachments.get': (ctx, input) => readAttachment(ctx.workspace, input.id),
  'attachments.add': (ctx, input) => addAttachment(ctx.workspace, input),
  'attachments.addFile': (ctx, input) => {
    takeGrant(ctx.deps, input.path);
    return addAttachmentFile(ctx.workspace, input);
  },
  'attachments.saveTo': (ctx, input) => {
    takeGrant(ctx.deps, input.path);
    return saveAttachmentTo(ctx.workspace, input.id, input.path);
  },
  'attachments.pickFile': async (ctx, input) => {
    if (!ctx.deps.pickFile) throw new AppError('host.unsupported', 'This host has no file picker');
    const picked = await ctx.deps.pickFile(input.mode, input.suggestedName);
    if (picked) grant(ctx.deps, picked);
    return { path: picked };
  },
  'attachments.delete': (ctx, input) => {
    deleteAttachment(ctx.workspace, input.id);
    return { ok: true };
  },
};
