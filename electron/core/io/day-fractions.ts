import type { Cell } from './table-file';

/**
 * Times of day as Excel keeps them, a fraction of the day (0.5 is 12:00:00, 0.7115625 is
 * 17:04:39), in a time column beside a date column: a number cell of an .xlsx, or its text in a
 * CSV saved from a sheet whose time cells were not formatted. Read beside a date of any form
 * the import reads (2026-04-01, 20260401, 2026/4/1, an Excel serial).
 *
 * Text of two decimals below .60 (0.05) is also a dotted clock short of its hour's digit
 * (00:05, as 17.05 is 17:05): it is a fraction only in a column that writes fractions, one
 * that holds a fraction no clock could be (0.5, 0.75, 0.7115625) and no clock written another
 * way. In such a column, and in a number cell anywhere, a fraction past the day (1.5, -0.1) is
 * refused as such.
 */

/** Four digits before the point: a day's serial (46113.5), a whole date and time, no fraction. */
const firstSerial = 10_000;

const fractionText = /^0?\.\d+$/;
/** 0.05: also the dotted clock 00:05. */
const clockLike = /^0?\.[0-5]\d$/;

/** Whether the time column's cells (those read so far, or all) write the time as fractions. */
export function writesDayFractions(cells: Iterable<Cell>): boolean {
  let fractions = 0;
  for (const cell of cells) {
    if (cell === null || cell instanceof Date) continue;
    if (typeof cell === 'number') {
      // A whole number is a clock of digits (171647); 0 is midnight either way.
      if (Number.isInteger(cell) && cell !== 0) return false;
      if (cell >= 0 && cell < 1) fractions += 1;
      continue;
    }
    const text = cell.trim();
    if (text === '' || text === '0' || /^[+-]?\d*\.\d+$/.test(text)) {
      if (fractionText.test(text) && !clockLike.test(text)) fractions += 1;
    } else return false;
  }
  return fractions > 0;
}

/**
 * The time cell as a fraction of the day, 'outside' when it is one outside [0, 1); null when it
 * is no fraction (a clock, a whole date and time), read as before.
 */
export function dayFraction(cell: Cell, columnWritesFractions: boolean): number | 'outside' | null {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) || cell >= firstSerial) return null;
    return cell >= 0 && cell < 1 ? cell : 'outside';
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (fractionText.test(text))
    return clockLike.test(text) && !columnWritesFractions ? null : Number(text);
  // No clock is negative; 1.5 may be a dotted clock (1.50) unless the column writes fractions.
  if (/^-\d*\.\d+$/.test(text)) return 'outside';
  if (columnWritesFractions && /^\d+\.\d+$/.test(text) && Number(text) < firstSerial)
    return 'outside';
  return null;
}
