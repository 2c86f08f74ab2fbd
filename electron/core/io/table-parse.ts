import type ExcelJS from 'exceljs';
import { AppError } from '../app-error';
import { CsvError, excelText, forEachCsvRow, type CsvSpan, type CsvStop } from './csv-rows';
import { detectSeparator, type CsvSeparator } from './csv-separator';
import { fixedWidthLayout, readFixedWidthText } from './fixed-width';
import { maxSheets, workbookLine } from '../../api/domain/file-lines';
import { webPageWords } from './html-page';
import { withReferencesDecoded } from './html-references';
import { isOle2, markupTableKind, readLegacySheet, tooManySheets } from './legacy-sheet';
import { shownNumber } from './shown-number';

/** The end of 1904-01-01, the first day of Excel's 1904 date system. */
const day1904End = Date.UTC(1904, 0, 2);
import { decodeText, detectEncoding, type TextEncoding } from './text-decoding';

/** A cell as read: text from CSV; text, number or date from a spreadsheet. */
export type Cell = string | number | Date | null;

/** A row with the line (CSV) or row number (spreadsheet) the user sees it at. */
export interface TableRow {
  line: number;
  cells: Cell[];
  /** A workbook row's sheet (one object per sheet): its name, and whether Excel hides it. */
  sheet?: SheetFacts;
  /** Columns whose cell is part of a merged cell begun on a row above (its value repeated). */
  mergedDown?: number[];
  /**
   * The owner (account, number) lines above this row in the file name, when it is not the one
   * the list's heading names: a second account's statement under the first's in one file.
   */
  otherOwner?: string;
  /** That owner's holder, as a line above its rows names it (户名：李四). */
  otherHolder?: string;
  /** A line above its rows among the list's names a currency not renminbi (币种：美元). */
  foreignSection?: boolean;
  /**
   * The row fills more cells than the header names and the file's other rows fill (a column
   * split in two when the list was printed and converted back): its cells are not where the
   * header says. The text of the cells past the header.
   */
  extraCells?: string;
}

export interface SheetFacts {
  name: string;
  hidden: boolean;
  /**
   * The workbook counts days from 1904 (Excel for Mac's old default): a date serial its reader
   * left a number (a format it did not know as a date) is 1,462 days later than in 1900's count.
   */
  date1904: boolean;
}

export interface TableFile {
  /**
   * Delimited text; Excel 2007+ (and its binary form), OpenDocument, Excel 97–2003; or an HTML
   * or XML table saved as .xls.
   */
  format: 'csv' | 'xlsx' | 'xlsb' | 'ods' | 'xls' | 'html' | 'xml';
  encoding: TextEncoding | null;
  /** Delimited text's separator (a rejected-rows file keeps it); none for a sheet or a report. */
  separator?: CsvSeparator;
  /** A workbook's sheets, in order; their rows' lines say which (file-lines). */
  sheetNames?: string[];
  rows: TableRow[];
}

/**
 * What a table file may hold. A CSV is decoded whole (V8 strings stop near 512 M characters);
 * a spreadsheet is loaded whole by exceljs, so its inflated size is what counts.
 */
export const tableLimits = {
  maxCsvBytes: 512 * 1024 * 1024,
  maxXlsxBytes: 100 * 1024 * 1024,
  maxXlsxInflatedBytes: 512 * 1024 * 1024,
  /** Inflated ÷ compressed, for an entry over 1 MiB: real sheets stay far below. */
  maxXlsxRatio: 200,
  maxColumns: 500,
  maxRows: 5_000_000,
  /** A call list of this many bytes (~50,000 rows) is read by two threads (plan-split). */
  splitFromBytes: 4_000_000,
};
export type TableLimits = typeof tableLimits;

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function isZip(bytes: Uint8Array): boolean {
  return zipMagic.every((byte, index) => bytes[index] === byte);
}

/** Delimited text (CSV, TXT): not a spreadsheet, nor a table in HTML or XML. */
export function isDelimitedText(bytes: Uint8Array): boolean {
  return !isZip(bytes) && !isOle2(bytes) && !markupTableKind(bytes);
}

function checkSpreadsheetSize(bytes: Uint8Array, limits: TableLimits): void {
  if (bytes.length > limits.maxXlsxBytes)
    throw new AppError('import.tooLarge', 'The file is too large', {
      limitMiB: mib(limits.maxXlsxBytes),
    });
}

/**
 * Reads the zip's central directory and refuses the file when the sizes it declares inflate
 * beyond the limits (a zip bomb), before anything is inflated. Entries that lie about their
 * size are stopped by the worker's memory and time limits instead. Says which workbook the zip
 * is: Excel's (.xlsx), Excel's binary one (.xlsb), or OpenDocument's (.ods: LibreOffice, and
 * the office suites of Kylin and UOS).
 */
