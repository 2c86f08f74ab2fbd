import { AppError } from '../app-error';
import type { CallColumns } from './call-columns';
import { forEachCsvRow, type CsvStop } from './csv-rows';
import { headerSearchRows, type ImportPlan } from './import-plan';
import type { TableLimits } from './table-parse';

/**
 * A large call list is read and checked by two parser threads, one half each: the first
 * thread decodes the file, proposes where the second half starts, sends that half and the
 * header rows to the second thread (a port between the two: the main thread never holds the
 * text) and goes on with the first half; the second reads the same header rows, then its half. A call list's rows are checked one
 * by one, so the halves' plans put together are the plan of the whole file. The proposed
 * start is the line after the middle; the first thread reads up to it and checks that a row
 * ends exactly there (a quoted cell may hold line breaks): if not, it reads on to the end
 * alone and the second half is dropped.
 */

interface SplitPoint {
  /** Where the second half starts, and its line. */
  start: number;
  line: number;
  /** The end of the rows the header is looked for in (both threads read them). */
  headEnd: number;
}

/** Where to split a CSV's text between two threads, or null when it stays whole. */
export function chooseSplit(text: string, limits: TableLimits): SplitPoint | null {
  if (text.length < limits.splitFromChars) return null;
  let head: CsvStop;
  try {
    head = forEachCsvRow(text, limits, () => undefined, { rows: headerSearchRows });
  } catch {
    // A bad row among the first: one thread reads the file and says where.
    return null;
  }
  const start = text.indexOf('\n', text.length >> 1) + 1;
  if (start <= head.position || start >= text.length) return null;
  // The reader counts a line at each LF and each CR not followed by an LF, in cells too.
  let line = 1;
  for (let at = 0; at < start; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) line += 1;
  }
  return { start, line, headEnd: head.position };
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
  return {
    ...first,
    rowCount,
    data: { template: 'calls', records: joinColumns(first.data.records, second.data.records) },
    problems: [...first.problems, ...second.problems],
    rows: [...first.rows, ...second.rows],
  };
}

/** Column after column; the second half's texts added to the first's table in order of appearance. */
function joinColumns(first: CallColumns, second: CallColumns): CallColumns {
  const length = first.length + second.length;
  const texts = first.texts.slice();
  const indexOf = new Map(texts.map((text, index) => [text, index + 1]));
  const renumbered = new Uint32Array(second.texts.length + 1);
  second.texts.forEach((text, index) => {
    let at = indexOf.get(text);
    if (at === undefined) {
      texts.push(text);
      indexOf.set(text, (at = texts.length));
    }
    renumbered[index + 1] = at;
  });
  const values = <T extends Uint8Array | Uint32Array | Float64Array>(a: T, b: T): T => {
    const joined = new (a.constructor as new (size: number) => T)(length);
    joined.set(a.subarray(0, first.length));
    joined.set(b.subarray(0, second.length), first.length);
    return joined;
  };
  const textIndexes = (a: Uint32Array, b: Uint32Array): Uint32Array => {
    const joined = new Uint32Array(length);
    joined.set(a.subarray(0, first.length));
    for (let index = 0; index < second.length; index += 1)
      joined[first.length + index] = renumbered[b[index]!]!;
    return joined;
  };
  return {
    length,
    texts,
    line: values(first.line, second.line),
    caller: textIndexes(first.caller, second.caller),
    callee: textIndexes(first.callee, second.callee),
    kind: values(first.kind, second.kind),
    startedAt: first.startedAt.concat(second.startedAt),
    durationSeconds: values(first.durationSeconds, second.durationSeconds),
    baseStation: textIndexes(first.baseStation, second.baseStation),
    own: textIndexes(first.own, second.own),
    imei: textIndexes(first.imei, second.imei),
    imsi: textIndexes(first.imsi, second.imsi),
    farType: values(first.farType, second.farType),
  };
}
