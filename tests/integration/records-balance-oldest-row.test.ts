import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A statement whose ways only its balances give, newest first (a tester's desc_balance.csv): its
 * oldest row (04-01, 600.00, balance 9,600.00) has no balance before it, so 9,000 or 10,200 came
 * before and its way is unknown. It had been refused as an unreadable 借贷标志 of “9,600.00”; it
 * is said to be the oldest row without an opening balance, and an opening balance settles it.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const statement = fs.readFileSync(
  path.join(import.meta.dirname, '../fixtures/records/bank-statement-newest-first-balances.csv'),
  'utf8',
);

async function read(text: string) {
  const preview = await c.ok('import.preview', {
    fileName: 'desc_balance.csv',
    contentBase64: Buffer.from(text).toString('base64'),
    template: 'transactions' as const,
  });
  return {
    ways: preview.sample.map((row) => `${row['direction']} ${row['amountFen']}`),
    problems: preview.problems,
  };
}

describe('the oldest row of a statement whose balances give the ways', () => {
  it('without an opening balance: refused as such, the others read', async () => {
    expect(await read(statement)).toEqual({
      ways: ['in 30000', 'out 70000', 'in 100000'],
      problems: [{ line: 6, field: 'balance', problem: 'balanceOldestRow', value: '9,600.00' }],
    });
  });

  it('with the heading’s 期初余额: its way is read from it', async () => {
    const opened = statement.replace('户名：木一', '户名：木一 期初余额：9,000.00');
    expect(await read(opened)).toEqual({
      ways: ['in 30000', 'out 70000', 'in 100000', 'in 60000'],
      problems: [],
    });
  });
});
