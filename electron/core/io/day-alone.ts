import type { Cell } from './table-parse';

/**
 * Dates written without a time of day: 2024-03-06, 2024/3/6, 2024年3月6日, 20240306, 06/03/2024,
 * 06-MAR-24, Mar 6 2024, 06MAR2024. A form not listed here is taken as timed.
 */
const dateForms = [
  /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/,
  /^\d{8}$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/,
  /^\d{1,2}-[a-z]{3}-\d{2,4}$/i,
  /^[a-z]{3}\s+\d{1,2},?\s+\d{4}$/i,
  /^\d{1,2}[a-z]{3}\d{4}$/i,
];

/** Excel's serial numbers of days run below this (9999-12-31); 20240306 is digits, not a serial. */
const lastSerial = 2_958_466;

/**
 * Whether a row's time is a day alone: the date cell gives no time of day and no time cell
 * beside it gives one (a statement's 交易日期). Such a row may be any time that day, where a
 * row timed 00:00:00 is at midnight.
 */
export function givesDayAlone(dateCell: Cell, timeCell: Cell): boolean {
  if (timeCell !== null && String(timeCell).trim() !== '') return false;
  if (dateCell instanceof Date)
    // A date cell without a time: exceljs gives its midnight as 00:00 UTC.
    return dateCell.getTime() % 86_400_000 === 0;
  if (typeof dateCell === 'number')
    return (
      Number.isInteger(dateCell) && (dateCell < lastSerial || /^\d{8}$/.test(String(dateCell)))
    );
  if (typeof dateCell !== 'string') return false;
  const text = dateCell.normalize('NFKC').trim();
  // An Excel serial of a whole day as a CSV saved from a sheet has it (46082); no form above is
  // five characters long.
  if (text.length === 5) return /^\d{5}$/.test(text);
  return dateForms.some((form) => form.test(text));
}
