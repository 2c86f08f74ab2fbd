import { maxSheets, workbookLine } from '../../api/domain/file-lines';
import { excelText } from './csv-rows';
import { AppError } from '../app-error';
import type { Cell, SheetFacts, TableRow } from './table-parse';
import { shownNumber } from './shown-number';

/**
 * Spreadsheets in the older forms banks and carriers still send: Excel 97–2003 workbooks
 * (.xls, BIFF5/BIFF8 in an OLE2 container) and the HTML or SpreadsheetML tables many bank
 * systems save under an .xls name; and the workbooks exceljs does not read (.xlsb, and
 * OpenDocument's .ods from LibreOffice and the office suites of Kylin and UOS). Read with
 * SheetJS (its Community Edition as published on npm by @e965/xlsx: the registry's own `xlsx`
 * package stopped at a version with known vulnerabilities), in the parser thread under its
 * memory and time limits. Cells follow the conventions of the .xlsx reader (exceljs): text
 * trimmed, numbers as numbers, a date cell as a Date whose UTC fields are the wall-clock time
 * typed, a merged cell's text in every cell under it. HTML tables are read as text (SheetJS would otherwise take a 19-digit card number
 * for a number and round it); the import parses their dates and amounts as it does a CSV's.
 */

export const tooManySheets = () =>
  new AppError('import.tooManySheets', 'The workbook has too many sheets', { limit: maxSheets });

const ole2Magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return ole2Magic.every((byte, index) => bytes[index] === byte);
}

/** The streams of an OLE2 file that make it a workbook (BIFF8, BIFF5) or one under a password. */
const workbookStreams = new Set(['workbook', 'book', 'encryptedpackage', 'encryptioninfo']);

/**
 * An OLE2 file of another program (a Word .doc, an Outlook message, a PowerPoint deck): its
 * container holds no workbook stream, nor a password-protected workbook's package. False for
 * a container that cannot be read at all (a damaged .xls, said as such).
 */
export async function isOle2OfAnotherProgram(bytes: Uint8Array): Promise<boolean> {
  const { CFB } = await import('@e965/xlsx');
  let paths: string[];
  try {
    paths = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      type: 'buffer',
    }).FullPaths;
  } catch {
    return false;
  }
  return !paths.some((path) =>
    workbookStreams.has(path.replace(/\/$/, '').split('/').pop()!.toLowerCase()),
  );
}

/** Bytes of a page read at a time for its table: a 4 MiB string, whatever the page's size. */
const markupWindow = 1 << 22;
/** Bytes each window reads past its end, so that a tag across two windows is seen whole. */
const markupOverlap = 64;

/** A window of the file's bytes as text (latin1: one character a byte; UTF-16's zeros out). */
function markupText(bytes: Uint8Array, from: number): string {
  const length = Math.min(bytes.length - from, markupWindow + markupOverlap);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, length)
    .toString('latin1')
    .replaceAll('\0', '');
}

/**
 * An HTML table or an Excel 2003 XML workbook (SpreadsheetML): the file's first character,
 * after a BOM and blanks (in any of the encodings read: the zero bytes of UTF-16 left out), is
 * `<`, and its start names that workbook's namespace, or the page holds a table anywhere. The
 * head can be long (styles, an inline logo) before the table starts: the page is read window
 * by window to its end (only its first 4 MiB had been, and a call list's page whose table
 * began later was read as delimited text). Null for anything else.
 */
export function markupTableKind(bytes: Uint8Array): 'html' | 'xml' | null {
  let first = '';
  for (let at = 0; at < bytes.length && first.trim() === ''; at += 1) {
    const byte = bytes[at]!;
    if (byte !== 0 && byte < 0x80) first += String.fromCharCode(byte);
  }
  if (!first.trimStart().startsWith('<')) return null;
  const start = markupText(bytes, 0);
  if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(start)) return 'xml';
  for (let from = 0; from < bytes.length; from += markupWindow)
    if (/<table[\s>]/i.test(from ? markupText(bytes, from) : start)) return 'html';
  return null;
}

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01; the 1904 date system adds 1,462. */
const excelEpochDays = 25_569;
const dayMs = 86_400_000;

interface SheetLimits {
  maxColumns: number;
  maxRows: number;
}

/**
 * Every sheet's rows, each with its line (file-lines: the sheet and the row number); empty
 * rows left out, rows padded to the widest. `markup`: the file's text, for an HTML or XML table.
 */
