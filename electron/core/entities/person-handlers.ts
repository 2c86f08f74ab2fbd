import type { AreaHandlers } from '../handler-types';
import { personsOfSameName } from './person-same-name';

export const personHandlers: AreaHandlers<'persons'> = {
  'persons.sameName': (ctx, input) => personsOfSameName(ctx.workspace.db, input),
};
