import crypto from 'node:crypto';

/** Up to this many IDs are listed in the audit record; a larger chart is named by its hash. */
export const listedEntityLimit = 500;

/**
 * What a chart export's audit record says left the workspace: the entity IDs, sorted, and their
 * count and SHA-256 (of the sorted IDs joined by '\n'). The count and hash are always there, so a
 * later reader can check a candidate list; the list itself only up to `listedEntityLimit`, so a
 * 50,000-entity chart does not put megabytes into one record.
 */
export function exportedEntities(entityIds: readonly string[]): {
  entityCount: number;
  entityIdsSha256: string;
  entityIds?: string[];
} {
  const sorted = [...new Set(entityIds)].sort();
  const entityIdsSha256 = crypto.createHash('sha256').update(sorted.join('\n')).digest('hex');
  return sorted.length <= listedEntityLimit
    ? { entityCount: sorted.length, entityIdsSha256, entityIds: sorted }
    : { entityCount: sorted.length, entityIdsSha256 };
}
