import { AppError } from '../app-error';
import type { TableLimits, TableRow } from './table-parse';

/**
 * Text tables whose columns are lined up with spaces instead of separated: a carrier's or a
 * bank's report printed to a .txt, a query spooled by SQL*Plus (a line of dashes under the
 * header gives each column's width). Columns are found where every row of the table has
 * blanks at the same place, counted in display columns (a Chinese character is two wide, as
 * GBK reports and terminals pad them), in characters, or in UTF-8 bytes (three for a Chinese
 * character: a report padded by a program that counts bytes, printf's %-20s on a UTF-8
 * server), whichever lines the rows up.
 *
 * Taken only when the header line has no comma, tab, semicolon or vertical bar: a CSV is never
 * read as one (padded CSV cells keep their separators).
 */
interface FixedWidthLayout {
  /** Where each column starts, from the first; the last runs to the line's end. */
  starts: number[];
  /** How positions are counted: see `advance`. */
  measure: Measure;
  /** The header's index among the text's lines: lines above it are the preamble, kept whole. */
  headerLine: number;
}

/** Lines looked at to choose the header; the layout itself is checked on every line. */
const sampleLines = 400;
const separators = /[,\t;|]/;
/** A header or row of at least three parts apart by two or more blanks. */
const spacedCells = (line: string) => line.trim().split(/ {2,}|\u3000+|\t+/);
const spacedParts = (line: string) => spacedCells(line).length;
/** A header names its columns: most of its parts hold no digit (a row's or a preamble's do). */
function namesOnly(line: string): boolean {
  const parts = spacedCells(line);
  return parts.filter((part) => /\d/.test(part)).length * 2 < parts.length;
}

/** A line of dashes under a header (SQL*Plus repeats it with the header on every page). */
const dashLine = /^[\s\f=-]*-[\s\f=-]*$/;
/** Lines that close a list or a page and are no rows: 共 20 条, 12 rows selected., 第 2 页. */
const closingLine =
  /^\s*(?:共\s*\d|合计|总计|小计|第\s*\d+\s*页|\d+\s+rows?\s+selected|no rows selected|page\s+\d)/i;

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

/**
 * Display columns (a wide character two), characters, or UTF-8 bytes: the ways reports count
 * their padding, tried in this order.
 */
type Measure = 'display' | 'chars' | 'bytes';
const measures: Measure[] = ['display', 'chars', 'bytes'];

/** The position after a character at `position` (a tab goes to the next stop of 8). */
function advance(code: number, position: number, measure: Measure): number {
  if (code === 9) return (Math.floor(position / 8) + 1) * 8;
  if (code >= 0xdc00 && code <= 0xdfff) return position;
  if (measure === 'bytes')
    // A surrogate pair is four bytes, counted on its first half.
    return (
      position + (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : 3)
    );
  return position + (measure === 'display' && isWide(code) ? 2 : 1);
}

const isBlank = (code: number) => code === 32 || code === 9 || code === 0x3000 || code === 12;

/** Marks the display positions of the line that are not blank (room: 8 per character). */
function markInk(line: string, measure: Measure, ink: Uint8Array): void {
  let position = 0;
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    const next = advance(code, position, measure);
    if (!isBlank(code)) ink.fill(1, position, next);
    position = next;
  }
}

/** Room for a line's positions: a tab may take up to eight. */
const roomFor = (line: string) => line.length * 8 + 8;

function inkOf(line: string, measure: Measure): Uint8Array {
  const ink = new Uint8Array(roomFor(line));
  markInk(line, measure, ink);
  return ink;
}

/**
 * A page's own lines in a printed report: its footer (打印时间, 经办柜员, 第 1 页 共 3 页) and, on
 * every page after the first, the title, the account line and the header again.
 */
const pageLine =
  /第\s*\d+\s*页|共\s*\d+\s*页|打印(?:时间|日期|人|机构)|经办(?:人|柜员)?\s*[:：]|柜员(?:号)?\s*[:：]|操作员\s*[:：]|复核\s*[:：]|银行(?:盖章|签章|印章)/;

/** A line as a page repeats it: without its form feed and its padding. */
const bare = (line: string) => line.replace(/\f/g, '').trim();

/** The lines above the header and the header itself, as a later page repeats them. */
function pageHead(lines: string[], headerLine: number): Set<string> {
  return new Set(
    lines
      .slice(0, headerLine + 1)
      .map(bare)
      .filter(Boolean),
  );
}

/** A line under the header that is no row: a page's footer, its heading or header repeated. */
function pageOwnLine(line: string, head: Set<string>): boolean {
  return pageLine.test(line) || head.has(bare(line));
}

/**
 * The lines under the header whose ink lays the columns out: no dashes, no closing lines, no
 * page's own lines (they run across the columns' gaps: a page's lines had lost the pages
 * above the last).
 */
function tableLines(lines: string[], headerLine: number): string[] {
  const head = pageHead(lines, headerLine);
  return lines
    .slice(headerLine + 1)
    .filter(
      (line) =>
        line.trim() && !dashLine.test(line) && !closingLine.test(line) && !pageOwnLine(line, head),
    );
}

/** Where the header's names begin (after a blank, or the line's start). */
function nameStarts(header: string, measure: Measure): Set<number> {
  const ink = inkOf(header, measure);
  const starts = new Set<number>();
  for (let at = 0; at < ink.length; at += 1)
    if (ink[at] && (at === 0 || !ink[at - 1])) starts.add(at);
  return starts;
}

