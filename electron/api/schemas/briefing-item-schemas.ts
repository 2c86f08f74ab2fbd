import * as z from 'zod';
import { idSchema } from './common';

/** Which analysis a briefing item came from. */
export const analysisSources = [
  'commonContacts',
  'contactProfile',
  'colocation',
  'moneyTrace',
  'timeline',
] as const;
export type AnalysisSource = (typeof analysisSources)[number];

const cellText = z.string().max(1_000);
/** A PNG as base64: up to about 6 MB of picture. */
const pngBase64 = z
  .string()
  .max(8_000_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

const briefingTableSchema = z.object({
  kind: z.literal('table'),
  columns: z.array(cellText).min(1).max(20),
  rows: z.array(z.array(cellText).max(20)).max(1_000),
});
export type BriefingTable = z.infer<typeof briefingTableSchema>;

export const briefingItemAddInput = z.object({
  caseId: idSchema,
  title: z.string().trim().min(1).max(200),
  source: z.enum(analysisSources),
  content: z.discriminatedUnion('kind', [
    briefingTableSchema,
    z.object({ kind: z.literal('figure'), png: pngBase64 }),
  ]),
});

export const briefingItemSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  position: z.number().int(),
  title: z.string(),
  source: z.enum(analysisSources),
  content: z.discriminatedUnion('kind', [
    briefingTableSchema,
    z.object({
      kind: z.literal('figure'),
      png: z.string(),
      width: z.number().int(),
      height: z.number().int(),
    }),
  ]),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type BriefingItem = z.infer<typeof briefingItemSchema>;

export const briefingItemsInput = z.object({ caseId: idSchema });
export const briefingItemIdInput = z.object({ id: idSchema });
export const briefingItemMoveInput = z.object({
  id: idSchema,
  direction: z.enum(['up', 'down']),
});
