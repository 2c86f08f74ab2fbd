import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

const goldenAngle = Math.PI * (3 - Math.sqrt(5));

/**
 * Starting positions on a sunflower spiral in breadth-first order from the best-connected
 * entities, so neighbours start near each other and ForceAtlas2 needs far fewer iterations
 * than from a circle in arbitrary order.
 */
function warmStart(graph: Graph): void {
  const order: string[] = [];
  const seen = new Set<string>();
  const byDegree = graph
    .nodes()
    .sort((a, b) => graph.degree(b) - graph.degree(a) || a.localeCompare(b));
  for (const start of byDegree) {
    if (seen.has(start)) continue;
    seen.add(start);
    const queue = [start];
    for (let head = 0; head < queue.length; head += 1) {
      const id = queue[head]!;
      order.push(id);
      graph.forEachNeighbor(id, (neighbour) => {
        if (seen.has(neighbour)) return;
        seen.add(neighbour);
        queue.push(neighbour);
      });
    }
  }
  order.forEach((id, index) => {
    const radius = 10 * Math.sqrt(index);
    graph.mergeNodeAttributes(id, {
      x: radius * Math.cos(index * goldenAngle),
      y: radius * Math.sin(index * goldenAngle),
    });
  });
}

/**
 * Positions for a large chart, computed in the main process so the renderer can draw with
 * physics off: ForceAtlas2 (Barnes–Hut above 1,000 nodes) from a deterministic warm start.
 */
export function forceLayout(
  nodeIds: string[],
  edges: [string, string][],
  iterations: number,
): Record<string, { x: number; y: number }> {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const id of nodeIds) graph.mergeNode(id, { x: 0, y: 0 });
  for (const [from, to] of edges) {
    if (from !== to && graph.hasNode(from) && graph.hasNode(to) && !graph.hasEdge(from, to))
      graph.addEdge(from, to);
  }
  warmStart(graph);
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
