import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CaseRow } from '../../api/schemas/case-schemas';
import type { caseCreateInput } from '../../api/schemas/case-schemas';
import { AppError } from '../app-error';
import { newId } from '../db/ids';
import { casesTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { findCaseRow } from './case-queries';

export type CaseCreate = z.output<typeof caseCreateInput>;

/** Opens a new case (status 立案). Case numbers are unique in the workspace. */
export function createCase(workspace: UnlockedWorkspace, input: CaseCreate): CaseRow {
  const caseNo = input.caseNo.toUpperCase();
  return workspace.write(
    (tx) => {
      const existing = tx
        .select({ id: casesTable.id })
        .from(casesTable)
        .where(eq(casesTable.caseNo, caseNo))
        .get();
      if (existing)
        throw new AppError('cases.duplicateCaseNo', 'A case with this number exists', {
          caseId: existing.id,
        });
      const id = newId();
      const now = workspace.now();
      tx.insert(casesTable)
        .values({
          id,
          caseNo,
          title: input.title,
          offenceType: input.offenceType,
          status: 'filed',
          supervisionLevel: input.supervisionLevel,
          unit: input.unit ?? null,
          leadInvestigator: input.leadInvestigator ?? null,
          openedOn: input.openedOn,
          summary: input.summary ?? null,
          createdAt: now,
          updatedAt: now,
          createdBy: workspace.user.id,
          updatedBy: workspace.user.id,
        })
        .run();
      return findCaseRow(tx, id)!;
    },
    (row) => ({
      action: 'cases.created',
      targetType: 'case',
      targetId: row.id,
      details: { caseNo, title: input.title },
    }),
  );
}

export function assertCaseExists(workspace: UnlockedWorkspace, caseId: string): void {
  if (!findCaseRow(workspace.db, caseId)) throw new AppError('cases.notFound', 'No such case');
}
