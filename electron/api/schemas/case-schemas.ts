import * as z from 'zod';
import {
  caseProcedures,
  caseStatuses,
  offenceTypes,
  supervisionLevels,
} from '../domain/case-vocabulary';
import { isCaseNo, normaliseCaseNo } from '../domain/case-number';
import { stepBackReasons } from '../domain/case-workflow';
import { entityKinds } from '../domain/entity-kinds';
import { caseRoles, chainTiers, legalStatuses, sourceStatuses } from '../domain/person-vocabulary';
import { casePersonSchema } from './person-schemas';
import { drugTotalSchema, personDrugTotalSchema, substanceTotalSchema } from './seizure-schemas';
import {
  idSchema,
  isoDateSchema,
  optionalText,
  pageInputSchema,
  pageOf,
  requiredText,
} from './common';

/**
 * 案件编号: the system form (A3301052026030015) or the document form (滨公（禁）立字〔2026〕15号),
 * brackets, spaces and letter case normalised (electron/api/domain/case-number.ts).
 */
export const caseNoSchema = z
  .string()
  .max(80)
  .transform(normaliseCaseNo)
  .pipe(z.string().max(40).refine(isCaseNo, { message: 'Not a case number' }));

export const caseRowSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  offenceType: z.enum(offenceTypes),
  procedure: z.enum(caseProcedures),
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

export const caseSortFields = [
  'caseNo',
  'title',
  'openedOn',
  'solvedOn',
  'updatedAt',
  'status',
] as const;

const dateRange = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .optional();

export const caseListInput = pageInputSchema.extend({
  text: z.string().trim().max(100).optional(),
  statuses: z.array(z.enum(caseStatuses)).max(10).optional(),
  offenceTypes: z.array(z.enum(offenceTypes)).max(20).optional(),
  supervisionLevels: z.array(z.enum(supervisionLevels)).max(10).optional(),
  unit: z.string().trim().max(80).optional(),
  leadInvestigator: z.string().trim().max(40).optional(),
  opened: dateRange,
  solved: dateRange,
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
  acceptedOn: isoDateSchema.nullish(),
  openedOn: isoDateSchema,
  summary: optionalText(10_000),
});
export type CaseCreateInput = z.input<typeof caseCreateInput>;

/** The editable fields of a case; the status changes only through `cases.transition`. */
export const caseUpdateInput = z.object({ id: idSchema, fields: caseCreateInput });

export const caseTransitionInput = z.object({
  id: idSchema,
  to: z.enum(caseStatuses),
  /** The day of the change (破案 / 移送起诉 / 结案 date). */
  on: isoDateSchema,
  /** For 并案: the case this one joins. */
  mergedIntoCaseId: idSchema.optional(),
  /** Required for a step back: 退回补充侦查 or 更正. */
  reason: z.enum(stepBackReasons).optional(),
  note: optionalText(500),
});

/** 打掉 a gang / 捣毁 a factory or 窝点: the date, or null to undo. */
export const caseOutcomeInput = z.object({
  entityId: idSchema,
  on: isoDateSchema.nullable(),
});

export const caseMemberSchema = z.object({
  caseEntityId: z.string(),
  entityId: z.string(),
  kind: z.enum(entityKinds),
  label: z.string(),
  identifier: z.string().nullable(),
  roleInCase: z.enum(caseRoles),
  chainTier: z.enum(chainTiers).nullable(),
  /** 打掉 (gang) / 捣毁 (place) date. */
  outcomeOn: z.string().nullable(),
  /** A gang or a place: can be marked broken / destroyed. */
  markable: z.boolean(),
});
export type CaseMember = z.infer<typeof caseMemberSchema>;

export const caseDetailSchema = caseRowSchema.extend({
  summary: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  prosecutedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  mergedIntoCaseId: z.string().nullable(),
  createdAt: z.string(),
  persons: z.array(casePersonSchema),
  /** Organisations, locations, phones, vehicles, accounts and parcels in the case. */
  members: z.array(caseMemberSchema),
  /** Cases merged (并案) into this one; their seizures count in the totals below and in cashTotalFen. */
  mergedCases: z.array(z.object({ id: z.string(), caseNo: z.string() })),
  drugTotals: z.array(drugTotalSchema),
  substanceTotals: z.array(substanceTotalSchema),
  personDrugTotals: z.array(personDrugTotalSchema),
  cashTotalFen: z.number().int(),
  counts: z.object({
    seizures: z.number().int(),
    relations: z.number().int(),
    events: z.number().int(),
    attachments: z.number().int(),
  }),
  allowedTransitions: z.array(z.enum(caseStatuses)),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseIdInput = z.object({ id: idSchema });

export const caseAddEntityInput = z.object({
  caseId: idSchema,
  entityId: idSchema,
  roleInCase: z.enum(caseRoles).default('involved'),
  legalStatus: z.enum(legalStatuses).default('none'),
  legalStatusOn: isoDateSchema.nullish(),
  caughtOn: isoDateSchema.nullish(),
});

export const caseMemberUpdateInput = z.object({
  caseEntityId: idSchema,
  roleInCase: z.enum(caseRoles),
  legalStatus: z.enum(legalStatuses),
  legalStatusOn: isoDateSchema.nullish(),
  chainTier: z.enum(chainTiers).nullish(),
  /** 到案/抓获 (or 查获, for a drug user) date; undefined keeps the recorded one. */
  caughtOn: isoDateSchema.nullish(),
  /** 毒源已查明 / 境外上线已掌握 for the top of a chain; undefined keeps the recorded one. */
  sourceStatus: z.enum(sourceStatuses).nullish(),
});
export const caseMemberIdInput = z.object({ caseEntityId: idSchema });

/** Why a measure is taken back: a wrong entry, or the procuratorate sent the case back. */
export const measureStepBackReasons = ['correction', 'supplementaryInvestigation'] as const;
export const measureStepBackInput = z.object({
  caseEntityId: idSchema,
  reason: z.enum(measureStepBackReasons),
  note: z.string().trim().max(500).nullish(),
});

export const measureHistoryOutput = z.array(
  z.object({
    id: z.string(),
    measure: z.enum(legalStatuses),
    takenOn: z.string().nullable(),
    notes: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string().nullable(),
  }),
);

/** What two cases share: the same entity in both, or an identifier used by people in both. */
export const sharedEntitySchema = z.object({
  entityId: z.string(),
  kind: z.enum(entityKinds),
  label: z.string(),
  via: z.enum(['member', 'identifier']),
});

export const linkedCaseSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  title: z.string(),
  status: z.enum(caseStatuses),
  shared: z.array(sharedEntitySchema),
});
export type LinkedCase = z.infer<typeof linkedCaseSchema>;

export const linkedCasesReportSchema = z.array(
  z.object({
    a: z.object({ caseId: z.string(), caseNo: z.string(), title: z.string() }),
    b: z.object({ caseId: z.string(), caseNo: z.string(), title: z.string() }),
    shared: z.array(sharedEntitySchema),
  }),
);
export type LinkedCasesReport = z.infer<typeof linkedCasesReportSchema>;

export const caseAuditInput = pageInputSchema.extend({ caseId: idSchema });
