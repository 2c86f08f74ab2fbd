import type { CsvSeparator } from './csv-separator';

/**
 * An RFC 4180 CSV reader: fields separated by commas (or the separator given: tabs,
 * semicolons, vertical bars), quoted with double quotes (a doubled
 * quote inside is one quote, commas and line breaks inside are data), rows ended by CRLF, LF
 * or CR. Cells are trimmed; blank lines are skipped; a quote inside an unquoted field is
 * data (Chinese exports have them). Chosen over csv-parse by measurement: 3–4× faster on a
 * carrier's call list (tests/bench/RESULTS.md), and it stops at the first row over the column
 * cap instead of building it.
 */

export class CsvError extends Error {
  constructor(
    readonly reason: 'unclosedQuote' | 'tooManyColumns' | 'tooManyRows',
    readonly line: number,
  ) {
    super(`CSV ${reason} at line ${line}`);
  }
}

interface CsvRow {
  /** The line the row starts on, counting from 1. */
  line: number;
  cells: string[];
}

export function readCsvRows(
  text: string,
  limits: { maxColumns: number; maxRows: number },
): CsvRow[] {
  const rows: CsvRow[] = [];
  forEachCsvRow(text, limits, (row) => rows.push(row));
  return rows;
}

/**
 * A cell some exporters write for Excel to keep as text (a card number's digits, a leading
 * zero): ="6222020200000000000" (quotes inside doubled), or '13812345678 before a number (or
 * before =, -, @, as the rejected-rows file marks a cell Excel would run), or ` before every
 * cell (微信支付's merchant bills: `2026-04-01 17:16:47, `1200.00); the text itself. Anything
 * else as it is.
 */
export function excelText(value: string): string {
  const first = value.charCodeAt(0);
  if (first === 96) return value.slice(1);
  if (first === 61 && value.charCodeAt(1) === 34 && value.length > 2 && value.endsWith('"'))
    return value.slice(2, -1).replaceAll('""', '"');
  if (first === 39) {
    const next = value.charCodeAt(1);
    // Digits, + = - @.
    if ((next >= 48 && next <= 57) || next === 43 || next === 61 || next === 45 || next === 64)
      return value.slice(1);
  }
  return value;
}

/** Where reading stopped: the position of the next row and its line; rows read. */
export interface CsvStop {
  position: number;
  line: number;
  rows: number;
  /** Stopped before a row whose quoted cell runs past the end of the text (`openEnd`). */
  cut?: boolean;
}

/** Part of the text to read: from a row's start (and its line), until a position or a count. */
export interface CsvSpan {
  from?: number;
  line?: number;
  /** Stop before a row that starts at or after this position. */
  until?: number;
  /** Stop after this many rows. */
  rows?: number;
  /**
   * The text is the first part of a file cut in two: a quoted cell still open at its end is
   * not an error, reading stops before that row (`cut`).
   */
  openEnd?: boolean;
}

/**
 * Reads the rows one by one, handing each to `visit` as soon as it is read; from the start of
 * the text to its end, or the span asked for. Says where it stopped.
 */
export function forEachCsvRow(
  text: string,
  limits: { maxColumns: number; maxRows: number },
  visit: (row: CsvRow) => void,
  span: CsvSpan = {},
  separator: CsvSeparator = ',',
): CsvStop {
  const sep = separator.charCodeAt(0);
  let count = 0;
  const length = text.length;
  const until = Math.min(span.until ?? length, length);
  const most = span.rows ?? Infinity;
  let position = span.from ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  let line = span.line ?? 1;
  while (position < until && count < most) {
    const rowLine = line;
    const rowStart = position;
    const cells: string[] = [];
    let blank = true;
    for (;;) {
      // One field.
      let value: string;
      let code = text.charCodeAt(position);
      // Leading spaces (and tabs, unless they separate) before an opening quote.
      let start = position;
      while (code === 32 || (code === 9 && sep !== 9)) code = text.charCodeAt(++start);
      if (code === 34) {
        let parts = '';
        let from = start + 1;
        let at = from;
        for (;;) {
          at = text.indexOf('"', at);
          if (at < 0) {
            if (span.openEnd) return { position: rowStart, line: rowLine, rows: count, cut: true };
            throw new CsvError('unclosedQuote', rowLine);
          }
          if (text.charCodeAt(at + 1) === 34) {
            parts += text.slice(from, at + 1);
            at += 2;
            from = at;
            continue;
          }
          parts += text.slice(from, at);
          break;
        }
        for (let index = start + 1; index < at; index += 1) {
          const inner = text.charCodeAt(index);
          if (inner === 10 || (inner === 13 && text.charCodeAt(index + 1) !== 10)) line += 1;
        }
        position = at + 1;
        // Anything between the closing quote and the separator is kept as data.
        let end = position;
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next === sep || next === 10 || next === 13) break;
          end += 1;
        }
        value = excelText((parts + text.slice(position, end)).trim());
        position = end;
        blank = false;
      } else {
        let end = position;
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next === sep || next === 10 || next === 13) break;
          end += 1;
        }
        value = excelText(text.slice(position, end).trim());
        if (end > position) blank = false;
        position = end;
      }
      // An empty cell past the cap is no column (a sheet saved with its used range stretched
      // ends every line in hundreds of commas); a filled one is refused.
      if (cells.length < limits.maxColumns) cells.push(value);
      else if (value !== '') throw new CsvError('tooManyColumns', rowLine);
      const after = text.charCodeAt(position);
      if (after === sep) {
        position += 1;
        blank = false;
        continue;
      }
      // End of row (line break or end of text).
      if (after === 13) position += text.charCodeAt(position + 1) === 10 ? 2 : 1;
      else if (after === 10) position += 1;
      line += 1;
      break;
    }
    if (blank && cells.length === 1) continue;
    count += 1;
    if (count > limits.maxRows) throw new CsvError('tooManyRows', rowLine);
    visit({ line: rowLine, cells });
  }
  return { position, line, rows: count };
}
