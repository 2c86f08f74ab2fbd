import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import defaultSettings from 'graphology-layout-forceatlas2/defaults.js';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';

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

/** Iterations between two progress reports. */
const progressEvery = 10;
/** Fields per node in ForceAtlas2's node matrix; x and y come first. */
const nodeStride = 10;

/** How far a layout has come: iterations done of the total. */
export type LayoutProgress = (done: number, total: number) => void;

/**
 * Positions for a large chart, so the renderer can draw with physics off: ForceAtlas2
 * (Barnes–Hut above 1,000 nodes, at Gephi's coarseness) from a deterministic warm start.
 * The same iterations as graphology's `forceAtlas2.assign`, run here so progress can be
 * reported every few iterations. Runs in the layout thread for the app (layout-thread.ts).
 */
export function forceLayout(
  nodeIds: string[],
  edges: [string, string][],
  iterations: number,
  onProgress?: LayoutProgress,
): Record<string, { x: number; y: number }> {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const id of nodeIds) graph.mergeNode(id, { x: 0, y: 0 });
  for (const [from, to] of edges) {
    if (from !== to && graph.hasNode(from) && graph.hasNode(to) && !graph.hasEdge(from, to))
      graph.addEdge(from, to);
  }
  warmStart(graph);
  if (graph.order > 1) {
    const big = graph.order > 1_000;
    const settings = {
      ...defaultSettings,
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: big,
      // Gephi's default coarseness (1.2): a third of the time of graphology's 0.5 on 2,000
      // entities, and a difference nobody reads on a chart that size.
      barnesHutTheta: big ? 1.2 : 0.5,
    };
    const matrices = graphToByteArrays(graph, () => 1);
    for (let done = 0; done < iterations; done += 1) {
      iterate(settings, matrices.nodes, matrices.edges);
      if (onProgress && ((done + 1) % progressEvery === 0 || done + 1 === iterations))
        onProgress(done + 1, iterations);
    }
    let index = 0;
    graph.updateEachNodeAttributes((_id, attributes) => {
      attributes['x'] = matrices.nodes[index];
      attributes['y'] = matrices.nodes[index + 1];
      index += nodeStride;
      return attributes;
    });
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
