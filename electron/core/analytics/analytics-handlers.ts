import type { AreaHandlers } from '../handler-types';
import { cellPresence, colocation } from './colocation';
import { commonContacts } from './common-contacts';
import { contactProfile } from './contact-profile';
import { moneyTrace } from './money-trace';
import { timeline } from './timeline';
import { recordTimelineExport } from './timeline-export';

export const analyticsHandlers: AreaHandlers<'analytics'> = {
  'analytics.commonContacts': (ctx, input) => commonContacts(ctx.workspace.db, input),
  'analytics.contactProfile': (ctx, input) => contactProfile(ctx.workspace.db, input),
  'analytics.colocation': (ctx, input) => colocation(ctx.workspace.db, input),
  'analytics.cellPresence': (ctx, input) => cellPresence(ctx.workspace.db, input),
  'analytics.moneyTrace': (ctx, input) => moneyTrace(ctx.workspace.db, input),
  'analytics.timeline': (ctx, input) => timeline(ctx.workspace.db, input),
  'analytics.recordTimelineExport': (ctx, input) => recordTimelineExport(ctx.workspace, input),
};
