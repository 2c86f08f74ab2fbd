import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A transfer the statement says failed or was declined (交易是否成功 失败 or N, 应答码 51) moved
 * no money, but the attempt is evidence: who tried to pay whom. Such rows had vanished (not
 * stored, not rejected, their payee no account at all); they are kept as attempts, with the
 * counterpart's account and relation, and counted nowhere.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

async function importFixture(name: string, extra: Record<string, unknown> = {}) {
  c = makeTestCore();
  await createTestWorkspace(c);
  return await c.ok('import.commit', {
    importId: `imp-${name}`,
    fileName: name,
    contentBase64: fs.readFileSync(path.join(fixtures, name)).toString('base64'),
    template: 'transactions',
    ...extra,
  });
}

/** Each stored transfer: line, way, fen, whether an attempt, whether it cancels itself. */
function storedRows(): string[] {
  const rows = c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT line, direction, amount_fen AS fen, attempt, offset_of = id AS alone
        FROM money_transfers ORDER BY line`,
    )
    .all() as {
    line: number;
    direction: string;
    fen: number;
    attempt: number | null;
    alone: 0 | 1 | null;
  }[];
  return rows.map(
    (row) =>
      `${row.line} ${row.direction} ${row.fen}${row.attempt ? ' attempt' : ''}${row.alone ? ' alone' : ''}`,
  );
}

/** The account's money relations as `from>to: count fen | line:attempt …`. */
async function relationsOf(account: string): Promise<string[]> {
  const found = await c.ok('search.query', { text: account });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  const lines: string[] = [];
  for (const relation of detail.relations.filter((item) => item.type === 'finances')) {
    const records = await c.ok('import.records', { relationId: relation.id });
    const rows = records.rows.map((row) => `${row.source.line}:${row.attempt ? 'attempt' : '-'}`);
    lines.push(
      `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen} | ${rows.join(' ')}`,
    );
  }
  return lines.sort();
}

describe('a transfer that failed or was declined', () => {
  it('is kept as an attempt with its counterpart account, counted nowhere (交易是否成功 失败, N)', async () => {
    const summary = await importFixture('bank-statement-failed.csv');
    expect(summary).toMatchObject({ rows: 3, rejectedRows: 0, attempts: 2, reversals: 0 });
    expect(storedRows()).toEqual([
      '2 in 500000',
      '3 out 300000 attempt alone',
      '4 out 300000',
      '5 out 200000',
      '6 in 80000 attempt alone',
    ]);
    // 鸡十四's card is an account, found by its number, with the attempt listed and nothing counted.
    expect(await relationsOf('6230520000000000703')).toEqual([
      '6230520000000000703>6230520000000000601: 0 0 | 6:attempt',
    ]);
    expect(await relationsOf('6230520000000000702')).toEqual([
      '6230520000000000601>6230520000000000702: 1 300000 | 3:attempt 4:-',
    ]);
    const trace = await c.ok('analytics.moneyTrace', { account: '6230520000000000601' });
    const own = trace.accounts.find((account) => account.accountNo === '6230520000000000601')!;
    expect([own.inFen, own.outFen]).toEqual([500000, 500000]);
  });

  it("a card's declined row (应答码 51) is an attempt; a hold (预授权) is set aside, not an error", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: 'card-acquiring-declined.csv',
      contentBase64: fs
        .readFileSync(path.join(fixtures, 'card-acquiring-declined.csv'))
        .toString('base64'),
      template: 'transactions' as const,
      direction: 'out' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect([preview.rowCount, preview.validCount, preview.rejectedCount]).toEqual([4, 4, 0]);
    expect(preview.setAside).toEqual([
      { line: 4, reason: 'preAuthorisation' },
      { line: 7, reason: 'notCompleted' },
    ]);
    const summary = await c.ok('import.commit', { ...file, importId: 'imp-card' });
    expect(summary).toMatchObject({ rows: 4, rejectedRows: 0, attempts: 1, reversals: 1 });
    expect(storedRows()).toEqual([
      '2 out 30000',
      '3 in 30000',
      '5 out 80000',
      '6 in 5000',
      '7 out 9900 attempt alone',
    ]);
  });
});

describe("an attempt beside the payee's statement", () => {
  it("is no transfer the payee's row could be a copy of, in either order of import", async () => {
    for (const order of [
      ['bank-statement-failed-payee.csv', 'bank-statement-failed.csv'],
      ['bank-statement-failed.csv', 'bank-statement-failed-payee.csv'],
    ]) {
      c?.dispose();
      c = makeTestCore();
      await createTestWorkspace(c);
      for (const name of order)
        await c.ok('import.commit', {
          importId: `imp-${name}`,
          fileName: name,
          contentBase64: fs.readFileSync(path.join(fixtures, name)).toString('base64'),
          template: 'transactions',
        });
      // The 3,000 that went through, counted once; the failed 3,000 before it, never.
      expect(await relationsOf('6230520000000000702')).toEqual([
        '6230520000000000601>6230520000000000702: 1 300000 | 3:attempt 4:- 3:-',
      ]);
      const trace = await c.ok('analytics.moneyTrace', { account: '6230520000000000702' });
      const payee = trace.accounts.find((account) => account.accountNo === '6230520000000000702')!;
      expect(payee.inFen).toBe(300000);
    }
  });
});

describe('a statement whose balances say the ways, with a failed row', () => {
  it('leaves the failed row (its balance unchanged) out of the ways: the statement imports', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: 'balance-statement-failed.csv',
      contentBase64: fs
        .readFileSync(path.join(fixtures, 'balance-statement-failed.csv'))
        .toString('base64'),
      template: 'transactions' as const,
    };
    // It had been refused whole: 缺少必需的列：借贷标志 (the 失败 row's balance moved by 0).
    const preview = await c.ok('import.preview', file);
    // Set aside as a failed row of unknown way (转账 names none), not as an attempt.
    expect(preview.setAside).toEqual([{ line: 5, reason: 'failedWayUnknown' }]);
    // The first row's way (no balance before it) is another matter: only the rows after it here.
    expect(preview.problems.filter((problem) => problem.line !== 3)).toEqual([]);
    await c.ok('import.commit', { ...file, importId: 'imp-balance', skipInvalid: true });
    // The failed row's way is said nowhere (its balance did not move): set aside, not guessed.
    expect(storedRows().filter((row) => !row.startsWith('3 '))).toEqual([
      '4 out 300000',
      '6 in 300000',
    ]);
  });
});
