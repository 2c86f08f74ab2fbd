import { sql } from 'drizzle-orm';
import { chainTiers, type ChainTier } from '../../api/domain/person-vocabulary';
import type { ChainAnalysis, GraphData, GraphNode } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import { caseGraph, chunks } from './graph-data';

/** Tiers that are the top of a chain: nobody is expected upstream of them. */
const headTiers = new Set<ChainTier>(['precursor', 'manufacture', 'source']);
/** Layer of each tier in the supply-chain layout, upstream first; finance and cover at the side. */
const tierLevel: Record<ChainTier, number> = {
  precursor: 0,
  manufacture: 1,
  source: 2,
  transport: 3,
  distribution: 4,
  retail: 5,
  consumption: 6,
  finance: 7,
};
const otherLevel = 8;

/**
 * The tier of a person or organisation when the case does not record one: from its role and
 * its supply relations in the case (没有上线而有下线 → source; 上下线都有 → distribution;
 * only 上线 → retail, or consumption for a drug user; transports for someone → transport).
 */
export function deriveTier(
  node: GraphNode,
  supplied: boolean,
  supplies: boolean,
  transports: boolean,
): ChainTier | null {
  if (node.kind !== 'person' && node.kind !== 'organisation') return null;
  if (transports) return 'transport';
  if (node.roleInCase === 'drug_user') return 'consumption';
  if (supplies && !supplied) return 'source';
  if (supplies && supplied) return 'distribution';
  if (supplied) return 'retail';
  return null;
}

/** Tier and layout level of every node of a chart, recorded tiers first. */
export function assignTiers(chart: GraphData): ChainAnalysis['members'] {
  const supplied = new Set(
    chart.edges.filter((edge) => edge.type === 'supplies').map((edge) => edge.to),
  );
  const supplies = new Set(
    chart.edges.filter((edge) => edge.type === 'supplies').map((edge) => edge.from),
  );
  const transports = new Set(
    chart.edges.filter((edge) => edge.type === 'transports_for').map((edge) => edge.from),
  );
  const members = chart.nodes.map((node) => {
    const derived = deriveTier(
      node,
      supplied.has(node.id),
      supplies.has(node.id),
      transports.has(node.id),
    );
    const tier = node.chainTier ?? derived;
    return {
      entityId: node.id,
      label: node.label,
      kind: node.kind,
      tier,
      tierSource: node.chainTier ? ('case' as const) : derived ? ('derived' as const) : null,
      level: tier ? tierLevel[tier] : otherLevel,
    };
  });
  // Phones, accounts, cars and places sit on the layer of the first tiered entity linked to them.
  const byId = new Map(members.map((member) => [member.entityId, member]));
  for (const member of members) {
    if (member.tier) continue;
    const neighbour = chart.edges
      .filter((edge) => edge.from === member.entityId || edge.to === member.entityId)
      .map((edge) => byId.get(edge.from === member.entityId ? edge.to : edge.from))
      .find((candidate) => candidate?.tier);
    if (neighbour) member.level = neighbour.level;
  }
  return members;
}

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

/**
 * The case's supply chain: every member's tier and layer, the sources, and the gaps: persons
 * who move drugs downstream (transport, distribution, retail) with nobody known upstream of
 * them anywhere in the workspace. 打击毒品犯罪必查毒品来源: each gap is a lead still open.
 */
export function chainAnalysis(db: Executor, caseId: string): ChainAnalysis {
  const chart = caseGraph(db, caseId);
  const members = assignTiers(chart);
  const persons = chart.nodes.filter((node) => node.kind === 'person' && node.inCase);
  const facts = upstreamFacts(
    db,
    persons.map((person) => person.id),
  );
  const tierOf = new Map(members.map((member) => [member.entityId, member.tier]));
  const gaps = persons
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
    }))
    .sort((a, b) => b.suppliesTo - a.suppliesTo || a.label.localeCompare(b.label));
  const sourceIds = members
    .filter((member) => member.tier && headTiers.has(member.tier))
    .map((member) => member.entityId)
    .sort();
  return { members, gaps, sourceIds };
}

export { chainTiers };
