import { describe, expect, it } from 'vitest';
import { waysClosingGap, type GapDoubt } from '../../../electron/core/io/balance-gap';
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
    // Twelve rows, one choice of 4,096: 2 rows of 1 each way and the rest of distinct powers.
    const twelve = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048].map((yuan) => ({
      amountFen: yuan * 100,
    }));
    expect(
      waysClosingGap(twelve, (1 - 2 + 4 + 8 - 16 + 32 + 64 - 128 + 256 - 512 + 1024 + 2048) * 100),
    ).toEqual([['in', 'out', 'in', 'in', 'out', 'in', 'in', 'out', 'in', 'out', 'in', 'in']]);
    // Two choices at most are listed (two say the gap is open): 0 over 1, 1, 1, 1 closes six ways.
    const open = waysClosingGap(Array(4).fill({ amountFen: 100 }), 0)!;
    expect([
      open.length,
      open.map((ways) => ways.filter((way) => way === 'in').length),
      open[0]!.join() !== open[1]!.join(),
    ]).toEqual([2, [2, 2], true]);
    // 25 rows: not searched.
    expect(waysClosingGap(Array(25).fill({ amountFen: 100 }), 100)).toBeNull();
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

  it('spans three blank balances, and four', () => {
    const three = statement([
      [50, 1000],
      [1, null],
      [2, null],
      [4, null],
      [8, 1011],
    ]);
    expect(waysFromBalances(three)).toEqual([undefined, 'in', 'out', 'in', 'in']);
    // 1000 → 1027 over 1, 2, 4, 8, 16: only +1 −2 +4 +8 +16 (had been past the gap's reach).
    const four = statement([
      [50, 1000],
      [1, null],
      [2, null],
      [4, null],
      [8, null],
      [16, 1027],
      [5, 1022],
    ]);
    expect(waysFromBalances(four)).toEqual([undefined, 'in', 'out', 'in', 'in', 'in', 'out']);
  });

  it('says why a gap’s rows are left undecided: two choices close it, or it is too long to search', () => {
    const doubts = new Map<number, GapDoubt>();
    const rows = statement([
      [50, 1000],
      [500, null],
      [200, null],
      [300, 1000],
      [10, 1010],
      ...Array.from({ length: 24 }, (): [number, null] => [1, null]),
      [1, 1034],
      [6, 1040],
    ]);
    const ways = waysFromBalances(rows, doubts);
    // The first row has no balance before it: the oldest, said so.
    expect([ways?.slice(0, 5), ways?.slice(30), [...doubts.values()].slice(0, 5)]).toEqual([
      [undefined, undefined, undefined, undefined, 'in'],
      ['in'],
      ['oldest', 'ambiguous', 'ambiguous', 'ambiguous', 'tooLong'],
    ]);
    expect([...doubts.keys()].sort((a, b) => a - b)).toEqual([
      0,
      1,
      2,
      3,
      ...Array.from({ length: 25 }, (_, at) => 5 + at),
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
