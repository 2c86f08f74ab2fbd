import { z } from 'zod';

export const settingsSchema = z.object({
  unitName: z.string(),
  /** Auto-lock after this many idle minutes (1–240). */
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateInput = z.object({
  unitName: z.string().trim().min(1).max(80).optional(),
  idleLockMinutes: z.number().int().min(1).max(240).optional(),
});
