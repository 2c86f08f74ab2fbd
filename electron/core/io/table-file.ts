import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../app-error';
import { decodeText, detectEncoding, type TextEncoding } from './text-decoding';

/** A cell as read: text from CSV; text, number or date from a spreadsheet. */
export type Cell = string | number | Date | null;

/** A row with the line (CSV) or row number (spreadsheet) the user sees it at. */
export interface TableRow {
  line: number;
  cells: Cell[];
}

export interface TableFile {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  rows: TableRow[];
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** Reads a CSV (any of the encodings Chinese systems write) or the first sheet of an XLSX. */
export async function readTableFile(
  bytes: Uint8Array,
  encoding: TextEncoding | 'auto' = 'auto',
): Promise<TableFile> {
  if (zipMagic.every((byte, index) => bytes[index] === byte)) return readXlsx(bytes);
  const used = encoding === 'auto' ? detectEncoding(bytes) : encoding;
  const text = decodeText(bytes, used);
  let rows: TableRow[];
  try {
    rows = (
      parse(text, {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
        info: true,
      }) as unknown as { record: string[]; info: { lines: number } }[]
    ).map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    // csv-parse names the line; the text of the file never goes into the error.
    const line = (error as { lines?: number }).lines;
    throw new AppError('import.malformedFile', 'The CSV file cannot be read', {
      ...(line ? { line } : {}),
    });
  }
  return { format: 'csv', encoding: used, rows };
}

async function readXlsx(bytes: Uint8Array): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.malformedFile', 'The spreadsheet cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import.malformedFile', 'The spreadsheet has no sheet');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const cell = row.getCell(column);
      // A merged header cell: every column under it reads the text of its top-left cell.
      cells.push(cellValue(cell.isMerged ? cell.master.value : cell.value));
    }
    rows.push({ line: row.number, cells });
  });
  return { format: 'xlsx', encoding: null, rows };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
  }
  return String(value);
}
