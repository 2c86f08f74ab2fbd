import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A bank's reply of several accounts (one sheet each, or one 账号：… line above each account's
 * rows): a rejected row is that account's, and once fixed and imported again is booked to it.
 * The rejected-rows file had headed every row with the first account's 账号, so a row of the
 * second account came back as the first's (its 300 on …490001).
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

/** Imports the file skipping its bad rows; returns the rejected-rows file as text. */
async function rejectedOf(fileName: string, content: Buffer, encoding: string): Promise<string> {
  c = makeTestCore();
  await createTestWorkspace(c);
  const summary = await c.ok('import.commit', {
    importId: 'imp-first',
    fileName,
    contentBase64: content.toString('base64'),
    template: 'transactions',
    skipInvalid: true,
  });
  return iconv.decode(Buffer.from(summary.rejectedFile!.contentBase64, 'base64'), encoding);
}

/** The fixed rejected file imported: each stored row as `import line account fen`. */
async function fixedAndImported(text: string, encoding: string): Promise<string[]> {
  const summary = await c.ok('import.commit', {
    importId: 'imp-fixed',
    fileName: 'fixed.csv',
    contentBase64: iconv.encode(text, encoding).toString('base64'),
    template: 'transactions',
  });
  expect(summary.rejectedRows).toBe(0);
  const rows = c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT m.import_id AS import, m.line, e.label AS account, m.amount_fen AS fen
        FROM money_transfers m JOIN entities e ON e.id = m.account_id ORDER BY m.import_id, m.line`,
    )
    .all() as { import: string; line: number; account: string; fen: number }[];
  return rows.map((row) => `${row.import} ${row.line} ${row.account} ${row.fen}`);
}

describe("a rejected row of a reply's second account", () => {
  it("of a workbook's second sheet is headed by that sheet's account, and booked to it once fixed", async () => {
    const text = await rejectedOf(
      'two-sheets-bad-row.xlsx',
      fs.readFileSync(path.join(fixtures, 'two-sheets-bad-row.xlsx')),
      'utf8',
    );
    expect(text.split('\r\n')).toEqual([
      '账号：6217000000000490002',
      '交易时间,借贷标志,交易金额,对方账号,对方户名,原行号,原因',
      '2026-04-31 10:00:00,贷,300,6217000000000490009,某甲,第 2 个工作表第 4 行,交易时间：时间无法识别或不存在',
      '',
    ]);
    expect(await fixedAndImported(text.replace('2026-04-31', '2026-04-30'), 'utf8')).toEqual([
      'imp-first 3 6217000000000490001 10000',
      // Sheet 2's line 3 (lines of a later sheet are numbered past 10,000,000 each).
      'imp-first 10000003 6217000000000490002 20000',
      'imp-fixed 3 6217000000000490002 30000',
    ]);
  });

  it("of a statement's second section (账号：… 户名：… above it) carries that account and holder", async () => {
    const text = await rejectedOf(
      'two-accounts-bad-row.csv',
      fs.readFileSync(path.join(fixtures, 'two-accounts-bad-row.csv')),
      'gb18030',
    );
    expect(text.split('\r\n')).toEqual([
      '账号：6217000000000022001 户名：丁四',
      '交易日期,交易时间,摘要,借贷标志,交易金额,账户余额,对方账号,对方户名,原行号,原因',
      '20260431,100000,转账,贷,200.00,3200.00,6217000000000011003,丙三,10,交易日期：时间无法识别或不存在',
      '',
    ]);
    expect(await fixedAndImported(text.replace('20260431', '20260430'), 'gb18030')).toEqual([
      'imp-first 4 6217000000000011001 100000',
      'imp-first 5 6217000000000011001 50000',
      'imp-first 9 6217000000000022001 700000',
      'imp-fixed 3 6217000000000022001 20000',
    ]);
  });

  it('of rows of two accounts gives each row its own in leading columns (本方账号, 本方户名)', async () => {
    // The tester's statement with a bad date in each account's rows.
    const original = iconv
      .decode(fs.readFileSync(path.join(fixtures, 'two-accounts-bad-row.csv')), 'gb18030')
      .replace('20260402,100000', '20260432,100000');
    const text = await rejectedOf('two-accounts.csv', iconv.encode(original, 'gb18030'), 'gb18030');
    expect(text.split('\r\n')).toEqual([
      '本方账号,本方户名,交易日期,交易时间,摘要,借贷标志,交易金额,账户余额,对方账号,对方户名,原行号,原因',
      '6217000000000011001,甲一,20260432,100000,转账,贷,500.00,9500.00,6217000000000011003,丙三,5,交易日期：时间无法识别或不存在',
      '6217000000000022001,丁四,20260431,100000,转账,贷,200.00,3200.00,6217000000000011003,丙三,10,交易日期：时间无法识别或不存在',
      '',
    ]);
    const fixed = text.replace('20260432', '20260402').replace('20260431', '20260430');
    expect(await fixedAndImported(fixed, 'gb18030')).toEqual([
      'imp-first 4 6217000000000011001 100000',
      'imp-first 9 6217000000000022001 700000',
      'imp-fixed 2 6217000000000011001 50000',
      'imp-fixed 3 6217000000000022001 20000',
    ]);
  });
});
