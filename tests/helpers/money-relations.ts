import fs from 'node:fs';
import path from 'node:path';
import type { TestCore } from './test-core';

const fixtures = path.resolve(__dirname, '../fixtures/records');

/** Imports a statement of tests/fixtures/records as a transactions file, its name the import's ID. */
export async function importStatementFixture(c: TestCore, fileName: string) {
  return await c.ok('import.commit', {
    importId: fileName.replace(/\.csv$/, ''),
    fileName,
    contentBase64: fs.readFileSync(path.join(fixtures, fileName)).toString('base64'),
    template: 'transactions',
  });
}

/**
 * Every money relation the workspace shows, as `from>to: transfers fen`, sorted (an account
 * merged into another is shown under it, its relations with it).
 */
export async function moneyRelations(c: TestCore): Promise<string[]> {
  const accounts = await c.ok('entities.list', { kinds: ['account'], page: 1, pageSize: 200 });
  const lines = new Set<string>();
  for (const account of accounts.rows) {
    const detail = await c.ok('entities.get', { id: account.id });
    for (const relation of detail.relations.filter((item) => item.type === 'finances'))
      lines.add(
        `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
      );
  }
  return [...lines].sort();
}

/** What 资金穿透 from an account counts into and out of it (fen). */
export async function tracedInOut(c: TestCore, account: string) {
  const trace = await c.ok('analytics.moneyTrace', { account });
  const row = trace.accounts.find((item) => item.accountNo === account)!;
  return { inFen: row.inFen, outFen: row.outFen };
}
