import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { caseOutcomeInput } from '../../api/schemas/case-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { caseEntitiesTable, casesTable, locationsTable, organisationsTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { assertLiveEntity } from '../membership/case-guards';

/** The live cases an entity is in. */
function casesOf(tx: Executor, entityId: string): string[] {
  return tx
    .selectDistinct({ id: casesTable.id })
    .from(caseEntitiesTable)
    .innerJoin(casesTable, eq(casesTable.id, caseEntitiesTable.caseId))
    .where(and(eq(caseEntitiesTable.entityId, entityId), isNull(casesTable.deletedAt)))
    .orderBy(casesTable.id)
    .all()
    .map((row) => row.id);
}

/**
 * Records that a gang was broken (打掉) or a factory / 窝点 destroyed (捣毁) on a date, or undoes
 * it (null). 成绩单 counts gangs and places by these dates, through the cases they are in: an
 * outcome is a case's, so a gang or place in no case is refused (it would count for no case, and
 * no case's history would show it), and the record names its cases.
 */
export function markCaseOutcome(
  workspace: UnlockedWorkspace,
  input: z.output<typeof caseOutcomeInput>,
): void {
  let before: string | null = null;
  let kind = '';
  let caseIds: string[] = [];
  workspace.write(
    (tx) => {
      const entity = assertLiveEntity(tx, input.entityId);
      kind = entity.kind;
      caseIds = casesOf(tx, input.entityId);
      if (input.on !== null && caseIds.length === 0)
        throw new AppError('cases.outcomeWithoutCase', 'The gang or place is in no case');
      if (entity.kind === 'organisation') {
        const row = tx
          .select({ on: organisationsTable.brokenOn, type: organisationsTable.orgType })
          .from(organisationsTable)
          .where(eq(organisationsTable.entityId, input.entityId))
          .get();
        if (!row || row.type !== 'gang')
          throw new AppError('cases.notAnOutcomeEntity', 'Only a gang can be broken');
        before = row.on;
        tx.update(organisationsTable)
          .set({ brokenOn: input.on })
          .where(eq(organisationsTable.entityId, input.entityId))
          .run();
      } else if (entity.kind === 'location') {
        const row = tx
          .select({ on: locationsTable.destroyedOn })
          .from(locationsTable)
          .where(eq(locationsTable.entityId, input.entityId))
          .get();
        before = row?.on ?? null;
        tx.update(locationsTable)
          .set({ destroyedOn: input.on })
          .where(eq(locationsTable.entityId, input.entityId))
          .run();
      } else throw new AppError('cases.notAnOutcomeEntity', 'Only a gang or a place');
    },
    () => ({
      action: kind === 'organisation' ? 'entities.gangBroken' : 'entities.placeDestroyed',
      targetType: 'entity',
      targetId: input.entityId,
      details: { entityId: input.entityId, from: before, to: input.on, caseIds },
    }),
  );
}
