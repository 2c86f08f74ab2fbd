import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../../electron/core/graph/betweenness';
import { seededRandom } from '../../../electron/core/graph/graph-model';

/** A random sparse graph: a random tree plus extra links, an isolated entity and a lone pair. */
function randomGraph(nodes: number, links: number, seed: number): Graph {
  const next = seededRandom(seed);
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < nodes; i += 1) graph.addNode(`n${i}`);
  for (let i = 1; i < nodes && graph.size < links; i += 1)
    graph.addEdge(`n${Math.floor(next() * i)}`, `n${i}`);
  while (graph.size < links) {
    const a = Math.floor(next() * nodes);
    const b = Math.floor(next() * nodes);
    if (a !== b && !graph.hasEdge(`n${a}`, `n${b}`)) graph.addEdge(`n${a}`, `n${b}`);
  }
  graph.addNode('isolated');
  graph.mergeEdge('pairA', 'pairB');
  return graph;
}

describe('betweenness', () => {
  it.each([
    [10, 12, 1],
    [40, 39, 2],
    [200, 260, 3],
    [300, 1_200, 4],
  ])(
    'equals graphology-metrics on a random graph of %i entities and %i links',
    (nodes, links, seed) => {
      const graph = randomGraph(nodes, links, seed);
      const reference = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
      const ours = betweenness(graph);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(reference).sort());
      for (const id of Object.keys(reference)) expect(ours[id]).toBeCloseTo(reference[id]!, 12);
    },
  );

  it('gives a star its centre: every pair of leaves passes through it', () => {
    const star = new Graph({ type: 'undirected' });
    for (const leaf of ['a', 'b', 'c', 'd']) star.mergeEdge('hub', leaf);
    expect(betweenness(star)).toEqual({ hub: 1, a: 0, b: 0, c: 0, d: 0 });
  });
});
