import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * A statement with no status column (交易状态) that says a transfer failed in its remark (备注:
 * 交易失败, 余额不足): such a row had been counted as money moved, or, where the ways are read
 * from the balances, belied them and the whole statement been refused (import.missingColumns).
 * It is an attempt as a 交易状态 of 失败 makes it; a remark that tells of a failure around a
 * payment that went through (还款失败后补款), or of the money coming back (汇款退回), or of
 * nothing about the status, is just a remark.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const own = '6216612345678901234';

/** Each stored transfer: line, way, fen, whether an attempt. */
function storedRows(): string[] {
  const rows = c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT line, direction, amount_fen AS fen, attempt FROM money_transfers ORDER BY line`,
    )
    .all() as { line: number; direction: string; fen: number; attempt: number | null }[];
  return rows.map(
    (row) => `${row.line} ${row.direction} ${row.fen}${row.attempt ? ' attempt' : ''}`,
  );
}

async function importRows(name: string, rows: string[]) {
  c = makeTestCore();
  await createTestWorkspace(c);
  const input = {
    fileName: `${name}.csv`,
    contentBase64: Buffer.from(rows.join('\r\n')).toString('base64'),
    template: 'transactions' as const,
  };
  const preview = await c.ok('import.preview', input);
  const summary = await c.ok('import.commit', { ...input, importId: `imp-${name}` });
  return { preview, summary };
}

describe('a failure written only in the remark (备注) of a statement with no status column', () => {
  it('is an attempt where the ways are read from the balances, not a refused statement', async () => {
    const { preview, summary } = await importRows('balances', [
      '期初余额：9,000.00',
      '账号,交易日期,交易时间,摘要,交易金额,余额,对方账号,对方户名,备注',
      `${own},20260401,090000,转账,"1,000.00","10,000.00",6228480000000000001,李某,货款`,
      `${own},20260401,100000,转账,500.00,"9,500.00",6228480000000000002,赵某,`,
      `${own},20260401,110000,网银转出,800.00,"9,500.00",6228480000000000004,孙某,交易失败`,
      `${own},20260401,120000,转账,-300.00,"9,500.00",6228480000000000003,王某,失败：户名不符`,
      `${own},20260401,140000,转账,"2,000.00","11,500.00",6228480000000000001,李某,还款失败后补款`,
    ]);
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['5 notCompleted', '6 notCompleted']);
    expect(preview.moneyTotals).toMatchObject({
      inRows: 2,
      inFen: 300000,
      outRows: 1,
      outFen: 50000,
    });
    expect(summary).toMatchObject({ rows: 3, rejectedRows: 0, attempts: 2 });
    expect(storedRows()).toEqual([
      '3 in 100000',
      '4 out 50000',
      '5 out 80000 attempt',
      '6 out 30000 attempt',
      '7 in 200000',
    ]);
  });

  it('set aside as of unknown way where nothing says its way, not a refused statement', async () => {
    const { preview, summary } = await importRows('unknown-way', [
      '期初余额：9,000.00',
      '账号,交易日期,交易时间,摘要,交易金额,余额,对方账号,对方户名,备注',
      `${own},20260401,090000,转账,"1,000.00","10,000.00",6228480000000000001,李某,货款`,
      `${own},20260401,100000,转账,700.00,"10,000.00",6228480000000000006,周某,交易失败`,
      `${own},20260401,110000,转账,500.00,"9,500.00",6228480000000000002,赵某,`,
    ]);
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['4 failedWayUnknown']);
    expect(summary).toMatchObject({ rows: 2, rejectedRows: 0, attempts: 0 });
    expect(storedRows()).toEqual(['3 in 100000', '5 out 50000']);
  });

  it('is an attempt, not money moved, under a debit/credit flag; 已退票 moved nothing', async () => {
    const { preview, summary } = await importRows('flagged', [
      '账号,交易日期,交易时间,摘要,借贷标志,交易金额,余额,对方账号,对方户名,备注',
      `${own},20260401,090000,转账,贷,"1,000.00","10,000.00",6228480000000000001,李某,货款`,
      `${own},20260401,100000,转账,借,300.00,"10,000.00",6228480000000000003,王某,交易失败`,
      `${own},20260401,110000,转账,借,200.00,"10,000.00",6228480000000000003,王某,余额不足`,
      `${own},20260401,120000,转账,借,400.00,"10,000.00",6228480000000000005,钱某,已退票`,
      `${own},20260401,130000,转账,借,100.00,"9,900.00",6228480000000000005,钱某,上次未成功重新转账`,
      `${own},20260401,140000,转账,贷,"2,000.00","11,900.00",6228480000000000001,李某,还款失败后补款`,
      `${own},20260401,150000,转账,贷,100.00,"12,000.00",6228480000000000005,钱某,汇款退回`,
    ]);
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual([
      '3 notCompleted',
      '4 notCompleted',
      '5 refunded',
    ]);
    // The money coming back (汇款退回) moved: counted.
    expect(preview.moneyTotals).toMatchObject({
      inRows: 3,
      inFen: 310000,
      outRows: 1,
      outFen: 10000,
    });
    expect(summary).toMatchObject({ rows: 4, rejectedRows: 0, attempts: 2 });
    expect(storedRows()).toEqual([
      '2 in 100000',
      '3 out 30000 attempt',
      '4 out 20000 attempt',
      '6 out 10000',
      '7 in 200000',
      '8 in 10000',
    ]);
  });

  it('is read where the remark is the only words column (备注 as the 摘要)', async () => {
    const { preview, summary } = await importRows('remark-alone', [
      '账号,交易日期,交易时间,借贷标志,交易金额,余额,对方账号,对方户名,附言',
      `${own},20260401,090000,贷,"1,000.00","10,000.00",6228480000000000001,李某,货款`,
      `${own},20260401,100000,借,300.00,"10,000.00",6228480000000000003,王某,转账失败`,
    ]);
    expect(setAsideRows(preview.setAside)).toEqual(['3 notCompleted']);
    expect(summary).toMatchObject({ rows: 1, rejectedRows: 0, attempts: 1 });
    expect(storedRows()).toEqual(['2 in 100000', '3 out 30000 attempt']);
  });
});
