import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { EntityKind } from '../../api/domain/entity-kinds';
import { AppError } from '../app-error';
import { assertLiveEntity } from '../membership/case-guards';
import type { Executor } from '../db/database-types';
import { entitiesTable, relationsTable } from '../db/schema';
import { insertRelation } from '../relations/relation-repository';

/** Kinds with a registered owner (机主 of a phone or vehicle, 户名 of an account). */
export const ownedKinds = ['phone', 'vehicle', 'account'] as const satisfies readonly EntityKind[];
const ownerKinds: readonly EntityKind[] = ['person', 'organisation'];

/** The text field that names the owner of a kind, kept as the label for owners not recorded. */
export const ownerNameField = { phone: 'registeredName', account: 'holderName' } as const;

interface OwnerLink {
  id: string;
  kind: EntityKind;
  label: string;
}

function liveOwnerRelations(tx: Executor, entityId: string) {
  return tx
    .select({ id: relationsTable.id, fromEntityId: relationsTable.fromEntityId })
    .from(relationsTable)
    .innerJoin(entitiesTable, eq(entitiesTable.id, relationsTable.fromEntityId))
    .where(
      and(
        eq(relationsTable.toEntityId, entityId),
        eq(relationsTable.type, 'owns'),
        isNull(relationsTable.deletedAt),
        isNull(entitiesTable.deletedAt),
        inArray(entitiesTable.kind, ['person', 'organisation']),
      ),
    )
    .orderBy(asc(relationsTable.createdAt), asc(relationsTable.id))
    .all();
}

/** The recorded registered owner (the 机主 relation owner → thing), or null. */
export function findOwner(tx: Executor, entityId: string): OwnerLink | null {
  const first = liveOwnerRelations(tx, entityId)[0];
  if (!first) return null;
  const owner = tx
    .select({ id: entitiesTable.id, kind: entitiesTable.kind, label: entitiesTable.label })
    .from(entitiesTable)
    .where(eq(entitiesTable.id, first.fromEntityId))
    .get();
  return owner ?? null;
}

/** The owner picked on a form, checked: a live person or organisation. */
export function assertOwner(tx: Executor, ownerId: string): OwnerLink {
  const owner = assertLiveEntity(tx, ownerId);
  if (!ownerKinds.includes(owner.kind))
    throw new AppError('entities.ownerNotPerson', 'An owner is a person or an organisation', {
      kind: owner.kind,
    });
  return { id: owner.id, kind: owner.kind, label: owner.label };
}

/**
 * Makes the 机主 relation say what the form says: `undefined` leaves it as it is, `null` removes
 * it, an owner keeps (or re-points) one relation owner → thing and removes any other, since a
 * phone, car or account has one registered owner. Returns the owner before, for the audit.
 */
export function setOwner(
  tx: Executor,
  entityId: string,
  ownerId: string | null | undefined,
  context: { caseId: string | null; actorId: string | null; now: string },
): { before: string | null; after: string | null } {
  const existing = liveOwnerRelations(tx, entityId);
  const before = existing[0]?.fromEntityId ?? null;
  if (ownerId === undefined) return { before, after: before };
  const retire = (ids: string[]) => {
    if (ids.length)
      tx.update(relationsTable)
        .set({ deletedAt: context.now, updatedAt: context.now, updatedBy: context.actorId })
        .where(inArray(relationsTable.id, ids))
        .run();
  };
  if (ownerId === null) {
    retire(existing.map((relation) => relation.id));
    return { before, after: null };
  }
  const kept = existing.find((relation) => relation.fromEntityId === ownerId) ?? existing[0];
  if (kept && kept.fromEntityId !== ownerId)
    tx.update(relationsTable)
      .set({ fromEntityId: ownerId, updatedAt: context.now, updatedBy: context.actorId })
      .where(eq(relationsTable.id, kept.id))
      .run();
  if (!kept)
    insertRelation(
      tx,
      {
        fromEntityId: ownerId,
        toEntityId: entityId,
        type: 'owns',
        directed: true,
        caseId: context.caseId,
        source: null,
        notes: null,
      },
      context.actorId,
      context.now,
    );
  retire(existing.filter((relation) => relation !== kept).map((relation) => relation.id));
  return { before, after: ownerId };
}
