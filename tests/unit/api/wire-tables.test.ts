import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/result';
import { packResult, unpackResult } from '../../../electron/api/wire-tables';

const edge = (n: number) => ({
  id: `r${n}`,
  from: `e${n}`,
  to: `e${n + 1}`,
  type: 'supplies',
  directed: n % 2 === 0,
  amountFen: n % 3 ? null : n * 100,
  caseNo: 'A-2026-001',
});

/** Through JSON, as the browser host sends it, and back. */
const overJson = <T>(result: ApiResult<T>) =>
  unpackResult<T>(JSON.parse(JSON.stringify(packResult(result))));

describe('results packed for the bridge', () => {
  it('sends a long list of like objects as one table and gets the same objects back', () => {
    const value = { edges: Array.from({ length: 40 }, (_, n) => edge(n)), truncated: false };
    const packed = packResult({ ok: true, value });
    const edges = (packed as { packed: { edges: { rows: unknown[]; same: unknown[] } } }).packed
      .edges;
    expect(Object.values(edges)[0]).toEqual([
      'id',
      'from',
      'to',
      'type',
      'directed',
      'amountFen',
      'caseNo',
    ]);
    // The type and the case number are the same in every row: sent once.
    expect(edges.same).toEqual([
      [3, 'supplies'],
      [6, 'A-2026-001'],
    ]);
    expect(edges.rows).toHaveLength(40 * 5);
    expect(edges.rows.slice(0, 10)).toEqual([
      'r0',
      'e0',
      'e1',
      true,
      0,
      'r1',
      'e1',
      'e2',
      false,
      null,
    ]);
    expect(overJson({ ok: true, value })).toEqual({ ok: true, value });
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(value).length * 0.6);
  });

  it('counts the rows of a table whose every column is the same', () => {
    const value = Array.from({ length: 20 }, () => ({ kind: 'phone', caseId: null }));
    expect(packResult({ ok: true, value })).toMatchObject({ packed: { rows: [], count: 20 } });
    expect(overJson({ ok: true, value })).toEqual({ ok: true, value });
  });

  it('packs tables inside tables and leaves short or mixed lists as they are', () => {
    const value = {
      paths: Array.from({ length: 20 }, (_, n) => ({
        nodeIds: [`e${n}`, `e${n + 1}`],
        steps: Array.from({ length: 16 }, (_, k) => ({ relationId: `r${k}`, type: 'calls' })),
      })),
      short: [edge(1), edge(2)],
      mixed: [...Array.from({ length: 20 }, (_, n) => edge(n)), { id: 'other' }],
      differentOrder: Array.from({ length: 20 }, (_, n) => (n ? { a: n, b: 1 } : { b: 1, a: 0 })),
      scalars: Array.from({ length: 30 }, (_, n) => n),
      empty: [],
    };
    expect(overJson({ ok: true, value })).toEqual({ ok: true, value });
    const packed = JSON.stringify(packResult({ ok: true, value }));
    expect(packed).toContain('"short":[{"id":"r1"');
    expect(packed).toContain('"mixed":[{"id":"r0"');
    expect(packed).toContain('"differentOrder":[{"b":1,"a":0}');
  });

  it('leaves out a key whose value is undefined, as JSON does, in and out of tables', () => {
    const rows = Array.from({ length: 20 }, (_, n) => ({ id: n, note: n % 2 ? undefined : 'x' }));
    const back = overJson({ ok: true, value: { rows, one: { a: 1, b: undefined } } });
    expect(back).toEqual(JSON.parse(JSON.stringify({ ok: true, value: { rows, one: { a: 1 } } })));
    expect(Object.keys((back as { value: { rows: object[] } }).value.rows[1]!)).toEqual(['id']);
  });

  it('keeps binary data and dates as structured clone carries them', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const when = new Date('2026-12-04T00:00:00Z');
    const back = unpackResult(packResult({ ok: true, value: { bytes, when } }));
    expect(back).toEqual({ ok: true, value: { bytes, when } });
  });

  it('sends a value holding the table mark as it is, and errors as they are', () => {
    const value = { ['\u0000table']: ['x'], rows: [1] };
    expect(packResult({ ok: true, value })).toEqual({ ok: true, value });
    expect(overJson({ ok: true, value })).toEqual({ ok: true, value });
    const error = { ok: false as const, error: { code: 'internal' as const, message: 'x' } };
    expect(packResult(error)).toBe(error);
    expect(unpackResult(error)).toBe(error);
  });
});
