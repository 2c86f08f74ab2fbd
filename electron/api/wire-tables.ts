import type { ApiResult } from './result';

/**
 * Long lists of like objects (a chart's 30,000 relations, a page of call records) cross the
 * bridge as tables: the keys once, then the values row after row. JSON and structured clone
 * both write every key of every object, and the window reads them all again: a 10,000-entity
 * chart is 9.7 MB as objects and 1.75 MB as tables. Lossless for what the router answers
 * (zod-parsed plain data); a key whose value is undefined is left out, as JSON leaves it.
 */

/**
 * A table is `{ [tableMark]: keys, same: [column, value][], rows, count }`: the columns with
 * one value in every row (a case chart's case number, the fields nobody filled) once, the
 * values of the others row after row. No key the router answers with starts with a NUL; a
 * value holding this one is sent unpacked.
 */
const tableMark = '\u0000table';
/** Shorter lists are sent as they are: packing them saves nothing worth the walk. */
const minRows = 16;

/** The result as it crosses the bridge: the router's, or its value packed. */
export type WireResult<T> = ApiResult<T> | { ok: true; packed: unknown };

class MarkFound extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function definedKeys(object: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(object)) if (object[key] !== undefined) keys.push(key);
  return keys;
}

/** The keys every element has, in the same order; null when the elements differ. */
function commonKeys(items: unknown[]): string[] | null {
  const first = items[0];
  if (!isPlainObject(first)) return null;
  const keys = definedKeys(first);
  for (let index = 1; index < items.length; index += 1) {
    const item = items[index];
    if (!isPlainObject(item)) return null;
    let count = 0;
    for (const key of Object.keys(item)) {
      if (item[key] === undefined) continue;
      if (keys[count] !== key) return null;
      count += 1;
    }
    if (count !== keys.length) return null;
  }
  return keys;
}

/** A column holding one number, string, boolean or null in every row is sent once. */
function sameInEveryRow(items: Record<string, unknown>[], key: string): boolean {
  const first = items[0]![key];
  if (typeof first === 'object' && first !== null) return false;
  for (const item of items) if (item[key] !== first) return false;
  return true;
}

function pack(value: unknown): unknown {
  if (Array.isArray(value)) {
    const keys = value.length >= minRows ? commonKeys(value) : null;
    if (!keys) return value.map(pack);
    const items = value as Record<string, unknown>[];
    const same = keys.flatMap((key, column) =>
      sameInEveryRow(items, key) ? [[column, items[0]![key]] as const] : [],
    );
    const varying = keys.filter((_, column) => !same.some(([at]) => at === column));
    const rows: unknown[] = new Array(items.length * varying.length);
    let at = 0;
    for (const item of items) for (const key of varying) rows[at++] = pack(item[key]);
    // With every column the same, the rows alone cannot say how many there were.
    return { [tableMark]: keys, rows, same, count: items.length };
  }
  if (isPlainObject(value)) {
    if (Object.hasOwn(value, tableMark)) throw new MarkFound();
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item !== undefined) out[key] = pack(item);
    }
    return out;
  }
  return value;
}

function unpack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpack);
  if (!isPlainObject(value)) return value;
  const keys = value[tableMark] as string[] | undefined;
  if (keys) {
    const rows = value['rows'] as unknown[];
    const same = new Map(value['same'] as [number, unknown][]);
    const width = keys.length - same.size;
    const count = width ? rows.length / width : (value['count'] as number);
    const out: Record<string, unknown>[] = new Array(count);
    for (let row = 0, at = 0; row < count; row += 1) {
      const object: Record<string, unknown> = {};
      for (let column = 0; column < keys.length; column += 1)
        object[keys[column]!] = same.has(column) ? same.get(column) : unpack(rows[at++]);
      out[row] = object;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = unpack(value[key]);
  return out;
}

/** The router's result for the bridge: a successful value packed, an error as it is. */
export function packResult<T>(result: ApiResult<T>): WireResult<T> {
  if (!result.ok) return result;
  try {
    return { ok: true, packed: pack(result.value) };
  } catch (error) {
    if (error instanceof MarkFound) return result;
    throw error;
  }
}

/** The result as the router gave it. */
export function unpackResult<T>(wire: WireResult<T>): ApiResult<T> {
  if (wire.ok && 'packed' in wire) return { ok: true, value: unpack(wire.packed) as T };
  return wire;
}
