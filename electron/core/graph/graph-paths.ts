import { allSimplePaths } from 'graphology-simple-path';
import type { RelationType } from '../../api/domain/relation-types';
import type { GraphPaths } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import { caseGraph, edgesAmong, loadNodes, neighbourSteps, relationsById } from './graph-data';
import { toUndirectedGraph } from './graph-model';

const maxPaths = 100;
/** All-paths searches stop growing their neighbourhood past this many entities. */
const maxExploredNodes = 20_000;

interface Step {
  node: string;
  edgeId: string;
}

/**
 * Shortest connection between two entities over the whole workspace, ignoring direction:
 * breadth-first from both ends at once, one SQL round per layer, always growing the smaller
 * frontier. Returns node and relation IDs, or null when none within `maxHops`.
 */
export function shortestPath(
  db: Executor,
  fromId: string,
  toId: string,
  maxHops: number,
  types?: readonly RelationType[],
): { nodeIds: string[]; edgeIds: string[] } | null {
  if (fromId === toId) return { nodeIds: [fromId], edgeIds: [] };
  const parents = [
    new Map<string, Step | null>([[fromId, null]]),
    new Map<string, Step | null>([[toId, null]]),
  ];
  const frontiers = [[fromId], [toId]];
  for (let hops = 0; hops < maxHops; hops += 1) {
    const side = frontiers[0]!.length <= frontiers[1]!.length ? 0 : 1;
    const mine = parents[side]!;
    const theirs = parents[1 - side]!;
    const next: string[] = [];
    for (const step of neighbourSteps(db, frontiers[side]!, types)) {
      if (mine.has(step.to)) continue;
      mine.set(step.to, { node: step.from, edgeId: step.edgeId });
      if (theirs.has(step.to)) return joinPaths(parents[0]!, parents[1]!, step.to);
      next.push(step.to);
    }
    if (!next.length) return null;
    frontiers[side] = next;
  }
  return null;
}

function joinPaths(
  fromSide: Map<string, Step | null>,
  toSide: Map<string, Step | null>,
  meeting: string,
) {
  const nodeIds = [meeting];
  const edgeIds: string[] = [];
  for (let step = fromSide.get(meeting); step; step = fromSide.get(step.node)) {
    nodeIds.unshift(step.node);
    edgeIds.unshift(step.edgeId);
  }
  for (let step = toSide.get(meeting); step; step = toSide.get(step.node)) {
    nodeIds.push(step.node);
    edgeIds.push(step.edgeId);
  }
  return { nodeIds, edgeIds };
}

/** Distances from `start` up to `depth` hops (breadth first over the database). */
function distances(
  db: Executor,
  start: string,
  depth: number,
  types?: readonly RelationType[],
): Map<string, number> {
  const seen = new Map([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length && seen.size < maxExploredNodes; d += 1) {
    const next: string[] = [];
    for (const step of neighbourSteps(db, frontier, types)) {
      if (seen.has(step.to)) continue;
      seen.set(step.to, d);
      next.push(step.to);
    }
    frontier = next;
  }
  return seen;
}

/**
 * Every simple path of at most `maxHops` relations between two entities, shortest first
 * (capped at 100). Only entities that can lie on such a path are loaded: d(from, x) + d(x, to) ≤ N.
 */
export function allPaths(
  db: Executor,
  fromId: string,
  toId: string,
  maxHops: number,
  options: { types?: readonly RelationType[]; caseId?: string },
): { paths: { nodeIds: string[]; edgeIds: string[] }[]; capped: boolean } {
  let nodeIds: string[];
  let edges;
  if (options.caseId) {
    const chart = caseGraph(db, options.caseId);
    nodeIds = chart.nodes.map((node) => node.id);
    edges = chart.edges.filter((edge) => !options.types || options.types.includes(edge.type));
  } else {
    const fromDistances = distances(db, fromId, maxHops - 1, options.types);
    const toDistances = distances(db, toId, maxHops - 1, options.types);
    nodeIds = [...fromDistances.keys()].filter(
      (id) => toDistances.has(id) && fromDistances.get(id)! + toDistances.get(id)! <= maxHops,
    );
    for (const id of [fromId, toId]) if (!nodeIds.includes(id)) nodeIds.push(id);
    edges = edgesAmong(db, nodeIds, options.types);
  }
  const graph = toUndirectedGraph(
    nodeIds.map((id) => ({ id })),
    edges,
  );
  if (!graph.hasNode(fromId) || !graph.hasNode(toId)) return { paths: [], capped: false };
  const found = allSimplePaths(graph, fromId, toId, { maxDepth: maxHops }).sort(
    (a, b) => a.length - b.length || a.join().localeCompare(b.join()),
  );
  return {
    capped: found.length > maxPaths,
    paths: found.slice(0, maxPaths).map((path) => ({
      nodeIds: path,
      edgeIds: path
        .slice(1)
        .map(
          (node, index) =>
            graph.getEdgeAttribute(graph.edge(path[index]!, node)!, 'relationIds')[0]!,
        ),
    })),
  };
}

/** The answer to `graph.paths`: the paths and the nodes and relations they use. */
export function findPaths(
  db: Executor,
  input: {
    fromId: string;
    toId: string;
    maxHops: number;
    mode: 'shortest' | 'all';
    relationTypes?: RelationType[];
    caseId?: string;
  },
): GraphPaths {
  const result =
    input.mode === 'shortest'
      ? {
          paths: [
            shortestPath(db, input.fromId, input.toId, input.maxHops, input.relationTypes),
          ].filter((path) => path !== null),
          capped: false,
        }
      : allPaths(db, input.fromId, input.toId, input.maxHops, {
          types: input.relationTypes,
          caseId: input.caseId,
        });
  const nodeIds = [...new Set(result.paths.flatMap((path) => path.nodeIds))];
  const edgeIds = [...new Set(result.paths.flatMap((path) => path.edgeIds))];
  return {
    paths: result.paths,
    capped: result.capped,
    graph: {
      nodes: loadNodes(db, nodeIds, input.caseId),
      edges: relationsById(db, edgeIds),
      truncated: false,
    },
  };
}
