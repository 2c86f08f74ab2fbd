import type { Worker } from 'node:worker_threads';
import { AppError } from '../app-error';
import { startWorkerThread } from '../worker-thread';
import type { CheckedPackage } from './package-checks';
import type { PackageJob, PackageMessage } from './package-worker';

/** Heap for the checking thread: a package inflates to 256 MiB of JSON at most. */
const heapMb = 3_072;
/** A package still being checked after this long is stopped (a hostile one must not hold it). */
const timeoutMs = 180_000;

/** The idle checking thread, kept for the next package (starting one costs up to a second). */
let idle: Worker | null = null;
/** Packages being checked, by the ID their receive call gave: the cancel button stops one. */
const running = new Map<string, () => void>();

function startWorker(): Worker {
  return startWorkerThread(import.meta.url, 'package-worker', {
    maxOldGenerationSizeMb: heapMb,
    maxYoungGenerationSizeMb: 64,
  });
}

/**
 * Opens and checks a package in its own thread (package-worker), so a large one (tens of
 * thousands of rows) holds no other call; `onProgress` hears rows checked of the total, and
 * `cancelPackage(jobId)` stops it (import.cancelled).
 */
export function checkPackageInThread(
  job: PackageJob,
  jobId: string | undefined,
  onProgress: (done: number, total: number) => void,
): Promise<CheckedPackage> {
  if (jobId && running.has(jobId))
    return Promise.reject(new AppError('import.idUsed', 'This import ID is in use already'));
  const worker = idle ?? startWorker();
  idle = null;
  worker.ref();
  return new Promise<CheckedPackage>((resolve, reject) => {
    const finish = (keep: boolean, action: () => void) => {
      clearTimeout(timer);
      if (jobId) running.delete(jobId);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep && !idle) {
        worker.unref();
        idle = worker;
      } else void worker.terminate();
      action();
    };
    const timer = setTimeout(
      () =>
        finish(false, () =>
          reject(new AppError('import.timedOut', 'Checking the package took too long')),
        ),
      timeoutMs,
    );
    if (jobId)
      running.set(jobId, () =>
        finish(false, () => reject(new AppError('import.cancelled', 'The package was cancelled'))),
      );
    const onMessage = (message: PackageMessage) => {
      if (message.kind === 'progress') onProgress(message.done, message.total);
      else if (message.kind === 'done') finish(true, () => resolve(message.checked));
      else
        finish(true, () =>
          reject(new AppError(message.code, 'The package was refused', message.details)),
        );
    };
    const onError = (error: Error & { code?: string }) =>
      finish(false, () =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('package.tooLarge', 'Checking the package needs too much memory', {
                limitMiB: heapMb,
              })
            : error,
        ),
      );
    const onExit = () =>
      finish(false, () => reject(new AppError('package.corrupt', 'The package cannot be read')));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // The bytes move to the thread: a copy keeps the caller's buffer usable.
    const bytes = new Uint8Array(job.bytes);
    worker.postMessage({ ...job, bytes } satisfies PackageJob, [bytes.buffer as ArrayBuffer]);
  });
}

/** The cancel button: stops the package's check, if it is still being checked. */
export function cancelPackage(jobId: string): { ok: true } {
  running.get(jobId)?.();
  return { ok: true };
}
