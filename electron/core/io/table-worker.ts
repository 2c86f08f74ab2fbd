import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { ImportTemplate } from '../../api/domain/import-templates';
import { AppError, isAppError } from '../app-error';
import { headerSearchRows, startPlan, type PlanOptions } from './import-plan';
import { isBinaryContent } from './binary-content';
import { isOle2, isOle2OfAnotherProgram } from './legacy-sheet';
import { detectSeparator, type CsvSeparator } from './csv-separator';
import { fixedWidthLayout } from './fixed-width';
import { startsWebPage } from './html-page';
import { chooseSplit } from './plan-split';
import { packPlan, planBuffers } from './plan-transfer';
import { settleCallList } from './call-list-settle';
import {
  csvEncoding,
  isDelimitedText,
  isZip,
  parseTable,
  readCsvText,
  readTableRows,
  type TableLimits,
} from './table-parse';
import { packCsv, packedBuffers } from './table-transfer';
import { decodeText, type TextEncoding } from './text-decoding';

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
  /** A large call list's second half goes to the second thread through this port (plan-split). */
  split?: MessagePort;
  /** This thread plans the second half of a split call list, if one comes through this port. */
  secondHalf?: MessagePort;
}

/** What the second thread of a split call list reads: the header rows and its half's bytes. */
interface SecondHalf {
  head: string;
  tail: Uint8Array;
  /** The line the tail starts on. */
  line: number;
  encoding: TextEncoding;
  separator: CsvSeparator;
}

/**
 * The bytes a split file's separator is found in: enough for the 65,536 characters the
 * sniffer looks at in any encoding, so it sees what it sees in the whole decoded file.
 */
const separatorSampleBytes = 1 << 18;

/** Waits for the second half (null: the file was not split), plans it, replies. */
function planSecondHalf(job: TableJob, port: MessagePort) {
  port.once('message', (part: SecondHalf | null) => {
    port.close();
    if (!part) {
      parentPort!.postMessage({ ok: true, none: true });
      return;
    }
    try {
      const { template, options } = job.plan!;
      const planner = startPlan(template, options, { dataFromLine: part.line });
      const { separator } = part;
      readCsvText(part.head, job.limits, planner.take, { rows: headerSearchRows }, separator);
      const tail = decodeText(part.tail, part.encoding, false);
      const span = { from: 0, line: part.line };
      const read = readCsvText(tail, job.limits, planner.take, span, separator);
      const wire = packPlan({ format: 'csv', encoding: part.encoding }, planner.finish());
      parentPort!.postMessage(
        { ok: true, wire, sha256: '', rowsRead: read.rows },
        planBuffers(wire),
      );
    } catch (error) {
      refuse(error);
    }
  });
}

/** The names of workbooks that are zip files (Excel 2007+, OpenDocument). */
const workbookName = /\.(?:xlsx|xlsm|xltx|xltm|xlsb|ods)$/i;
/** Those and Excel 97–2003's, whose name banks also give HTML tables and tab-separated text. */
const anyWorkbookName = /\.(?:xlsx|xlsm|xltx|xltm|xlsb|ods|xls|xlt)$/i;
const notSpreadsheet = () =>
  new AppError('import.notSpreadsheet', 'Named as a workbook, and not one');
/** Why a text is no table: a workbook's name on it then says what it is. */
const unreadCodes = new Set([
  'import.empty',
  'import.unclosedQuote',
  'import.notTable',
  'import.malformedFile',
  'import.missingColumns',
  'import.tooManyColumns',
]);

/** Plans the whole file in this thread. */
async function planWhole(
  job: TableJob,
  bytes: Uint8Array,
  sha256: string,
  encoding: TextEncoding | 'auto',
) {
  const { template, options } = job.plan!;
  // The hash keys a bill's owner known only by a nickname to this file (name-only-owner).
  const planner = startPlan(template, { ...options, fileSha256: sha256 });
  const read = await readTableRows(bytes, encoding, job.limits, planner.take);
  const wire = packPlan(read, planner.finish());
  parentPort!.postMessage({ ok: true, wire, sha256, whole: true }, planBuffers(wire));
}

/**
 * Plans the file, each row checked as it is read (import-plan's startPlan); a large call list
 * is split with a second thread (plan-split): the second half's bytes go to it through the
 * port before anything else is decoded, and this thread plans the first half (or, when a
 * quoted cell runs across the cut, the whole file).
 */
