import { randomUUID } from 'node:crypto';
import type { GraphData } from '../../api/schemas/graph-schemas';
import { layoutThreadIterations } from '../../api/schemas/graph-schemas';
import { layoutInThread } from './layout-thread';

type Positions = Record<string, { x: number; y: number }>;

/**
 * Layouts started by the read of a large chart, until the window asks for them. The thread
 * starts on the chart as soon as it is read, while the chart travels to the window and is
 * built there, instead of after the window has it and sends its IDs back (~0.2 s on 2,000
 * entities). The last few only: a chart closed before its layout came leaves nothing behind.
 */
const started = new Map<string, Promise<Positions>>();
const keptAtMost = 3;

/** Starts laying out `chart` as the window would ask; returns the layout's ID. */
export function startLayoutAhead(
  chart: GraphData,
  onProgress: (layoutId: string, done: number, total: number) => void,
): string {
  const layoutId = randomUUID();
  const positions = layoutInThread(
    {
      nodeIds: chart.nodes.map((node) => node.id),
      edges: chart.edges.map((edge) => [edge.from, edge.to]),
      iterations: layoutThreadIterations,
    },
    (done, total) => onProgress(layoutId, done, total),
  );
  // A failure reaches whoever asks; one nobody asks for is not an unhandled rejection.
  positions.catch(() => undefined);
  started.set(layoutId, positions);
  for (const oldest of started.keys()) {
    if (started.size <= keptAtMost) break;
    started.delete(oldest);
  }
  return layoutId;
}

/** The positions of a layout started ahead, once; null when it is not kept (any more). */
export async function takeLayoutAhead(layoutId: string): Promise<Positions | null> {
  const positions = started.get(layoutId);
  if (!positions) return null;
  started.delete(layoutId);
  return positions;
}

/** Drops every layout kept (the session locked). */
export function forgetLayoutsAhead(): void {
  started.clear();
}
