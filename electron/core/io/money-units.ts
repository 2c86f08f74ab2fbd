import { headerKey } from '../../api/domain/import-templates';
import type { Cell } from './table-file';

/** Yuan in one unit an amount's header or unit names: 10,000 for 万元, 1,000 for 千元, else 1. */
export function yuanIn(unit: string): number {
  return /万/.test(unit) ? 10_000 : /千/.test(unit) ? 1_000 : 1;
}

/** A header's note in brackets at its end: 交易金额(万元) → 万元. */
export const headerNoteOf = (header: string): string =>
  /\(([^()]*)\)$/.exec(headerKey(header))?.[1] ?? '';

/**
 * Yuan in one unit of a statement's money, row by row (1 for yuan). The amounts' unit is said by
 * their header (交易金额(万元), 发生额(千元)), a line above the header (单位：万元) or a 金额单位
 * column. The balance and the fee are in that unit too unless their own header names another
 * (余额(元)): a balance in 万元 read as yuan had been 10,000 times off, and to four decimals
 * (8.7655) no figure at all, so the ways the balances say were lost.
 */
export function moneyUnits(
  headers: string[],
  mapping: Record<string, number>,
  amountKey: string,
  /** Yuan in one unit as the lines above the header say (单位：万元). */
  fileScale: number,
  /** The row's 金额单位 cell. */
  unitOf: (cells: Cell[]) => string | null,
): { amount(cells: Cell[]): number; of(key: string): (cells: Cell[]) => number } {
  const amountHeader = headers[mapping[amountKey] ?? mapping['debitAmount'] ?? -1] ?? '';
  const headerScale = yuanIn(headerNoteOf(amountHeader));
  const scaleOfFile = headerScale > 1 ? headerScale : fileScale;
  const amount = (cells: Cell[]) => {
    const unit = unitOf(cells);
    const scale = unit ? yuanIn(unit) : 1;
    return scale > 1 ? scale : scaleOfFile;
  };
  return {
    amount,
    of(key) {
      if (key === amountKey) return amount;
      const note = headerNoteOf(headers[mapping[key] ?? -1] ?? '');
      return /元/.test(note) ? () => yuanIn(note) : amount;
    },
  };
}
