import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/**
 * Positions for a large chart, computed in the main process so the renderer can draw with
 * physics off: ForceAtlas2 (Barnes–Hut above 1,000 nodes) from a deterministic circle.
 */
export function forceLayout(
  nodeIds: string[],
  edges: [string, string][],
  iterations: number,
): Record<string, { x: number; y: number }> {
  const graph = new Graph({ type: 'undirected', multi: false });
  nodeIds.forEach((id, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, nodeIds.length);
    const radius = 100 * Math.sqrt(nodeIds.length);
    graph.mergeNode(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  for (const [from, to] of edges) {
    if (from !== to && graph.hasNode(from) && graph.hasNode(to) && !graph.hasEdge(from, to))
      graph.addEdge(from, to);
  }
  if (graph.order > 1) {
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 1_000,
    };
    forceAtlas2.assign(graph, { iterations, settings });
  }
  // Scale to vis-network's coordinate range: about 60 px between neighbours.
  const positions: Record<string, { x: number; y: number }> = {};
  let extent = 1;
  graph.forEachNode((_id, attributes) => {
    extent = Math.max(
      extent,
      Math.abs(attributes['x'] as number),
      Math.abs(attributes['y'] as number),
    );
  });
  const scale = (40 * Math.sqrt(graph.order)) / extent;
  graph.forEachNode((id, attributes) => {
    positions[id] = {
      x: Math.round((attributes['x'] as number) * scale),
      y: Math.round((attributes['y'] as number) * scale),
    };
  });
  return positions;
}
