import crypto from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { BriefingItem, briefingItemAddInput } from '../../api/schemas/briefing-item-schemas';
import { AppError } from '../app-error';
import { assertCaseExists } from '../membership/case-guards';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { briefingItemsTable, type BriefingItemContent } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Larger than any page prints; keeps one picture from filling the workspace. */
const maxSidePx = 8_000;

/**
 * The size of a PNG from its header (IHDR), refusing anything that is not one: the picture is
 * later put into the briefing's HTML and Word file, so only a real PNG may get there.
 */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Buffer.from(base64, 'base64');
  if (
    bytes.length < 33 ||
    !bytes.subarray(0, 8).equals(pngSignature) ||
    bytes.subarray(12, 16).toString('latin1') !== 'IHDR'
  )
    throw new AppError('briefing.invalidFigure', 'The figure is not a PNG picture');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (!width || !height || width > maxSidePx || height > maxSidePx)
    throw new AppError('briefing.invalidFigure', 'The figure is not a PNG picture');
  return { width, height };
}

function toItem(row: typeof briefingItemsTable.$inferSelect): BriefingItem {
  return {
    id: row.id,
    caseId: row.caseId,
    position: row.position,
    title: row.title,
    source: row.source,
    content: row.content,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

/** A case's analysis results for its briefing, in their order. */
export function listBriefingItems(db: Executor, caseId: string): BriefingItem[] {
  assertCaseExists(db, caseId);
  return db
    .select()
    .from(briefingItemsTable)
    .where(eq(briefingItemsTable.caseId, caseId))
    .orderBy(asc(briefingItemsTable.position), asc(briefingItemsTable.createdAt))
    .all()
    .map(toItem);
}

/** Keeps an analysis result (table or figure) for the case's briefing, after the others. */
export function addBriefingItem(
  workspace: UnlockedWorkspace,
  input: z.output<typeof briefingItemAddInput>,
): BriefingItem {
  const given = input.content;
  const content: BriefingItemContent =
    given.kind === 'table'
      ? {
          kind: 'table',
          columns: given.columns,
          // Every row as wide as the head: a short row gets empty cells, a long one is cut.
          rows: given.rows.map((row) => given.columns.map((_, index) => row[index] ?? '')),
        }
      : { kind: 'figure', png: given.png, ...pngSize(given.png) };
  return workspace.write(
    (tx) => {
      assertCaseExists(tx, input.caseId);
      const last = tx.get<{ position: number | null }>(
        sql`SELECT MAX(position) AS position FROM briefing_items WHERE case_id = ${input.caseId}`,
      );
      const id = newId();
      const now = workspace.now();
      tx.insert(briefingItemsTable)
        .values({
          id,
          caseId: input.caseId,
          position: (last?.position ?? -1) + 1,
          title: input.title,
          source: input.source,
          content,
          createdAt: now,
          updatedAt: now,
          createdBy: workspace.user.id,
          updatedBy: workspace.user.id,
        })
        .run();
      return toItem(
        tx.select().from(briefingItemsTable).where(eq(briefingItemsTable.id, id)).get()!,
      );
    },
    (item) => ({
      action: 'briefing.itemAdded',
      targetType: 'case',
      targetId: item.caseId,
      details: { caseId: item.caseId, itemId: item.id, ...itemRecord(item) },
    }),
  );
}

/**
 * What an item said, as the audit keeps it: its title, source and content (a table's cells, a
 * figure's size), with the content's SHA-256. A table typed into the briefing as an analysis
 * result, then removed, had left only its row count: no one could tell later what it said.
 */
function itemRecord(item: { title: string; source: string; content: BriefingItemContent }) {
  const { content } = item;
  return {
    title: item.title,
    source: item.source,
    kind: content.kind,
    sha256: crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex'),
    ...(content.kind === 'table'
      ? { rows: content.rows.length, columns: content.columns, cells: content.rows.slice(0, 200) }
      : { rows: null, width: content.width, height: content.height }),
  };
}

function existingItem(tx: Executor, id: string) {
  const row = tx.select().from(briefingItemsTable).where(eq(briefingItemsTable.id, id)).get();
  if (!row) throw new AppError('briefing.itemNotFound', 'No such briefing item');
  return row;
}

export function removeBriefingItem(workspace: UnlockedWorkspace, id: string): { ok: true } {
  let removed: BriefingItem | null = null;
  return workspace.write(
    (tx) => {
      removed = toItem(existingItem(tx, id));
      tx.delete(briefingItemsTable).where(eq(briefingItemsTable.id, id)).run();
      return { ok: true as const };
    },
    () => ({
      action: 'briefing.itemRemoved',
      targetType: 'case',
      targetId: removed!.caseId,
      // What went, whoever had added it: the item is gone from the workspace, not from the log.
      details: { caseId: removed!.caseId, itemId: id, ...itemRecord(removed!) },
    }),
  );
}

/** Swaps an item with its neighbour above or below (nothing to do at either end). */
export function moveBriefingItem(
  workspace: UnlockedWorkspace,
  input: { id: string; direction: 'up' | 'down' },
): { ok: true } {
  let caseId = '';
  return workspace.write(
    (tx) => {
      const item = existingItem(tx, input.id);
      caseId = item.caseId;
      const order = listBriefingItems(tx, item.caseId);
      const index = order.findIndex((row) => row.id === item.id);
      const swapWith = order[input.direction === 'up' ? index - 1 : index + 1];
      if (!swapWith) return { ok: true as const };
      // Renumber all in the new order, so equal positions from old data cannot stick.
      [order[index], order[order.indexOf(swapWith)]] = [swapWith, order[index]!];
      order.forEach((row, position) =>
        tx
          .update(briefingItemsTable)
          .set({ position, updatedAt: workspace.now(), updatedBy: workspace.user.id })
          .where(eq(briefingItemsTable.id, row.id))
          .run(),
      );
      return { ok: true as const };
    },
    () => ({
      action: 'briefing.itemMoved',
      targetType: 'case',
      targetId: caseId,
      details: { caseId, itemId: input.id, direction: input.direction },
    }),
  );
}
