import { uuidv7 } from 'uuidv7';

/** Sortable, mergeable IDs (UUIDv7) for every row created on any workstation. */
export function newId(): string {
  return uuidv7();
}