function checkZip(bytes: Uint8Array, limits: TableLimits): 'xlsx' | 'xlsb' | 'ods' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1)
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  const malformed = () => new AppError('import.malformedFile', 'The spreadsheet cannot be read');
  if (end < 0) throw malformed();
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  const tooLarge = () =>
    new AppError('import.tooLarge', 'The spreadsheet inflates beyond the limit', {
      limitMiB: mib(limits.maxXlsxInflatedBytes),
    });
  let kind: 'xlsx' | 'xlsb' | 'ods' = 'xlsx';
  let workbook = false;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw malformed();
    const nameLength = view.getUint16(at + 28, true);
    const name = String.fromCharCode(
      ...bytes.subarray(at + 46, at + 46 + Math.min(nameLength, 64)),
    );
    if (name === 'xl/workbook.bin') kind = 'xlsb';
    if (name === 'content.xml') kind = 'ods';
    if (/^(?:xl\/workbook\.(?:xml|bin)|content\.xml|\[Content_Types\]\.xml)$/.test(name))
      workbook = true;
    const compressed = view.getUint32(at + 20, true);
    const inflated = view.getUint32(at + 24, true);
    // ZIP64 sizes (0xFFFFFFFF) mean an entry of 4 GB or more.
    if (compressed === 0xffffffff || inflated === 0xffffffff) throw tooLarge();
    if (inflated > 1024 * 1024 && inflated > Math.max(compressed, 1) * limits.maxXlsxRatio)
      throw tooLarge();
    total += inflated;
    if (total > limits.maxXlsxInflatedBytes) throw tooLarge();
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // A zip of files (what 调证 platforms deliver), not a workbook: to be unpacked first.
  if (!workbook) throw new AppError('import.archive', 'A zip archive, not a workbook');
  return kind;
}

/**
 * Reads a CSV or other delimited text (any of the encodings and separators Chinese systems
 * write) or the first sheet of an XLSX.
 */
export async function parseTable(
  bytes: Uint8Array,
  encoding: TextEncoding | 'auto',
  limits: TableLimits = tableLimits,
): Promise<TableFile> {
  const rows: TableRow[] = [];
  const read = await readTableRows(bytes, encoding, limits, (row) => rows.push(row));
  return { ...read, rows };
}

/**
 * Reads a table file row by row, handing each row to `visit` as it is read (a CSV's rows are
 * then never all alive at once); gives the format and encoding found.
 */
export async function readTableRows(
  bytes: Uint8Array,
  encoding: TextEncoding | 'auto',
  limits: TableLimits,
  visit: (row: TableRow) => void,
): Promise<Pick<TableFile, 'format' | 'encoding' | 'separator' | 'sheetNames'>> {
  if (isZip(bytes)) {
    checkSpreadsheetSize(bytes, limits);
    const kind = checkZip(bytes, limits);
    const book =
      kind === 'xlsx' ? await parseXlsx(bytes, limits) : await readLegacySheet({ bytes }, limits);
    for (const row of book.rows) visit(row);
    return { format: kind, encoding: null, sheetNames: book.sheetNames };
  }
  if (isOle2(bytes)) {
    checkSpreadsheetSize(bytes, limits);
    const book = await readLegacySheet({ bytes }, limits);
    for (const row of book.rows) visit(row);
    return { format: 'xls', encoding: null, sheetNames: book.sheetNames };
  }
  const markup = markupTableKind(bytes);
  if (markup) checkSpreadsheetSize(bytes, limits);
  const used = csvEncoding(bytes, encoding, limits);
  const text = decodeText(bytes, used);
  if (markup) {
    const book = await readLegacySheet(
      { markup: markup === 'html' ? withReferencesDecoded(text) : text },
      limits,
    );
    for (const row of book.rows) visit(row);
    return { format: markup, encoding: used, sheetNames: book.sheetNames };
  }
  // A web page without a table (a bank system's error page) is no CSV to look for rows in.
  const pageWords = webPageWords(text);
  if (pageWords !== null)
    throw new AppError('import.webPage', 'A web page without a table', { text: pageWords });
  // A report lined up with spaces (fixed-width), else separated cells.
  const layout = fixedWidthLayout(text);
  if (layout) {
    readFixedWidthText(text, layout, limits, visit);
    return { format: 'csv', encoding: used };
  }
  const separator = detectSeparator(text);
  readCsvText(text, limits, visit, undefined, separator);
  return { format: 'csv', encoding: used, separator };
}

