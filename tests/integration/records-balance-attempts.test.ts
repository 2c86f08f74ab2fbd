import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * A statement with no debit/credit flag, each row's way read from the move of its balance
 * (余额): a failed row (交易状态 失败) moved no balance, so its way is not read there. It had
 * been set aside and not kept as the attempt it was (who tried to pay whom); it is kept where
 * the row's sign or 摘要 says its way, and set aside as a failed row of unknown way where
 * nothing does (a transfer's way is its relation's: the table holds no row without one).
 */
let c: TestCore;
afterEach(() => c?.dispose());

const own = '6216612345678901234';
const file = [
  '期初余额：9,000.00',
  '账号,交易日期,交易时间,摘要,交易金额,余额,对方账号,对方户名,交易状态',
  `${own},20260401,090000,转账,"1,000.00","10,000.00",6228480000000000001,李某,成功`,
  `${own},20260401,100000,转账,500.00,"9,500.00",6228480000000000002,赵某,成功`,
  `${own},20260401,110000,转账,-300.00,"9,500.00",6228480000000000003,王某,失败`,
  `${own},20260401,120000,网银转出,800.00,"9,500.00",6228480000000000004,孙某,交易失败`,
  `${own},20260401,123000,跨行汇入,600.00,"9,500.00",6228480000000000005,钱某,失败`,
  `${own},20260401,130000,转账,700.00,"9,500.00",6228480000000000006,周某,失败`,
  `${own},20260401,140000,转账,"2,000.00","11,500.00",6228480000000000001,李某,成功`,
  `${own},20260402,090000,转账,"1,500.00","10,000.00",6228480000000000002,赵某,成功`,
];

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

/** The statement account's money relations, `from>to: transfers fen`. */
async function relationsOf() {
  const found = await c.ok('search.query', { text: own });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  return detail.relations
    .filter((relation) => relation.type === 'finances')
    .map(
      (relation) =>
        `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
    )
    .sort();
}

describe('a failed row of a statement whose ways are read from its balances', () => {
  it('is kept as an attempt the way its sign or 摘要 says, else set aside as of unknown way', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const input = {
      fileName: 'balances.csv',
      contentBase64: Buffer.from(file.join('\r\n')).toString('base64'),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', input);
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual([
      '5 notCompleted',
      '6 notCompleted',
      '7 notCompleted',
      '8 failedWayUnknown',
    ]);
    const summary = await c.ok('import.commit', { ...input, importId: 'imp-balances' });
    expect(storedRows()).toEqual([
      '3 in 100000',
      '4 out 50000',
      '5 out 30000 attempt',
      '6 out 80000 attempt',
      '7 in 60000 attempt',
      '9 in 200000',
      '10 out 150000',
    ]);
    expect(summary).toMatchObject({ rows: 4, rejectedRows: 0, attempts: 3 });
    expect(await relationsOf()).toEqual([
      `${own}>6228480000000000002: 2 200000`,
      `${own}>6228480000000000003: 0 0`,
      `${own}>6228480000000000004: 0 0`,
      `6228480000000000001>${own}: 2 300000`,
      `6228480000000000005>${own}: 0 0`,
    ]);
  });

  it('under ways its 摘要 words teach (转账转入, 转账转出), is kept the way its sign says', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const rows = [
      '期初余额：9,000.00',
      '账号,交易日期,交易时间,摘要,交易金额,余额,对方账号,对方户名,交易状态',
      `${own},20260401,090000,转账转入,"1,000.00","10,000.00",6228480000000000001,李某,成功`,
      `${own},20260401,100000,转账转出,500.00,"9,500.00",6228480000000000002,赵某,成功`,
      `${own},20260401,110000,转账,-300.00,"9,500.00",6228480000000000003,王某,失败`,
      `${own},20260401,130000,转账,700.00,"9,500.00",6228480000000000006,周某,失败`,
      `${own},20260402,090000,转账转出,"1,500.00","8,000.00",6228480000000000002,赵某,成功`,
    ];
    const input = {
      fileName: 'words.csv',
      contentBase64: Buffer.from(rows.join('\r\n')).toString('base64'),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', input);
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['5 notCompleted', '6 failedWayUnknown']);
    const summary = await c.ok('import.commit', { ...input, importId: 'imp-words' });
    expect(storedRows()).toEqual([
      '3 in 100000',
      '4 out 50000',
      '5 out 30000 attempt',
      '7 out 150000',
    ]);
    expect(summary).toMatchObject({ rows: 3, rejectedRows: 0, attempts: 1 });
  });
});
