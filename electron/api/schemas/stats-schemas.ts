import * as z from 'zod';
import { classifications } from './briefing-schemas';
import { caseStatuses, supervisionLevels } from '../domain/case-vocabulary';
import { entityKinds } from '../domain/entity-kinds';
import { incompleteKinds } from '../domain/stats-rules';
import { countUnits, normalisedUnits } from '../domain/quantity';

export const workspaceStatsSchema = z.object({
  cases: z.number().int(),
  casesByStatus: z.record(z.enum(caseStatuses), z.number().int()),
  entities: z.number().int(),
  entitiesByKind: z.record(z.enum(entityKinds), z.number().int()),
  relations: z.number().int(),
  seizures: z.number().int(),
  events: z.number().int(),
  users: z.number().int(),
  auditRecords: z.number().int(),
});
export type WorkspaceStats = z.infer<typeof workspaceStatsSchema>;

export const unitStatsInput = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The unit (办案单位) as recorded on cases; all units when absent. */
  unit: z.string().trim().max(80).optional(),
  /** The language of the paragraph (and of an exported sheet): the UI's. */
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

const figure = z.number().int();

const seizedForm = z.object({
  drugType: z.string(),
  unit: z.enum(normalisedUnits),
  countUnit: z.enum(countUnits).nullable(),
  total: figure,
  seizures: figure,
});

/** The figures a team lead reports for a period and unit (the "成绩单"), each by a stated rule. */
export const unitStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  unit: z.string().nullable(),
  casesOpened: figure,
  administrativeCases: figure,
  casesSolved: figure,
  /** Criminal cases outside ch. 6 §7 (笑气 as 非法经营 …), reported on their own line. */
  substituteCasesSolved: figure,
  /** 抓获: suspects by their 到案 date. */
  suspectsArrested: figure,
  measures: z.object({
    detained: figure,
    arrested: figure,
    prosecuted: figure,
    compulsoryIsolation: figure,
  }),
  /** Milligrams of drugs (毒品) as courts count them (content for medicines), exact. */
  drugsMilligrams: figure,
  /** Milligrams of precursor chemicals, apart from drugs. */
  precursorsMilligrams: figure,
  /** Drugs (毒品) seized, per form as recorded. */
  drugs: z.array(seizedForm),
  /**
   * What else was seized, apart from the drugs: precursors (易制毒化学品), 笑气 and other
   * substitutes, anything not a drug under the Criminal Law.
   */
  otherSeized: z.array(seizedForm),
  gangsBroken: figure,
  factoriesDestroyed: figure,
  densDestroyed: figure,
  /** Solved drug-crime cases by supervision level (公安部目标案件 …). */
  solvedBySupervision: z.record(z.enum(supervisionLevels), figure),
  /** 人次 by the date found. */
  drugUsersFound: figure,
  newDrugUsers: figure,
  drugMoneyFen: figure,
  /** What could not be counted, said rather than silently left out. */
  incomplete: z.array(z.object({ kind: z.enum(incompleteKinds), count: figure })),
  months: z.array(
    z.object({
      month: z.string(),
      casesSolved: figure,
      suspectsArrested: figure,
      drugsMilligrams: figure,
    }),
  ),
  units: z.array(z.string()),
  paragraph: z.string(),
});
export type UnitStats = z.infer<typeof unitStatsSchema>;

export const unitStatsExportInput = unitStatsInput.extend({
  format: z.enum(['xlsx', 'html', 'pdf']),
  /** Marking printed at the top of the sheet (密级), as on briefings. */
  classification: z.enum(classifications).default('internal'),
});
