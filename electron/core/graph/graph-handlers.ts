import { AppError } from '../app-error';
import { assertCaseExists } from '../membership/case-guards';
import type { GraphData } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import type { AreaHandlers } from '../handler-types';
import { chainAnalysis } from './chain-analysis';
import { exportChartDocument } from './chart-document';
import { forceLayout } from './force-layout';
import { exportGraph } from './graph-export';
import { detectCommunities, keyPlayers } from './graph-analytics';
import { caseGraph, edgesAmong, loadNodes, neighbourhood } from './graph-data';
import { findPaths } from './graph-paths';
import { deleteGraphView, getGraphView, listGraphViews, saveGraphView } from './graph-views';
import { upstreamTrace } from './upstream-trace';

/** Exactly these entities with every relation among them. */
function subgraph(db: Executor, entityIds: string[], caseId?: string): GraphData {
  const nodes = loadNodes(db, entityIds, caseId);
  return {
    nodes,
    edges: edgesAmong(
      db,
      nodes.map((node) => node.id),
    ),
    truncated: false,
  };
}

function scopeGraph(db: Executor, scope: { caseId?: string; entityIds?: string[] }): GraphData {
  if (scope.entityIds) return subgraph(db, scope.entityIds);
  assertCaseExists(db, scope.caseId!);
  return caseGraph(db, scope.caseId!);
}

export const graphHandlers: AreaHandlers<'graph'> = {
  'graph.case': (ctx, input) => {
    assertCaseExists(ctx.workspace.db, input.caseId);
    return caseGraph(ctx.workspace.db, input.caseId);
  },
  'graph.neighbourhood': (ctx, input) =>
    neighbourhood(ctx.workspace.db, input.entityIds, input.hops, {
      types: input.relationTypes,
      limit: input.limit,
      caseId: input.caseId,
    }),
  'graph.subgraph': (ctx, input) => subgraph(ctx.workspace.db, input.entityIds, input.caseId),
  'graph.paths': (ctx, input) => findPaths(ctx.workspace.db, input),
  'graph.communities': (ctx, input) => detectCommunities(scopeGraph(ctx.workspace.db, input)),
  'graph.keyPlayers': (ctx, input) => keyPlayers(scopeGraph(ctx.workspace.db, input)),
  'graph.upstream': (ctx, input) => upstreamTrace(ctx.workspace.db, input),
  'graph.chain': (ctx, input) => {
    assertCaseExists(ctx.workspace.db, input.caseId);
    return chainAnalysis(ctx.workspace.db, input.caseId);
  },
  'graph.layout': (_ctx, input) => forceLayout(input.nodeIds, input.edges, input.iterations),
  'graph.export': (ctx, input) => {
    const data = subgraph(ctx.workspace.db, input.nodeIds, input.caseId);
    if (!data.nodes.length) throw new AppError('entities.notFound', 'None of these entities exist');
    const { format } = input;
    return format === 'svg' || format === 'png' || format === 'pdf'
      ? exportChartDocument(ctx.workspace, data, { ...input, format }, ctx.deps.documents)
      : exportGraph(ctx.workspace, data, format, input.positions, input.caseId);
  },
  'graph.recordImageExport': (ctx, input) => {
    ctx.workspace.audit({
      action: 'graph.imageExported',
      targetType: input.caseId ? 'case' : 'graph',
      targetId: input.caseId ?? null,
      details: { caseId: input.caseId ?? null, nodes: input.nodes, view: input.viewName ?? null },
    });
    return { ok: true };
  },
  'graph.views.list': (ctx, input) => listGraphViews(ctx.workspace.db, input.caseId),
  'graph.views.get': (ctx, input) => getGraphView(ctx.workspace.db, input.id),
  'graph.views.save': (ctx, input) => saveGraphView(ctx.workspace, input),
  'graph.views.delete': (ctx, input) => {
    deleteGraphView(ctx.workspace, input.id);
    return { ok: true };
  },
};
