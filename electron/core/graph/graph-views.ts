import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  graphViewStateSchema,
  type GraphData,
  type GraphView,
  type graphViewSaveInput,
} from '../../api/schemas/graph-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { graphViewsTable } from '../db/schema';
import { assertCaseExists } from '../membership/case-guards';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { subgraph } from './graph-data';

export function listGraphViews(db: Executor, caseId?: string) {
  return db
    .select({
      id: graphViewsTable.id,
      caseId: graphViewsTable.caseId,
      name: graphViewsTable.name,
      updatedAt: graphViewsTable.updatedAt,
    })
    .from(graphViewsTable)
    .where(
      and(
        isNull(graphViewsTable.deletedAt),
        caseId ? eq(graphViewsTable.caseId, caseId) : undefined,
      ),
    )
    .orderBy(desc(graphViewsTable.updatedAt))
    .all();
}

export function getGraphView(db: Executor, id: string): GraphView {
  const row = db
    .select()
    .from(graphViewsTable)
    .where(and(eq(graphViewsTable.id, id), isNull(graphViewsTable.deletedAt)))
    .get();
  if (!row) throw new AppError('graph.viewNotFound', 'No such saved view');
  return {
    id: row.id,
    caseId: row.caseId,
    name: row.name,
    updatedAt: row.updatedAt,
    state: graphViewStateSchema.parse(row.state),
  };
}

/**
 * A saved view and its chart as the workspace holds it now: its entities that still exist, with
 * every relation among them (tier and status in the view's case). One call instead of the view
 * and then its 10,000 IDs sent back for the chart.
 */
export function openGraphView(db: Executor, id: string): { view: GraphView; chart: GraphData } {
  const view = getGraphView(db, id);
  const chart = view.state.nodeIds.length
    ? subgraph(db, view.state.nodeIds, view.caseId ?? undefined)
    : { nodes: [], edges: [], truncated: false };
  return { view, chart };
}

/** Saves a named view (positions, hidden and pinned nodes, filters, layout), new or over an old one. */
export function saveGraphView(
  workspace: UnlockedWorkspace,
  input: z.output<typeof graphViewSaveInput>,
): GraphView {
  return workspace.write(
    (tx) => {
      if (input.caseId) assertCaseExists(tx, input.caseId);
      const now = workspace.now();
      if (input.id) {
        getGraphView(tx, input.id);
        tx.update(graphViewsTable)
          .set({
            name: input.name,
            caseId: input.caseId ?? null,
            state: input.state,
            updatedAt: now,
            updatedBy: workspace.user.id,
          })
          .where(eq(graphViewsTable.id, input.id))
          .run();
        return getGraphView(tx, input.id);
      }
      const id = newId();
      tx.insert(graphViewsTable)
        .values({
          id,
          caseId: input.caseId ?? null,
          name: input.name,
          state: input.state,
          createdAt: now,
          updatedAt: now,
          createdBy: workspace.user.id,
          updatedBy: workspace.user.id,
        })
        .run();
      return getGraphView(tx, id);
    },
    (view) => ({
      action: 'graph.viewSaved',
      targetType: 'graphView',
      targetId: view.id,
      details: { caseId: view.caseId, name: view.name, nodes: view.state.nodeIds.length },
    }),
  );
}

export function deleteGraphView(workspace: UnlockedWorkspace, id: string): void {
  let caseId: string | null = null;
  workspace.write(
    (tx) => {
      caseId = getGraphView(tx, id).caseId;
      tx.update(graphViewsTable)
        .set({ deletedAt: workspace.now() })
        .where(eq(graphViewsTable.id, id))
        .run();
    },
    () => ({
      action: 'graph.viewDeleted',
      targetType: 'graphView',
      targetId: id,
      details: { caseId },
    }),
  );
}
