import { sql, type SQL } from 'drizzle-orm';
import type { RelationType } from '../../api/domain/relation-types';
import type { GraphData, GraphEdge, GraphNode } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';

/** SQLite allows 32k parameters; lists are sent in chunks well below that. */
const chunkSize = 500;

export function chunks<T>(items: T[], size = chunkSize): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

const list = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * A relation `r` that counts something, or that someone entered: one an import made whose
 * every record counts nothing (a transfer and the 冲正 that undid it, rows another relation
 * counts as one payment) stays listed on its entities with its rows, but is no line on the
 * chart, where it stood as 0 笔 beside the money that moved; once its records count again
 * (the 冲正's import deleted) it is drawn again.
 */
const countsSomething = sql`NOT (r.event_count = 0 AND coalesce(r.message_count, 0) = 0
  AND EXISTS (SELECT 1 FROM import_relations x WHERE x.relation_id = r.id AND x.created = 1))`;

function typeFilter(types: readonly RelationType[] | undefined, column: SQL = sql`r.type`): SQL {
  return types?.length
    ? sql`AND ${column} IN (${sql.join(
        types.map((type) => sql`${type}`),
        sql`, `,
      )})`
    : sql``;
}

interface NodeRow {
  id: string;
  kind: GraphNode['kind'];
  label: string;
  identifier: string | null;
  legal_status: GraphNode['legalStatus'];
  role_in_case: GraphNode['roleInCase'];
  chain_tier: GraphNode['chainTier'];
  subtype: string | null;
  in_case: number;
}

/** Live entities by ID, with their legal status, role and tier in `caseId` when given. */
export function loadNodes(db: Executor, ids: string[], caseId?: string): GraphNode[] {
  const nodes: GraphNode[] = [];
  for (const part of chunks([...new Set(ids)])) {
    const rows = db.all<NodeRow>(sql`
      SELECT e.id, e.kind, e.label,
        CASE e.kind
          WHEN 'person' THEN (SELECT id_number FROM persons WHERE entity_id = e.id)
          WHEN 'phone' THEN (SELECT number FROM phones WHERE entity_id = e.id)
          WHEN 'vehicle' THEN (SELECT plate FROM vehicles WHERE entity_id = e.id)
          WHEN 'account' THEN (SELECT account_no FROM accounts WHERE entity_id = e.id)
          WHEN 'parcel' THEN (SELECT waybill_no FROM parcels WHERE entity_id = e.id)
        END AS identifier,
        ce.legal_status, ce.role_in_case, ce.chain_tier,
        CASE e.kind
          WHEN 'organisation' THEN (SELECT org_type FROM organisations WHERE entity_id = e.id)
          WHEN 'location' THEN (SELECT location_type FROM locations WHERE entity_id = e.id)
          WHEN 'account' THEN (SELECT account_type FROM accounts WHERE entity_id = e.id)
        END AS subtype,
        ce.id IS NOT NULL AS in_case
      FROM entities e
      LEFT JOIN case_entities ce ON ce.entity_id = e.id AND ce.case_id = ${caseId ?? ''}
      WHERE e.id IN (${list(part)}) AND e.deleted_at IS NULL AND e.merged_into_id IS NULL`);
    for (const row of rows) {
      nodes.push({
        id: row.id,
        kind: row.kind,
        label: row.label,
        identifier: row.identifier,
        legalStatus: row.kind === 'person' ? row.legal_status : null,
        roleInCase: row.role_in_case,
        chainTier: row.chain_tier,
        subtype: row.subtype,
        inCase: row.in_case === 1,
      });
    }
  }
  return nodes.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id),
  );
}

interface EdgeRow {
  id: string;
  from_entity_id: string;
  to_entity_id: string;
  type: RelationType;
  directed: number;
  started_on: string | null;
  ended_on: string | null;
  amount_fen: number | null;
  event_count: number | null;
  message_count: number | null;
  duration_seconds: number | null;
  reliability: GraphEdge['reliability'];
  credibility: number | null;
  source: string | null;
  case_id: string | null;
  case_no: string | null;
}

function toEdge(row: EdgeRow): GraphEdge {
  return {
    id: row.id,
    from: row.from_entity_id,
    to: row.to_entity_id,
    type: row.type,
    directed: row.directed === 1,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    amountFen: row.amount_fen,
    eventCount: row.event_count,
    messageCount: row.message_count,
    durationSeconds: row.duration_seconds,
    reliability: row.reliability,
    credibility: row.credibility,
    source: row.source,
    caseId: row.case_id,
    caseNo: row.case_no,
  };
}

/** Of `ids`, the entities that exist: not deleted, not merged into another. */
export function liveEntityIds(db: Executor, ids: string[]): string[] {
  return db
    .all<{ id: string }>(
      sql`SELECT id FROM entities WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
        AND deleted_at IS NULL AND merged_into_id IS NULL`,
    )
    .map((row) => row.id);
}

