import type { Way } from './flag-codes';

/**
 * The most rows a gap may hold (its blank balances and the row whose balance closes it) and
 * still be searched: banks that print the balance only at the end of a day leave a dozen rows
 * blank and more. Each row is in or out: 2^24 choices, searched as two halves of 2^12.
 */
const maxGapRows = 24;

/**
 * The choices one half of a gap may list (its rows' ways, and with a fee each way two moves):
 * past it the gap is said too long to decide rather than searched at length.
 */
const maxHalfChoices = 1 << 16;

/**
 * Why a gap's rows are left undecided: more than one choice of ways closes it, or it is too
 * long to search; or the account's oldest row, with no balance before it (no 期初余额).
 */
export type GapDoubt = 'ambiguous' | 'tooLong' | 'oldest';

/**
 * The choices all the gaps of one reading of a statement may list together: a million rows
 * with a balance every 24th would otherwise take half a minute; a statement's few long gaps
 * take a fraction of it, its short ones next to nothing.
 */
export const statementSearchChoices = 1 << 23;

/** What is left of a statement's search (`statementSearchChoices`), spent gap by gap. */
interface GapSearchBudget {
  choices: number;
}

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
 * Every sum one half's rows can move the balance by, each with the choices of ways (a bit per
 * row, set for in) that give it: two at most, which is all the search needs to know (one
 * choice, or more than one).
 */
function halfSums(rows: GapRow[]): Map<number, number[]> {
  let sums = new Map<number, number[]>([[0, [0]]]);
  rows.forEach((row, index) => {
    const next = new Map<number, number[]>();
    for (const [sum, choices] of sums)
      for (const way of ['out', 'in'] as const)
        for (const move of movesOf(row, way))
          for (const choice of choices) {
            const made = way === 'in' ? choice | (1 << index) : choice;
            const known = next.get(sum + move);
            if (!known) next.set(sum + move, [made]);
            else if (known.length < 2 && known[0] !== made) known.push(made);
          }
    sums = next;
  });
  return sums;
}

function choicesOf(rows: GapRow[]): number {
  return rows.reduce((count, row) => count * ((row.feeFen ?? 0) > 0 ? 4 : 2), 1);
}

/**
 * The choices of ways (one per row, in the rows' order) under which the rows together moved the
 * balance by `moved` (the known balance after them less the known one before them): a statement
 * that prints rows without their balance (blank 余额, or a balance printed only at the end of
 * the day) still says their ways where exactly one choice closes the gap, never by a guess among
 * several. Two choices at most are listed (two: the gap does not say); null where the gap is
 * too long to search, or the statement's search budget is spent. Met in the middle: each half's sums are listed, and each sum of the first
 * looks for the rest of the move among the second's.
 */
export function waysClosingGap(
  rows: GapRow[],
  moved: number,
  budget: GapSearchBudget = { choices: statementSearchChoices },
): Way[][] | null {
  const middle = rows.length >> 1;
  const [first, second] = [rows.slice(0, middle), rows.slice(middle)];
  if (rows.length > maxGapRows) return null;
  const [firstChoices, secondChoices] = [choicesOf(first), choicesOf(second)];
  if (
    firstChoices > maxHalfChoices ||
    secondChoices > maxHalfChoices ||
    firstChoices + secondChoices > budget.choices
  )
    return null;
  budget.choices -= firstChoices + secondChoices;
  const firstSums = halfSums(first);
  const secondSums = halfSums(second);
  // A choice as both halves' bits; the same one can be reached by two fee readings.
  const found = new Map<string, [number, number]>();
  for (const [sum, lows] of firstSums) {
    const rest = secondSums.get(moved - sum);
    if (!rest) continue;
    for (const low of lows) for (const high of rest) found.set(`${low},${high}`, [low, high]);
    if (found.size >= 2) break;
  }
  return [...found.values()]
    .sort(([lowA, highA], [lowB, highB]) => highA - highB || lowA - lowB)
    .slice(0, 2)
    .map(([low, high]) =>
      rows.map((_, index): Way => {
        const bit = index < middle ? (low >> index) & 1 : (high >> (index - middle)) & 1;
        return bit ? 'in' : 'out';
      }),
    );
}
