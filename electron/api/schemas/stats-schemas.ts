import { z } from 'zod';
import { caseStatuses, supervisionLevels } from '../domain/case-vocabulary';
import { entityKinds } from '../domain/entity-kinds';

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
});

const figure = z.number().int();

/** The figures a team lead reports for a period and unit (the "成绩单"). */
export const unitStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  unit: z.string().nullable(),
  casesOpened: figure,
  casesSolved: figure,
  suspectsArrested: figure,
  /** Milligrams of all drugs measured by mass, exact. */
  drugsMilligrams: figure,
  drugs: z.array(
    z.object({
      drugType: z.string(),
      unit: z.enum(['mg', 'ml', 'count']),
      total: figure,
      seizures: figure,
    }),
  ),
  gangsBroken: figure,
  factoriesDestroyed: figure,
  /** Solved cases by supervision level (公安部目标案件 …). */
  solvedBySupervision: z.record(z.enum(supervisionLevels), figure),
  drugUsersFound: figure,
  newDrugUsers: figure,
  drugMoneyFen: figure,
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
});
