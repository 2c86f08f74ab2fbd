import type { GraphEdge, GraphNode } from '../../../../electron/api/schemas/graph-schemas';

/** What a legal measure (detained, arrested, on bail…) adds to a name's importance. */
export const measureImportance = 20;

/**
 * What being a key entity adds: a gang's leader, the chain's source or maker, a person under a
 * legal measure or at large. Their names are drawn at the smallest legible size when the zoom
 * would make them smaller (level of detail: a fitted or zoomed-out chart had named no one),
 * and before every other name.
 */
export const keyImportance = 100;

/** Tiers at the head of the chain: the source and who makes the drug. */
const headTiers = new Set(['precursor', 'manufacture', 'source']);

/**
 * How much an entity's name matters when not every name fits (added to its kind's base in
 * the declutter): a gang's leader, the chain's source, a person under a legal measure, a
 * suspect, then the more connected. The principal of the demo case (张某龙: leads his gang,
 * arrested) had gone unnamed at the default view while 谢某 and 梁某 were named.
 */
export function labelImportance(nodes: GraphNode[], edges: GraphEdge[]): Map<string, number> {
  const degree = new Map<string, number>();
  const leaders = new Set<string>();
  for (const edge of edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
    if (edge.type === 'leads') leaders.add(edge.from);
  }
  return new Map(
    nodes.map((node) => [
      node.id,
      (leaders.has(node.id) ||
      (node.chainTier && headTiers.has(node.chainTier)) ||
      (node.legalStatus && node.legalStatus !== 'none')
        ? keyImportance
        : 0) +
        (leaders.has(node.id) ? 60 : 0) +
        (node.chainTier && headTiers.has(node.chainTier) ? 40 : 0) +
        (node.legalStatus && node.legalStatus !== 'none' ? measureImportance : 0) +
        (node.roleInCase === 'suspect' ? 10 : 0) +
        Math.min(degree.get(node.id) ?? 0, 20),
    ]),
  );
}
