import { AppError } from '../app-error';
import { joinCallColumns } from './call-columns';
import { forEachCsvRow, type CsvStop } from './csv-rows';
import type { CsvSeparator } from './csv-separator';
import { headerSearchRows, type ImportPlan } from './import-plan';
import type { TableLimits } from './table-parse';
import { settleCallList } from './call-list-settle';
import { joinClockForms } from './clock-forms';
import { joinDateOrders } from './date-orders';
import { decodeText, isUtf16, type TextEncoding } from './text-decoding';

/**
 * A large call list is read and checked by two parser threads, one half each. The first
 * thread cuts the file's bytes at a line break after the middle, decodes the first rows (the
 * header is looked for among them) and sends them with the second half's bytes to the second
 * thread, through a port between the two (the main thread never holds the file); then each
 * decodes, reads and checks its half. A call list's rows are checked one by one, so the
 * halves' plans put together are the plan of the whole file. A quoted cell can hold line
 * breaks: when one is still open at the end of the first half, no row ends at the cut, and the
 * first thread reads the rest of the file itself (the second half is dropped).
 *
 * The cut is right after an LF whose byte before is ASCII: in UTF-8 and GB18030 no character
 * is then left half-decoded, so the halves decode to the two parts of the whole text. UTF-16
 * text is not split (an LF byte there can be half of another character).
 */

interface SplitPoint {
  /** The byte the second half starts at, and its line. */
  start: number;
  line: number;
  /** The text of the rows the header is looked for in (both threads read them). */
  head: string;
}

/** Bytes decoded for the header rows, at most (the 40 rows of a real file take a few KiB). */
const headBytes = 1 << 20;

/** The start of the line after `from` at which the file may be cut, or -1. */
function cutAfter(bytes: Uint8Array, from: number): number {
  let at = bytes.indexOf(10, from);
  while (at > 0 && bytes[at - 1]! >= 0x80) at = bytes.indexOf(10, at + 1);
  return at < 0 || at + 1 >= bytes.length ? -1 : at + 1;
}

/** Where to split a CSV's bytes between two threads, or null when it stays whole. */
export function chooseSplit(
  bytes: Uint8Array,
  encoding: TextEncoding,
  separator: CsvSeparator,
  limits: TableLimits,
): SplitPoint | null {
  if (bytes.length < limits.splitFromBytes || isUtf16(encoding)) return null;
  const start = cutAfter(bytes, bytes.length >> 1);
  if (start < 0) return null;
  const headEnd = start <= headBytes ? start : cutAfter(bytes, headBytes);
  if (headEnd < 0 || headEnd > start) return null;
  const headText = decodeText(bytes.subarray(0, headEnd), encoding);
  let head: CsvStop;
  try {
    head = forEachCsvRow(
      headText,
      limits,
      () => undefined,
      { rows: headerSearchRows, openEnd: true },
      separator,
    );
  } catch {
    // A bad row among the first: one thread reads the file and says where.
    return null;
  }
  if (head.cut || head.rows < headerSearchRows) return null;
  return { start, line: linesBefore(bytes, start), head: headText.slice(0, head.position) };
}

/**
 * The line the byte at `end` is on, as the reader counts them: one more at each LF and at
 * each CR not followed by an LF, in cells too.
 */
function linesBefore(bytes: Uint8Array, end: number): number {
  // Buffer's indexOf is memchr; a Uint8Array's walks the bytes in JavaScript.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, end);
  let line = 1;
  for (let at = buffer.indexOf(10); at >= 0; at = buffer.indexOf(10, at + 1)) line += 1;
  for (let at = buffer.indexOf(13); at >= 0; at = buffer.indexOf(13, at + 1))
    if (bytes[at + 1] !== 10) line += 1;
  return line;
}

/** The two halves' plans as one: the first half's header, rows counted and kept in order. */
export function joinCallPlans(
  first: ImportPlan,
  second: ImportPlan,
  limits: Pick<TableLimits, 'maxRows'>,
  rowsRead: number,
): ImportPlan {
  if (first.data.template !== 'calls' || second.data.template !== 'calls')
    throw new Error('Only call lists are planned in two halves');
  if (rowsRead > limits.maxRows)
    throw new AppError('import.tooManyRows', 'The file has too many rows', {
      limit: limits.maxRows,
    });
  const rowCount = first.rowCount + second.rowCount;
  if (!rowCount) throw new AppError('import.empty', 'No data rows');
  const records = joinCallColumns(first.data.records, second.data.records);
  const clocks = joinClockForms(first.clocks, second.clocks);
  const dates = joinDateOrders(first.dates, second.dates);
  settleCallList(records, dates, clocks, first.preamble.period);
  return {
    ...first,
    rowCount,
    clocks,
    dates,
    data: { template: 'calls', records },
    problems: [...first.problems, ...second.problems],
    rows: [...first.rows, ...second.rows],
  };
}
