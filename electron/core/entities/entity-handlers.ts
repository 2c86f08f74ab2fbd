import type { AreaHandlers } from '../handler-types';
import { listEntities } from './entity-queries';

export const entityHandlers: AreaHandlers<'entities'> = {
  'entities.list': (ctx, input) => listEntities(ctx.workspace.db, input),
};
