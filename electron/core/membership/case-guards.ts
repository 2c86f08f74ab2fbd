import { eq } from 'drizzle-orm';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { casesTable, entitiesTable } from '../db/schema';

/** The case's row; a missing or deleted case is `cases.notFound`. */
export function existingCase(tx: Executor, id: string) {
  const found = tx.select().from(casesTable).where(eq(casesTable.id, id)).get();
  if (!found || found.deletedAt) throw new AppError('cases.notFound', 'No such case');
  return found;
}

export function assertCaseExists(tx: Executor, caseId: string): void {
  existingCase(tx, caseId);
}

/** The entity's row; a deleted or merged-away entity is `entities.notFound`. */
export function assertLiveEntity(tx: Executor, entityId: string) {
  const entity = tx.select().from(entitiesTable).where(eq(entitiesTable.id, entityId)).get();
  if (!entity || entity.deletedAt || entity.mergedIntoId)
    throw new AppError('entities.notFound', 'No such entity');
  return entity;
}
