import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A statement of unsigned amounts and no 借贷标志 that prints its balance only at the end of
 * each day (日终余额): runs of 4, 8 and 12 blank balances, each closed by exactly one choice of
 * ways; a day whose rows close two ways (500 in, 200 and 300 out, or the other way round); a day
 * of 25 rows, too many to search. Past 3 blank balances every row had been left undecided.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixture = fs.readFileSync(
  path.join(import.meta.dirname, '../fixtures/records/bank-statement-day-end-balances.csv'),
);

/** Lines 5–31 (the first three days) and 60–61, as the balances decide them. */
const decided = [
  // 2026-04-01: four blank balances, 20,000.00 → 20,933.79.
  '5 in 27286',
  '6 in 512607',
  '7 out 9219',
  '8 out 402655',
  '9 out 34640',
  // 2026-04-02: eight, → 36,501.68.
  '10 in 776789',
  '11 in 590768',
  '12 out 23105',
  '13 in 159653',
  '14 in 44232',
  '15 in 16180',
  '16 out 18915',
  '17 in 265508',
  '18 out 254321',
  // 2026-04-03: twelve, → 27,298.37.
  '19 in 240513',
  '20 in 573719',
  '21 out 854459',
  '22 out 3929',
  '23 out 5038',
  '24 in 625053',
  '25 out 25787',
  '26 in 26710',
  '27 out 795450',
  '28 out 595335',
  '29 out 128443',
  '30 out 2778',
  '31 in 24893',
  // 2026-04-06: a balance on each row.
  '60 in 88800',
  '61 out 6600',
];

describe('a statement with its balance printed only at the end of each day', () => {
  it('decides gaps of 4, 8 and 12 rows; says which rows two choices close and which are too many', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: '6222020200112233445流水.csv',
      contentBase64: fixture.toString('base64'),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    const lines = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, at) => from + at);
    expect([preview.rowCount, preview.problems]).toEqual([
      57,
      [
        ...lines(32, 34).map((line) => ({
          line,
          field: 'balance',
          problem: 'balanceGapAmbiguous',
          value: line === 34 ? '27,298.37' : '',
        })),
        ...lines(35, 59).map((line) => ({
          line,
          field: 'balance',
          problem: 'balanceGapTooLong',
          value: line === 59 ? '25,758.37' : '',
        })),
      ],
    ]);
    const summary = await c.ok('import.commit', {
      ...file,
      importId: 'imp-day-end',
      skipInvalid: true,
    });
    expect([summary.rows, summary.rejectedRows]).toEqual([29, 28]);
    const rows = c.router.sessions
      .current()!
      .sqlite.prepare(
        'SELECT line, direction, amount_fen AS fen FROM money_transfers ORDER BY line',
      )
      .all() as { line: number; direction: string; fen: number }[];
    expect(rows.map((row) => `${row.line} ${row.direction} ${row.fen}`)).toEqual(decided);
  });
});
