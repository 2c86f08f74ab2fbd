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
import { getEntityDetail } from './entity-detail';
import { prepareEntity } from './entity-identifiers';
import { linkEntityToCase } from '../membership/case-link';
import { insertEntity, updateEntityRows } from './entity-repository';

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
      const prepared = prepareEntity(tx, input.entity, workspace.clock.now());
      const id = insertEntity(tx, prepared.entity, workspace.user.id, now, prepared.notes);
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
      details: { kind: detail.kind, label: detail.label, caseId: input.caseId ?? null },
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
      const prepared = prepareEntity(tx, input, workspace.clock.now(), id);
      updateEntityRows(tx, id, prepared.entity, prepared.notes, workspace.user.id, workspace.now());
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
