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
  /**
   * A file the window saved through the browser's download (a rejected-rows file, an export)
   * ended: written, cancelled in the save dialog, or interrupted (disk full, no permission).
   * Electron only; the name is the one the page offered, not the path chosen.
   */
  'download.finished': z.object({
    fileName: z.string(),
    state: z.enum(['completed', 'cancelled', 'interrupted']),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
