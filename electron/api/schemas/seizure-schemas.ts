import { z } from 'zod';
import { quantityUnits } from '../domain/quantity';
import { idSchema, pageInputSchema, pageOf } from './common';

export const seizureRowSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  seizedAt: z.string(),
  drugType: z.string(),
  form: z.string().nullable(),
  quantityValue: z.string(),
  quantityUnit: z.enum(quantityUnits),
  quantityNormalised: z.number().int(),
  normalisedUnit: z.enum(['mg', 'ml', 'count']),
  place: z.string().nullable(),
  fromName: z.string().nullable(),
  evidenceNo: z.string().nullable(),
  cashFen: z.number().int().nullable(),
});
export type SeizureRow = z.infer<typeof seizureRowSchema>;

export const seizureListInput = pageInputSchema.extend({ caseId: idSchema.optional() });
export const seizureListOutput = pageOf(seizureRowSchema);
