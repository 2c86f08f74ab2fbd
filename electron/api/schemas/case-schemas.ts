import { z } from 'zod';
import { caseStatuses, offenceTypes, supervisionLevels } from '../domain/case-vocabulary';
import { casePersonSchema } from './person-schemas';
import {
  idSchema,
  isoDateSchema,
  optionalText,
  pageInputSchema,
  pageOf,
  requiredText,
} from './common';

/** 案件编号: letters, digits and dashes, as unit systems print them (e.g. A4403052026110001). */
export const caseNoSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9-]+$/);

export const caseRowSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  offenceType: z.enum(offenceTypes),
  status: z.enum(caseStatuses),
  supervisionLevel: z.enum(supervisionLevels),
  unit: z.string().nullable(),
  leadInvestigator: z.string().nullable(),
  openedOn: z.string().nullable(),
  solvedOn: z.string().nullable(),
  suspectCount: z.number().int(),
  updatedAt: z.string(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

export const caseSortFields = ['caseNo', 'title', 'openedOn', 'updatedAt', 'status'] as const;

export const caseListInput = pageInputSchema.extend({
  text: z.string().trim().max(100).optional(),
  statuses: z.array(z.enum(caseStatuses)).max(10).optional(),
  offenceTypes: z.array(z.enum(offenceTypes)).max(20).optional(),
  supervisionLevels: z.array(z.enum(supervisionLevels)).max(10).optional(),
  sort: z
    .object({ field: z.enum(caseSortFields), order: z.enum(['asc', 'desc']) })
    .default({ field: 'updatedAt', order: 'desc' }),
});
export type CaseListInput = z.input<typeof caseListInput>;
export const caseListOutput = pageOf(caseRowSchema);

export const caseCreateInput = z.object({
  caseNo: caseNoSchema,
  title: requiredText(120),
  offenceType: z.enum(offenceTypes),
  supervisionLevel: z.enum(supervisionLevels).default('ordinary'),
  unit: optionalText(80),
  leadInvestigator: optionalText(40),
  openedOn: isoDateSchema,
  summary: optionalText(10_000),
});
export type CaseCreateInput = z.input<typeof caseCreateInput>;

export const caseDetailSchema = caseRowSchema.extend({
  summary: z.string().nullable(),
  prosecutedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdAt: z.string(),
  persons: z.array(casePersonSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseIdInput = z.object({ id: idSchema });
