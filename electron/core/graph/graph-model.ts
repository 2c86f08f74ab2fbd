import Graph from 'graphology';
import type { GraphEdge, GraphNode } from '../../api/schemas/graph-schemas';

/**
 * The undirected simple graph the analytics run on: an investigator's question "how are these
 * two connected" ignores direction, and parallel relations count once (their IDs are kept).
 */
export function toUndirectedGraph(
  nodes: Pick<GraphNode, 'id'>[],
  edges: Pick<GraphEdge, 'id' | 'from' | 'to'>[],
): Graph<Record<string, never>, { relationIds: string[] }> {
  const graph = new Graph<Record<string, never>, { relationIds: string[] }>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const node of nodes) graph.mergeNode(node.id);
  for (const edge of edges) {
    if (edge.from === edge.to || !graph.hasNode(edge.from) || !graph.hasNode(edge.to)) continue;
    const existing = graph.edge(edge.from, edge.to);
    if (existing)
      graph.updateEdgeAttribute(existing, 'relationIds', (ids = []) => [...ids, edge.id]);
    else graph.addEdge(edge.from, edge.to, { relationIds: [edge.id] });
  }
  return graph;
}

/** A deterministic random source, so community detection gives the same answer every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
