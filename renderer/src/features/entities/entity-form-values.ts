import dayjs, { type Dayjs } from 'dayjs';
import type { EntityKind } from '../../../../electron/api/domain/entity-kinds';
import type { EntityDetail, EntityInput } from '../../../../electron/api/schemas/entity-schemas';

/** Fields the form shows as date pickers. */
const dateFields = ['birthDate', 'shippedOn'] as const;

/** Form values (dayjs dates, empty strings) → the create/update input of a kind. */
export function toEntityInput(kind: EntityKind, values: Record<string, unknown>): EntityInput {
  const input: Record<string, unknown> = { kind };
  for (const [key, value] of Object.entries(values)) {
    // A cleared owner picker removes the 机主 relation; other empty fields are left out.
    if (key === 'ownerEntityId') {
      input[key] = value || null;
      continue;
    }
    if (value === undefined || value === '') continue;
    input[key] =
      dateFields.includes(key as (typeof dateFields)[number]) && value
        ? (value as Dayjs).format('YYYY-MM-DD')
        : value;
  }
  return input as EntityInput;
}

/** A stored entity → the form's initial values. */
export function toFormValues(detail: EntityDetail): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail.details)) {
    if (value === null) continue;
    values[key] = dateFields.includes(key as (typeof dateFields)[number])
      ? dayjs(value as string)
      : value;
  }
  return values;
}
