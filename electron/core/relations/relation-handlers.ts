import type { AreaHandlers } from '../handler-types';
import { listRelations } from './relation-queries';
import { createRelation, deleteRelation, updateRelation } from './relation-service';

export const relationHandlers: AreaHandlers<'relations'> = {
  'relations.list': (ctx, input) => listRelations(ctx.workspace.db, input),
  'relations.create': (ctx, input) => createRelation(ctx.workspace, input),
  'relations.update': (ctx, input) => updateRelation(ctx.workspace, input.id, input.relation),
  'relations.delete': (ctx, input) => {
    deleteRelation(ctx.workspace, input.id);
    return { ok: true };
  },
};
