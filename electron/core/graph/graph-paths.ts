import type { RelationType } from '../../api/domain/relation-types';
import type { GraphEdge, GraphPaths, PathStep } from '../../api/schemas/graph-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { caseGraph, edgesAmong, loadNodes, neighbourSteps, relationsById } from './graph-data';

/** Most paths one answer lists (k shortest and all simple paths). */
const maxPaths = 100;
/** Path searches stop growing their neighbourhood past this many entities. */
const maxExploredNodes = 50_000;
/** How long a search may run before it stops with `graph.pathSearchStopped`. */
const defaultPathBudgetMs = 10_000;

interface Step {
  node: string;
  edgeId: string;
}

/**
 * A route: its entities, the relation walked at each step, and the other relations of the same
 * type between the step's two entities (the call the other way, a second transfer).
 */
type NodePath = { nodeIds: string[]; edgeIds: string[]; also?: string[][] };

/** A clock that throws the stable "search stopped after N s" error once the budget is spent. */
function deadline(budgetMs: number, now: () => number = Date.now) {
  const started = now();
  return () => {
    if (now() - started > budgetMs)
      throw new AppError(
        'graph.pathSearchStopped',
        `Path search stopped after ${Math.round(budgetMs / 1000)} s`,
        { seconds: Math.round(budgetMs / 1000) },
      );
  };
}

/**
 * Shortest connection between two entities over the whole workspace, ignoring direction:
 * breadth-first from both ends at once over the indexed relations, one SQL round per layer,
 * always growing the smaller frontier. No hop cap unless `maxHops` is given: a search that
 * runs out of its time budget stops with `graph.pathSearchStopped` rather than answering
 * "no path". Returns node and relation IDs, or null when the two are not connected.
 */
