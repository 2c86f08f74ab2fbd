import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { eventEntitiesTable, eventsTable } from '../db/schema';

export type EventInsert = Omit<
  typeof eventsTable.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'
> & {
  entityIds: string[];
};

export function insertEvent(
  tx: Executor,
  event: EventInsert,
  actorId: string | null,
  now: string,
): string {
  const id = newId();
  const { entityIds, ...row } = event;
  tx.insert(eventsTable)
    .values({ ...row, id, createdAt: now, updatedAt: now, createdBy: actorId, updatedBy: actorId })
    .run();
  for (const entityId of new Set(entityIds))
    tx.insert(eventEntitiesTable).values({ eventId: id, entityId }).run();
  return id;
}
