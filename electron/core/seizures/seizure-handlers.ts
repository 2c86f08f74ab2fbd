import type { AreaHandlers } from '../handler-types';
import { listSeizures } from './seizure-queries';

export const seizureHandlers: AreaHandlers<'seizures'> = {
  'seizures.list': (ctx, input) => listSeizures(ctx.workspace.db, input),
};
