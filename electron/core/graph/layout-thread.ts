import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../worker-thread';
import type { LayoutProgress } from './force-layout';
import type { LayoutJob, LayoutMessage } from './layout-worker';

type Positions = Record<string, { x: number; y: number }>;

/** The idle layout thread, kept for the next layout (starting one costs a few hundred ms). */
let idle: Worker | null = null;
/** Layouts run one after another in the thread; calls to the router do not wait for them. */
let queue: Promise<unknown> = Promise.resolve();

function runJob(job: LayoutJob, onProgress?: LayoutProgress): Promise<Positions> {
  const worker = idle ?? startWorkerThread(import.meta.url, 'layout-worker');
  idle = null;
  worker.ref();
  return new Promise((resolve, reject) => {
    const finish = (keep: boolean, action: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) {
        worker.unref();
        idle = worker;
      } else void worker.terminate();
      action();
    };
    const onMessage = (message: LayoutMessage) => {
      if (message.kind === 'progress') onProgress?.(message.done, message.total);
      else finish(true, () => resolve(message.positions));
    };
    const onError = (error: Error) => finish(false, () => reject(error));
    const onExit = () => finish(false, () => reject(new Error('The layout thread stopped')));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}

/**
 * Starts the layout thread ahead of the layout, when a chart large enough to need one is read:
 * the thread boots (a few hundred ms) while the chart travels to the window.
 */
export function warmLayoutThread(): void {
  if (idle) return;
  idle = startWorkerThread(import.meta.url, 'layout-worker');
  idle.unref();
}

/**
 * ForceAtlas2 (force-layout.ts) in a worker thread: the main process stays free for other
 * calls while a large chart is laid out, and `onProgress` hears every few iterations.
 * Gives exactly the positions `forceLayout` gives in-process.
 */
export function layoutInThread(job: LayoutJob, onProgress?: LayoutProgress): Promise<Positions> {
  const result = queue.then(() => runJob(job, onProgress));
  queue = result.catch(() => undefined);
  return result;
}

/** Stops the idle layout thread (tests, app quit); the next layout starts a new one. */
export async function stopLayoutThread(): Promise<void> {
  const worker = idle;
  idle = null;
  if (worker) await worker.terminate();
}
