import type { Cell } from './table-file';

/** A line that reads as a row of the list: a date first, or cells apart by separators. */
const rowLike = /^\s*\d{4}[-/.年]\d{1,2}|[,\t|；;][^,\t|；;\n]*[,\t|；;]/;

/**
 * A cell a stray quote opened (对方户名 "王五, as a bank's system left it): the CSV reader reads on
 * to the next quote, so the rows between become lines of one cell, the transfers on them gone
 * without a word. The cell's column and the number of lines it holds past its first, where one
 * of them reads as a row; else null.
 */
export function swallowedRows(cells: readonly Cell[]): { column: number; lines: number } | null {
  for (let column = 0; column < cells.length; column += 1) {
    const cell = cells[column];
    if (typeof cell !== 'string' || !/[\r\n]/.test(cell)) continue;
    const lines = cell.split(/\r\n|\r|\n/);
    if (lines.slice(1).some((text) => rowLike.test(text)))
      return { column, lines: lines.length - 1 };
  }
  return null;
}
