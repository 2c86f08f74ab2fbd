import type { Cell } from './table-parse';

/**
 * A number cell as its format shows it where that is more than the number: a percentage (0.72
 * as 72.0%), digits padded with zeros (087165123456 formatted 000000000000, a call type 01
 * formatted 00).
 */
export function shownNumber(value: number, format: string | undefined): Cell {
  if (!format) return value;
  if (/%/.test(format)) return `${Number((value * 100).toPrecision(12))}%`;
  if (
    /^0{2,}$/.test(format) &&
    Number.isSafeInteger(value) &&
    value >= 0 &&
    String(value).length < format.length
  )
    return String(value).padStart(format.length, '0');
  return value;
}
