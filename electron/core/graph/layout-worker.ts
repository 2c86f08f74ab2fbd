import { parentPort } from 'node:worker_threads';
import { forceLayout } from './force-layout';

/**
 * The layout thread: runs ForceAtlas2 for each job and posts its progress every few
 * iterations, then the positions. Kept by its parent for the next job (layout-thread.ts).
 */
export interface LayoutJob {
  nodeIds: string[];
  edges: [string, string][];
  iterations: number;
}

export type LayoutMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; positions: Record<string, { x: number; y: number }> };

parentPort!.on('message', (job: LayoutJob) => {
  const positions = forceLayout(job.nodeIds, job.edges, job.iterations, (done, total) =>
    parentPort!.postMessage({ kind: 'progress', done, total } satisfies LayoutMessage),
  );
  parentPort!.postMessage({ kind: 'done', positions } satisfies LayoutMessage);
});
