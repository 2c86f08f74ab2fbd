import fs from 'node:fs';
import { MessageChannel, type TransferListItem, type Worker } from 'node:worker_threads';
import type { ImportTemplate } from '../../api/domain/import-templates';
import type { ErrorCode } from '../../api/error-codes';
import { AppError } from '../app-error';
import { startWorkerThread } from '../worker-thread';
import type { ImportPlan, PlanOptions } from './import-plan';
import { unpackPlan, type PlannedTable, type PlanOnTheWire } from './plan-transfer';
import { tableLimits, type TableFile, type TableLimits } from './table-parse';
import { joinCallPlans } from './plan-split';
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
  /** Stops the parser threads: their read is no longer wanted (a CLI sign-in that failed). */
  signal?: AbortSignal;
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

/** Idle parser threads, kept for the next file (two: a large call list uses both). */
const idle: { worker: Worker; heapMb: number }[] = [];
const keptThreads = 2;
/** Files are read one at a time. */
let queue: Promise<unknown> = Promise.resolve();

type WorkerReply =
  | { ok: true; table: TableFile; sha256: string }
  | { ok: true; packed: PackedCsv; sha256: string }
  | {
      ok: true;
      wire: PlanOnTheWire;
      sha256: string;
      /** Whether the second half went to the second thread, and whether it is read here after all. */
      split?: boolean;
      whole?: boolean;
      rowsRead?: number;
    }
  /** The second thread of a call list that was not split. */
  | { ok: true; none: true }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };
type WorkerResult = Exclude<WorkerReply, { ok: false }>;

/** An idle parser thread with this heap, or a new one. */
function takeWorker(heapMb: number): Worker {
  const at = idle.findIndex((item) => item.heapMb === heapMb);
  if (at >= 0) return idle.splice(at, 1)[0]!.worker;
  return startWorker(heapMb);
}

function keepWorker(worker: Worker, heapMb: number): void {
  worker.unref();
  if (idle.length < keptThreads) idle.push({ worker, heapMb });
  else void worker.terminate();
}

interface RunningJob {
  reply: Promise<WorkerResult>;
  /** Stops the thread (its reply is then a rejection nobody waits for). */
  stop(): void;
}

function runJob(
  job: TableJob,
  options: TableReadOptions,
  worker = takeWorker(options.maxHeapMb ?? defaultHeapMb),
): RunningJob {
  const heapMb = options.maxHeapMb ?? defaultHeapMb;
  worker.ref();
  let stop = () => undefined as void;
  const reply = new Promise<WorkerResult>((resolve, reject) => {
    let settled = false;
    const settle = (keep: boolean, action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) keepWorker(worker, heapMb);
      else void worker.terminate();
      action();
    };
    stop = () => settle(false, () => reject(new AppError('import.cancelled', 'Stopped')));
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
    if (options.signal?.aborted) return stop();
    options.signal?.addEventListener('abort', () => stop(), { once: true });
    const moved: TransferListItem[] = job.bytes ? [job.bytes.buffer as ArrayBuffer] : [];
    for (const port of [job.split, job.secondHalf]) if (port) moved.push(port);
    worker.postMessage(job, moved);
  });
  return { reply, stop: () => stop() };
}

type TableSource = { bytes: Uint8Array } | { path: string };

/** The file's size in bytes (0 when it cannot be read: the parser thread says why). */
function sizeOf(source: TableSource): number {
  if ('bytes' in source) return source.bytes.length;
  try {
    return fs.statSync(source.path).size;
  } catch {
    return 0;
  }
}

function jobFor(source: TableSource, encoding: TextEncoding | 'auto', options: TableReadOptions) {
  // The bytes move to the worker: a copy keeps the caller's buffer usable.
  const job: TableJob =
    'bytes' in source
      ? { bytes: new Uint8Array(source.bytes), encoding, limits: options.limits ?? tableLimits }
      : { path: source.path, encoding, limits: options.limits ?? tableLimits };
  return job;
}

/** Runs `work` when the files before it are read (one file at a time). */
function queued<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work);
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
  const job = jobFor(source, encoding, options);
  const reply = await queued(() => runJob(job, options).reply);
  if ('wire' in reply || 'none' in reply)
    throw new Error('The parser thread planned a file it was asked to read');
  return {
    table: 'packed' in reply ? unpackCsv(reply.packed) : reply.table,
    sha256: reply.sha256,
  };
}

/**
 * Reads a table file as readTableSource does and checks its rows against an import template
 * in the same thread (import-plan): the main thread gets the plan, never the rows, and stays
 * free while a million rows are checked. A large call list is read by two threads, a half
 * each (plan-split), under the same limits each.
 */
export function readAndPlanSource(
  source: TableSource,
  encoding: TextEncoding | 'auto',
  template: ImportTemplate,
  planOptions: PlanOptions,
  options: TableReadOptions = {},
): Promise<{ file: PlannedTable; plan: ImportPlan; sha256: string }> {
  const job = jobFor(source, encoding, options);
  job.plan = { template, options: planOptions };
  return queued(async () => {
    if (template !== 'calls' || sizeOf(source) < job.limits.splitFromBytes) {
      const reply = await runJob(job, options).reply;
      if (!('wire' in reply)) throw new Error('The parser thread sent no plan');
      return { ...unpackPlan(reply.wire), sha256: reply.sha256 };
    }
    // The second thread starts with the first and waits for its half on a port between them.
    const channel = new MessageChannel();
    job.split = channel.port1;
    const second = runJob(
      { encoding, limits: job.limits, plan: job.plan, secondHalf: channel.port2 },
      options,
    );
    second.reply.catch(() => undefined);
    let reply: WorkerResult;
    try {
      reply = await runJob(job, options).reply;
    } catch (error) {
      second.stop();
      throw error;
    }
    if (!('wire' in reply)) throw new Error('The parser thread sent no plan');
    if (reply.whole !== false) {
      // Not split (the second thread says so and is kept), or read whole after all.
      void second.reply.then(
        (rest) => 'none' in rest || second.stop(),
        () => undefined,
      );
      if (reply.rowsRead === undefined || reply.whole === undefined) void 0;
      return { ...unpackPlan(reply.wire), sha256: reply.sha256 };
    }
    const rest = await second.reply;
    if (!('wire' in rest)) throw new Error('The second parser thread sent no plan');
    const firstHalf = unpackPlan(reply.wire);
    const plan = joinCallPlans(
      firstHalf.plan,
      unpackPlan(rest.wire).plan,
      job.limits,
      (reply.rowsRead ?? 0) + (rest.rowsRead ?? 0),
    );
    return { file: firstHalf.file, plan, sha256: reply.sha256 };
  });
}

/** Reads a CSV or XLSX from bytes (in the parser thread; see readTableSource). */
export async function readTableFile(
  bytes: Uint8Array,
  encoding: TextEncoding | 'auto' = 'auto',
): Promise<TableFile> {
  return (await readTableSource({ bytes }, encoding)).table;
}
