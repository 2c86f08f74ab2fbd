import type { Worker } from 'node:worker_threads';
import type { ImportTemplate } from '../../api/domain/import-templates';
import type { ErrorCode } from '../../api/error-codes';
import { AppError } from '../app-error';
import { startWorkerThread } from '../worker-thread';
import type { ImportPlan, PlanOptions } from './import-plan';
import { unpackPlan, type PlannedTable, type PlanOnTheWire } from './plan-transfer';
import { tableLimits, type TableFile, type TableLimits } from './table-parse';
import type { TableJob } from './table-worker';
import { unpackCsv, type PackedCsv } from './table-transfer';
import type { TextEncoding } from './text-decoding';

export type { Cell, TableFile, TableRow } from './table-parse';

interface TableReadOptions {
  limits?: TableLimits;
  /** The parser is stopped after this long (a hostile file must not hold the app). */
  timeoutMs?: number;
  /** Heap for the parser thread, MB. */
  maxHeapMb?: number;
}

const defaultTimeoutMs = 180_000;
const defaultHeapMb = 3_072;

/** The parser thread, under memory limits (worker-thread.ts finds its script). */
function startWorker(heapMb: number): Worker {
  return startWorkerThread(import.meta.url, 'table-worker', {
    maxOldGenerationSizeMb: heapMb,
    maxYoungGenerationSizeMb: 64,
  });
}

/** The idle parser thread, kept for the next file; jobs run one at a time. */
let idle: { worker: Worker; heapMb: number } | null = null;
let queue: Promise<unknown> = Promise.resolve();

type WorkerReply =
  | { ok: true; table: TableFile; sha256: string }
  | { ok: true; packed: PackedCsv; sha256: string }
  | { ok: true; wire: PlanOnTheWire; sha256: string }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };
type WorkerResult = Exclude<WorkerReply, { ok: false }>;

function runJob(job: TableJob, options: TableReadOptions): Promise<WorkerResult> {
  const heapMb = options.maxHeapMb ?? defaultHeapMb;
  const reuse = idle && idle.heapMb === heapMb ? idle.worker : null;
  if (idle && !reuse) void idle.worker.terminate();
  idle = null;
  const worker = reuse ?? startWorker(heapMb);
  worker.ref();
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (keep: boolean, action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) {
        worker.unref();
        idle = { worker, heapMb };
      } else void worker.terminate();
      action();
    };
    const timer = setTimeout(
      () =>
        settle(false, () =>
          reject(new AppError('import.timedOut', 'Reading the file took too long')),
        ),
      options.timeoutMs ?? defaultTimeoutMs,
    );
    const onMessage = (message: WorkerReply) =>
      settle(true, () =>
        message.ok
          ? resolve(message)
          : reject(new AppError(message.code, 'The file cannot be imported', message.details)),
      );
    const onError = (error: Error & { code?: string }) =>
      settle(false, () =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('import.tooLarge', 'Reading the file needs too much memory', {
                limitMiB: heapMb,
              })
            : error,
        ),
      );
    const onExit = () =>
      settle(false, () => reject(new AppError('import.malformedFile', 'The file cannot be read')));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job, job.bytes ? [job.bytes.buffer as ArrayBuffer] : []);
  });
}

type TableSource = { bytes: Uint8Array } | { path: string };

/** Queues a job for the parser thread (one at a time). */
function queueJob(
  source: TableSource,
  encoding: TextEncoding | 'auto',
  options: TableReadOptions,
  plan?: TableJob['plan'],
): Promise<WorkerResult> {
  // The bytes move to the worker: a copy keeps the caller's buffer usable.
  const job: TableJob =
    'bytes' in source
      ? { bytes: new Uint8Array(source.bytes), encoding, limits: options.limits ?? tableLimits }
      : { path: source.path, encoding, limits: options.limits ?? tableLimits };
  if (plan) job.plan = plan;
  const result = queue.then(() => runJob(job, options));
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Reads a table file in a worker thread with memory and time limits, so a hostile or huge
 * file cannot freeze or exhaust the app: a CSV (UTF-8 or GB18030) or the first sheet of an
 * XLSX, from bytes or from a path on disk. Returns the rows and the file's SHA-256.
 */
export async function readTableSource(
  source: TableSource,
  encoding: TextEncoding | 'auto' = 'auto',
  options: TableReadOptions = {},
): Promise<{ table: TableFile; sha256: string }> {
  const reply = await queueJob(source, encoding, options);
  if ('wire' in reply) throw new Error('The parser thread planned a file it was asked to read');
  return {
    table: 'packed' in reply ? unpackCsv(reply.packed) : reply.table,
    sha256: reply.sha256,
  };
}

/**
 * Reads a table file as readTableSource does and checks its rows against an import template
 * in the same thread (planImport): the main thread gets the plan, never the rows, and stays
 * free while a million rows are checked.
 */
export async function readAndPlanSource(
  source: TableSource,
  encoding: TextEncoding | 'auto',
  template: ImportTemplate,
  planOptions: PlanOptions,
  options: TableReadOptions = {},
): Promise<{ file: PlannedTable; plan: ImportPlan; sha256: string }> {
  const reply = await queueJob(source, encoding, options, { template, options: planOptions });
  if (!('wire' in reply)) throw new Error('The parser thread sent rows instead of a plan');
  return { ...unpackPlan(reply.wire), sha256: reply.sha256 };
}

/** Reads a CSV or XLSX from bytes (in the parser thread; see readTableSource). */
export async function readTableFile(
  bytes: Uint8Array,
  encoding: TextEncoding | 'auto' = 'auto',
): Promise<TableFile> {
  return (await readTableSource({ bytes }, encoding)).table;
}
