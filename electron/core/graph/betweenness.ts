import type Graph from 'graphology';

/**
 * Normalised betweenness centrality of an undirected, unweighted graph: the same values as
 * graphology-metrics' betweenness (the tests hold it to that), several times faster, so the
 * key players of a 5,000-entity chart come in well under the two seconds an analyst waits.
 *
 * Brandes' algorithm on compressed sparse rows in typed arrays, with the leaves (entities with
 * one link, such as most phones and accounts) taken out first and put back as weights: a leaf
 * lies on no path between others, and every path from it runs through its one neighbour
 * (Baglioni et al., "Fast exact computation of betweenness centrality in social networks").
 */
export function betweenness(graph: Graph): Record<string, number> {
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map(ids.map((id, position) => [id, position]));
  const degree = new Int32Array(n);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    degree[index.get(source)!]! += 1;
    degree[index.get(target)!]! += 1;
  });
  // A leaf goes when its neighbour stays (two entities linked only to each other both stay).
  const leaf = new Uint8Array(n);
  const weight = new Float64Array(n).fill(1);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    if (degree[s] === 1 && degree[t]! > 1) {
      leaf[s] = 1;
      weight[t]! += 1;
    } else if (degree[t] === 1 && degree[s]! > 1) {
      leaf[t] = 1;
      weight[s]! += 1;
    }
  });

  // Adjacency of what remains, as compressed sparse rows.
  const offsets = new Int32Array(n + 1);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    if (leaf[s] || leaf[t]) return;
    offsets[s + 1]! += 1;
    offsets[t + 1]! += 1;
  });
  for (let v = 0; v < n; v += 1) offsets[v + 1]! += offsets[v]!;
  const neighbours = new Int32Array(offsets[n]!);
  const filled = offsets.slice(0, n);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    if (leaf[s] || leaf[t]) return;
    neighbours[filled[s]!++] = t;
    neighbours[filled[t]!++] = s;
  });

  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  /** Entities connected to each one, leaves included. */
  const componentSize = new Float64Array(n);
  // Shortest-path predecessor links (v → w), in the order breadth-first search finds them.
  const linkFrom = new Int32Array(neighbours.length);
  const linkTo = new Int32Array(neighbours.length);
  for (let s = 0; s < n; s += 1) {
    if (leaf[s]) continue;
    sigma[s] = 1;
    distance[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let links = 0;
    while (head < tail) {
      const v = order[head++]!;
      const next = distance[v]! + 1;
      const paths = sigma[v]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
        const w = neighbours[k]!;
        const seen = distance[w]!;
        if (seen < 0) {
          distance[w] = next;
          order[tail++] = w;
        } else if (seen !== next) continue;
        sigma[w]! += paths;
        linkFrom[links] = v;
        linkTo[links++] = w;
      }
    }
    // Backwards over the links every w is complete before it passes its dependency on; each
    // target counts once for itself and once for each of its leaves.
    for (let link = links - 1; link >= 0; link -= 1) {
      const v = linkFrom[link]!;
      const w = linkTo[link]!;
      delta[v]! += (sigma[v]! / sigma[w]!) * (weight[w]! + delta[w]!);
    }
    // Collect (the source counts once for itself and each of its leaves), and reset only what
    // this search touched.
    const sourceWeight = weight[s]!;
    let reached = 0;
    for (let position = 0; position < tail; position += 1) {
      const w = order[position]!;
      reached += weight[w]!;
      if (position > 0) centrality[w]! += sourceWeight * delta[w]!;
      sigma[w] = 0;
      delta[w] = 0;
      distance[w] = -1;
    }
    componentSize[s] = reached;
  }
  // An entity with c leaves lies on every path between one of its leaves and anyone else it is
  // connected to: ordered pairs of the others in its component of N, less those where neither
  // end is one of its leaves.
  for (let v = 0; v < n; v += 1) {
    const c = weight[v]! - 1;
    const size = componentSize[v]!;
    if (c > 0) centrality[v]! += (size - 1) * (size - 2) - (size - 1 - c) * (size - 2 - c);
  }
  // Ordered pairs, as graphology sums them, normalised by (n-1)(n-2).
  const scale = n <= 2 ? 1 : 1 / ((n - 1) * (n - 2));
  return Object.fromEntries(ids.map((id, position) => [id, centrality[position]! * scale]));
}
