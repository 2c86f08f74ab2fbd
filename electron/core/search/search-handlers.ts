import type { AreaHandlers } from '../handler-types';
import { searchWorkspace } from './search-queries';

export const searchHandlers: AreaHandlers<'search'> = {
  'search.query': (ctx, input) =>
    searchWorkspace(ctx.workspace.db, input.text, input.limitPerGroup),
};
