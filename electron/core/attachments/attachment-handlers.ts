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
const pickedPaths = new WeakMap<CoreDeps, Map<string, 'open' | 'save'>>();

function grant(deps: CoreDeps, picked: string, mode: 'open' | 'save'): void {
  const map = pickedPaths.get(deps) ?? new Map<string, 'open' | 'save'>();
  map.set(path.resolve(picked), mode);
  pickedPaths.set(deps, map);
}

/**
 * Checks (and uses up) the grant for a path; true when the user confirmed replacing an existing
 * file in the native save dialog, which may then be overwritten.
 */
function takeGrant(deps: CoreDeps, requested: string, mode: 'open' | 'save'): boolean {
  if (deps.host !== 'electron') return false;
  const resolved = path.resolve(requested);
  const granted = pickedPaths.get(deps)?.get(resolved);
  if (granted !== mode)
    throw new AppError('attachments.pathNotPicked', 'Choose the file with the file picker');
  pickedPaths.get(deps)!.delete(resolved);
  return mode === 'save';
}

export const attachmentHandlers: AreaHandlers<'attachments'> = {
  'attachments.list': (ctx, input) => listAttachments(ctx.workspace.db, input),
  'attachments.get': (ctx, input) => readAttachment(ctx.workspace, input.id),
  'attachments.add': (ctx, input) => addAttachment(ctx.workspace, input),
  'attachments.addFile': (ctx, input) => {
    takeGrant(ctx.deps, input.path, 'open');
    return addAttachmentFile(ctx.workspace, input);
  },
  'attachments.saveTo': (ctx, input) => {
    const overwrite = takeGrant(ctx.deps, input.path, 'save');
    return saveAttachmentTo(ctx.workspace, input.id, input.path, overwrite);
  },
  'attachments.pickFile': async (ctx, input) => {
    if (!ctx.deps.pickFile) throw new AppError('host.unsupported', 'This host has no file picker');
    const picked = await ctx.deps.pickFile(input.mode, input.suggestedName);
    if (picked) grant(ctx.deps, picked, input.mode);
    return { path: picked };
  },
  'attachments.delete': (ctx, input) => {
    deleteAttachment(ctx.workspace, input.id);
    return { ok: true };
  },
};
