import { describe, expect, it } from 'vitest';
import {
  packRecords,
  packedRecordBuffers,
  unpackRecords,
} from '../../../electron/core/io/record-columns';

describe('records packed by column for the trip from the parser thread', () => {
  it('come back value for value: numbers, texts with nulls, lists', () => {
    const records = [
      { line: 2, caller: '13800000001', imei: null, seconds: 0, aliases: ['阿强'] },
      { line: 3, caller: '13800000002', imei: '86012345678901', seconds: 61.5, aliases: [] },
      { line: 5, caller: '13800000001', imei: null, seconds: -0, aliases: ['强哥', '阿强'] },
    ];
    const packed = packRecords(records);
    expect(packed.columns.map((column) => [column.key, column.type])).toEqual([
      ['line', 'number'],
      ['caller', 'text'],
      ['imei', 'text'],
      ['seconds', 'number'],
      ['aliases', 'other'],
    ]);
    const caller = packed.columns[1]!;
    // Each distinct text once; 0 stands for null.
    expect(caller).toMatchObject({ texts: ['13800000001', '13800000002'] });
    expect(caller.type === 'text' && [...caller.indexes]).toEqual([1, 2, 1]);
    const imei = packed.columns[2]!;
    expect(imei.type === 'text' && [...imei.indexes]).toEqual([0, 1, 0]);
    // As postMessage moves it: the typed arrays' buffers transferred, not copied.
    const moved = structuredClone(packed, { transfer: packedRecordBuffers(packed) });
    expect(packed.columns[0]!.type === 'number' && packed.columns[0]!.values.length).toBe(0);
    expect(unpackRecords(moved)).toEqual(records);
  });

  it('sends a column of mostly distinct texts as it is, not as a table of them', () => {
    const records = Array.from({ length: 10_000 }, (_, index) => ({
      at: `2026-01-01T00:00:${String(index).padStart(5, '0')}Z`,
      kind: index % 3 ? 'call' : 'sms',
      note: index === 9_999 ? null : 'x',
    }));
    const packed = packRecords(records);
    expect(packed.columns.map((column) => column.type)).toEqual(['other', 'text', 'text']);
    expect(unpackRecords(structuredClone(packed))).toEqual(records);
  });

  it('keeps a column whose last value is null as a table', () => {
    const records = [{ own: 'a' }, { own: null }];
    const packed = packRecords(records);
    expect(packed.columns[0]!.type).toBe('text');
    expect(unpackRecords(packed)).toEqual(records);
  });

  it('packs no records', () => {
    expect(unpackRecords(packRecords([]))).toEqual([]);
  });
});