/**
 * Column starts where every line leaves the same run of at least two blanks, or one blank
 * before a header's name (a report that pads 起始时间 to the width of 2026-04-01 08:00:00 and
 * one space: its date and time hold one blank too, under no name); none: null.
 */
function gutterStarts(lines: string[], measure: Measure, named: Set<number>): number[] | null {
  let used = new Uint8Array(256);
  for (const line of lines) {
    if (roomFor(line) > used.length) {
      const grown = new Uint8Array(roomFor(line) * 2);
      grown.set(used);
      used = grown;
    }
    markInk(line, measure, used);
  }
  const starts: number[] = [];
  let blanks = 0;
  for (let at = 0; at < used.length; at += 1) {
    if (!used[at]) {
      blanks += 1;
      continue;
    }
    if (!starts.length || blanks >= 2 || (blanks === 1 && named.has(at))) starts.push(at);
    blanks = 0;
  }
  return starts.length >= 3 ? starts : null;
}

/** Column starts from a line of dashes (SQL*Plus's ------ ------- under the header). */
function dashStarts(line: string): number[] | null {
  const starts = [...line.matchAll(/[-=]+/g)].map((group) => group.index);
  return starts.length >= 3 ? starts : null;
}

/** Lines with a cell across a column's start (ink on both sides of it): the layout cuts them. */
function straddling(lines: string[], starts: number[], measure: Measure): number {
  let count = 0;
  for (const line of lines) {
    const ink = inkOf(line, measure);
    if (starts.some((at) => at > 0 && ink[at] && ink[at - 1])) count += 1;
  }
  return count;
}

/**
 * The layout of a text table lined up with spaces, or null when the text is not one. Of the
 * lines that could be the header (within the first 60, names more than figures), the one that
 * lays out the most columns is; the layout is then checked on every line.
 */
export function fixedWidthLayout(text: string): FixedWidthLayout | null {
  const lines = text.split(/\r\n|\n|\r/);
  const sample = lines.slice(0, sampleLines + 60);
  let best: FixedWidthLayout | null = null;
  for (let headerLine = 0; headerLine < Math.min(60, sample.length); headerLine += 1) {
    const header = sample[headerLine]!;
    if (separators.test(header) || spacedParts(header) < 3 || !namesOnly(header)) continue;
    const layout = layoutUnder(sample, headerLine);
    if (layout && (!best || layout.starts.length > best.starts.length)) best = layout;
  }
  return best && (lines.length <= sample.length ? best : layoutUnder(lines, best.headerLine));
}

/** The layout of the table under this line, when the line is its header. */
function layoutUnder(lines: string[], headerLine: number): FixedWidthLayout | null {
  const header = lines[headerLine]!.replace(/\f/g, '');
  const parts = spacedParts(header);
  const rows = tableLines(lines, headerLine);
  const dashes = dashLine.test(lines[headerLine + 1] ?? '') ? lines[headerLine + 1]! : null;
  const starts = dashes && dashStarts(dashes.replace(/\f/g, ''));
  if (starts) {
    // The dashes are ASCII: of the two counts, the one where no row's cell runs across a
    // column's start (an ASCII header cannot tell them apart, the rows can).
    const measure = measures.find((each) => !straddling(rows, starts, each));
    if (measure) return { starts, measure, headerLine };
  }
  // Rows are as many parts as the header, nearly all of them (a trailer, 共 20 条, is not; two
  // such lines may be): a CSV under a spaced preamble line has none.
  const filled = rows.filter((line) => spacedParts(line) >= Math.max(3, parts - 2));
  if (!filled.length || rows.length - filled.length > Math.max(2, rows.length * 0.2)) return null;
  for (const measure of measures) {
    const found = gutterStarts([header, ...rows], measure, nameStarts(header, measure));
    if (!found) continue;
    // Blanks under no name (two spaces before a one-digit hour: Apr 12 2026  2:30PM) are
    // inside the column named before them.
    const names = cellsOf(header, { starts: found, measure, headerLine });
    const starts = found.filter((_, index) => index === 0 || names[index]);
    const layout = { starts, measure, headerLine };
    // Each of the header's names in a column of its own.
    const named = cellsOf(header, layout).filter(Boolean).length;
    if (named === parts && starts.length === parts) return layout;
  }
  return null;
}

/** A line's cells at the layout's columns, trimmed: each character goes where it starts. */
function cellsOf(line: string, { starts, measure }: FixedWidthLayout): string[] {
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
      cells[column] = clean(line.slice(from, index));
      [column, from] = [to, index];
    }
    position = advance(code, position, measure);
  }
  cells[column] = clean(line.slice(from));
  return cells;
}

const clean = (text: string) => text.replace(/[\t\f]/g, ' ').trim();

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
  const head = pageHead(lines, layout.headerLine);
  let rows = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!line.trim()) continue;
    if (index > layout.headerLine && (dashLine.test(line) || closingLine.test(line))) continue;
    // A later page's title, account line and footer go to the import whole, as the first
    // page's did (the header repeated is known there as such).
    const whole =
      index < layout.headerLine ||
      (index > layout.headerLine &&
        pageOwnLine(line, head) &&
        bare(line) !== bare(lines[layout.headerLine]!));
    if ((rows += 1) > limits.maxRows)
      throw new AppError('import.tooManyRows', 'The file has too many rows', {
        limit: limits.maxRows,
      });
    visit({ line: index + 1, cells: whole ? [line.trim()] : cellsOf(line, layout) });
  }
  return rows;
}
