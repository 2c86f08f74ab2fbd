import { z } from 'zod';
import { drugCodes } from '../domain/drug-catalog';
import { quantityUnits } from '../domain/quantity';
import { idSchema, isoDateTimeSchema, optionalText, pageInputSchema, pageOf } from './common';

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
  purityBasisPoints: z.number().int().nullable(),
  place: z.string().nullable(),
  locationEntityId: z.string().nullable(),
  fromEntityId: z.string().nullable(),
  fromName: z.string().nullable(),
  evidenceNo: z.string().nullable(),
  cashFen: z.number().int().nullable(),
  tools: z.string().nullable(),
  notes: z.string().nullable(),
});
export type SeizureRow = z.infer<typeof seizureRowSchema>;

export const seizureListInput = pageInputSchema.extend({ caseId: idSchema.optional() });
export const seizureListOutput = pageOf(seizureRowSchema);

export const seizureInputSchema = z.object({
  caseId: idSchema,
  seizedAt: isoDateTimeSchema,
  place: optionalText(200),
  locationEntityId: idSchema.nullish(),
  fromEntityId: idSchema.nullish(),
  drugType: z.enum(drugCodes),
  form: optionalText(40),
  /** As entered: a decimal string, checked and normalised exactly by core. */
  quantityValue: z.string().trim().min(1).max(30),
  quantityUnit: z.enum(quantityUnits),
  /** Percent as entered ("71.5"), stored in basis points. */
  purityPercent: optionalText(10),
  /** 毒资 in yuan as entered ("386500.00"), stored in fen. */
  cashYuan: optionalText(20),
  tools: optionalText(500),
  evidenceNo: optionalText(60),
  notes: optionalText(2000),
});
export type SeizureInput = z.input<typeof seizureInputSchema>;

export const seizureUpdateInput = z.object({ id: idSchema, seizure: seizureInputSchema });
export const seizureIdInput = z.object({ id: idSchema });

export const statutoryTiers = [
  'large',
  'relativelyLarge',
  'belowRelativelyLarge',
  'notApplicable',
] as const;

/** The exact total of one drug in a case, in its normalised unit, and its statutory tier. */
export const drugTotalSchema = z.object({
  drugType: z.string(),
  unit: z.enum(['mg', 'ml', 'count']),
  total: z.number().int(),
  seizures: z.number().int(),
  tier: z.enum(statutoryTiers),
  thresholds: z
    .object({ large: z.number().int(), relativelyLarge: z.number().int(), source: z.string() })
    .nullable(),
});
export type DrugTotal = z.infer<typeof drugTotalSchema>;
