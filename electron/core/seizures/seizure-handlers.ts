import type { AreaHandlers } from '../handler-types';
import { listSeizures } from './seizure-queries';
import { createSeizure, deleteSeizure, updateSeizure } from './seizure-service';

export const seizureHandlers: AreaHandlers<'seizures'> = {
  'seizures.list': (ctx, input) => listSeizures(ctx.workspace.db, input),
  'seizures.create': (ctx, input) => createSeizure(ctx.workspace, input),
  'seizures.update': (ctx, input) => updateSeizure(ctx.workspace, input.id, input.seizure),
  'seizures.delete': (ctx, input) => {
    deleteSeizure(ctx.workspace, input.id);
    return { ok: true };
  },
};
