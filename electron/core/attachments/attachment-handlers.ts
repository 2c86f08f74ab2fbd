import type { AreaHandlers } from '../handler-types';
import {
  addAttachment,
  deleteAttachment,
  listAttachments,
  readAttachment,
} from './attachment-service';

export const attachmentHandlers: AreaHandlers<'attachments'> = {
  'attachments.list': (ctx, input) => listAttachments(ctx.workspace.db, input),
  'attachments.get': (ctx, input) => readAttachment(ctx.workspace, input.id),
  'attachments.add': (ctx, input) => addAttachment(ctx.workspace, input),
  'attachments.delete': (ctx, input) => {
    deleteAttachment(ctx.workspace, input.id);
    return { ok: true };
  },
};
