import { layoutThreadAbove, type GraphData } from '../../api/schemas/graph-schemas';
import type { AreaHandlers } from '../handler-types';
import { neighbourhood, subgraph } from './graph-data';
import { findPaths } from './graph-paths';
import { startLayoutAhead, takeLayoutAhead } from './layout-ahead';
import { layoutInThread, warmLayoutThread } from './layout-thread';
import { checkedCaseChain, checkedCaseGraph, scopeGraph } from './graph-reads';
import {
  deleteGraphView,
  getGraphView,
  graphViewRelations,
  listGraphViews,
  openGraphView,
  saveGraphView,
} from './graph-views';
import { withoutServiceNumbers } from './service-numbers';
import { upstreamTrace } from './upstream-trace';

/** The chart as asked: without service numbers when `hideServiceNumbers`. */
function asked(input: { hideServiceNumbers?: boolean }, data: GraphData): GraphData {
  return input.hideServiceNumbers ? withoutServiceNumbers(data) : data;
}

/** Charts above this many entities may be laid out in the layout thread at the user's asking. */
const warmThreadAbove = 1_000;

export const graphHandlers: AreaHandlers<'graph'> = {
  'graph.case': (ctx, input) => {
    const chart = asked(
      input,
      checkedCaseGraph(ctx.workspace.db, input.caseId, ctx.workspace.sqlite),
    );
    if (input.layoutAhead && chart.nodes.length > layoutThreadAbove) {
      const layoutId = startLayoutAhead(chart, (id, done, total) =>
        ctx.deps.emit('graph.layoutProgressed', { layoutId: id, done, total }),
      );
      return { ...chart, layoutId };
    }
    if (chart.nodes.length > warmThreadAbove) warmLayoutThread();
    return chart;
  },
  'graph.neighbourhood': (ctx, input) =>
    asked(
      input,
      neighbourhood(ctx.workspace.db, input.entityIds, input.hops, {
        types: input.relationTypes,
        limit: input.limit,
        caseId: input.caseId,
      }),
    ),
  'graph.subgraph': (ctx, input) =>
    asked(input, subgraph(ctx.workspace.db, input.entityIds, input.caseId)),
  'graph.paths': (ctx, input) => findPaths(ctx.workspace.db, input),
  // graphology and the chart's documents load when first asked for (see report-handlers).
  'graph.communities': async (ctx, input) =>
    (await import('./graph-analytics')).detectCommunities(scopeGraph(ctx.workspace.db, input)),
  'graph.keyPlayers': async (ctx, input) =>
    (await import('./graph-analytics')).keyPlayers(scopeGraph(ctx.workspace.db, input)),
  'graph.upstream': (ctx, input) => upstreamTrace(ctx.workspace.db, input),
  'graph.chain': (ctx, input) =>
    checkedCaseChain(ctx.workspace.db, input.caseId, ctx.workspace.sqlite),
  // ForceAtlas2 takes seconds on a large chart: in the layout thread, off the call queue.
  'graph.layout': (ctx, { layoutId, ...job }) =>
    ctx.offQueue(() =>
      layoutInThread(job, (done, total) => {
        if (layoutId) ctx.deps.emit('graph.layoutProgressed', { layoutId, done, total });
      }),
    ),
  'graph.layoutAhead': (ctx, input) => ctx.offQueue(() => takeLayoutAhead(input.layoutId)),
  'graph.export': async (ctx, input) =>
    (await import('./graph-file-export')).exportGraphFile(ctx.workspace, input, ctx.deps.documents),
  'graph.recordImageExport': async (ctx, input) =>
    (await import('./graph-file-export')).recordGraphImageExport(ctx.workspace, input),
  'graph.views.list': (ctx, input) => listGraphViews(ctx.workspace.db, input.caseId),
  'graph.views.get': (ctx, input) => getGraphView(ctx.workspace.db, input.id),
  'graph.views.open': (ctx, input) => openGraphView(ctx.workspace.db, input.id),
  'graph.views.relations': (ctx, input) => graphViewRelations(ctx.workspace.db, input.id),
  'graph.views.save': (ctx, input) => saveGraphView(ctx.workspace, input),
  'graph.views.delete': (ctx, input) => {
    deleteGraphView(ctx.workspace, input.id);
    return { ok: true };
  },
};
