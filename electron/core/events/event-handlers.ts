import type { AreaHandlers } from '../handler-types';
import { caseTimeline, createEvent, deleteEvent, updateEvent } from './event-service';

export const eventHandlers: AreaHandlers<'events'> = {
  'events.timeline': (ctx, input) => caseTimeline(ctx.workspace.db, input),
  'events.create': (ctx, input) => createEvent(ctx.workspace, input),
  'events.update': (ctx, input) => updateEvent(ctx.workspace, input.id, input.event),
  'events.delete': (ctx, input) => {
    deleteEvent(ctx.workspace, input.id);
    return { ok: true };
  },
};
