import type { LegalStatus } from '../../api/domain/person-vocabulary';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { caseMeasuresTable } from '../db/schema';

interface MeasureEntry {
  caseEntityId: string;
  caseId: string;
  entityId: string;
  measure: LegalStatus;
  takenOn: string | null;
  notes?: string | null;
}

/**
 * Appends a measure to a person's history in a case (刑拘 on 12-28, then 逮捕 on 01-05 …). The
 * history is what 成绩单 counts by; the member's legal status is only the latest entry.
 */
export function recordMeasure(
  tx: Executor,
  entry: MeasureEntry,
  actorId: string | null,
  now: string,
): void {
  if (entry.measure === 'none') return;
  tx.insert(caseMeasuresTable)
    .values({
      id: newId(),
      ...entry,
      notes: entry.notes ?? null,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
    })
    .run();
}
