import { describe, expect, it } from 'vitest';
import { waysClosingGap } from '../../../electron/core/io/balance-gap';
import { waysFromBalances, type BalanceRow } from '../../../electron/core/io/flag-codes';

/** A statement's rows of one account: [amount, balance] in yuan, null for a blank balance. */
const statement = (rows: [number, number | null, number?][]): BalanceRow[] =>
  rows.map(([amount, balance, fee]) => ({
    account: '6230520012349999',
    code: '',
    amountFen: amount * 100,
    balanceFen: balance === null ? null : balance * 100,
    feeFen: (fee ?? 0) * 100,
  }));

describe('the ways that close a balance gap', () => {
  it('lists every choice of ways under which the rows moved the balance by the gap', () => {
    // 1000 → 700 over 100 and 200: out and out only.
    expect(waysClosingGap([{ amountFen: 10000 }, { amountFen: 20000 }], -30000)).toEqual([
      ['out', 'out'],
    ]);
    // 900 → 900 over 100 and 100: either one in and the other out.
    expect(waysClosingGap([{ amountFen: 10000 }, { amountFen: 10000 }], 0)).toEqual([
      ['in', 'out'],
      ['out', 'in'],
    ]);
    // No choice: the gap is not these rows' moves.
    expect(waysClosingGap([{ amountFen: 10000 }, { amountFen: 20000 }], -5000)).toEqual([]);
    // A payment with its fee (100.00 and 2.00 taken), then 50.00 in.
    expect(
      waysClosingGap([{ amountFen: 10000, feeFen: 200 }, { amountFen: 5000 }], -10200 + 5000),
    ).toEqual([['out', 'in']]);
  });
});

describe("a statement's ways by its balance, blanks among them", () => {
  it('decides the row after a blank balance, and the blank one, where one choice closes the gap', () => {
    expect(
      waysFromBalances(
        statement([
          [50, 1000],
          [100, 1100],
          [100, null],
          [200, 800],
          [300, 1100],
        ]),
      ),
    ).toEqual([undefined, 'in', 'out', 'out', 'in']);
  });

  it('leaves both rows undecided where two choices close the gap', () => {
    expect(
      waysFromBalances(
        statement([
          [50, 1000],
          [100, 1100],
          [100, null],
          [100, 1100],
          [300, 800],
        ]),
      ),
    ).toEqual([undefined, 'in', undefined, undefined, 'out']);
  });

  it('spans three blank balances, not four', () => {
    const three = statement([
      [50, 1000],
      [1, null],
      [2, null],
      [4, null],
      [8, 1011],
    ]);
    expect(waysFromBalances(three)).toEqual([undefined, 'in', 'out', 'in', 'in']);
    const four = statement([
      [50, 1000],
      [1, null],
      [2, null],
      [4, null],
      [8, null],
      [16, 1027],
      [5, 1022],
    ]);
    expect(waysFromBalances(four)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'out',
    ]);
  });

  it('reads a list newest first the other way: the gap runs down to the older known balance', () => {
    // The time-order list of the first test, printed newest first.
    expect(
      waysFromBalances(
        statement([
          [300, 1100],
          [200, 800],
          [100, null],
          [100, 1100],
          [50, 1000],
        ]),
      ),
    ).toEqual(['in', 'out', 'out', 'in', undefined]);
  });

  it('keeps a gap of another account’s rows apart: each account’s balance closes its own', () => {
    const rows = statement([
      [50, 1000],
      [100, null],
      [200, 700],
    ]);
    // A second card's row between them (查控 returns merge cards in time order).
    rows.splice(2, 0, { ...rows[0]!, account: '6230520012340000', amountFen: 7700, balanceFen: 0 });
    expect(waysFromBalances(rows)).toEqual([undefined, 'out', undefined, 'out']);
  });
});
