import * as z from 'zod';

/** Events pushed from core to the renderer; names are past tense. */
export const events = {
  'session.locked': z.object({ reason: z.enum(['user', 'idle']) }),
  'import.progressed': z.object({
    importId: z.string(),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** A chart's layout in the layout thread: iterations done of the total. */
  'graph.layoutProgressed': z.object({
    layoutId: z.string(),
    done: z.number().int(),
    total: z.number().int(),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
