import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { caseEntitiesTable } from '../db/schema';
import { recordMeasure } from './case-measures';

type CaseLinkInsert = Omit<
  typeof caseEntitiesTable.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'
>;

/** Adds an entity to a case (a person with role and legal status, or any other entity). */
export function linkEntityToCase(
  tx: Executor,
  link: CaseLinkInsert,
  actorId: string | null,
  now: string,
): string {
  const id = newId();
  tx.insert(caseEntitiesTable)
    .values({ ...link, id, createdAt: now, updatedAt: now, createdBy: actorId, updatedBy: actorId })
    .run();
  if (link.legalStatus)
    recordMeasure(
      tx,
      {
        caseEntityId: id,
        caseId: link.caseId,
        entityId: link.entityId,
        measure: link.legalStatus,
        takenOn: link.legalStatusOn ?? null,
      },
      actorId,
      now,
    );
  return id;
}
