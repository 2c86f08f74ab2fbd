import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/** Up to this many IDs are listed in the audit record; a larger chart is named by its hash. */
export const listedEntityLimit = 500;

/**
 * What a chart export's audit record says left the workspace: the entity IDs, sorted, and their
 * count and SHA-256 (of the sorted IDs joined by '\n'). The count and hash are always there, so a
 * later reader can check a candidate list; the list itself only up to `listedEntityLimit`, so a
 * 50,000-entity chart does not put megabytes into one record.
 */
export function exportedEntities(
  db: Executor,
  entityIds: readonly string[],
): {
  entityCount: number;
  entityIdsSha256: string;
  entityIds?: string[];
  caseIds: string[];
} {
  const sorted = [...new Set(entityIds)].sort();
  const entityIdsSha256 = crypto.createHash('sha256').update(sorted.join('\n')).digest('hex');
  // The cases the entities are in: a case's history shows the exports of its people whatever
  // case the export was filed under (case B's suspect exported under case A had left B's silent).
  const caseIds = db
    .all<{ case_id: string }>(
      sql`SELECT DISTINCT case_id FROM case_entities
        WHERE entity_id IN (SELECT value FROM json_each(${JSON.stringify(sorted)}))
        ORDER BY case_id`,
    )
    .map((row) => row.case_id);
  return sorted.length <= listedEntityLimit
    ? { entityCount: sorted.length, entityIdsSha256, entityIds: sorted, caseIds }
    : { entityCount: sorted.length, entityIdsSha256, caseIds };
}
