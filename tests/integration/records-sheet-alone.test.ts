import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace, workbookBase64 } from '../helpers/import-preview';

/**
 * A workbook whose sheets are under different headers (a carrier's 通话 and 短信 sheets, one
 * card's statement per sheet): the first sheet's header is read and the others said unread, with
 * no way to import them. A sheet is now read alone when asked.
 */

const { core, plannedWorkbook, previewWorkbook } = previewsOnNewWorkspace();

const sheets = [
  {
    name: '通话',
    rows: [
      ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长'],
      ['13987654321', '13812345678', '主叫', '2026-04-01 10:00:00', '65'],
    ],
  },
  {
    name: '短信',
    rows: [
      ['本机号码', '对方号码', '收发类型', '发送时间', 'LAC', 'CI'],
      ['13987654321', '13812345678', '发送', '2026-04-01 11:00:00', '25301', '10231'],
      ['13987654321', '13812345678', '接收', '2026-04-01 11:05:00', '25301', '10231'],
    ],
  },
];

describe('a sheet read alone', () => {
  it('the texts sheet under its own header, its number given by the preview', async () => {
    const all = await plannedWorkbook('calls', sheets);
    expect(all.sheets.map((sheet) => [sheet.name, sheet.number, sheet.read])).toEqual([
      ['通话', 1, true],
      ['短信', 2, false],
    ]);
    const texts = await plannedWorkbook('calls', sheets, {}, { sheet: 2 });
    expect(texts.headerLine).toBe(10_000_001);
    expect(pick(texts.sample, ['caller', 'callee', 'kind', 'baseStation'])).toEqual([
      ['13987654321', '13812345678', 'sms', '25301-10231'],
      ['13812345678', '13987654321', 'sms', '25301-10231'],
    ]);
  });

  it('a sheet the workbook does not have is named as missing', async () => {
    const result = await previewWorkbook('calls', sheets, {}, { sheet: 5 });
    expect(result.ok ? null : [result.error.code, result.error.details]).toEqual([
      'import.noSheet',
      { sheet: 5 },
    ]);
  });

  it('the workbook imported, its unread sheet imports alone after it: no "imported already"', async () => {
    const file = {
      fileName: '话单.xlsx',
      contentBase64: await workbookBase64(sheets),
      template: 'calls' as const,
    };
    await core().ok('import.commit', { ...file, importId: 'imp-calls' });
    const texts = await core().ok('import.commit', { ...file, importId: 'imp-texts', sheet: 2 });
    expect(texts).toMatchObject({ rows: 2, rejectedRows: 0 });
    // The whole file again is still refused: its rows were imported.
    expect(await core().call('import.commit', { ...file, importId: 'imp-again' })).toMatchObject({
      ok: false,
      error: { code: 'import.duplicateFile' },
    });
  });
});
