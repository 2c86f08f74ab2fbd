import type { Cell } from './table-parse';

/**
 * A number cell as its format shows it where that is more than the number: a percentage (0.72
 * as 72.0%), a unit (356.2 formatted 0.00"克"), digits padded with zeros (087165123456 formatted
 * 000000000000, a call type 01 formatted 00).
 */
export function shownNumber(value: number, format: string | undefined): Cell {
  if (!format) return value;
  if (/%/.test(format)) return `${Number((value * 100).toPrecision(12))}%`;
  // A unit in the format (0.00"克", #,##0.00"元", 0"秒"): the figure with its unit, as shown.
  const unit = /^[#0.,]+\s*"([^"\d]+)"$/.exec(format)?.[1];
  if (unit) return `${Number(value.toPrecision(15))}${unit.trim()}`;
  if (
    /^0{2,}$/.test(format) &&
    Number.isSafeInteger(value) &&
    value >= 0 &&
    String(value).length < format.length
  )
    return String(value).padStart(format.length, '0');
  return value;
}
