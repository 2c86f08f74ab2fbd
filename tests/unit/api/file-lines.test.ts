import { describe, expect, it } from 'vitest';
import {
  lineLabel,
  linesText,
  sheetOfLine,
  workbookLine,
} from '../../../electron/api/domain/file-lines';

describe('where a row is in its file', () => {
  it('numbers a workbook’s later sheets apart, and says them as people read them', () => {
    expect(workbookLine(0, 17)).toBe(17);
    expect(workbookLine(2, 5)).toBe(20_000_005);
    expect(sheetOfLine(20_000_005)).toEqual({ sheet: 2, row: 5 });
    // The last row of an .xlsx sheet stays in its sheet.
    expect(sheetOfLine(workbookLine(1, 1_048_576))).toEqual({ sheet: 1, row: 1_048_576 });
    expect(lineLabel(17)).toBe('17');
    expect(lineLabel(20_000_005)).toBe('第 3 个工作表第 5 行');
    expect(lineLabel(20_000_005, 'en')).toBe('sheet 3, row 5');
    expect(linesText([2, 4])).toBe('第 2、4 行');
    expect(linesText([17, 10_000_005, 10_000_006])).toBe('第 17 行；第 2 个工作表第 5、6 行');
    expect(linesText([17], 'en')).toBe('line 17');
    expect(linesText([2, 4, 10_000_005], 'en')).toBe('lines 2, 4; sheet 2, row 5');
  });
});