function shortestPath(
  db: Executor,
  fromId: string,
  toId: string,
  maxHops: number | undefined,
  types?: readonly RelationType[],
  check: () => void = deadline(defaultPathBudgetMs),
): NodePath | null {
  if (fromId === toId) return { nodeIds: [fromId], edgeIds: [] };
  const parents = [
    new Map<string, Step | null>([[fromId, null]]),
    new Map<string, Step | null>([[toId, null]]),
  ];
  const frontiers = [[fromId], [toId]];
  for (let hops = 0; maxHops === undefined || hops < maxHops; hops += 1) {
    check();
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
): NodePath {
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
  types: readonly RelationType[] | undefined,
  check: () => void,
): Map<string, number> {
  const seen = new Map([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length && seen.size < maxExploredNodes; d += 1) {
    check();
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

/** Undirected adjacency: neighbour → the relations joining them (parallel ones kept in order). */
function adjacency(edges: GraphEdge[]): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  const link = (a: string, b: string, id: string) => {
    let row = out.get(a);
    if (!row) out.set(a, (row = new Map()));
    row.set(b, [...(row.get(b) ?? []), id]);
  };
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    link(edge.from, edge.to, edge.id);
    link(edge.to, edge.from, edge.id);
  }
  return out;
}

/**
 * The relations between `node` and a neighbour grouped by type (types in order), each group led
 * by a relation walked along its arrow from `node` (or an undirected one), then by ID.
 */
function sameTypeGroups(
  relationIds: string[],
  node: string,
  edgeById: Map<string, GraphEdge>,
): string[][] {
  const groups = new Map<string, string[]>();
  const against = (id: string) => {
    const edge = edgeById.get(id)!;
    return edge.directed && edge.from !== node ? 1 : 0;
  };
  for (const id of [...relationIds].sort((a, b) => against(a) - against(b) || a.localeCompare(b))) {
    const type = edgeById.get(id)!.type;
    groups.set(type, [...(groups.get(type) ?? []), id]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, ids]) => ids);
}

/** Hops from every node to `target` in memory (breadth first), for pruning the path search. */
function hopsTo(adjacent: Map<string, Map<string, string[]>>, target: string): Map<string, number> {
  const hops = new Map([[target, 0]]);
  let frontier = [target];
  while (frontier.length) {
    const next: string[] = [];
    for (const node of frontier)
      for (const neighbour of adjacent.get(node)?.keys() ?? [])
        if (!hops.has(neighbour)) {
          hops.set(neighbour, hops.get(node)! + 1);
          next.push(neighbour);
        }
    frontier = next;
  }
  return hops;
}

/**
 * Every simple path (no entity twice) of at most `maxHops` relations between two entities,
 * shortest first, at most `limit + 1` of them (the extra one tells the caller it was capped).
 * Only entities that can lie on such a path are loaded: d(from, x) + d(x, to) ≤ N, and the
 * depth-first search never enters a node that is too far from the target to arrive in time.
 */
function simplePaths(
  db: Executor,
  fromId: string,
  toId: string,
  maxHops: number,
  options: {
    types?: readonly RelationType[];
    caseId?: string;
    limit?: number;
    check?: () => void;
  },
): { paths: NodePath[]; capped: boolean } {
  const check = options.check ?? deadline(defaultPathBudgetMs);
  const limit = options.limit ?? maxPaths;
  let edges: GraphEdge[];
  if (options.caseId) {
    edges = caseGraph(db, options.caseId).edges.filter(
      (edge) => !options.types?.length || options.types.includes(edge.type),
    );
  } else {
    const fromDistances = distances(db, fromId, maxHops - 1, options.types, check);
    const toDistances = distances(db, toId, maxHops - 1, options.types, check);
    const nodeIds = [...fromDistances.keys()].filter(
      (id) => toDistances.has(id) && fromDistances.get(id)! + toDistances.get(id)! <= maxHops,
    );
    for (const id of [fromId, toId]) if (!nodeIds.includes(id)) nodeIds.push(id);
    edges = edgesAmong(db, nodeIds, options.types);
  }
  const adjacent = adjacency(edges);
  const edgeById = new Map(edges.map((edge) => [edge.id, edge]));
  const remaining = hopsTo(adjacent, toId);
  if (!remaining.has(fromId)) return { paths: [], capped: false };
  // Iterative deepening: all paths of length L before any of length L + 1, so the first
  // `limit` found are the shortest ones, without enumerating everything first.
  const found: NodePath[] = [];
  const onPath = new Set<string>([fromId]);
  const nodes = [fromId];
  const via: string[] = [];
  const also: string[][] = [];
  let visits = 0;
  const walk = (node: string, length: number): boolean => {
    if ((visits += 1) % 1024 === 0) check();
    if (node === toId) {
      if (nodes.length - 1 === length)
        found.push({ nodeIds: [...nodes], edgeIds: [...via], also: [...also] });
      return found.length > limit;
    }
    const left = length - (nodes.length - 1);
    const neighbours = [...(adjacent.get(node)?.entries() ?? [])].sort(([a], [b]) =>
      a.localeCompare(b),
    );
    for (const [neighbour, relationIds] of neighbours) {
      if (onPath.has(neighbour) || (remaining.get(neighbour) ?? Infinity) > left - 1) continue;
      onPath.add(neighbour);
      nodes.push(neighbour);
      // Each type of relation between the two is a path of its own: a 供货 and a 通话 between the
      // same pair are evidence of different kinds (the first of them had stood for both). Two of
      // one type (a call each way, a transfer back) are one route, walked along an arrow where
      // one points the path's way, the others named on the step: counted as two, the same route
      // had filled two of k places and a different one was left out.
      for (const group of sameTypeGroups(relationIds, node, edgeById)) {
        via.push(group[0]!);
        also.push(group.slice(1));
        const full = walk(neighbour, length);
        via.pop();
        also.pop();
        if (full) {
          onPath.delete(neighbour);
          nodes.pop();
          return true;
        }
      }
      onPath.delete(neighbour);
      nodes.pop();
    }
    return false;
  };
  for (let length = remaining.get(fromId)!; length <= maxHops; length += 1)
    if (walk(fromId, length)) break;
  return { capped: found.length > limit, paths: found.slice(0, limit) };
}

/** Hops the k-shortest search looks beyond the shortest path at most (within its time budget). */
const kShortestReach = 12;

/**
 * The k shortest simple paths between two entities (by hops, ties in a stable order): the
 * shortest length is found without a hop cap (or within `maxHops`), then the simple-path search
 * reaches two hops further at a time until k are found, the hop cap or `kShortestReach` beyond
 * the shortest is reached, or the time budget runs out. (It had stopped two hops beyond the
 * shortest: a third path of five hops behind two of one and three was not listed.)
 */
function kShortestPaths(
  db: Executor,
  fromId: string,
  toId: string,
  k: number,
  options: {
    types?: readonly RelationType[];
    caseId?: string;
    maxHops?: number;
    check?: () => void;
  },
): { paths: NodePath[]; capped: boolean } {
  const check = options.check ?? deadline(defaultPathBudgetMs);
  const shortest = shortestPath(db, fromId, toId, options.maxHops, options.types, check);
  if (!shortest) return { paths: [], capped: false };
  const length = shortest.edgeIds.length;
  if (length === 0) return { paths: [shortest], capped: false };
  const reach = Math.min(options.maxHops ?? Infinity, length + kShortestReach);
  for (let hops = Math.min(length + 2, reach); ; hops = Math.min(hops + 2, reach)) {
    const result = simplePaths(db, fromId, toId, hops, { ...options, limit: k, check });
    if (result.paths.length >= k || hops >= reach) return result;
  }
}

/** The direction a path walks a relation in: with its arrow, against it, or an undirected one. */
function stepsOf(path: NodePath, relations: Map<string, GraphEdge>): PathStep[] {
  return path.edgeIds.map((edgeId, index) => {
    const relation = relations.get(edgeId)!;
    const from = path.nodeIds[index]!;
    return {
      relationId: edgeId,
      alsoRelationIds: path.also?.[index] ?? [],
      type: relation.type,
      fromId: from,
      toId: path.nodeIds[index + 1]!,
      direction: !relation.directed
        ? 'undirected'
        : relation.from === from
          ? 'forward'
          : 'backward',
    };
  });
}

/**
 * The types a path search restricted to calls or money follows: with the links of people to
 * their phones and accounts (机主, 使用), without which no path through calls or transfers
 * reaches a person (张某龙 → his phone → 李某华's phone → 李某华 had been "not connected").
 */
function withHolders(types: RelationType[]): RelationType[] {
  if (!types.includes('calls') && !types.includes('finances')) return types;
  return [...new Set<RelationType>([...types, 'owns', 'uses'])];
}

/**
 * The answer to `graph.paths`: the paths, each step with its relation type and direction,
 * and the nodes and relations they use.
 *  - shortest: one shortest path, no hop cap unless `maxHops` is given;
 *  - k-shortest: the `k` shortest simple paths;
 *  - all: every simple path up to `maxHops` (4 when not given).
 */
export function findPaths(
  db: Executor,
  input: {
    fromId: string;
    toId: string;
    maxHops?: number;
    mode: 'shortest' | 'kShortest' | 'all';
    k?: number;
    relationTypes?: RelationType[];
    caseId?: string;
    budgetMs?: number;
  },
  now?: () => number,
): GraphPaths {
  const check = deadline(input.budgetMs ?? defaultPathBudgetMs, now);
  const types = input.relationTypes?.length ? withHolders(input.relationTypes) : undefined;
  const result =
    input.mode === 'shortest'
      ? {
          paths: [shortestPath(db, input.fromId, input.toId, input.maxHops, types, check)].filter(
            (path) => path !== null,
          ),
          capped: false,
        }
      : input.mode === 'kShortest'
        ? kShortestPaths(db, input.fromId, input.toId, input.k ?? 3, {
            types,
            caseId: input.caseId,
            maxHops: input.maxHops,
            check,
          })
        : simplePaths(db, input.fromId, input.toId, input.maxHops ?? 4, {
            types,
            caseId: input.caseId,
            check,
          });
  const nodeIds = [...new Set(result.paths.flatMap((path) => path.nodeIds))];
  const edgeIds = [
    ...new Set(result.paths.flatMap((path) => [...path.edgeIds, ...(path.also ?? []).flat()])),
  ];
  const edges = relationsById(db, edgeIds);
  const byId = new Map(edges.map((edge) => [edge.id, edge]));
  return {
    paths: result.paths.map(({ nodeIds, edgeIds: pathEdges, ...path }) => ({
      nodeIds,
      edgeIds: pathEdges,
      steps: stepsOf({ nodeIds, edgeIds: pathEdges, ...path }, byId),
    })),
    capped: result.capped,
    graph: {
      nodes: loadNodes(db, nodeIds, input.caseId),
      edges,
      truncated: false,
    },
  };
}
