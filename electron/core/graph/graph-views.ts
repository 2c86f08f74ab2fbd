import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  graphViewStateSchema,
  type GraphEdge,
  type GraphNode,
  type GraphView,
  type graphViewSaveInput,
} from '../../api/schemas/graph-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { graphViewsTable } from '../db/schema';
import { assertCaseExists } from '../membership/case-guards';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { edgesAmong, liveEntityIds, loadNodes } from './graph-data';

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
 * A saved view and its entities as the workspace holds them now: those that still exist, with
 * tier and status in the view's case. The window no longer sends the view's 10,000 IDs back.
 */
export function openGraphView(db: Executor, id: string): { view: GraphView; nodes: GraphNode[] } {
  const view = getGraphView(db, id);
  return { view, nodes: loadNodes(db, view.state.nodeIds, view.caseId ?? undefined) };
}

/** Every live relation among a saved view's entities that still exist, read afresh. */
export function graphViewRelations(db: Executor, id: string): GraphEdge[] {
  // The entity IDs alone: a large view's positions are most of its state, and not needed here.
  const row = db
    .select({ nodeIds: sql<string>`json_extract(${graphViewsTable.state}, '$.nodeIds')` })
    .from(graphViewsTable)
    .where(and(eq(graphViewsTable.id, id), isNull(graphViewsTable.deletedAt)))
    .get();
  if (!row) throw new AppError('graph.viewNotFound', 'No such saved view');
  const nodeIds = graphViewStateSchema.shape.nodeIds.parse(JSON.parse(row.nodeIds ?? '[]'));
  return edgesAmong(db, liveEntityIds(db, nodeIds));
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
