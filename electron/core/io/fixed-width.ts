import { AppError } from '../app-error';
import type { TableLimits, TableRow } from './table-parse';

/**
 * Text tables whose columns are lined up with spaces instead of separated: a carrier's or a
 * bank's report printed to a .txt, a query spooled by SQL*Plus (a line of dashes under the
 * header gives each column's width). Columns are found where every row of the table has
 * blanks at the same place, counted in display columns (a Chinese character is two wide, as
 * GBK reports and terminals pad them) or in characters, whichever lines the rows up better.
 *
 * Taken only when the header line has no comma, tab, semicolon or vertical bar: a CSV is never
 * read as one (padded CSV cells keep their separators).
 */
interface FixedWidthLayout {
  /** Where each column starts, from the first; the last runs to the line's end. */
  starts: number[];
  /** Whether positions count a wide (CJK, full-width) character as two. */
  wide: boolean;
  /** The header's index among the text's lines: lines above it are the preamble, kept whole. */
  headerLine: number;
}

/** Lines looked at to find the layout. */
const sampleLines = 400;
const separators = /[,\t;|]/;
/** A header or row of at least three parts apart by two or more blanks. */
const spacedParts = (line: string) => line.trim().split(/ {2,}|\u3000+/).length;
const dashLine = /^[\s=-]*-[\s=-]*$/;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    // A surrogate pair's high half (CJK extensions beyond the first plane); the low half adds 0.
    (code >= 0xd800 && code <= 0xdbff)
  );
}

/** Which display positions of the line are not blank. */
function inkOf(line: string, wide: boolean): boolean[] {
  const ink: boolean[] = [];
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    const width = wide && isWide(code) ? 2 : 1;
    const blank = code === 32 || code === 0x3000;
    for (let part = 0; part < width; part += 1) ink.push(!blank);
  }
  return ink;
}

/** Column starts where every line leaves the same run of at least two blanks (none: null). */
function gutterStarts(lines: string[], wide: boolean): number[] | null {
  const inks = lines.map((line) => inkOf(line, wide));
  const width = Math.max(...inks.map((ink) => ink.length));
  const used = Array.from({ length: width }, (_, at) => inks.some((ink) => ink[at]));
  const starts: number[] = [];
  let blanks = 0;
  for (let at = 0; at < width; at += 1) {
    if (!used[at]) {
      blanks += 1;
      continue;
    }
    if (!starts.length || blanks >= 2) starts.push(at);
    blanks = 0;
  }
  return starts.length >= 3 ? starts : null;
}

/** Column starts from a line of dashes (SQL*Plus's ------ ------- under the header). */
function dashStarts(line: string): number[] | null {
  const starts = [...line.matchAll(/[-=]+/g)].map((group) => group.index);
  return starts.length >= 3 ? starts : null;
}

/** The layout of a text table lined up with spaces, or null when the text is not one. */
export function fixedWidthLayout(text: string): FixedWidthLayout | null {
  const lines = text.slice(0, 1 << 18).split(/\r\n|\n|\r/, sampleLines + 60);
  for (let headerLine = 0; headerLine < Math.min(60, lines.length); headerLine += 1) {
    const header = lines[headerLine]!;
    if (separators.test(header) || spacedParts(header) < 3) continue;
    const layout = layoutUnder(lines, headerLine);
    if (layout) return layout;
  }
  return null;
}

/** The layout of the table under this line, when the line is its header. */
function layoutUnder(lines: string[], headerLine: number): FixedWidthLayout | null {
  const header = lines[headerLine]!;
  const parts = spacedParts(header);
  const dashes = dashLine.test(lines[headerLine + 1] ?? '') ? lines[headerLine + 1]! : null;
  const starts = dashes && dashStarts(dashes);
  if (starts) {
    // The dashes are ASCII: the header's names start at them in the count that lines it up.
    const named = (wide: boolean) => {
      const ink = inkOf(header, wide);
      return starts.filter((at) => ink[at] && !ink[at - 1]).length;
    };
    const wide = named(true) >= named(false);
    return named(wide) >= Math.min(parts, starts.length) - 1 ? { starts, wide, headerLine } : null;
  }
  // Rows are as many parts as the header, nearly all of them (a trailer, 共 20 条, is not; two
  // such lines may be): a CSV under a spaced preamble line has none.
  const below = lines.slice(headerLine + 1, headerLine + sampleLines).filter((line) => line.trim());
  const rows = below.filter((line) => spacedParts(line) >= Math.max(3, parts - 2));
  if (!rows.length || below.length - rows.length > Math.max(2, below.length * 0.2)) return null;
  for (const wide of [true, false]) {
    const found = gutterStarts([header, ...rows], wide);
    if (!found) continue;
    const layout = { starts: found, wide, headerLine };
    // Each of the header's names in a column of its own.
    const named = cellsOf(header, layout).filter(Boolean).length;
    if (named === parts && found.length <= parts + 1) return layout;
  }
  return null;
}

/** A line's cells at the layout's columns, trimmed: each character goes where it starts. */
function cellsOf(line: string, { starts, wide }: FixedWidthLayout): string[] {
  const cells = starts.map(() => '');
  let column = 0;
  let from = 0;
  let position = 0;
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    // The second half of a surrogate pair stands where its first half does.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    let to = column;
    while (starts[to + 1] !== undefined && position >= starts[to + 1]!) to += 1;
    if (to !== column) {
      cells[column] = line.slice(from, index).trim();
      [column, from] = [to, index];
    }
    position += wide && isWide(code) ? 2 : 1;
  }
  cells[column] = line.slice(from).trim();
  return cells;
}

/**
 * Reads the text's lines as rows of the layout: the preamble's lines whole (one cell each), the
 * dash line under the header left out, blank lines skipped. Gives the rows read.
 */
export function readFixedWidthText(
  text: string,
  layout: FixedWidthLayout,
  limits: TableLimits,
  visit: (row: TableRow) => void,
): number {
  if (layout.starts.length > limits.maxColumns)
    throw new AppError('import.tooManyColumns', 'A row has too many columns', {
      limit: limits.maxColumns,
      line: layout.headerLine + 1,
    });
  const lines = text.split(/\r\n|\n|\r/);
  let rows = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!line.trim()) continue;
    if (index === layout.headerLine + 1 && dashLine.test(line)) continue;
    if ((rows += 1) > limits.maxRows)
      throw new AppError('import.tooManyRows', 'The file has too many rows', {
        limit: limits.maxRows,
      });
    visit({
      line: index + 1,
      cells: index < layout.headerLine ? [line.trim()] : cellsOf(line, layout),
    });
  }
  return rows;
}
