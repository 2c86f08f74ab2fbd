import * as z from 'zod';
import { riskGradeColours } from '../domain/risk-grades';
import { isTimeZone } from '../domain/time-zone';

/** An IANA zone name (Asia/Shanghai, Asia/Urumqi, UTC …) the runtime can format in. */
const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Unknown time zone' });

const riskGradeName = z.object({
  label: z.string().trim().max(10),
  colour: z.enum(riskGradeColours),
});
/** One name and colour per stored grade (high / medium / low). */
const riskGradeNamesSchema = z.object({
  high: riskGradeName,
  medium: riskGradeName,
  low: riskGradeName,
});

export const settingsSchema = z.object({
  unitName: z.string(),
  /** Auto-lock after this many idle minutes (1–240). */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Local names and colours of the drug-user risk grades (高/中/低, A/B/C, 四色 …). */
  riskGrades: riskGradeNamesSchema,
  /** The zone every date in documents, file names and the CLI is written in. */
  timeZone: timeZoneSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateInput = z.object({
  unitName: z.string().trim().min(1).max(80).optional(),
  idleLockMinutes: z.number().int().min(1).max(240).optional(),
  riskGrades: riskGradeNamesSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
