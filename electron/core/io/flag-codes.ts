import { aliasMatcher, debitCreditAliases } from '../../api/domain/import-templates';
import { statementSearchChoices, waysClosingGap, type GapDoubt } from './balance-gap';

/**
 * A debit/credit column of codes (借贷标志 0/1, 1/2, 收付标志 A/B), as bank core systems and the
 * 查控 platforms' raw extracts give it: which code is money out is said by a legend above the
 * header or in the column's name (借贷标志：1-借 2-贷; 收付标志(0:付,1:收)), else shown by the
 * balances (交易余额) the statement prints row after row. A code neither says stays unknown and
 * its rows are refused: a code is never guessed.
 */
export type Way = 'out' | 'in';

/** A legend's word as a flag cell's (借, 贷方, 来账, 流出): the debit/credit aliases. */
const wayOfWord = aliasMatcher(debitCreditAliases);

/** A legend's word for a way, and what may follow it (借方交易, 贷方发生额). */
const wayWord = String.raw`(借方?|借记|贷方?|贷记|支出|收入|付款|收款|付出|进账|出账|入账|转出|转入|存入|取出|存款|取款|支取|来账|往账|流入|流出|汇入|汇出|[收付支进出入存取来往])(?:交易|发生额|发生|金额)?(?![\u4e00-\u9fff])`;
/** 1-借, 01：借方交易, A为收 … */
const entryPattern = new RegExp(
  String.raw`(?<![\dA-Za-z])(\d{1,2}|[A-Za-z])\s*(?:[-—=:：.、]|为|表示|代表)?\s*[(（]?` + wayWord,
  'g',
);
/** 借:1, 贷=2 (the word first). */
const wordFirstPattern = new RegExp(
  wayWord + String.raw`\s*(?:[-—=:：]|为)\s*(\d{1,2}|[A-Za-z])(?![\dA-Za-z])`,
  'g',
);

/** A segment of text that is a legend of this column: it names a flag, or is the header itself. */
const flagLabel = /借贷|收付|收支|进出|出入|存取|来往|往来|流向|方向|标志|标识/;

/** A code as flag cells and legends compare it: letters in lower case, digits without 0s before. */
export function flagCode(text: string): string {
  const key = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return /^\d+$/.test(key) ? String(Number(key)) : key;
}

/** Code → way, from a legend in the lines above the header or in the flag column's name. */
export function flagLegend(preambleText: string, flagHeader: string): Map<string, Way> {
  const codes = new Map<string, Way>();
  // A legend is a line: its entries may stand in cells of their own, or apart by ；.
  const segments = [flagHeader, ...preambleText.split('\n').filter((s) => flagLabel.test(s))];
  for (const segment of segments) {
    const text = segment.normalize('NFKC');
    // Words first (借:1 贷:2) where there are two such; else codes first (1-借 2-贷).
    const wordsFirst = [...text.matchAll(wordFirstPattern)].map((m): [string, string] => [
      m[2]!,
      m[1]!,
    ]);
    const entries =
      wordsFirst.length >= 2
        ? wordsFirst
        : [...text.matchAll(entryPattern)].map((m): [string, string] => [m[1]!, m[2]!]);
    // One code alone is no legend (借贷标志：借 has no code; "1借" alone could be anything).
    if (entries.length < 2) continue;
    const found = new Map<string, Way>();
    for (const [code, word] of entries) {
      const way = wayOfWord(word);
      if (way) found.set(flagCode(code), way);
    }
    const ways = new Set(found.values());
    if (ways.size === 2) for (const [code, way] of found) codes.set(code, way);
  }
  return codes;
}

/**
 * Each row's previous row of the same account (-1 for its account's first): a 查控 return that
 * merges several cards in time order alternates their rows, and only one account's balance
 * moves with its own rows (compared with the row above, whatever its account, no move was left).
 */
function previousOfAccount(rows: BalanceRow[]): number[] {
  const last = new Map<string | null, number>();
  return rows.map((row, index) => {
    const earlier = last.get(row.account) ?? -1;
    last.set(row.account, index);
    return earlier;
  });
}

/** One row of a statement as the balances are read: its account, its flag's code, fen. */
export interface BalanceRow {
  account: string | null;
  code: string;
  amountFen: number | null;
  balanceFen: number | null;
  /** The bank's fee on the row (手续费), taken from the balance with a payment, 0 for none. */
  feeFen?: number;
}

/**
 * Whether a balance move is the row's: its amount, or a payment with its fee (the balance fell
 * by both: 1,000.00 and 2.00 of 跨行 fee), or money in less its fee.
 */
function movedBy(moved: number, row: BalanceRow): boolean {
  const amount = row.amountFen;
  if (amount === null) return false;
  const fee = row.feeFen ?? 0;
  return (
    Math.abs(moved) === amount || (fee > 0 && (moved === -(amount + fee) || moved === amount - fee))
  );
}

