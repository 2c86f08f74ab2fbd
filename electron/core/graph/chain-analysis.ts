import { sql } from 'drizzle-orm';
import { assignTiers, headTiers } from '../../api/domain/chain-tiers';
import type { ChainAnalysis, ChainGap, GraphData } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import { caseGraph, chunks } from './graph-data';

interface UpstreamFacts {
  id: string;
  supplied_by: number;
  transports_for: number;
  supplies_to: number;
}

/** For each person, whether anyone in the whole workspace is known upstream of them. */
function upstreamFacts(db: Executor, ids: string[]): Map<string, UpstreamFacts> {
  const facts = new Map<string, UpstreamFacts>();
  for (const part of chunks(ids)) {
    const idList = sql.join(
      part.map((id) => sql`${id}`),
      sql`, `,
    );
    for (const row of db.all<UpstreamFacts>(sql`
      SELECT e.id,
        (SELECT count(*) FROM relations r JOIN entities s ON s.id = r.from_entity_id AND s.deleted_at IS NULL AND s.merged_into_id IS NULL
          WHERE r.to_entity_id = e.id AND r.type = 'supplies' AND r.deleted_at IS NULL) AS supplied_by,
        (SELECT count(*) FROM relations r WHERE r.from_entity_id = e.id AND r.type = 'transports_for' AND r.deleted_at IS NULL) AS transports_for,
        (SELECT count(*) FROM relations r WHERE r.from_entity_id = e.id AND r.type = 'supplies' AND r.deleted_at IS NULL) AS supplies_to
      FROM entities e WHERE e.id IN (${idList})`)) {
      facts.set(row.id, row);
    }
  }
  return facts;
}

/** Members of the case marked 毒源已查明 or 境外上线已掌握. */
function recordedSources(db: Executor, caseId: string): Map<string, string> {
  return new Map(
    db
      .all<{ entityId: string; status: string }>(
        sql`SELECT entity_id AS entityId, source_status AS status FROM case_entities
          WHERE case_id = ${caseId} AND source_status IS NOT NULL`,
      )
      .map((row) => [row.entityId, row.status]),
  );
}

/**
 * The case's supply chain: every member's tier and layer, the sources, and the gaps:
 * - 上线未明: persons who move drugs downstream (transport, distribution, retail) with nobody
 *   known upstream of them anywhere in the workspace;
 * - 源头未查明: the top of a chain (nobody upstream) that is not a recorded source (a factory or
 *   a cook, a 毒源 marked identified, a person whose supplier abroad is known), and any top
 *   who is 在逃 or 上网追逃, whatever is recorded about them.
 * 打击毒品犯罪必查毒品来源: each gap is a lead still open.
 */
export function chainAnalysis(
  db: Executor,
  caseId: string,
  chart: GraphData = caseGraph(db, caseId),
): ChainAnalysis {
  const members = assignTiers(chart);
  const persons = chart.nodes.filter((node) => node.kind === 'person' && node.inCase);
  const facts = upstreamFacts(
    db,
    persons.map((person) => person.id),
  );
  const tierOf = new Map(members.map((member) => [member.entityId, member.tier]));
  const marked = recordedSources(db, caseId);
  const sourceGaps: ChainGap[] = persons
    .filter((person) => {
      const tier = tierOf.get(person.id);
      const fact = facts.get(person.id)!;
      if (!tier || !headTiers.has(tier) || fact.supplied_by > 0 || fact.transports_for > 0)
        return false;
      const atLarge = person.legalStatus === 'at_large' || person.legalStatus === 'wanted_online';
      const producer = tier === 'manufacture' || tier === 'precursor';
      return atLarge || !(producer || marked.has(person.id));
    })
    .map((person) => ({
      entityId: person.id,
      label: person.label,
      tier: tierOf.get(person.id) ?? null,
      suppliesTo: facts.get(person.id)!.supplies_to,
      legalStatus: person.legalStatus,
      kind: 'sourceUnknown',
    }));
  const gaps: ChainGap[] = persons
    .filter((person) => {
      const tier = tierOf.get(person.id);
      const fact = facts.get(person.id)!;
      const movesDrugs =
        tier === 'transport' ||
        tier === 'distribution' ||
        tier === 'retail' ||
        (fact.supplies_to > 0 && !tier);
      if (!movesDrugs || (tier && headTiers.has(tier))) return false;
      return fact.supplied_by === 0 && fact.transports_for === 0;
    })
    .map((person) => ({
      entityId: person.id,
      label: person.label,
      tier: tierOf.get(person.id) ?? null,
      suppliesTo: facts.get(person.id)!.supplies_to,
      legalStatus: person.legalStatus,
      kind: 'upstreamUnknown' as ChainGap['kind'],
    }))
    .concat(sourceGaps)
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        b.suppliesTo - a.suppliesTo ||
        a.label.localeCompare(b.label),
    );
  const sourceIds = members
    .filter((member) => member.tier && headTiers.has(member.tier))
    .map((member) => member.entityId)
    .sort();
  return { members, gaps, sourceIds };
}
