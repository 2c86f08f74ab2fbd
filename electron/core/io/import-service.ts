import type { z } from 'zod';
import { importPreviewInput, type importCommitInput } from '../../api/schemas/import-schemas';
import { AppError } from '../app-error';
import type { CoreDeps } from '../core-deps';
import type { Executor } from '../db/database-types';
import { unixToIso } from '../db/unix-time';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { callRecordAt } from './call-columns';
import { validRows, type ImportPlan } from './import-plan';
import { rejectedFileName, rejectedRowsFile } from './import-rejected';
import { keepPlan, planKey, takePlan, type PlannedFile } from './plan-cache';
import { callTotalsOf, moneyTotalsOf } from './plan-totals';
import { commitImport, rejectedLines } from './import-writer';
import { resolveSeizureLedger } from './seizure-ledger-resolve';
import { readAndPlanSource } from './table-file';

/** Imports under way, by ID: the cancel button only flips the flag the writer looks at. */
const running = new Map<string, { cancelled: boolean }>();
type FileInput = z.output<typeof importPreviewInput>;

/**
 * The file's rows and SHA-256: sent as base64, or read from disk where the host allows paths.
 * A preview's plan of a file on disk is kept for the commit that follows it (plan-cache), except a
 * seizure ledger's: its holders are matched against the case as it is at commit time.
 */
async function plan(deps: CoreDeps, db: Executor, input: FileInput, use: 'preview' | 'commit') {
  let source: { bytes: Uint8Array } | { path: string };
  if (input.contentBase64 !== undefined)
    source = { bytes: Buffer.from(input.contentBase64, 'base64') };
  else if (deps.readsFilePaths ?? deps.host === 'test') source = { path: input.filePath! };
  else throw new AppError('import.pathNotAllowed', 'This window cannot import a file by its path');
  const cacheable = input.template !== 'seizures';
  const key = planKey(input);
  if (use === 'commit' && cacheable) {
    const kept = takePlan(key);
    if (kept) return kept;
  }
  const early = use === 'preview' && cacheable ? takeAhead(key) : null;
  const planned = early ? await early : await readAndPlan(db, source, input);
  if (use === 'preview' && cacheable) keepPlan(key, planned);
  return planned;
}

/** A file's plan begun before sign-in (`planAhead`), for the preview of the same file. */
let ahead: { key: string; planned: Promise<PlannedFile>; stop: AbortController } | null = null;

function takeAhead(key: string | null): Promise<PlannedFile> | null {
  if (key === null || ahead?.key !== key) return null;
  const { planned } = ahead;
  ahead = null;
  return planned;
}

/**
 * Begins reading and checking a file named on the command line while the workspace is being
 * unlocked (Argon2id takes a quarter of a second of the CLI's start): the plan is only handed to
 * an `import.preview` of the same file and options, asked through the router by a signed-in
 * user, and the read is the one the preview would make (same file, size, time, options).
 * Returns what stops the parser threads when no preview takes it (the sign-in failed). A
 * seizure ledger is matched against its case, so it is read when asked.
 */
export function planAhead(input: z.input<typeof importPreviewInput>): () => void {
  const parsed = importPreviewInput.safeParse(input);
  if (!parsed.success || parsed.data.template === 'seizures' || !parsed.data.filePath)
    return () => undefined;
  const key = planKey(parsed.data);
  if (key === null) return () => undefined;
  const stop = new AbortController();
  const planned = readAndPlan(null, { path: parsed.data.filePath }, parsed.data, stop.signal);
  // A failure is the preview's to report, after sign-in; unread, it is dropped.
  planned.catch(() => undefined);
  ahead = { key, planned, stop };
  return () => {
    if (ahead?.planned === planned) ahead = null;
    stop.abort();
  };
}

async function readAndPlan(
  db: Executor | null,
  source: { bytes: Uint8Array } | { path: string },
  input: FileInput,
  signal?: AbortSignal,
): Promise<PlannedFile> {
  const {
    file,
    plan: importPlan,
    sha256,
  } = await readAndPlanSource(
    source,
    input.encoding,
    input.template,
    {
      mapping: input.mapping,
      headerMap: input.headerMap,
      ownAccount: input.ownAccount,
      direction: input.direction,
      ownNumber: input.ownNumber,
      areaCode: input.areaCode,
      fileName: input.fileName,
      sheet: input.sheet,
    },
    { signal },
  );
  if (db) resolveSeizureLedger(db, importPlan, input.caseId ?? null);
  return { sha256, file, plan: importPlan };
}

/** Record fields the preview does not show: line numbers and internal IDs. */
const hiddenSampleKeys = new Set([
  'line',
  'caseId',
  'fromEntityId',
  'contentMicrograms',
  'continued',
  // Said by the account's type once imported.
  'counterpartCard',
]);