async function planFile(job: TableJob, bytes: Uint8Array) {
  const { template, options } = job.plan!;
  const port = job.split;
  const fileName = options.fileName ?? '';
  const delimited = isDelimitedText(bytes);
  // Named as a workbook (.xlsx), its bytes no workbook: read whole here, as the text it may be.
  const namedBook = delimited && workbookName.test(fileName);
  // Named as any workbook (.xls too), its bytes not even text (a PDF, a picture, random bytes).
  const namedBinary = delimited && anyWorkbookName.test(fileName) && isBinaryContent(bytes);
  if (!port || template !== 'calls' || !delimited || namedBook || namedBinary) {
    port?.postMessage(null);
    port?.close();
    if (namedBinary) throw notSpreadsheet();
    try {
      await planWhole(job, bytes, sha256Of(bytes), job.encoding);
    } catch (error) {
      // Read as text it is no table either (a damaged or cut-short workbook, another file
      // renamed): said as no workbook, not as a CSV's empty table or stray quote.
      if (namedBook && (!isAppError(error) || unreadCodes.has(error.code))) throw notSpreadsheet();
      // A zip under a workbook's name that is none (a Word .docx renamed .xlsx) or is cut short
      // or damaged, or a Word .doc renamed .xls: no workbook, not a CSV's stray quote.
      if (
        isAppError(error) &&
        error.code === 'import.malformedFile' &&
        anyWorkbookName.test(fileName) &&
        (isZip(bytes) || (isOle2(bytes) && (await isOle2OfAnotherProgram(bytes))))
      )
        throw notSpreadsheet();
      throw error;
    }
    return;
  }
  let split: ReturnType<typeof chooseSplit> = null;
  let encoding: TextEncoding;
  let separator: CsvSeparator;
  // A report lined up with spaces is read whole, in this thread; so is a web page with no
  // table (a system's error page), which is said to be one (html-page), never split as text.
  let fixedWidth: boolean;
  let page: boolean;
  try {
    encoding = csvEncoding(bytes, job.encoding, job.limits);
    // Found from the first lines (a character cut at the end of them counts for nothing).
    const sample = decodeText(bytes.subarray(0, separatorSampleBytes), encoding);
    separator = detectSeparator(sample);
    fixedWidth = !!fixedWidthLayout(sample);
    page = startsWebPage(sample);
    if (!fixedWidth && !page) split = chooseSplit(bytes, encoding, separator, job.limits);
  } finally {
    // The second thread waits for its half, or for word that there is none.
    if (split) {
      // A copy of its own to move (a Buffer's slice would share, and move, the whole file).
      const tail = new Uint8Array(bytes.subarray(split.start));
      const part: SecondHalf = {
        head: split.head,
        tail,
        line: split.line,
        encoding: encoding!,
        separator: separator!,
      };
      port.postMessage(part, [tail.buffer]);
    } else port.postMessage(null);
    port.close();
  }
  // Hashed once the second thread has its half: it need not wait for the hash.
  const sha256 = sha256Of(bytes);
  if (fixedWidth || page) {
    await planWhole(job, bytes, sha256, encoding);
    return;
  }
  const planner = startPlan(
    template,
    { ...options, fileSha256: sha256 },
    split ? { dataFromLine: 0 } : undefined,
  );
  const text = decodeText(split ? bytes.subarray(0, split.start) : bytes, encoding);
  let read = readCsvText(text, job.limits, planner.take, { openEnd: !!split }, separator);
  const whole = !split || !!read.cut;
  if (split && read.cut) {
    // A quoted cell runs across the cut: the rest of the file is read here.
    const rest =
      text.slice(read.position) + decodeText(bytes.subarray(split.start), encoding, false);
    const span = { from: 0, line: read.line };
    const more = readCsvText(rest, job.limits, planner.take, span, separator);
    read = { ...more, rows: read.rows + more.rows };
    if (read.rows > job.limits.maxRows)
      throw new AppError('import.tooManyRows', 'The file has too many rows', {
        limit: job.limits.maxRows,
      });
  }
  const plan = planner.finish();
  if (whole && !plan.rowCount) throw new AppError('import.empty', 'No data rows');
  // Planned as a half, read whole: its cells are keyed here, no join follows.
  if (split && whole && plan.data.template === 'calls') {
    settleCallList(plan.data.records, plan.dates, plan.clocks, plan.preamble.period);
  }
  const wire = packPlan({ format: 'csv', encoding, separator }, plan);
  parentPort!.postMessage(
    { ok: true, wire, sha256, split: !!split, whole, rowsRead: read.rows },
    planBuffers(wire),
  );
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function refuse(error: unknown) {
  parentPort!.postMessage(
    isAppError(error)
      ? { ok: false, code: error.code, details: error.details }
      : { ok: false, code: 'import.malformedFile' },
  );
}

async function run(job: TableJob) {
  try {
    if (job.secondHalf) {
      planSecondHalf(job, job.secondHalf);
      return;
    }
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
    if (job.plan) {
      await planFile(job, bytes);
      return;
    }
    const sha256 = sha256Of(bytes);
    const table = await parseTable(bytes, job.encoding, job.limits);
    // A CSV goes back packed (table-transfer): one string and typed arrays, not a row object each.
    const packed = packCsv(table);
    if (packed) parentPort!.postMessage({ ok: true, packed, sha256 }, packedBuffers(packed));
    else parentPort!.postMessage({ ok: true, table, sha256 });
  } catch (error) {
    refuse(error);
  }
}

parentPort!.on('message', (job: TableJob) => void run(job));
