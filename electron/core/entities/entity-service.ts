import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  EntityDetail,
  entityCreateInput,
  ParsedEntityInput,
} from '../../api/schemas/entity-schemas';
import { AppError } from '../app-error';
import { entitiesTable } from '../db/schema';
import { assertCaseExists, assertLiveEntity } from '../membership/case-guards';
import { indexEntity } from '../search/search-indexer';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { Executor } from '../db/database-types';
import { getEntityDetail } from './entity-detail';
import { assertOwner, ownerNameField, setOwner } from './entity-owner';
import { prepareEntity } from './entity-identifiers';
import { linkEntityToCase } from '../membership/case-link';
import { insertEntity, updateEntityRows } from './entity-repository';

/**
 * The input with its owner text set to the picked owner's name (the text stays the label of an
 * owner not recorded), and the owner picked: undefined where the form has no owner field.
 */
function withOwner(tx: Executor, input: ParsedEntityInput) {
  if (input.kind !== 'phone' && input.kind !== 'vehicle' && input.kind !== 'account')
    return { input, ownerId: undefined };
  const ownerId = input.ownerEntityId;
  if (!ownerId) return { input, ownerId };
  const owner = assertOwner(tx, ownerId);
  const field = input.kind === 'vehicle' ? null : ownerNameField[input.kind];
  return { input: field ? { ...input, [field]: owner.label } : input, ownerId };
}

/**
 * Records an entity of any kind, optionally straight into a case. Identifiers are checked and
 * normalised first; one already recorded is refused with the existing entity named.
 */
export function createEntity(
  workspace: UnlockedWorkspace,
  input: z.output<typeof entityCreateInput>,
): EntityDetail {
  return workspace.write(
    (tx) => {
      const now = workspace.now();
      if (input.caseId) assertCaseExists(tx, input.caseId);
      const { input: entity, ownerId } = withOwner(tx, input.entity);
      const prepared = prepareEntity(tx, entity, workspace.clock.now());
      const id = insertEntity(tx, prepared.entity, workspace.user.id, now, prepared.notes);
      if (ownerId)
        setOwner(tx, id, ownerId, {
          caseId: input.caseId ?? null,
          actorId: workspace.user.id,
          now,
        });
      if (input.caseId) {
        linkEntityToCase(
          tx,
          {
            caseId: input.caseId,
            entityId: id,
            roleInCase:
              input.roleInCase ?? (input.entity.kind === 'person' ? 'suspect' : 'involved'),
            legalStatus: input.legalStatus ?? 'none',
            legalStatusOn: input.legalStatusOn ?? null,
          },
          workspace.user.id,
          now,
        );
      }
      return getEntityDetail(tx, id)!;
    },
    (detail) => ({
      action: 'entities.created',
      targetType: 'entity',
      targetId: detail.id,
      details: {
        kind: detail.kind,
        label: detail.label,
        caseId: input.caseId ?? null,
        ...(detail.owner ? { ownerEntityId: detail.owner.id } : {}),
      },
    }),
  );
}

/** Edits an entity's fields (its kind stays); the audit record keeps the fields before and after. */
export function updateEntity(
  workspace: UnlockedWorkspace,
  id: string,
  input: ParsedEntityInput,
): EntityDetail {
  let before: EntityDetail | undefined;
  return workspace.write(
    (tx) => {
      const current = assertLiveEntity(tx, id);
      if (current.kind !== input.kind)
        throw new AppError('entities.kindMismatch', 'An entity keeps its kind');
      before = getEntityDetail(tx, id);
      const { input: entity, ownerId } = withOwner(tx, input);
      const prepared = prepareEntity(tx, entity, workspace.clock.now(), id);
      updateEntityRows(tx, id, prepared.entity, prepared.notes, workspace.user.id, workspace.now());
      // A new 机主 relation joins the case the entity is in, when it is in exactly one.
      const cases = before?.cases ?? [];
      setOwner(tx, id, ownerId, {
        caseId: cases.length === 1 ? cases[0]!.caseId : null,
        actorId: workspace.user.id,
        now: workspace.now(),
      });
      return getEntityDetail(tx, id)!;
    },
    (after) => ({
      action: 'entities.updated',
      targetType: 'entity',
      targetId: id,
      details: { kind: after.kind, before: before?.details ?? null, after: after.details },
    }),
  );
}

/** Soft-deletes an entity: hidden from lists, charts and search; kept for the audit trail. */
export function deleteEntity(workspace: UnlockedWorkspace, id: string): void {
  let label = '';
  workspace.write(
    (tx) => {
      label = assertLiveEntity(tx, id).label;
      tx.update(entitiesTable)
        .set({
          deletedAt: workspace.now(),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(entitiesTable.id, id))
        .run();
      indexEntity(tx, id);
    },
    () => ({ action: 'entities.deleted', targetType: 'entity', targetId: id, details: { label } }),
  );
}
