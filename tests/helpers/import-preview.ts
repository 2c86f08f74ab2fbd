import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from './test-core';

/** The previews the record-variant tests ask for: a GB18030 CSV or an .xlsx, through the router. */
export type PreviewTemplate = 'calls' | 'transactions' | 'persons';

export interface SheetOf {
  name?: string;
  rows: unknown[][];
  state?: 'hidden' | 'veryHidden';
  /** Ranges merged after the rows are written (D2:D4). */
  merges?: string[];
}

/** `core` gives the test's core at call time (a new one per test). */
/** An .xlsx of these sheets (the first named 明细 when unnamed), in base64. */
export async function workbookBase64(sheets: SheetOf[], options: { date1904?: boolean } = {}) {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const { name, rows, state, merges } of sheets) {
    const sheet = workbook.addWorksheet(name ?? '明细');
    if (state) sheet.state = state;
    for (const row of rows) sheet.addRow(row);
    for (const range of merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/**
 * The key an owner known by a name alone is given in a file of these lines, as `preview` sends
 * them (GB18030, CRLF): its SHA-256's first 12 hex digits (name-only-owner).
 */
export function fileKeyOfLines(lines: string[]): string {
  const bytes = iconv.encode(lines.join('\r\n'), 'gb18030');
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** What else a preview may be told: the way the money went where the file says it nowhere, a name. */
export interface PreviewOptions {
  direction?: 'out' | 'in';
  /** The file's name (else `<template>.csv`). */
  fileName?: string;
  ownAccount?: string;
  /** A workbook's sheet read alone (1 for the first). */
  sheet?: number;
  /** The 话单's own number where the file has no column for it. */
  ownNumber?: string;
  /** The area code of landlines printed without one. */
  areaCode?: string;
}

export function importPreviews(core: () => TestCore) {
  /** The preview of these lines as a GB18030 CSV, ok or not. */
  async function preview(template: PreviewTemplate, lines: string[], more: PreviewOptions = {}) {
    const bytes = iconv.encode(lines.join('\r\n'), 'gb18030');
    return await core().call('import.preview', {
      fileName: `${template}.csv`,
      contentBase64: bytes.toString('base64'),
      template,
      ...more,
    });
  }

  async function planned(template: PreviewTemplate, lines: string[], more: PreviewOptions = {}) {
    const result = await preview(template, lines, more);
    if (!result.ok) throw new Error(`${result.error.code} ${JSON.stringify(result.error.details)}`);
    return result.value;
  }

  /** The preview of an .xlsx of these sheets (the first named 明细 when unnamed), ok or not. */
  async function previewWorkbook(
    template: PreviewTemplate,
    sheets: SheetOf[],
    options: { date1904?: boolean } = {},
    more: PreviewOptions = {},
  ) {
    return await core().call('import.preview', {
      fileName: '明细.xlsx',
      contentBase64: await workbookBase64(sheets, options),
      template,
      ...more,
    });
  }

  async function plannedWorkbook(
    template: PreviewTemplate,
    sheets: SheetOf[],
    options: { date1904?: boolean } = {},
    more: PreviewOptions = {},
  ) {
    const result = await previewWorkbook(template, sheets, options, more);
    if (!result.ok) throw new Error(`${result.error.code} ${JSON.stringify(result.error.details)}`);
    return result.value;
  }

  return { preview, planned, previewWorkbook, plannedWorkbook };
}

/** The given keys of each sample row, in order (null where a row lacks one). */
export const pick = (rows: Record<string, string>[], keys: string[]) =>
  rows.map((row) => keys.map((key) => row[key] ?? null));

/**
 * A new workspace for each test (created before it, disposed after) and the previews on it:
 * what the record tests each set up by hand.
 */
export function previewsOnNewWorkspace() {
  let c: TestCore;
  beforeEach(async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
  });
  afterEach(() => c.dispose());
  return { core: () => c, ...importPreviews(() => c) };
}
