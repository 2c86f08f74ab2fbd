import { describe, expect, it } from 'vitest';
import { rejectedRowsFile } from '../../../electron/core/io/import-rejected';
import type { ImportPlan } from '../../../electron/core/io/import-plan';
import type { TableFile } from '../../../electron/core/io/table-file';

describe('the rejected-rows file', () => {
  it('writes spreadsheet date cells as typed, without a zone shift or a "Z"', () => {
    // exceljs reads "2026-10-01 03:15:00" in a cell as 2026-10-01T03:15:00Z (wall clock as UTC).
    const rows = [
      { line: 2, cells: ['13800000001', new Date('2026-10-01T03:15:00.000Z'), 'x'] },
      { line: 3, cells: ['13800000002', new Date('2026-10-02T00:00:00.000Z'), 'y'] },
    ];
    const plan = {
      headers: ['本机号码', '开始时间', '通话时长'],
      mapping: { ownNumber: 0, startedAt: 1, durationSeconds: 2 },
      problems: [
        { line: 2, field: 'durationSeconds', problem: 'duration', value: 'x' },
        { line: 3, field: 'durationSeconds', problem: 'duration', value: 'y' },
      ],
      rows,
    } as unknown as ImportPlan;
    const file = { format: 'xlsx', encoding: null, rows } as TableFile;
    const result = rejectedRowsFile(file, plan, '话单.xlsx')!;
    expect(result.fileName).toBe('话单.rejected.csv');
    const lines = Buffer.from(result.contentBase64, 'base64').toString('utf8').split('\r\n');
    expect(lines.slice(1, 3).map((line) => line.split(',').slice(0, 3))).toEqual([
      ['13800000001', '2026-10-01 03:15:00', 'x'],
      ['13800000002', '2026-10-02', 'y'],
    ]);
  });

  it("names each row by its line in the file, a later sheet's as the check does, with the check's words", () => {
    const rows = [
      { line: 7, cells: ['13800000001', '2026-10-01 03:15:00', 'x'] },
      { line: 20_000_008, cells: ['13800000002', '2026-13-02 00:00:00', '5'] },
    ];
    const plan = {
      headers: ['本机号码', '开始时间', '通话时长'],
      mapping: { ownNumber: 0, startedAt: 1, durationSeconds: 2 },
      problems: [
        { line: 7, field: 'durationSeconds', problem: 'duration', value: 'x' },
        { line: 20_000_008, field: 'startedAt', problem: 'dateTime', value: '2026-13-02' },
        { line: 20_000_008, field: 'farNumber', problem: 'callType', value: '视频' },
      ],
      rows,
    } as unknown as ImportPlan;
    const file = { format: 'xlsx', encoding: null, rows } as TableFile;
    const text = Buffer.from(rejectedRowsFile(file, plan, '话单.xlsx')!.contentBase64, 'base64');
    expect(text.toString('utf8').split('\r\n')).toEqual([
      '\ufeff本机号码,开始时间,通话时长,原行号,原因',
      '13800000001,2026-10-01 03:15:00,x,7,通话时长：时长格式不正确',
      '13800000002,2026-13-02 00:00:00,5,第 3 个工作表第 8 行,开始时间：时间无法识别或不存在；farNumber：呼叫类型无法识别（应为 主叫/被叫/呼转/短信发/短信收 等）；代码（01、02）请在表头上方加一行说明，如“呼叫类型：01-主叫，02-被叫”',
      '',
    ]);
  });
});
