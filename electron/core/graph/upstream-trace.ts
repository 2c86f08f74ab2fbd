import { sql } from 'drizzle-orm';
import type { UpstreamTrace } from '../../api/schemas/graph-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { chunks, edgesAmong, loadNodes } from './graph-data';

interface Supply {
  supplier: string;
  customer: string;
}

function suppliersOf(db: Executor, ids: string[]): Supply[] {
  const rows: Supply[] = [];
  for (const part of chunks(ids)) {
    rows.push(
      ...db.all<Supply>(sql`
        SELECT r.from_entity_id AS supplier, r.to_entity_id AS customer FROM relations r
        JOIN entities e ON e.id = r.from_entity_id AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
        WHERE r.to_entity_id IN (${sql.join(
          part.map((id) => sql`${id}`),
          sql`, `,
        )}) AND r.type = 'supplies' AND r.deleted_at IS NULL`),
    );
  }
  return rows;
}

/**
 * Follows supply relations upstream from a person (or from whom a seizure was taken) to the
 * furthest known suppliers: level by level, one indexed query per level.
 */
export function upstreamTrace(
  db: Executor,
  input: { entityId?: string; seizureId?: string; maxDepth: number },
): UpstreamTrace {
  let rootId = input.entityId;
  if (input.seizureId) {
    const seizure = db.get<{ from_entity_id: string | null }>(
      sql`SELECT from_entity_id FROM seizures WHERE id = ${input.seizureId} AND deleted_at IS NULL`,
    );
    if (!seizure) throw new AppError('seizures.notFound', 'No such seizure');
    if (!seizure.from_entity_id)
      throw new AppError('entities.notFound', 'The seizure names nobody it was taken from');
    rootId = seizure.from_entity_id;
  }
  const root = rootId!;
  if (!loadNodes(db, [root]).length) throw new AppError('entities.notFound', 'No such entity');
  const depthOf = new Map([[root, 0]]);
  const hasSupplier = new Set<string>();
  const levels: UpstreamTrace['levels'] = [];
  let frontier = [root];
  for (let depth = 1; depth <= input.maxDepth && frontier.length; depth += 1) {
    const next: string[] = [];
    for (const { supplier, customer } of suppliersOf(db, frontier)) {
      hasSupplier.add(customer);
      if (depthOf.has(supplier)) continue;
      depthOf.set(supplier, depth);
      next.push(supplier);
    }
    if (next.length) levels.push({ depth, nodeIds: next.sort() });
    frontier = next;
  }
  // The last layer was not asked about its own suppliers when the depth ran out.
  if (frontier.length)
    for (const { customer } of suppliersOf(db, frontier)) hasSupplier.add(customer);
  const ids = [...depthOf.keys()];
  return {
    rootId: root,
    levels,
    sourceIds: ids.filter((id) => id !== root && !hasSupplier.has(id)).sort(),
    graph: {
      nodes: loadNodes(db, ids),
      edges: edgesAmong(db, ids, ['supplies']),
      truncated: false,
    },
  };
}

/** The same walk as one recursive CTE: the reference the benchmark compares against. */
export function upstreamByRecursiveQuery(
  db: Executor,
  rootId: string,
  maxDepth: number,
): Map<string, number> {
  const rows = db.all<{ id: string; depth: number }>(sql`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${rootId}, 0
      UNION
      SELECT r.from_entity_id, up.depth + 1 FROM relations r JOIN up ON r.to_entity_id = up.id
      WHERE r.type = 'supplies' AND r.deleted_at IS NULL AND up.depth < ${maxDepth}
    )
    SELECT id, min(depth) AS depth FROM up GROUP BY id`);
  return new Map(rows.map((row) => [row.id, row.depth]));
}
