import { AppError } from '../app-error';
import type { AreaHandlers } from '../handler-types';
import { getEntityDetail } from './entity-detail';
import { mergeEntities, unmergeEntities } from './entity-merge';
import { listEntities } from './entity-queries';
import { createEntity, deleteEntity, updateEntity } from './entity-service';

export const entityHandlers: AreaHandlers<'entities'> = {
  'entities.list': (ctx, input) => listEntities(ctx.workspace.db, input),
  'entities.get': (ctx, input) => {
    const detail = getEntityDetail(ctx.workspace.db, input.id);
    if (!detail) throw new AppError('entities.notFound', 'No such entity');
    return detail;
  },
  'entities.create': (ctx, input) => createEntity(ctx.workspace, input),
  'entities.update': (ctx, input) => updateEntity(ctx.workspace, input.id, input.entity),
  'entities.delete': (ctx, input) => {
    deleteEntity(ctx.workspace, input.id);
    return { ok: true };
  },
  'entities.merge': (ctx, input) => mergeEntities(ctx.workspace, input.keepId, input.mergeId),
  'entities.unmerge': (ctx, input) => {
    unmergeEntities(ctx.workspace, input.auditSeq);
    return { ok: true };
  },
};
