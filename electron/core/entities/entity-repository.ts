import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import {
  accountsTable,
  caseEntitiesTable,
  entitiesTable,
  locationsTable,
  organisationsTable,
  parcelsTable,
  personsTable,
  phonesTable,
  vehiclesTable,
} from '../db/schema';

type Details<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'entityId'>;

/** A new entity of any kind with the fields of its own table. */
export type EntityInsert =
  | ({ kind: 'person' } & Details<typeof personsTable>)
  | ({ kind: 'organisation' } & Details<typeof organisationsTable>)
  | ({ kind: 'location' } & Details<typeof locationsTable>)
  | ({ kind: 'phone' } & Details<typeof phonesTable>)
  | ({ kind: 'vehicle' } & Details<typeof vehiclesTable>)
  | ({ kind: 'account' } & Details<typeof accountsTable>)
  | ({ kind: 'parcel' } & Details<typeof parcelsTable>);

/** The display label of an entity: what a chart node and a search hit show. */
export function labelOf(entity: EntityInsert): string {
  switch (entity.kind) {
    case 'person':
    case 'organisation':
    case 'location':
      return entity.name;
    case 'phone':
      return entity.number;
    case 'vehicle':
      return entity.plate;
    case 'account':
      return entity.institution ? `${entity.institution} ${entity.accountNo}` : entity.accountNo;
    case 'parcel':
      return entity.carrier ? `${entity.carrier} ${entity.waybillNo}` : entity.waybillNo;
  }
}

/** Inserts the shared entity row and the row of its kind; returns the new entity ID. */
export function insertEntity(
  tx: Executor,
  entity: EntityInsert,
  actorId: string | null,
  now: string,
  notes?: string | null,
): string {
  const id = newId();
  tx.insert(entitiesTable)
    .values({
      id,
      kind: entity.kind,
      label: labelOf(entity),
      notes: notes ?? null,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
    })
    .run();
  const { kind, ...details } = entity;
  const row = { ...details, entityId: id };
  switch (kind) {
    case 'person':
      tx.insert(personsTable)
        .values(row as typeof personsTable.$inferInsert)
        .run();
      break;
    case 'organisation':
      tx.insert(organisationsTable)
        .values(row as typeof organisationsTable.$inferInsert)
        .run();
      break;
    case 'location':
      tx.insert(locationsTable)
        .values(row as typeof locationsTable.$inferInsert)
        .run();
      break;
    case 'phone':
      tx.insert(phonesTable)
        .values(row as typeof phonesTable.$inferInsert)
        .run();
      break;
    case 'vehicle':
      tx.insert(vehiclesTable)
        .values(row as typeof vehiclesTable.$inferInsert)
        .run();
      break;
    case 'account':
      tx.insert(accountsTable)
        .values(row as typeof accountsTable.$inferInsert)
        .run();
      break;
    case 'parcel':
      tx.insert(parcelsTable)
        .values(row as typeof parcelsTable.$inferInsert)
        .run();
      break;
  }
  return id;
}

export type CaseLinkInsert = Omit<
  typeof caseEntitiesTable.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'
>;

/** Adds an entity to a case (a person with role and legal status, or any other entity). */
export function linkEntityToCase(
  tx: Executor,
  link: CaseLinkInsert,
  actorId: string | null,
  now: string,
): string {
  const id = newId();
  tx.insert(caseEntitiesTable)
    .values({ ...link, id, createdAt: now, updatedAt: now, createdBy: actorId, updatedBy: actorId })
    .run();
  return id;
}
