import type { TableFile, TableRow } from './table-parse';

/**
 * A CSV's rows as the parser thread sends them to the main thread: every cell's text in one
 * string, and typed arrays (moved, not copied) for where each cell ends, how many cells each
 * row has and the line it starts on. Copying a million row objects with nine strings each
 * between threads cost more than reading and parsing the file; one string and three arrays
 * cost a copy of the text, and the rows are rebuilt on the main thread as slices of it.
 */
export interface PackedCsv {
  format: 'csv';
  encoding: TableFile['encoding'];
  separator?: TableFile['separator'];
  text: string;
  /** End of each cell in `text`, cell after cell, row after row. */
  ends: Uint32Array;
  /** Cells in each row. */
  widths: Uint32Array;
  lines: Uint32Array;
}

/** Packs a CSV's rows (every cell a string); a spreadsheet's rows are sent as they are. */
export function packCsv(table: TableFile): PackedCsv | null {
  if (table.format !== 'csv') return null;
  const { rows } = table;
  let cellCount = 0;
  for (const row of rows) cellCount += row.cells.length;
  const parts = new Array<string>(cellCount);
  const ends = new Uint32Array(cellCount);
  const widths = new Uint32Array(rows.length);
  const lines = new Uint32Array(rows.length);
  let cell = 0;
  let end = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const { line, cells } = rows[index]!;
    lines[index] = line;
    widths[index] = cells.length;
    for (const value of cells) {
      const text = value as string;
      parts[cell] = text;
      end += text.length;
      ends[cell] = end;
      cell += 1;
    }
  }
  return {
    format: 'csv',
    encoding: table.encoding,
    ...(table.separator ? { separator: table.separator } : {}),
    text: parts.join(''),
    ends,
    widths,
    lines,
  };
}

/** The buffers of a packed CSV, to move to the other thread instead of copying them. */
export function packedBuffers(packed: PackedCsv): ArrayBuffer[] {
  return [packed.ends.buffer, packed.widths.buffer, packed.lines.buffer] as ArrayBuffer[];
}

/** The rows of a packed CSV, as `parseTable` gave them in the parser thread. */
export function unpackCsv(packed: PackedCsv): TableFile {
  const { text, ends, widths, lines } = packed;
  const rows = new Array<TableRow>(widths.length);
  let cell = 0;
  let start = 0;
  for (let index = 0; index < widths.length; index += 1) {
    const width = widths[index]!;
    const cells = new Array<string>(width);
    for (let column = 0; column < width; column += 1) {
      const end = ends[cell]!;
      cells[column] = text.slice(start, end);
      start = end;
      cell += 1;
    }
    rows[index] = { line: lines[index]!, cells };
  }
  return {
    format: 'csv',
    encoding: packed.encoding,
    ...(packed.separator ? { separator: packed.separator } : {}),
    rows,
  };
}
