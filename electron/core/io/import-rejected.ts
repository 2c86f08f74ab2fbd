import iconv from 'iconv-lite';
import { lineLabel } from '../../api/domain/file-lines';
import { fill } from '../../api/i18n/document-text';
import { zhCN } from '../../api/i18n/zh-CN';
import type { ImportTemplate } from '../../api/domain/import-templates';
import type { ImportPlan } from './import-plan';
import { cellText } from './import-values';
import type { PlannedTable } from './plan-transfer';
import type { Cell } from './table-file';
import type { TableRow } from './table-parse';

/** A field, quoted when it holds the separator, a quote or a line break (RFC 4180). */
function csvField(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The text in the encoding the file came in: GB18030 stays GB18030; UTF-16 stays UTF-16 in its
 * byte order, with the mark Excel's "Unicode text" starts with; UTF-8, Big5 (which has no
 * simplified characters for the reasons) and spreadsheets give UTF-8 with the mark Excel needs.
 */
function encoded(text: string, encoding: PlannedTable['encoding']): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  if (encoding === 'utf16le') return Buffer.from(`\ufeff${text}`, 'utf16le');
  if (encoding === 'utf16be') return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/**
 * A cell as the rejected file gives it back to be opened in Excel: one that Excel would run as
 * a formula (=, +, @, a tab, or - before anything but a plain number: a file from outside may
 * carry =HYPERLINK(…) or DDE) is written with Excel's text mark ' before it, which Excel does
 * not show and this importer drops when the file comes back.
 */
function inertCell(text: string): string {
  return /^[=+@\t\r]|^-(?!$|\d[\d,]*(?:\.\d+)?$)/.test(text) ? `'${text}` : text;
}

/**
 * A spreadsheet date cell as it was typed: exceljs hands the cell's wall-clock time as if it
 * were UTC, so its UTC fields are what the user saw ("2026-10-01 12:00:00"), not an instant
 * to shift into any zone or print with a misleading "Z". A time cell (on Excel's day 0,
 * 1899-12-30) is its time alone.
 */
function typedText(cell: Cell): string {
  if (!(cell instanceof Date)) return cellText(cell);
  const text = cell.toISOString();
  if (text.startsWith('1899-12-30T')) return text.slice(11, 19);
  return text.endsWith('T00:00:00.000Z')
    ? text.slice(0, 10)
    : `${text.slice(0, 10)} ${text.slice(11, 19)}`;
}

/** A field's name as the import page shows it (支出金额), its key where no name is known. */
function fieldNameOf(field: string, template: ImportTemplate | undefined): string {
  const names: Record<string, string> | undefined = template
    ? zhCN.import.fields[template]
    : undefined;
  return names?.[field] ?? field;
}

/**
 * Why a row was set aside, in the words the import's check shows on screen (the file goes to
 * people who fix the source data; it is written in Chinese, like the files it comes from).
 */
const problemTexts: Readonly<Record<string, string>> = zhCN.import.problemKinds;

/**
 * The rows an import set aside: the owner they belong to (the heading's, or a later sheet's or
 * section's 账号：… above its rows) heading the file, or in leading columns of each row (本方账号,
 * 本方户名) where they are of several owners; the header and each rejected row as read, with two
 * last columns: the row's line in the original file (so it can be found
 * there, as the check listed it: a later sheet's row as 第 2 个工作表第 5 行) and every problem
 * of the row (column header: reason). Written in the encoding the file came in (`encoded`) and
 * with its separator: a tab-separated file gives a tab-separated .txt (Excel’s "Unicode text"),
 * the others a .csv.
 * Null when no row was rejected.
 */
export function rejectedRowsFile(
  file: PlannedTable,
  plan: ImportPlan,
  fileName: string,
): { fileName: string; contentBase64: string } | null {
  if (!plan.problems.length) return null;
  const reasons = new Map<number, string[]>();
  const template = plan.data?.template;
  const columnOf = new Map(Object.entries(plan.mapping).map(([field, index]) => [field, index]));
  for (const problem of plan.problems) {
    const column = columnOf.get(problem.field);
    // A field no column holds by its name on the import page, never its internal key.
    const header =
      (column !== undefined && plan.headers[column]) || fieldNameOf(problem.field, template);
    const guess = problem.suggestions?.length
      ? `（${fill(zhCN.import.didYouMean, { names: problem.suggestions.join('、') })}）`
      : '';
    const text = `${header}：${problemTexts[problem.problem] ?? problem.problem}${guess}`;
    const list = reasons.get(problem.line) ?? [];
    if (!list.includes(text)) list.push(text);
    reasons.set(problem.line, list);
  }
  const width = plan.headers.length;
  // Every cell, the header's and the reason's too (a header mapped by hand can be anything).
  const separator = file.separator ?? ',';
  const line = (cells: string[]) =>
    cells.map((cell) => csvField(inertCell(cell), separator)).join(separator);
  // The owner the file's heading named (机主号码, 账号 above the header), where no column holds
  // it, heads the file again: a corrected rejected file had come back without its owner.
  const ownerLabel =
    template === 'calls' && plan.mapping['ownNumber'] === undefined
      ? '本机号码'
      : template === 'transactions' && plan.mapping['account'] === undefined
        ? '账号'
        : null;
  // Each row's own owner and holder: a later sheet's or section's (账号：… 户名：… above its rows)
  // where it has one. The heading's alone had booked a fixed row of the second account to the
  // first when the file came back.
  const rows = plan.rows.filter((row) => reasons.has(row.line));
  const ownerOf = (row: TableRow) => row.otherOwner ?? plan.owner;
  const holderOf = (row: TableRow) =>
    (row.otherOwner ? row.otherHolder : plan.ownerKnownBy ? null : plan.preamble.holder) ?? null;
  const owners = new Set(rows.map(ownerOf));
  const [owner] = owners;
  const perRow = ownerLabel !== null && owners.size > 1;
  const ownerHeaders = !perRow
    ? []
    : template === 'calls'
      ? [ownerLabel]
      : ['本方账号', ...(plan.mapping['accountName'] === undefined ? ['本方户名'] : [])];
  const ownerCells = (row: TableRow) =>
    perRow ? [ownerOf(row) ?? '', holderOf(row) ?? ''].slice(0, ownerHeaders.length) : [];
  const holder = rows[0] && template === 'transactions' ? holderOf(rows[0]) : null;
  const lines = [
    ...(owner && ownerLabel && !perRow
      ? [line([`${ownerLabel}：${owner}${holder ? ` 户名：${holder}` : ''}`])]
      : []),
    line([...ownerHeaders, ...plan.headers, '原行号', '原因']),
  ];
  for (const row of rows) {
    const cells = Array.from({ length: width }, (_, index) => typedText(row.cells[index] ?? null));
    lines.push(
      line([...ownerCells(row), ...cells, lineLabel(row.line), reasons.get(row.line)!.join('；')]),
    );
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = encoded(text, file.encoding);
  return {
    fileName: rejectedFileName(fileName, file),
    contentBase64: bytes.toString('base64'),
  };
}

/**
 * The rejected-rows file's name, known before the import (the CLI checks its place first): the
 * file's name with .rejected.txt for a tab-separated file (Excel's "Unicode text"), else .csv.
 */
export function rejectedFileName(fileName: string, file: Pick<PlannedTable, 'separator'>): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  return `${base}.rejected.${file.separator === '\t' ? 'txt' : 'csv'}`;
}
