import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { ImportTemplate } from '../../api/domain/import-templates';
import { isAppError } from '../app-error';
import { startPlan, type PlanOptions } from './import-plan';
import { packPlan, planBuffers } from './plan-transfer';
import { parseTable, readTableRows, type TableLimits } from './table-parse';
import { packCsv, packedBuffers } from './table-transfer';
import type { TextEncoding } from './text-decoding';

/**
 * The table parser's thread: for each job, reads the file (bytes handed over, or a path),
 * hashes it, parses it within the limits, and posts the rows back (a CSV's packed), or, when
 * the job names a template, checks the rows against it and posts the plan back
 * (plan-transfer): the rows never cross to the main thread. Or the refusal's code.
 * Runs under the memory limits its parent gives it; the parent stops it when a job takes too
 * long, and keeps it for the next job otherwise (starting one costs about a second).
 */
export interface TableJob {
  bytes?: Uint8Array;
  path?: string;
  encoding: TextEncoding | 'auto';
  limits: TableLimits;
  /** Plan the import here (see import-plan) instead of sending the rows back. */
  plan?: { template: ImportTemplate; options: PlanOptions };
}

async function run(job: TableJob) {
  try {
    let bytes = job.bytes;
    if (!bytes) {
      let size: number;
      try {
        size = fs.statSync(job.path!).size;
      } catch {
        parentPort!.postMessage({ ok: false, code: 'import.fileUnreadable' });
        return;
      }
      const limit = Math.max(job.limits.maxCsvBytes, job.limits.maxXlsxBytes);
      if (size > limit) {
        parentPort!.postMessage({
          ok: false,
          code: 'import.tooLarge',
          details: { limitMiB: Math.round(limit / 1024 / 1024) },
        });
        return;
      }
      bytes = fs.readFileSync(job.path!);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (job.plan) {
      // Each row is checked as it is read (import-plan's startPlan).
      const planner = startPlan(job.plan.template, job.plan.options);
      const read = await readTableRows(bytes, job.encoding, job.limits, planner.take);
      const wire = packPlan(read, planner.finish());
      parentPort!.postMessage({ ok: true, wire, sha256 }, planBuffers(wire));
      return;
    }
    const table = await parseTable(bytes, job.encoding, job.limits);
    // A CSV goes back packed (table-transfer): one string and typed arrays, not a row object each.
    const packed = packCsv(table);
    if (packed) parentPort!.postMessage({ ok: true, packed, sha256 }, packedBuffers(packed));
    else parentPort!.postMessage({ ok: true, table, sha256 });
  } catch (error) {
    parentPort!.postMessage(
      isAppError(error)
        ? { ok: false, code: error.code, details: error.details }
        : { ok: false, code: 'import.malformedFile' },
    );
  }
}

parentPort!.on('message', (job: TableJob) => void run(job));
