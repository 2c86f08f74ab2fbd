import { cellText } from './import-values';
import type { Cell } from './table-parse';

/**
 * What carriers print for a number they did not get or do not give (a caller who hid it, a call
 * over the Internet, a foreign network that sent none): no one's number. Taken as a number,
 * every target's hidden callers would be one phone (隐藏号码, 000, -), a false hub joining them.
 */
const withheldTexts = new Set([
  '',
  '-',
  '--',
  '—',
  '/',
  '*',
  'null',
  'none',
  'n/a',
  'na',
  '无',
  '空',
  '未知',
  '不详',
  '隐藏',
  '未显示',
  '不显示',
  '无号码',
  '未知号码',
  '隐藏号码',
  '号码隐藏',
  '私人号码',
  '私密号码',
  '保密号码',
  '无主叫号码',
  '无主叫',
  '未知主叫',
  '主叫隐藏',
  '匿名',
  '匿名号码',
  'unknown',
  'unknow',
  'anonymous',
  'private',
  'private number',
  'withheld',
  'restricted',
  'unavailable',
  'hidden',
]);

/** Zeros alone (0, 000, 00000000000). */
const zeros = /^\+?0+\s*$/;
/** A number masked with asterisks (138****5678): no one phone. */
const masked = /^\+?\d*\*{2,}\d*$/;

/**
 * Whether a far end's cell says its number is unknown: empty, a word for it (隐藏号码, 未知,
 * Unknown, Private), zeros alone, or a number masked with asterisks (138****5678), which names
 * no one phone.
 */
export function isWithheldNumber(cell: Cell): boolean {
  if (typeof cell === 'number') return cell === 0;
  if (cell === null || cell === undefined) return true;
  const raw = String(cell);
  // Most far ends are numbers (a million rows): zeros, masked, or a number.
  const first = raw.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 43)
    return zeros.test(raw) || (raw.includes('*') && masked.test(raw.trim()));
  // A database's or a spreadsheet's empty cell (NULL, \N, #N/A) reads as none (cellText).
  const text = cellText(raw).normalize('NFKC').toLowerCase();
  return (
    withheldTexts.has(text) ||
    /^[(（<[]?(?:号码)?(?:隐藏|未知|unknown|private|withheld)[)）>\]]?$/.test(text) ||
    zeros.test(text) ||
    masked.test(text)
  );
}
