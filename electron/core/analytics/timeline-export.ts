import type { z } from 'zod';
import type { timelineExportInput } from '../../api/schemas/analytics-schemas';
import { AppError } from '../app-error';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { sql } from 'drizzle-orm';

/** The timeline leaves the workspace as a picture drawn by the view: recorded before the file is made. */
export function recordTimelineExport(
  workspace: UnlockedWorkspace,
  input: z.output<typeof timelineExportInput>,
): { ok: true } {
  if (
    input.caseId &&
    !workspace.db.get(sql`SELECT 1 FROM cases WHERE id = ${input.caseId} AND deleted_at IS NULL`)
  )
    throw new AppError('cases.notFound', 'Case not found');
  workspace.audit({
    action: 'analytics.timelineExported',
    targetType: input.caseId ? 'case' : 'workspace',
    targetId: input.caseId ?? null,
    details: {
      caseId: input.caseId ?? null,
      entityIds: input.entityIds,
      format: input.format,
      from: input.from ?? null,
      to: input.to ?? null,
      classification: input.classification,
    },
  });
  return { ok: true };
}
