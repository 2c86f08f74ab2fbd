import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { measureStepBackInput } from '../../api/schemas/case-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { caseEntitiesTable, caseMeasuresTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

/** A member's measures, newest first, with who recorded each. */
export function measureHistory(db: Executor, caseEntityId: string) {
  return db
    .all<{
      id: string;
      measure: string;
      taken_on: string | null;
      notes: string | null;
      created_at: string;
      created_by: string | null;
    }>(
      sql`SELECT m.id, m.measure, m.taken_on, m.notes, m.created_at, u.username AS created_by
        FROM case_measures m LEFT JOIN users u ON u.id = m.created_by
        WHERE m.case_entity_id = ${caseEntityId}
        ORDER BY m.taken_on IS NULL, m.taken_on DESC, m.created_at DESC, m.rowid DESC`,
    )
    .map((row) => ({
      id: row.id,
      measure: row.measure,
      takenOn: row.taken_on,
      notes: row.notes,
      recordedAt: row.created_at,
      recordedBy: row.created_by,
    }));
}

/**
 * Steps a person's measures back by one (更正 a wrong entry, or 退回补充侦查 undoing 移送起诉):
 * the latest measure leaves the history, the member's status becomes the one before it (or
 * none), and the reason is audited with both. One audited transaction.
 */
export function stepBackMeasure(
  workspace: UnlockedWorkspace,
  input: z.output<typeof measureStepBackInput>,
) {
  let facts: Record<string, unknown> = {};
  return workspace.write(
    (tx) => {
      const member = tx
        .select()
        .from(caseEntitiesTable)
        .where(eq(caseEntitiesTable.id, input.caseEntityId))
        .get();
      if (!member) throw new AppError('cases.memberNotFound', 'No such case member');
      const [latest, previous] = measureHistory(tx, input.caseEntityId);
      if (!latest) throw new AppError('cases.noMeasure', 'The person has no measure to step back');
      tx.delete(caseMeasuresTable).where(eq(caseMeasuresTable.id, latest.id)).run();
      const status = (previous?.measure ?? 'none') as typeof member.legalStatus;
      tx.update(caseEntitiesTable)
        .set({
          legalStatus: status,
          legalStatusOn: previous?.takenOn ?? null,
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(and(eq(caseEntitiesTable.id, member.id)))
        .run();
      facts = {
        caseId: member.caseId,
        entityId: member.entityId,
        from: latest.measure,
        fromOn: latest.takenOn,
        to: status,
        toOn: previous?.takenOn ?? null,
        reason: input.reason,
        note: input.note ?? null,
      };
      return { legalStatus: status, legalStatusOn: previous?.takenOn ?? null };
    },
    () => ({
      action: 'cases.measureSteppedBack',
      targetType: 'case',
      targetId: facts['caseId'] as string,
      details: facts,
    }),
  );
}
