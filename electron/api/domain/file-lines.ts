/**
 * Where a row is in the file it was imported from. A text file's rows are its lines; a
 * workbook's rows are numbered by sheet: the first sheet's as Excel shows them, a later
 * sheet's as sheet × 10,000,000 + row (a sheet holds at most 1,048,576 rows), so one number
 * still names the row in the records, problems and evidence appendix.
 */
const sheetStride = 10_000_000;
/** Sheets with rows read from one workbook, at most (line numbers stay within 32 bits). */
export const maxSheets = 400;

export function workbookLine(sheetIndex: number, row: number): number {
  return sheetIndex * sheetStride + row;
}

/** The sheet (0 for the first, or a text file) and the row of a line number. */
export function sheetOfLine(line: number): { sheet: number; row: number } {
  return { sheet: Math.floor(line / sheetStride), row: line % sheetStride };
}

type Language = 'zh' | 'en';

/** A line in a list of lines: "17", or "第 2 个工作表第 5 行" ("sheet 2, row 5"). */
export function lineLabel(line: number, language: Language = 'zh'): string {
  const { sheet, row } = sheetOfLine(line);
  if (sheet === 0) return String(row);
  return language === 'zh'
    ? `第 ${sheet + 1} 个工作表第 ${row} 行`
    : `sheet ${sheet + 1}, row ${row}`;
}

/**
 * Lines as a phrase: "第 17、18 行", with a workbook's later sheets apart
 * ("第 17 行；第 2 个工作表第 5、6 行"); "lines 17, 18; sheet 2, rows 5, 6".
 */
export function linesText(lines: number[], language: Language = 'zh'): string {
  const bySheet = new Map<number, number[]>();
  for (const line of lines) {
    const { sheet, row } = sheetOfLine(line);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), row]);
  }
  return [...bySheet]
    .map(([sheet, rows]) => {
      if (language === 'zh') {
        const where = sheet === 0 ? '' : `第 ${sheet + 1} 个工作表`;
        return `${where}第 ${rows.join('、')} 行`;
      }
      const noun = sheet === 0 ? 'line' : 'row';
      const where = sheet === 0 ? '' : `sheet ${sheet + 1}, `;
      return `${where}${noun}${rows.length > 1 ? 's' : ''} ${rows.join(', ')}`;
    })
    .join(language === 'zh' ? '；' : '; ');
}