function sampleOf(importPlan: ImportPlan): Record<string, string>[] {
  const { data } = importPlan;
  const first: object[] =
    data.template === 'calls'
      ? Array.from({ length: Math.min(10, data.records.length) }, (_, index) =>
          // The start shown as UTC ISO, where the other templates show theirs.
          Object.fromEntries(
            Object.entries(callRecordAt(data.records, index)).map(([key, value]) =>
              key === 'startedUnix' ? ['startedAt', unixToIso(Number(value))] : [key, value],
            ),
          ),
        )
      : data.template === 'transactions'
        ? // An attempt (a failed transfer) is listed with the rows set aside, not as one imported.
          data.records.filter((record) => !record.attempt).slice(0, 10)
        : data.records.slice(0, 10);
  return first.map((record) =>
    Object.fromEntries(
      Object.entries(record)
        // A group of fields (a transfer's trace: IP, MAC, device…) shown as its own fields,
        // each under its column's name, not as one "[object Object]".
        .flatMap(([key, value]) =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          !(value instanceof Date)
            ? Object.entries(value as Record<string, unknown>)
            : [[key, value] as const],
        )
        .filter(([key, value]) => !hiddenSampleKeys.has(key) && value !== null)
        .map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join('、') : String(value ?? ''),
        ]),
    ),
  );
}

/** What the file holds and what importing it would do: counts, problems, a sample. */
export async function previewImport(deps: CoreDeps, db: Executor, input: FileInput) {
  const { file, plan: importPlan } = await plan(deps, db, input, 'preview');
  return {
    format: file.format,
    encoding: file.encoding,
    headerLine: importPlan.headerLine,
    headers: importPlan.headers,
    mapping: importPlan.mapping,
    rowCount: importPlan.rowCount,
    nothingMoved: importPlan.nothingMoved ?? 0,
    setAside: (importPlan.setAside ?? []).slice(0, 200),
    setAsideCount: importPlan.setAside?.length ?? 0,
    validCount: validRows(importPlan.data),
    moneyTotals: moneyTotalsOf(importPlan.data),
    callTotals: callTotalsOf(importPlan.data),
    problemCount: importPlan.problems.length,
    rejectedCount: rejectedLines(importPlan).size,
    problems: importPlan.problems.slice(0, 200),
    rejectedFileName: rejectedFileName(input.fileName, file),
    // The commit that follows takes this plan (plan-cache) and gives the same file.
    ...(input.withRejectedFile
      ? { rejectedFile: rejectedRowsFile(file, importPlan, input.fileName) }
      : {}),
    sample: sampleOf(importPlan),
    platform: importPlan.preamble.platform,
    owner: importPlan.owner,
    ownerKnownBy: importPlan.ownerKnownBy ?? null,
    sheets: importPlan.sheets.map((sheet) => ({
      name: file.sheetNames?.[sheet.index] ?? String(sheet.index + 1),
      number: sheet.index + 1,
      rows: sheet.rows,
      read: sheet.read,
      ...(sheet.unread ? { unread: sheet.unread } : {}),
    })),
  };
}

/**
 * Imports the file (one audited transaction per batch, see the writer), reporting progress;
 * `keepAlive` holds the session open while it runs. Returns the rejected rows as a file.
 */
export async function runImport(
  workspace: UnlockedWorkspace,
  deps: CoreDeps,
  input: z.output<typeof importCommitInput>,
  keepAlive: () => void,
) {
  // The same ID still running is used too; taking it over would make its cancel button stop ours.
  if (running.has(input.importId))
    throw new AppError('import.idUsed', 'This import ID is in use already');
  const job = { cancelled: false };
  running.set(input.importId, job);
  try {
    const { sha256, file, plan: importPlan } = await plan(deps, workspace.db, input, 'commit');
    // Made before the commit: a failure making it must leave nothing written, not an import
    // that is in while the caller is told it failed.
    const rejectedFile = input.skipInvalid
      ? rejectedRowsFile(file, importPlan, input.fileName)
      : null;
    let lastReport = 0;
    const summary = await commitImport(workspace, importPlan, {
      importId: input.importId,
      fileName: input.fileName,
      sha256,
      caseId: input.caseId ?? null,
      sheet: input.sheet ?? undefined,
      skipInvalid: input.skipInvalid,
      isCancelled: () => job.cancelled,
      onProgress: (done, total) => {
        keepAlive();
        const time = Date.now();
        if (done < total && time - lastReport < 100) return;
        lastReport = time;
        deps.emit('import.progressed', { importId: input.importId, done, total });
      },
    });
    return { ...summary, rejectedFile };
  } finally {
    running.delete(input.importId);
  }
}

/** The cancel button only flips the flag the writer looks at. */
export function cancelImport(importId: string): { ok: true } {
  const job = running.get(importId);
  if (job) job.cancelled = true;
  return { ok: true };
}
