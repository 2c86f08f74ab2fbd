import { normaliseQuantity, type QuantityUnit } from '../../api/domain/quantity';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { seizuresTable } from '../db/schema';

export type SeizureInsert = Omit<
  typeof seizuresTable.$inferInsert,
  | 'id'
  | 'quantityNormalised'
  | 'normalisedUnit'
  | 'createdAt'
  | 'updatedAt'
  | 'createdBy'
  | 'updatedBy'
> & { quantityUnit: QuantityUnit };

/** Inserts a seizure with its exact normalised quantity. The caller has validated the value. */
export function insertSeizure(
  tx: Executor,
  seizure: SeizureInsert,
  actorId: string | null,
  now: string,
): string {
  const quantity = normaliseQuantity(seizure.quantityValue, seizure.quantityUnit);
  if (!quantity.ok) throw new Error(`Invalid quantity (${quantity.problem})`);
  const id = newId();
  tx.insert(seizuresTable)
    .values({
      ...seizure,
      id,
      quantityNormalised: quantity.value,
      normalisedUnit: quantity.unit,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
    })
    .run();
  return id;
}
