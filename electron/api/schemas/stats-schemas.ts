import { z } from 'zod';
import { caseStatuses } from '../domain/case-vocabulary';
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
