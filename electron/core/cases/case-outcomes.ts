import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { caseOutcomeInput } from '../../api/schemas/case-schemas';
import { AppError } from '../app-error';
import { locationsTable, organisationsTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { assertLiveEntity } from '../membership/case-guards';

/**
 * Records that a gang was broken (打掉) or a factory / 窝点 destroyed (捣毁) on a date, or undoes
 * it (null). 成绩单 counts gangs and places by these dates, not by being linked to a solved case.
 */
export function markCaseOutcome(
  workspace: UnlockedWorkspace,
  input: z.output<typeof caseOutcomeInput>,
): void {
  let before: string | null = null;
  let kind = '';
  workspace.write(
    (tx) => {
      const entity = assertLiveEntity(tx, input.entityId);
      kind = entity.kind;
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
      details: { entityId: input.entityId, from: before, to: input.on },
    }),
  );
}
