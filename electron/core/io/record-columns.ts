/**
 * An import plan's records as the parser thread sends them to the main thread: column by
 * column instead of an object per record. A number column is one Float64Array (moved, not
 * copied); a text column is its distinct values and a Uint32Array of indexes into them (a
 * call list names the same hundred target phones and twenty thousand contacts a million
 * times). Copying a million record objects between threads cost more than checking them.
 */
export interface PackedRecords {
  count: number;
  columns: PackedColumn[];
}

type PackedColumn =
  | { key: string; type: 'number'; values: Float64Array }
  /** Index 0 is null; index i > 0 is `texts[i - 1]`. */
  | { key: string; type: 'text'; texts: string[]; indexes: Uint32Array }
  /** Anything else (lists, dates, mixed): the values as they are. */
  | { key: string; type: 'other'; values: unknown[] };

type Flat = Record<string, unknown>;

/** A text column with more distinct values than this, half of those seen, is sent as it is. */
const mostlyDistinctFrom = 4_096;

function packColumn(records: readonly Flat[], key: string): PackedColumn {
  const count = records.length;
  let numbers = true;
  let texts = true;
  for (let index = 0; index < count && (numbers || texts); index += 1) {
    const value = records[index]![key];
    if (typeof value !== 'number') numbers = false;
    if (typeof value !== 'string' && value !== null) texts = false;
  }
  if (numbers) {
    const values = new Float64Array(count);
    for (let index = 0; index < count; index += 1) values[index] = records[index]![key] as number;
    return { key, type: 'number', values };
  }
  if (texts) {
    const indexOf = new Map<string, number>();
    const distinct: string[] = [];
    const indexes = new Uint32Array(count);
    let index = 0;
    for (; index < count; index += 1) {
      const value = records[index]![key] as string | null;
      if (value === null) continue;
      let at = indexOf.get(value);
      if (at === undefined) {
        // Mostly distinct (times, references): a table of them would only cost.
        if (distinct.length >= mostlyDistinctFrom && distinct.length * 2 > index) break;
        distinct.push(value);
        indexOf.set(value, (at = distinct.length));
      }
      indexes[index] = at;
    }
    if (index === count) return { key, type: 'text', texts: distinct, indexes };
  }
  return { key, type: 'other', values: records.map((record) => record[key]) };
}

/** Packs records that share one shape (the keys of the first record). */
export function packRecords(records: readonly object[]): PackedRecords {
  const flat = records as readonly Flat[];
  const keys = flat.length ? Object.keys(flat[0]!) : [];
  return { count: flat.length, columns: keys.map((key) => packColumn(flat, key)) };
}

/** The typed arrays' buffers, to move to the other thread instead of copying them. */
export function packedRecordBuffers(packed: PackedRecords): ArrayBuffer[] {
  return packed.columns.flatMap((column) =>
    column.type === 'number'
      ? [column.values.buffer as ArrayBuffer]
      : column.type === 'text'
        ? [column.indexes.buffer as ArrayBuffer]
        : [],
  );
}

/** The records again, one object each, with the keys in the order they were packed. */
export function unpackRecords<T>(packed: PackedRecords): T[] {
  const { count, columns } = packed;
  // Every record is a copy of one template with all the keys: one allocation each, one
  // shape for all (adding the keys one by one grew each object's property store ten times).
  const template: Flat = {};
  for (const column of columns) template[column.key] = null;
  const records = new Array<Flat>(count);
  for (let index = 0; index < count; index += 1) {
    const record = { ...template };
    for (const column of columns) {
      if (column.type === 'text') {
        const at = column.indexes[index]!;
        record[column.key] = at ? column.texts[at - 1] : null;
      } else record[column.key] = column.values[index];
    }
    records[index] = record;
  }
  return records as T[];
}