/** The encoding of a CSV (given, or found), once its size is checked. */
export function csvEncoding(
  bytes: Uint8Array,
  encoding: TextEncoding | 'auto',
  limits: TableLimits,
): TextEncoding {
  if (bytes.length > limits.maxCsvBytes)
    throw new AppError('import.tooLarge', 'The file is too large', {
      limitMiB: mib(limits.maxCsvBytes),
    });
  return encoding === 'auto' ? detectEncoding(bytes) : encoding;
}

/** Reads a CSV's rows (all, or a span: csv-rows), refused with the reason the user is shown. */
export function readCsvText(
  text: string,
  limits: TableLimits,
  visit: (row: TableRow) => void,
  span?: CsvSpan,
  separator: CsvSeparator = ',',
): CsvStop {
  try {
    return forEachCsvRow(text, limits, visit, span, separator);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The line is named; the text of the file never goes into the error.
    if (error.reason === 'tooManyColumns')
      throw new AppError('import.tooManyColumns', 'A row has too many columns', {
        limit: limits.maxColumns,
        line: error.line,
      });
    if (error.reason === 'tooManyRows')
      throw new AppError('import.tooManyRows', 'The file has too many rows', {
        limit: limits.maxRows,
      });
    // A quote opened and never closed: the line it opens on, where the quote is to be taken out.
    throw new AppError('import.unclosedQuote', 'A quoted cell is never closed', {
      line: error.line,
    });
  }
}

/** An .xlsx, its size and zip directory checked (checkZip). */
async function parseXlsx(bytes: Uint8Array, limits: TableLimits): Promise<TableFile> {
  // Loaded on first use: CSV imports do not pay for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.malformedFile', 'The spreadsheet cannot be read');
  }
  const sheets = workbook.worksheets;
  if (!sheets.length) throw new AppError('import.malformedFile', 'The spreadsheet has no sheet');
  // Refused rather than cut: a sheet left out would be data lost without a word.
  if (sheets.length > maxSheets) throw tooManySheets();
  // exceljs puts a time of day of a 1904-date workbook on 1904-01-01: moved to Excel's day 0,
  // where the import reads times and durations (the .xls reader does the same).
  const date1904 = !!workbook.properties?.date1904;
  const timeOfDay = (cell: Cell): Cell =>
    date1904 && cell instanceof Date && cell.getTime() < day1904End
      ? new Date(cell.getTime() - 1_462 * 86_400_000)
      : cell;
  const rows: TableRow[] = [];
  // Every sheet, in order: a list too long for one sheet goes on in the next (the planner
  // reads a later sheet only under the same header).
  sheets.forEach((sheet, sheetIndex) => {
    const facts: SheetFacts = { name: sheet.name, hidden: sheet.state !== 'visible', date1904 };
    // Only the cells present: one cell in column XFD does not make 16,384 empty ones.
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const line = workbookLine(sheetIndex, row.number);
      const cells: Cell[] = [];
      const mergedDown: number[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // A merged header cell: every column under it reads the text of its top-left cell.
        const value = cellValue(cell.isMerged ? cell.master.value : cell.value);
        if (column > limits.maxColumns) {
          // A blank cell far to the right (a space typed in column AAA) is no column.
          if (value === null || (typeof value === 'string' && !value.trim())) return;
          throw new AppError('import.tooManyColumns', 'A row has too many columns', {
            limit: limits.maxColumns,
            line: row.number,
          });
        }
        while (cells.length < column - 1) cells.push(null);
        if (cell.isMerged && Number(cell.master.row) < row.number) mergedDown.push(column - 1);
        cells[column - 1] =
          typeof value === 'number' ? shownNumber(value, cell.numFmt) : timeOfDay(value);
      });
      rows.push({ line, cells, sheet: facts, ...(mergedDown.length ? { mergedDown } : {}) });
      if (rows.length > limits.maxRows)
        throw new AppError('import.tooManyRows', 'The file has too many rows', {
          limit: limits.maxRows,
        });
    });
  });
  // Rows are as wide as the widest, as a CSV's would be after padding.
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  for (const row of rows) while (row.cells.length < width) row.cells.push(null);
  return { format: 'xlsx', encoding: null, rows, sheetNames: sheets.map((sheet) => sheet.name) };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  // A sheet written by a program as a CSV would be ('6222…, ="6222…"): the text itself.
  if (typeof value === 'string') return excelText(value.trim());
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    // A formula whose value the file did not keep (a program wrote it, Excel never opened
    // it): said as the formula, not "[object Object]".
    if ('formula' in value) return `=${String(value.formula)}`;
    // A shared formula names only its master cell: nothing to show.
    if ('sharedFormula' in value) return null;
    // An error a formula left (#N/A of a VLOOKUP that found nothing, #REF!): no value.
    if ('error' in value) return null;
  }
  return String(value);
}
