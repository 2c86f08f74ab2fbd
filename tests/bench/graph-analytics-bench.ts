import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { detectCommunities, keyPlayers } from '../../electron/core/graph/graph-analytics';
import { forceLayout } from '../../electron/core/graph/force-layout';
import { toUndirectedGraph } from '../../electron/core/graph/graph-model';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import {
  edgesAmong,
  loadNodes,
  neighbourhood,
  neighbourSteps,
} from '../../electron/core/graph/graph-data';
import { findPaths } from '../../electron/core/graph/graph-paths';
import { upstreamByRecursiveQuery, upstreamTrace } from '../../electron/core/graph/upstream-trace';
import * as schema from '../../electron/core/db/schema';
import { time, type Timing } from './timing';

export interface GraphAnalyticsResults {
  twoHop: Timing;
  twoHopNodes: number;
  shortestPath: Timing;
  pathsFound: number;
  pathRuns: number;
  meanPathHops: number;
  upstream: { ours: Timing; cte: Timing; meanTraced: number };
  subgraph: {
    nodes: number;
    edges: number;
    betweennessMs: number;
    referenceBetweennessMs: number;
    louvainMs: number;
  };
  layout: { nodes: number; edges: number; seconds: number };
}

/**
 * Issue 4's analytics over the seeded encrypted workspace (100k persons, 1M relations), as the
 * procedures run them: 2-hop neighbourhood, shortest path between two persons, upstream trace
 * (against a recursive CTE doing the same walk), betweenness and Louvain on a 5,000-node subgraph,
 * and the ForceAtlas2 layout of a 10,000-node chart.
 */
export function benchGraphAnalytics(
  sqlite: Database.Database,
  seeded: { personIds: string[] },
): GraphAnalyticsResults {
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
  const pick = (n: number) => seeded.personIds[(n * 7919 + 13) % seeded.personIds.length]!;

  let twoHopNodes = 0;
  const twoHop = time(100, (n) => {
    twoHopNodes += neighbourhood(db, [pick(n)], 2, { limit: 5_000 }).nodes.length;
  });

  let pathsFound = 0;
  let hops = 0;
  const pathRuns = 100;
  const shortestPath = time(pathRuns, (n) => {
    const found = findPaths(db, {
      fromId: pick(n),
      toId: pick(n + 50_000),
      maxHops: 6,
      mode: 'shortest',
    });
    if (found.paths[0]) {
      pathsFound += 1;
      hops += found.paths[0].edgeIds.length;
    }
  });

  // Upstream from people who have a known supplier, so there is a walk to time.
  const supplied = (
    sqlite
      .prepare(
        "SELECT DISTINCT to_entity_id AS id FROM relations WHERE type = 'supplies' LIMIT 20000",
      )
      .all() as { id: string }[]
  ).map((row) => row.id);
  const root = (n: number) => supplied[(n * 7919) % supplied.length]!;
  let traced = 0;
  const ours = time(200, (n) => {
    const trace = upstreamTrace(db, { entityId: root(n), maxDepth: 8 });
    traced += trace.levels.reduce((sum, level) => sum + level.nodeIds.length, 0);
  });
  const cte = time(200, (n) => upstreamByRecursiveQuery(db, root(n), 8));

  // A 5,000-entity subgraph grown breadth first from one person, as a large chart would be.
  const members = new Set([pick(1)]);
  let frontier = [...members];
  while (members.size < 5_000 && frontier.length) {
    const next: string[] = [];
    for (const step of neighbourSteps(db, frontier)) {
      if (members.size >= 5_000) break;
      if (!members.has(step.to)) {
        members.add(step.to);
        next.push(step.to);
      }
    }
    frontier = next;
  }
  const nodes = loadNodes(db, [...members]);
  const edges = edgesAmong(db, [...members]);
  const data = { nodes, edges, truncated: false };
  let started = performance.now();
  keyPlayers(data);
  const betweennessMs = performance.now() - started;
  // Reference: graphology-metrics' Brandes on the same graph, unweighted (breadth-first).
  const reference = toUndirectedGraph(nodes, edges);
  started = performance.now();
  betweennessCentrality(reference, { getEdgeWeight: null, normalized: true });
  const referenceBetweennessMs = performance.now() - started;
  started = performance.now();
  detectCommunities(data);
  const louvainMs = performance.now() - started;

  // The layout the main process computes for a 10,000-entity chart before drawing it.
  const layoutNodes = seeded.personIds.slice(0, 10_000);
  const layoutEdges: [string, string][] = [];
  for (let n = 0; layoutEdges.length < 30_000; n += 1) {
    layoutEdges.push([layoutNodes[(n * 7919) % 10_000]!, layoutNodes[(n * 104_729 + 1) % 10_000]!]);
  }
  started = performance.now();
  forceLayout(layoutNodes, layoutEdges, 100);
  const layoutSeconds = (performance.now() - started) / 1000;

  return {
    twoHop,
    twoHopNodes: twoHopNodes / 100,
    shortestPath,
    pathsFound,
    pathRuns,
    meanPathHops: pathsFound ? hops / pathsFound : 0,
    upstream: { ours, cte, meanTraced: traced / 200 },
    subgraph: {
      nodes: nodes.length,
      edges: edges.length,
      betweennessMs,
      referenceBetweennessMs,
      louvainMs,
    },
    layout: { nodes: 10_000, edges: 30_000, seconds: layoutSeconds },
  };
}
