import * as z from 'zod';
import { drugCodes } from '../domain/drug-catalog';
import { quantityUnits } from '../domain/quantity';
import { relationTypes, sourceReliabilities } from '../domain/relation-types';
import { idSchema, isoDateSchema, optionalText } from './common';

export const relationInputSchema = z.object({
  fromEntityId: idSchema,
  toEntityId: idSchema,
  type: z.enum(relationTypes),
  directed: z.boolean().default(true),
  startedOn: isoDateSchema.nullish(),
  endedOn: isoDateSchema.nullish(),
  /** Yuan as entered ("12.50"), stored exactly in fen. */
  amountYuan: optionalText(20),
  eventCount: z.number().int().min(0).max(10_000_000).nullish(),
  durationSeconds: z.number().int().min(0).max(10_000_000_000).nullish(),
  /** Supply relations only: the drug moved (catalogue code) and how much, as entered. */
  drugType: z.enum(drugCodes).nullish(),
  quantityValue: optionalText(30),
  quantityUnit: z.enum(quantityUnits).nullish(),
  source: optionalText(200),
  reliability: z.enum(sourceReliabilities).nullish(),
  credibility: z.number().int().min(1).max(6).nullish(),
  caseId: idSchema.nullish(),
  notes: optionalText(2000),
});

export const relationUpdateInput = z.object({ id: idSchema, relation: relationInputSchema });
export const relationIdInput = z.object({ id: idSchema });
export const relationListInput = z
  .object({ caseId: idSchema.optional(), entityId: idSchema.optional() })
  .refine((input) => Boolean(input.caseId) !== Boolean(input.entityId), {
    message: 'Give caseId or entityId',
  });
