import { eq } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import {
  accountsTable,
  entitiesTable,
  locationsTable,
  organisationsTable,
  parcelsTable,
  personsTable,
  phonesTable,
  vehiclesTable,
} from '../db/schema';
import { indexEntity } from '../search/search-indexer';

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

/** The table holding the fields of each kind. */
export const kindTables = {
  person: personsTable,
  organisation: organisationsTable,
  location: locationsTable,
  phone: phonesTable,
  vehicle: vehiclesTable,
  account: accountsTable,
  parcel: parcelsTable,
} as const;

/** The display label of an entity: what a chart node and a search hit show. */
function labelOf(entity: EntityInsert): string {
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
  tx.insert(kindTables[kind])
    .values({ ...details, entityId: id } as never)
    .run();
  indexEntity(tx, id);
  return id;
}

/** Replaces the fields of an entity (same kind), its label and notes; re-indexes it. */
export function updateEntityRows(
  tx: Executor,
  id: string,
  entity: EntityInsert,
  notes: string | null,
  actorId: string,
  now: string,
): void {
  tx.update(entitiesTable)
    .set({ label: labelOf(entity), notes, updatedAt: now, updatedBy: actorId })
    .where(eq(entitiesTable.id, id))
    .run();
  const { kind, ...details } = entity;
  const table = kindTables[kind];
  tx.update(table)
    .set(details as never)
    .where(eq(table.entityId, id))
    .run();
  indexEntity(tx, id);
}
