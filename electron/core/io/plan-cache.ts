import fs from 'node:fs';
import type { ImportPlan } from './import-plan';
import type { PlannedTable } from './plan-transfer';

/** What `import.preview` read and checked, kept for the `import.commit` that follows it. */
export interface PlannedFile {
  sha256: string;
  file: PlannedTable;
  plan: ImportPlan;
}

/** A preview nobody commits within this time is dropped (its rows take memory). */
const keepMs = 120_000;

let kept: { key: string; until: number; planned: PlannedFile } | null = null;
let timer: NodeJS.Timeout | null = null;

/**
 * The key of a file read by path with the options that shape its plan: the file's size and
 * modification time are part of it, so a file changed between preview and commit is read
 * again. Files sent as bytes are not kept (the wizard's review may last long).
 */
export function planKey(input: {
  filePath?: string;
  contentBase64?: string;
  encoding: string;
  template: string;
  mapping?: Record<string, number>;
  headerMap?: Record<string, string>;
  ownAccount?: string | null;
  direction?: string | null;
  ownNumber?: string | null;
  areaCode?: string | null;
  sheet?: number | null;
}): string | null {
  if (input.filePath === undefined) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input.filePath);
  } catch {
    return null;
  }
  return JSON.stringify([
    input.filePath,
    stat.size,
    stat.mtimeMs,
    stat.ino,
    input.encoding,
    input.template,
    input.mapping ?? null,
    input.headerMap ?? null,
    input.ownAccount ?? null,
    input.direction ?? null,
    input.ownNumber ?? null,
    input.areaCode ?? null,
    input.sheet ?? null,
  ]);
}

/**
 * Keeps the plan of a preview for the commit of the same file (the CLI previews, then
 * commits): the file is then read, hashed, parsed and checked once instead of twice.
 */
export function keepPlan(key: string | null, planned: PlannedFile): void {
  forgetPlan();
  if (key === null) return;
  kept = { key, until: Date.now() + keepMs, planned };
  timer = setTimeout(forgetPlan, keepMs);
  timer.unref();
}

/** The kept plan for this key, handed over once. */
export function takePlan(key: string | null): PlannedFile | null {
  if (key === null || !kept || kept.key !== key || kept.until < Date.now()) return null;
  const { planned } = kept;
  forgetPlan();
  return planned;
}

export function forgetPlan(): void {
  kept = null;
  if (timer) clearTimeout(timer);
  timer = null;
}
