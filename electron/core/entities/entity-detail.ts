import { and, eq } from 'drizzle-orm';
import type { EntityDetail } from '../../api/schemas/entity-schemas';
import type { Executor } from '../db/database-types';
import { caseEntitiesTable, casesTable, entitiesTable } from '../db/schema';
import { listRelations } from '../relations/relation-queries';
import { kindTables } from './entity-repository';
import { identifier } from './entity-queries';
import { findOwner, ownedKinds } from './entity-owner';
import { sameAccountsOfAccount } from '../records/nickname-ties';

/** An entity with the fields of its kind, every case it is in, and its relations. */
export function getEntityDetail(db: Executor, id: string): EntityDetail | undefined {
  const entity = db
    .select({
      id: entitiesTable.id,
      kind: entitiesTable.kind,
      label: entitiesTable.label,
      identifier,
      notes: entitiesTable.notes,
      mergedIntoId: entitiesTable.mergedIntoId,
      deletedAt: entitiesTable.deletedAt,
      createdAt: entitiesTable.createdAt,
      updatedAt: entitiesTable.updatedAt,
    })
    .from(entitiesTable)
    .where(eq(entitiesTable.id, id))
    .get();
  if (!entity) return undefined;
  const table = kindTables[entity.kind];
  const { entityId: _entityId, ...details } = db
    .select()
    .from(table)
    .where(eq(table.entityId, id))
    .get() ?? { entityId: id };
  const cases = db
    .select({
      caseEntityId: caseEntitiesTable.id,
      caseId: casesTable.id,
      caseNo: casesTable.caseNo,
      title: casesTable.title,
      status: casesTable.status,
      roleInCase: caseEntitiesTable.roleInCase,
      legalStatus: caseEntitiesTable.legalStatus,
      legalStatusOn: caseEntitiesTable.legalStatusOn,
      chainTier: caseEntitiesTable.chainTier,
    })
    .from(caseEntitiesTable)
    .innerJoin(casesTable, eq(casesTable.id, caseEntitiesTable.caseId))
    .where(and(eq(caseEntitiesTable.entityId, id)))
    .orderBy(casesTable.openedOn)
    .all();
  const { deletedAt, ...rest } = entity;
  const owned = (ownedKinds as readonly string[]).includes(entity.kind);
  const owner = owned ? findOwner(db, id) : null;
  return {
    ...rest,
    details: {
      ...details,
      ...(owned ? { ownerEntityId: owner?.id ?? null } : {}),
      notes: entity.notes,
    },
    owner,
    deleted: deletedAt !== null,
    cases,
    relations: listRelations(db, { entityId: id }),
    sameAccounts:
      entity.kind === 'account' && !deletedAt && !entity.mergedIntoId
        ? sameAccountsOfAccount(db, id)
        : { ties: [], unsettled: [] },
  };
}
