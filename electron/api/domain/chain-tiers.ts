import type { ChainTier } from './person-vocabulary';
import type { ChainAnalysis, GraphData, GraphNode } from '../schemas/graph-schemas';

/** Tiers that are the top of a chain: nobody is expected upstream of them. */
export const headTiers = new Set<ChainTier>(['precursor', 'manufacture', 'source']);
/** Layer of each tier in the supply-chain layout, upstream first; finance and cover at the side. */
export const tierLevel: Record<ChainTier, number> = {
  precursor: 0,
  manufacture: 1,
  source: 2,
  transport: 3,
  distribution: 4,
  retail: 5,
  consumption: 6,
  finance: 7,
};
export const otherLevel = 8;

/**
 * The tier of a person or organisation when the case does not record one: from its role and
 * its supply relations in the case (没有上线而有下线 → source; 上下线都有 → distribution;
 * only 上线 → retail, or consumption for a drug user; transports for someone → transport).
 */
function deriveTier(
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
  const neighbours = neighbourLists(chart.edges);
  for (const member of members) {
    if (member.tier) continue;
    const neighbour = (neighbours.get(member.entityId) ?? [])
      .map((id) => byId.get(id))
      .find((candidate) => candidate?.tier);
    if (neighbour) member.level = neighbour.level;
  }
  return members;
}

/** Each entity's neighbours in relation order, both directions: one pass over the relations. */
export function neighbourLists(
  edges: readonly { from: string; to: string }[],
): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = lists.get(from);
    if (list) list.push(to);
    else lists.set(from, [to]);
  };
  for (const edge of edges) {
    add(edge.from, edge.to);
    add(edge.to, edge.from);
  }
  return lists;
}