export async function readLegacySheet(
  source: { bytes: Uint8Array } | { markup: string },
  limits: SheetLimits,
): Promise<{ rows: TableRow[]; sheetNames: string[] }> {
  // Loaded on first use: other imports do not pay for it.
  const XLSX = await import('@e965/xlsx');
  // Excel 95 workbooks store text in the workbook's code page (GBK on Chinese Windows).
  XLSX.set_cptable(await import('@e965/xlsx/dist/cpexcel.full.mjs'));
  let workbook: ReturnType<typeof XLSX.read>;
  try {
    workbook = XLSX.read('bytes' in source ? source.bytes : source.markup, {
      type: 'bytes' in source ? 'buffer' : 'string',
      dense: true,
      cellNF: true,
      cellDates: false,
      raw: true,
      // One more than allowed, to tell a sheet over the limit.
      sheetRows: limits.maxRows + 1,
    });
  } catch (error) {
    // "File is password-protected", an encrypted Office 2007+ package or .xls (a broken zip's
    // "Unsupported ZIP encryption" is a broken file, not a password).
    if (/password|ECMA-376 Encrypted|Encryption scheme/i.test(String((error as Error).message)))
      throw new AppError('import.encryptedFile', 'The spreadsheet is password-protected');
    throw new AppError('import.malformedFile', 'The spreadsheet cannot be read');
  }
  const names = workbook.SheetNames;
  if (!names.length) throw new AppError('import.malformedFile', 'The spreadsheet has no sheet');
  // Refused rather than cut: a sheet left out would be data lost without a word.
  if (names.length > maxSheets) throw tooManySheets();
  const date1904 = !!workbook.Workbook?.WBProps?.date1904;
  const cellOf = (cell: { t: string; v?: unknown; z?: unknown } | undefined): Cell => {
    if (!cell || cell.v === undefined || cell.v === null) return null;
    if (cell.t === 's') return excelText(String(cell.v).trim());
    if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
    if (cell.t === 'n' && typeof cell.v === 'number') {
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
        // A time of day or a duration (under a day) is no date in either date system.
        const serial = cell.v + (date1904 && cell.v >= 1 ? 1_462 : 0);
        return new Date(Math.round((serial - excelEpochDays) * dayMs));
      }
      return shownNumber(cell.v, typeof cell.z === 'string' ? cell.z : undefined);
    }
    if (cell.t === 'd' && cell.v instanceof Date) return cell.v;
    // Errors (#N/A) and anything else: no value.
    return null;
  };
  const rows: TableRow[] = [];
  // Every sheet, in order (a list too long for one .xls sheet, 65,536 rows, goes on in the next).
  names.forEach((name, sheetIndex) => {
    const sheet = workbook.Sheets[name]!;
    const data = (sheet['!data'] ?? []) as (
      { t: string; v?: unknown; z?: unknown }[] | undefined
    )[];
    const grid: Cell[][] = data.map((row) => (row ?? []).map(cellOf));
    // Hidden = 1, very hidden = 2 (an HTML table has no sheet list).
    const facts: SheetFacts = {
      name,
      hidden: !!workbook.Workbook?.Sheets?.[sheetIndex]?.Hidden,
      date1904,
    };
    // A merged cell: every cell under it reads the text of its top-left cell, within the rows
    // that hold data (a rowspan of a million is not a million rows).
    /** Row index → columns whose cell repeats a merged cell begun on a row above. */
    const mergedDown = new Map<number, number[]>();
    for (const merge of sheet['!merges'] ?? []) {
      const value = grid[merge.s.r]?.[merge.s.c] ?? null;
      for (let r = merge.s.r; r <= Math.min(merge.e.r, grid.length - 1); r += 1) {
        const row = (grid[r] ??= []);
        for (let c = merge.s.c; c <= merge.e.c && c < limits.maxColumns + 1; c += 1) {
          row[c] = value;
          if (r > merge.s.r) {
            const columns = mergedDown.get(r);
            if (columns) columns.push(c);
            else mergedDown.set(r, [c]);
          }
        }
      }
    }
    grid.forEach((cells, index) => {
      const filled = Array.from(cells, (cell) => cell ?? null);
      if (!filled.some((cell) => cell !== null && cell !== '')) return;
      const line = workbookLine(sheetIndex, index + 1);
      if (filled.length > limits.maxColumns) {
        // Blank cells far to the right are no columns; a filled one is refused.
        if (filled.slice(limits.maxColumns).some((cell) => cell !== null && String(cell).trim()))
          throw new AppError('import.tooManyColumns', 'A row has too many columns', {
            limit: limits.maxColumns,
            line: index + 1,
          });
        filled.length = limits.maxColumns;
      }
      const merged = mergedDown.get(index);
      rows.push({ line, cells: filled, sheet: facts, ...(merged ? { mergedDown: merged } : {}) });
    });
    if (rows.length > limits.maxRows)
      throw new AppError('import.tooManyRows', 'The file has too many rows', {
        limit: limits.maxRows,
      });
  });
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  for (const row of rows) while (row.cells.length < width) row.cells.push(null);
  return { rows, sheetNames: names };
}
