import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CaseMember,
  caseAddEntityInput,
  caseMemberUpdateInput,
} from '../../api/schemas/case-schemas';
import { AppError } from '../app-error';
import { assertNotFuture } from '../settings/future-dates';
import type { Executor } from '../db/database-types';
import { caseEntitiesTable, casesTable } from '../db/schema';
import { linkEntityToCase } from '../membership/case-link';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { recordMeasure } from '../membership/case-measures';
import { findCaseMember } from './case-queries';
import { assertCaseExists, assertLiveEntity } from '../membership/case-guards';

function touchCase(tx: Executor, caseId: string, workspace: UnlockedWorkspace): void {
  tx.update(casesTable)
    .set({ updatedAt: workspace.now(), updatedBy: workspace.user.id })
    .where(eq(casesTable.id, caseId))
    .run();
}

/** Adds an existing entity (a phone, a car, a gang …) to a case. */
export function addEntityToCase(
  workspace: UnlockedWorkspace,
  input: z.output<typeof caseAddEntityInput>,
): CaseMember {
  return workspace.write(
    (tx) => {
      assertCaseExists(tx, input.caseId);
      assertLiveEntity(tx, input.entityId);
      assertNotFuture(tx, workspace.now(), input.caughtOn);
      assertNotFuture(tx, workspace.now(), input.legalStatusOn);
      const member = tx
        .select({ id: caseEntitiesTable.id })
        .from(caseEntitiesTable)
        .where(
          and(
            eq(caseEntitiesTable.caseId, input.caseId),
            eq(caseEntitiesTable.entityId, input.entityId),
          ),
        )
        .get();
      if (member) throw new AppError('cases.alreadyMember', 'The entity is already in this case');
      const id = linkEntityToCase(
        tx,
        {
          caseId: input.caseId,
          entityId: input.entityId,
          roleInCase: input.roleInCase,
          legalStatus: input.legalStatus,
          legalStatusOn: input.legalStatusOn ?? null,
          caughtOn: input.caughtOn ?? null,
        },
        workspace.user.id,
        workspace.now(),
      );
      touchCase(tx, input.caseId, workspace);
      return findCaseMember(tx, id)!;
    },
    (member) => ({
      action: 'cases.entityAdded',
      targetType: 'case',
      targetId: input.caseId,
      details: { caseId: input.caseId, entityId: member.entityId, roleInCase: input.roleInCase },
    }),
  );
}

function existingMember(tx: Executor, caseEntityId: string) {
  const member = tx
    .select()
    .from(caseEntitiesTable)
    .where(eq(caseEntitiesTable.id, caseEntityId))
    .get();
  if (!member) throw new AppError('cases.memberNotFound', 'No such case member');
  return member;
}

/** Changes a member's role, legal status (and its date) or chain tier in the case. */
export function updateCaseMember(
  workspace: UnlockedWorkspace,
  input: z.output<typeof caseMemberUpdateInput>,
): void {
  let before: ReturnType<typeof existingMember> | undefined;
  workspace.write(
    (tx) => {
      before = existingMember(tx, input.caseEntityId);
      assertNotFuture(tx, workspace.now(), input.caughtOn);
      assertNotFuture(tx, workspace.now(), input.legalStatusOn);
      tx.update(caseEntitiesTable)
        .set({
          roleInCase: input.roleInCase,
          legalStatus: input.legalStatus,
          legalStatusOn: input.legalStatusOn ?? null,
          chainTier: input.chainTier ?? null,
          ...(input.caughtOn !== undefined ? { caughtOn: input.caughtOn } : {}),
          ...(input.sourceStatus !== undefined ? { sourceStatus: input.sourceStatus } : {}),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(caseEntitiesTable.id, input.caseEntityId))
        .run();
      // A new measure, or the same one with another date, goes into the history.
      if (
        input.legalStatus !== before.legalStatus ||
        (input.legalStatusOn ?? null) !== before.legalStatusOn
      )
        recordMeasure(
          tx,
          {
            caseEntityId: before.id,
            caseId: before.caseId,
            entityId: before.entityId,
            measure: input.legalStatus,
            takenOn: input.legalStatusOn ?? null,
          },
          workspace.user.id,
          workspace.now(),
        );
      touchCase(tx, before.caseId, workspace);
    },
    () => ({
      action: 'cases.memberUpdated',
      targetType: 'case',
      targetId: before!.caseId,
      details: {
        caseId: before!.caseId,
        entityId: before!.entityId,
        from: {
          roleInCase: before!.roleInCase,
          legalStatus: before!.legalStatus,
          legalStatusOn: before!.legalStatusOn,
          chainTier: before!.chainTier,
          caughtOn: before!.caughtOn,
          sourceStatus: before!.sourceStatus,
        },
        to: {
          roleInCase: input.roleInCase,
          legalStatus: input.legalStatus,
          legalStatusOn: input.legalStatusOn ?? null,
          chainTier: input.chainTier ?? null,
          caughtOn: input.caughtOn === undefined ? before!.caughtOn : input.caughtOn,
          sourceStatus:
            input.sourceStatus === undefined ? before!.sourceStatus : input.sourceStatus,
        },
      },
    }),
  );
}

/** Takes an entity out of a case; the entity itself and its relations stay. */
export function removeCaseMember(workspace: UnlockedWorkspace, caseEntityId: string): void {
  let removed: ReturnType<typeof existingMember> | undefined;
  workspace.write(
    (tx) => {
      removed = existingMember(tx, caseEntityId);
      tx.delete(caseEntitiesTable).where(eq(caseEntitiesTable.id, caseEntityId)).run();
      touchCase(tx, removed.caseId, workspace);
    },
    () => ({
      action: 'cases.memberRemoved',
      targetType: 'case',
      targetId: removed!.caseId,
      details: { caseId: removed!.caseId, ...removed },
    }),
  );
}
