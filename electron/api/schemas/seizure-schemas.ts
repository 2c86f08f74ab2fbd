import * as z from 'zod';
import { drugCodes } from '../domain/drug-catalog';
import { countUnits, normalisedUnits, quantityUnits, weightBases } from '../domain/quantity';
import { statutoryTiers } from '../domain/drug-counting';
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
  normalisedUnit: z.enum(normalisedUnits),
  weightBasis: z.enum(weightBases).nullable(),
  contentPerUnit: z.string().nullable(),
  contentMicrograms: z.number().int().nullable(),
  purityBasisPoints: z.number().int().nullable(),
  place: z.string().nullable(),
  locationEntityId: z.string().nullable(),
  fromEntityId: z.string().nullable(),
  fromName: z.string().nullable(),
  evidenceNo: z.string().nullable(),
  cashFen: z.number().int().nullable(),
  tools: z.string().nullable(),
  notes: z.string().nullable(),
  /** The ledger import and line the seizure came from; null when entered by hand. */
  importId: z.string().nullable(),
  line: z.number().int().nullable(),
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
  /** 净重 / 毛重 of a weighed quantity. */
  weightBasis: z.enum(weightBases).nullish(),
  /** Drug content per unit in mg (50 for 50 mg/片), for standard-spec medicines. */
  contentPerUnit: optionalText(12),
  /** The user confirmed an implausible quantity (over 1 t of a drug, a million tablets …). */
  confirmedImplausible: z.boolean().optional(),
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

const thresholdsSchema = z
  .object({ large: z.number().int(), relativelyLarge: z.number().int(), source: z.string() })
  .nullable();

/**
 * The exact total of one form of a drug in a case, in its normalised unit (counts per 片/支/瓶),
 * and the statutory tier of its substance's combined amount (冰毒 and 麻古 as 甲基苯丙胺).
 */
export const drugTotalSchema = z.object({
  drugType: z.string(),
  substance: z.string(),
  unit: z.enum(normalisedUnits),
  countUnit: z.enum(countUnits).nullable(),
  total: z.number().int(),
  seizures: z.number().int(),
  tier: z.enum(statutoryTiers),
  thresholds: thresholdsSchema,
});
export type DrugTotal = z.infer<typeof drugTotalSchema>;

/** A substance's forms added up as courts count them (mg of drug; 株 for plants). */
export const substanceTotalSchema = z.object({
  substance: z.string(),
  forms: z.array(z.string()),
  counted: z.number().int(),
  uncounted: z.number().int(),
  /** The part of `counted` weighed gross (毛重): a tier it alone reaches waits for net weight. */
  grossWeighed: z.number().int(),
  tier: z.enum(statutoryTiers),
  thresholds: thresholdsSchema,
});
export type SubstanceTotalRow = z.infer<typeof substanceTotalSchema>;

/**
 * Where a person's figure comes from: the seizures attributed to them (缴获), or, for a substance
 * none of those is, what their supply relations record (据供述/交易记录).
 */
const drugFigureBases = ['seized', 'supplied'] as const;
export type DrugFigureBasis = (typeof drugFigureBases)[number];

/** What one person is answerable for, per substance, across the case. */
export const personDrugTotalSchema = substanceTotalSchema.extend({
  entityId: z.string(),
  name: z.string(),
  basis: z.enum(drugFigureBases),
  /** How many seizures, or supply relations, the figure adds up. */
  sources: z.number().int(),
});
export type PersonDrugTotal = z.infer<typeof personDrugTotalSchema>;
