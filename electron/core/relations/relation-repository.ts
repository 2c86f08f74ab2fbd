import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { relationsTable } from '../db/schema';

export type RelationInsert = Omit<
  typeof relationsTable.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'
>;

export function insertRelation(
  tx: Executor,
  relation: RelationInsert,
  actorId: string | null,
  now: string,
): string {
  const id = newId();
  tx.insert(relationsTable)
    .values({
      ...relation,
      id,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
    })
    .run();
  return id;
}