/**
 * Every live relation with both ends in `ids`. Both ends are tested in SQL against one JSON
 * list, so only matching relations are read from the table: the traversal index answers the
 * rest (a 2-hop chart reads ~300 rows instead of ~5,000).
 */
export function edgesAmong(
  db: Executor,
  ids: Iterable<string>,
  types?: readonly RelationType[],
): GraphEdge[] {
  const members = JSON.stringify([...new Set(ids)]);
  const rows = db.all<EdgeRow>(sql`
    SELECT r.id, r.from_entity_id, r.to_entity_id, r.type, r.directed, r.started_on, r.ended_on, r.amount_fen,
      r.event_count, r.message_count, r.duration_seconds, r.reliability, r.credibility, r.source, r.case_id, c.case_no
    FROM relations r LEFT JOIN cases c ON c.id = r.case_id
    WHERE r.from_entity_id IN (SELECT value FROM json_each(${members}))
      AND r.to_entity_id IN (SELECT value FROM json_each(${members}))
      AND r.deleted_at IS NULL AND ${countsSomething} ${typeFilter(types)}`);
  return rows.map(toEdge).sort((a, b) => a.id.localeCompare(b.id));
}

export function relationsById(db: Executor, ids: string[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const part of chunks(ids)) {
    edges.push(
      ...db
        .all<EdgeRow>(
          sql`SELECT r.id, r.from_entity_id, r.to_entity_id, r.type, r.directed, r.started_on, r.ended_on, r.amount_fen,
          r.event_count, r.message_count, r.duration_seconds, r.reliability, r.credibility, r.source, r.case_id, c.case_no
          FROM relations r LEFT JOIN cases c ON c.id = r.case_id WHERE r.id IN (${list(part)})
            AND ${countsSomething}`,
        )
        .map(toEdge),
    );
  }
  return edges;
}

/** One step out from `ids`, both directions: (neighbour, via relation, from) for live ends only. */
export function neighbourSteps(
  db: Executor,
  ids: string[],
  types?: readonly RelationType[],
): { from: string; to: string; edgeId: string }[] {
  const steps: { from: string; to: string; edgeId: string }[] = [];
  for (const part of chunks(ids)) {
    steps.push(
      ...db.all<{ from: string; to: string; edgeId: string }>(sql`
        SELECT r.from_entity_id AS "from", r.to_entity_id AS "to", r.id AS "edgeId" FROM relations r
        JOIN entities e ON e.id = r.to_entity_id AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
        WHERE r.from_entity_id IN (${list(part)}) AND r.deleted_at IS NULL AND ${countsSomething}
          ${typeFilter(types)}
        UNION ALL
        SELECT r.to_entity_id, r.from_entity_id, r.id FROM relations r
        JOIN entities e ON e.id = r.from_entity_id AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
        WHERE r.to_entity_id IN (${list(part)}) AND r.deleted_at IS NULL AND ${countsSomething}
          ${typeFilter(types)}`),
    );
  }
  return steps;
}

/** A case's chart: its members and every entity its relations reach, with all relations among them. */
export function caseGraph(db: Executor, caseId: string): GraphData {
  const ids = db
    .all<{ id: string }>(
      sql`
      SELECT entity_id AS id FROM case_entities WHERE case_id = ${caseId}
      UNION SELECT r.from_entity_id FROM relations r WHERE r.case_id = ${caseId}
        AND r.deleted_at IS NULL AND ${countsSomething}
      UNION SELECT r.to_entity_id FROM relations r WHERE r.case_id = ${caseId}
        AND r.deleted_at IS NULL AND ${countsSomething}`,
    )
    .map((row) => row.id);
  return subgraph(db, ids, caseId);
}

/** Exactly these entities with every relation among them. */
export function subgraph(db: Executor, entityIds: string[], caseId?: string): GraphData {
  const nodes = loadNodes(db, entityIds, caseId);
  return {
    nodes,
    edges: edgesAmong(
      db,
      nodes.map((node) => node.id),
    ),
    truncated: false,
  };
}

/** Entities within `hops` of the seeds (breadth first, up to `limit`), with the relations among them. */
export function neighbourhood(
  db: Executor,
  seeds: string[],
  hops: number,
  options: { types?: readonly RelationType[]; limit: number; caseId?: string },
): GraphData {
  const seen = new Set(seeds);
  let frontier = [...seen];
  let truncated = false;
  for (let depth = 0; depth < hops && frontier.length && !truncated; depth += 1) {
    const next: string[] = [];
    for (const step of neighbourSteps(db, frontier, options.types)) {
      if (seen.has(step.to)) continue;
      if (seen.size >= options.limit) {
        truncated = true;
        break;
      }
      seen.add(step.to);
      next.push(step.to);
    }
    frontier = next;
  }
  const nodes = loadNodes(db, [...seen], options.caseId);
  return {
    nodes,
    edges: edgesAmong(
      db,
      nodes.map((node) => node.id),
      options.types,
    ),
    truncated,
  };
}
