import type { AreaHandlers } from '../handler-types';
import { commonContacts } from './common-contacts';

export const analyticsHandlers: AreaHandlers<'analytics'> = {
  'analytics.commonContacts': (ctx, input) => commonContacts(ctx.workspace.db, input),
};
