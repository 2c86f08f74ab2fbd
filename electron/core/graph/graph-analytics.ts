import louvain from 'graphology-communities-louvain';
import type { GraphData, KeyPlayer } from '../../api/schemas/graph-schemas';
import { betweenness as betweennessOf } from './betweenness';
import { seededRandom, toUndirectedGraph } from './graph-model';

/**
 * Suggested gangs: Louvain communities of the chart (undirected, parallel relations once),
 * with a fixed seed so the same chart always gives the same grouping. Largest first.
 */
export function detectCommunities(data: GraphData): {
  communities: { id: number; nodeIds: string[] }[];
  modularity: number;
} {
  const graph = toUndirectedGraph(data.nodes, data.edges);
  if (graph.size === 0)
    return {
      communities: data.nodes.map((node, id) => ({ id, nodeIds: [node.id] })),
      modularity: 0,
    };
  const result = louvain.detailed(graph, { rng: seededRandom(20_261_123) });
  const groups = new Map<number, string[]>();
  for (const [node, community] of Object.entries(result.communities))
    groups.set(community, [...(groups.get(community) ?? []), node]);
  const communities = [...groups.values()]
    .map((nodeIds) => nodeIds.sort())
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!))
    .map((nodeIds, id) => ({ id, nodeIds }));
  return { communities, modularity: result.modularity };
}

/**
 * Key players: degree (how many they are linked to) and normalised betweenness (how often
 * they sit on the shortest path between two others: brokers and couriers), ranked by
 * betweenness, then degree.
 */
export function keyPlayers(data: GraphData): KeyPlayer[] {
  const graph = toUndirectedGraph(data.nodes, data.edges);
  const betweenness = graph.order > 2 ? betweennessOf(graph) : {};
  return data.nodes
    .map((node) => ({
      entityId: node.id,
      label: node.label,
      kind: node.kind,
      degree: graph.degree(node.id),
      betweenness: Math.round((betweenness[node.id] ?? 0) * 10_000) / 10_000,
    }))
    .sort(
      (a, b) =>
        b.betweenness - a.betweenness || b.degree - a.degree || a.label.localeCompare(b.label),
    );
}
