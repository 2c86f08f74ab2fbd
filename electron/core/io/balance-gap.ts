import type { Way } from './flag-codes';

/**
 * The most blank balances in a row a gap may span and still decide its rows: 2^4 choices of
 * ways at most; past it a closing choice is as likely chance as the rows' true ways.
 */
export const maxBlankBalances = 3;

/** A row of a balance gap: its amount and the bank's fee on it (0 for none), in fen. */
interface GapRow {
  amountFen: number;
  feeFen?: number;
}

/**
 * What a row can have moved the balance by, its way given: its amount, or with its fee (a
 * payment takes the fee too, money in comes less it), as a single row's move is read.
 */
function movesOf(row: GapRow, way: Way): number[] {
  const fee = row.feeFen ?? 0;
  const plain = way === 'in' ? row.amountFen : -row.amountFen;
  if (fee <= 0) return [plain];
  return [plain, way === 'in' ? row.amountFen - fee : -(row.amountFen + fee)];
}

/**
 * The choices of ways (one per row, in the rows' order) under which the rows together moved the
 * balance by `moved` (the known balance after them less the known one before them): a statement
 * that prints a few rows without their balance (blank 余额) still says their ways where exactly
 * one choice closes the gap, never by a guess among several.
 */
export function waysClosingGap(rows: GapRow[], moved: number): Way[][] {
  const closing: Way[][] = [];
  for (let choice = 0; choice < 2 ** rows.length; choice += 1) {
    const ways = rows.map((_, index): Way => ((choice >> index) & 1 ? 'in' : 'out'));
    let sums = new Set([0]);
    rows.forEach((row, index) => {
      const next = new Set<number>();
      for (const sum of sums) for (const move of movesOf(row, ways[index]!)) next.add(sum + move);
      sums = next;
    });
    if (sums.has(moved)) closing.push(ways);
  }
  return closing;
}
