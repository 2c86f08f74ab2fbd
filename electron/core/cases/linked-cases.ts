import { sql } from 'drizzle-orm';
import type { LinkedCase, LinkedCasesReport } from '../../api/schemas/case-schemas';
import type { Executor } from '../db/database-types';

interface SharedRow {
  case_a: string;
  case_b: string;
  entity_id: string;
  kind: LinkedCase['shared'][number]['kind'];
  label: string;
  via: 'member' | 'identifier';
}

/**
 * Pairs of cases sharing something (串并案): the same entity recorded in both, or an
 * identifier (phone, vehicle, account, parcel, place) used or owned by someone in each.
 * `caseId` limits it to pairs with that case.
 */
function sharedRows(db: Executor, caseId: string | null): SharedRow[] {
  const only = caseId ? sql`AND a.case_id = ${caseId}` : sql``;
  return db.all<SharedRow>(sql`
    SELECT a.case_id AS case_a, b.case_id AS case_b, e.id AS entity_id, e.kind, e.label, 'member' AS via
    FROM case_entities a
    JOIN case_entities b ON b.entity_id = a.entity_id AND b.case_id != a.case_id
    JOIN entities e ON e.id = a.entity_id AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
    WHERE 1 ${only}
    UNION
    SELECT a.case_id, b.case_id, x.id, x.kind, x.label, 'identifier'
    FROM case_entities a
    JOIN relations ra ON ra.from_entity_id = a.entity_id AND ra.type IN ('uses', 'owns') AND ra.deleted_at IS NULL
    JOIN entities x ON x.id = ra.to_entity_id AND x.kind IN ('phone', 'vehicle', 'account', 'parcel', 'location')
      AND x.deleted_at IS NULL AND x.merged_into_id IS NULL
    JOIN relations rb ON rb.to_entity_id = x.id AND rb.type IN ('uses', 'owns') AND rb.deleted_at IS NULL
    JOIN case_entities b ON b.entity_id = rb.from_entity_id AND b.case_id != a.case_id
    WHERE 1 ${only}
  `);
}

interface CaseHead {
  id: string;
  case_no: string;
  title: string;
  status: LinkedCase['status'];
}

function caseHeads(db: Executor, ids: string[]): Map<string, CaseHead> {
  if (!ids.length) return new Map();
  const rows = db.all<CaseHead>(
    sql`SELECT id, case_no, title, status FROM cases WHERE deleted_at IS NULL AND id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Shared things, once each: an entity that is both a member and an identifier counts as a member. */
function dedupe(rows: SharedRow[]): LinkedCase['shared'] {
  const byEntity = new Map<string, LinkedCase['shared'][number]>();
  for (const row of rows) {
    const existing = byEntity.get(row.entity_id);
    if (!existing || (existing.via === 'identifier' && row.via === 'member')) {
      byEntity.set(row.entity_id, {
        entityId: row.entity_id,
        kind: row.kind,
        label: row.label,
        via: row.via,
      });
    }
  }
  return [...byEntity.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label),
  );
}

/** Other cases sharing any entity or identifier with this one, most shared first. */
export function linkedCases(db: Executor, caseId: string): LinkedCase[] {
  const rows = sharedRows(db, caseId);
  const heads = caseHeads(db, [...new Set(rows.map((row) => row.case_b))]);
  const byCase = new Map<string, SharedRow[]>();
  for (const row of rows) byCase.set(row.case_b, [...(byCase.get(row.case_b) ?? []), row]);
  return [...byCase.entries()]
    .filter(([id]) => heads.has(id))
    .map(([id, shared]) => {
      const head = heads.get(id)!;
      return {
        caseId: id,
        caseNo: head.case_no,
        title: head.title,
        status: head.status,
        shared: dedupe(shared),
      };
    })
    .sort((a, b) => b.shared.length - a.shared.length || a.caseNo.localeCompare(b.caseNo));
}

/** Every pair of linked cases in the workspace, most shared first. */
export function linkedCasesReport(db: Executor): LinkedCasesReport {
  const rows = sharedRows(db, null).filter((row) => row.case_a < row.case_b);
  const heads = caseHeads(db, [...new Set(rows.flatMap((row) => [row.case_a, row.case_b]))]);
  const byPair = new Map<string, SharedRow[]>();
  for (const row of rows) {
    const key = `${row.case_a}|${row.case_b}`;
    byPair.set(key, [...(byPair.get(key) ?? []), row]);
  }
  const head = (id: string) => ({
    caseId: id,
    caseNo: heads.get(id)!.case_no,
    title: heads.get(id)!.title,
  });
  return [...byPair.values()]
    .filter((pair) => heads.has(pair[0]!.case_a) && heads.has(pair[0]!.case_b))
    .map((pair) => ({ a: head(pair[0]!.case_a), b: head(pair[0]!.case_b), shared: dedupe(pair) }))
    .sort((x, y) => y.shared.length - x.shared.length || x.a.caseNo.localeCompare(y.a.caseNo));
}