/**
 * Code → way from the balances: where two rows of one account follow each other, the balance
 * moves by the later row's amount in a list in time order (its way is the move's), by the
 * earlier row's in a list newest first (its way is the move's, back). The order is the one more
 * moves bear out; a code is learned when nine in ten of the moves that name it agree (all of
 * them for `agreement` 1: a summary's word may name no way, 网银转账 in and out, and learning
 * its majority had turned a payment out into money in), and the codes learned go both ways on
 * three moves or more.
 */
export function flagsFromBalances(
  rows: BalanceRow[],
  known: Set<string>,
  agreement = 0.9,
): Map<string, Way> {
  const moves: { later: BalanceRow; earlier: BalanceRow; moved: number }[] = [];
  let timeOrder = 0;
  let newestFirst = 0;
  const before = previousOfAccount(rows);
  for (let index = 1; index < rows.length; index += 1) {
    const earlier = rows[before[index]!];
    const later = rows[index]!;
    if (!earlier || later.balanceFen === null) continue;
    if (earlier.balanceFen === null) continue;
    const moved = later.balanceFen - earlier.balanceFen;
    if (!moved) continue;
    if (movedBy(moved, later)) timeOrder += 1;
    if (movedBy(-moved, earlier)) newestFirst += 1;
    moves.push({ later, earlier, moved });
  }
  if (timeOrder === newestFirst) return new Map();
  const votes = new Map<string, { out: number; in: number }>();
  for (const { later, earlier, moved } of moves) {
    const row = timeOrder > newestFirst ? later : earlier;
    if (!movedBy(row === later ? moved : -moved, row) || known.has(row.code)) continue;
    const way: Way = moved > 0 === (row === later) ? 'in' : 'out';
    const count = votes.get(row.code) ?? { out: 0, in: 0 };
    count[way] += 1;
    votes.set(row.code, count);
  }
  const learned = new Map<string, Way>();
  let borneOut = 0;
  for (const [code, count] of votes) {
    const way: Way = count.out > count.in ? 'out' : 'in';
    const agree = Math.max(count.out, count.in);
    if (agree >= (count.out + count.in) * agreement) {
      learned.set(code, way);
      borneOut += agree;
    }
  }
  return new Set(learned.values()).size === 2 && borneOut >= 3 ? learned : new Map();
}

/**
 * Each row's way from the balances alone, for a statement that prints its amounts unsigned and
 * says the way nowhere else (no flag, no words): a row's way is the move of the balance it
 * made (from the row before it in a list in time order, to the row after it in one newest
 * first). Rows printed without their balance, and the row after them, are decided together
 * where exactly one choice of their ways closes the gap between the known balances around them
 * (balance-gap); where several do, or the gap is too long to search, `doubts` is told why, by
 * row. Null unless nine in ten of the moves (a gap is one, borne out when any choice closes it)
 * bear the rows out; a row no move reaches (each account's first) is undefined.
 */
export function waysFromBalances(
  rows: BalanceRow[],
  doubts?: Map<number, GapDoubt>,
): (Way | undefined)[] | null {
  const before = previousOfAccount(rows);
  const after = new Array<number>(rows.length).fill(-1);
  before.forEach((earlier, later) => {
    if (earlier >= 0) after[earlier] = later;
  });
  const ways = (newestFirst: boolean) => {
    // Each row's previous balance: the row before it in time order, after it newest first.
    const older = newestFirst ? after : before;
    const found: (Way | undefined)[] = new Array<Way | undefined>(rows.length).fill(undefined);
    const doubted = new Map<number, GapDoubt>();
    const budget = { choices: statementSearchChoices };
    let moves = 0;
    let borne = 0;
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index]!;
      if (row.balanceFen === null) continue;
      // This row and the blank-balance rows back to the last known balance, newest first.
      const gap = [index];
      let at = older[index]!;
      while (at >= 0 && rows[at]!.balanceFen === null) {
        gap.push(at);
        at = older[at]!;
      }
      const known = rows[at];
      // The account's oldest row: no balance before it to tell its way by.
      if (!known) for (const place of gap) doubted.set(place, 'oldest');
      if (!known || known.balanceFen === null) continue;
      const amounts = gap.map((place) => rows[place]!);
      if (amounts.some((gapRow) => !gapRow.amountFen)) continue;
      // The balance after the rows less the one before them.
      const closing = waysClosingGap(
        amounts.map((gapRow) => ({ amountFen: gapRow.amountFen!, feeFen: gapRow.feeFen })),
        row.balanceFen - known.balanceFen,
        budget,
      );
      if (!closing) {
        for (const place of gap) doubted.set(place, 'tooLong');
        continue;
      }
      moves += 1;
      if (closing.length) borne += 1;
      if (closing.length === 1) gap.forEach((place, order) => (found[place] = closing[0]![order]));
      else if (closing.length > 1) for (const place of gap) doubted.set(place, 'ambiguous');
    }
    return { found, moves, borne, doubted };
  };
  const timeOrder = ways(false);
  const newestFirst = ways(true);
  const best = newestFirst.borne > timeOrder.borne ? newestFirst : timeOrder;
  if (!(best.moves > 0 && best.borne >= best.moves * 0.9)) return null;
  for (const [place, doubt] of best.doubted) doubts?.set(place, doubt);
  return best.found;
}
