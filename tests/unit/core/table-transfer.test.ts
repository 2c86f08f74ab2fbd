import { describe, expect, it } from 'vitest';
import { parseLocalDateTime } from '../../../electron/core/io/import-values';
import { parseTable } from '../../../electron/core/io/table-parse';
import { packCsv, packedBuffers, unpackCsv } from '../../../electron/core/io/table-transfer';

describe('a CSV packed for the trip from the parser thread', () => {
  it('comes back cell for cell: quotes, line breaks in cells, empty and ragged rows, line numbers', async () => {
    const text =
      '\ufeff本机号码,对方号码,备注\r\n' +
      '13800000001, 13900000002 ,"说 ""你好"", 再见"\r\n' +
      '\r\n' +
      '13800000003,,"两行\n的备注"\n' +
      '13800000004\r\n' +
      ',,,多一列\n';
    const table = await parseTable(Buffer.from(text, 'utf8'), 'auto');
    expect(table.rows).toEqual([
      { line: 1, cells: ['本机号码', '对方号码', '备注'] },
      { line: 2, cells: ['13800000001', '13900000002', '说 "你好", 再见'] },
      { line: 4, cells: ['13800000003', '', '两行\n的备注'] },
      { line: 6, cells: ['13800000004'] },
      { line: 7, cells: ['', '', '', '多一列'] },
    ]);
    const packed = packCsv(table)!;
    expect(packed.widths).toEqual(new Uint32Array([3, 3, 3, 1, 4]));
    expect(packed.lines).toEqual(new Uint32Array([1, 2, 4, 6, 7]));
    // As postMessage moves it: the typed arrays' buffers transferred, not copied.
    const moved = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.ends.length).toBe(0);
    expect(unpackCsv(moved)).toEqual(table);
  });

  it('leaves a spreadsheet as it is (its cells are numbers and dates too)', () => {
    expect(packCsv({ format: 'xlsx', encoding: null, rows: [{ line: 1, cells: [1] }] })).toBe(null);
  });
});

describe('dates in the form carriers write, read without the pattern', () => {
  it('give the same instants and refusals as the pattern', () => {
    const read = (text: string) => {
      const parsed = parseLocalDateTime(text);
      return parsed.ok ? parsed.value : parsed.problem;
    };
    expect(
      [
        '2026-03-05 14:23:11',
        '2026/03/05 14:23:11',
        '2026.03.05T14:23:11',
        '2026-03-05 07:59:59',
        '2024-02-29 10:00:00',
        '2026-02-29 10:00:00',
        '2026-13-01 00:00:00',
        '2026-00-10 00:00:00',
        '2026-12-31 24:00:00',
        '2026-12-31 23:60:00',
        '2026-12-31 23:59:60',
        '0099-12-31 23:59:59',
        '2026-03-05 14:23:1x',
        '2026-03-05-14:23:11',
        '2026/3/5 14:23',
      ].map(read),
    ).toEqual([
      '2026-03-05T06:23:11.000Z',
      '2026-03-05T06:23:11.000Z',
      '2026-03-05T06:23:11.000Z',
      '2026-03-04T23:59:59.000Z',
      '2024-02-29T02:00:00.000Z',
      'dateTime',
      'dateTime',
      'dateTime',
      // 24:00:00, the next day's midnight.
      '2026-12-31T16:00:00.000Z',
      'dateTime',
      'dateTime',
      // Date.UTC reads years 0–99 as 1900–1999: refused, as before.
      'dateTime',
      'dateTime',
      // A dash between day and time, as bank core systems' timestamps have it.
      '2026-03-05T06:23:11.000Z',
      '2026-03-05T06:23:00.000Z',
    ]);
  });
});
