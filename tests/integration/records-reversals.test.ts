import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A reversal (冲正, 撤销, 退汇) and the transfer it undoes moved no money: both rows are kept
 * with their lines, and neither is counted in a relation, a cash total or the money trace. A
 * 冲正 read as money back had doubled the pair's money both ways and made a 快进快出 out of a
 * credit the bank took back minutes later.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const a = '6217001540009283746';
const b = '6222021234567890123';
const e = '6222021234567890125';
const f = '6222021234567890126';

async function importStatement(lines: string[]) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  return await c.ok('import.commit', {
    importId: 'imp-a',
    fileName: `${a}.csv`,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions',
  });
}

/** Each money relation as `from>to: count fen | line:offsetLine …` (A, B, E, F for accounts). */
async function moneyOfA() {
  const found = await c.ok('search.query', { text: a });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  const short = new Map([
    [a, 'A'],
    [b, 'B'],
    [e, 'E'],
    [f, 'F'],
  ]);
  const lines: string[] = [];
  for (const relation of detail.relations.filter((item) => item.type === 'finances')) {
    const records = await c.ok('import.records', { relationId: relation.id });
    const rows = records.rows.map((row) => `${row.source.line}:${row.offsetLine ?? '-'}`);
    lines.push(
      `${short.get(relation.fromLabel)}>${short.get(relation.toLabel)}: ${relation.eventCount} ${relation.amountFen} | ${rows.join(' ')}`,
    );
  }
  return lines.sort();
}

async function traceOfA() {
  const trace = await c.ok('analytics.moneyTrace', { account: a });
  const row = trace.accounts.find((account) => account.accountNo === a)!;
  return { inFen: row.inFen, outFen: row.outFen, fast: row.flags.fastInFastOut };
}

describe('a reversal and the transfer it undoes', () => {
  it('a 冲正 under 贷 after a transfer out under 借: both kept, neither counted', async () => {
    const summary = await importStatement([
      '交易卡号,交易时间,借贷标志,交易金额,对手账号,摘要',
      `${a},2026-04-01 10:00:00,借,1000.00,${b},网银转账`,
      `${a},2026-04-01 10:05:00,贷,1000.00,,冲正`,
      `${a},2026-04-02 09:00:00,借,300.00,${b},网银转账`,
      // A credit the bank took back two minutes later, with a minus sign under 贷.
      `${a},2026-04-03 10:00:00,贷,2000.00,${e},转账`,
      `${a},2026-04-03 10:02:00,贷,-2000.00,${e},转账`,
      // A reversal whose transfer is before the statement's period: money back, as printed.
      `${a},2026-04-04 10:00:00,贷,800.00,${f},冲正`,
      // ATM cash taken and its 取款冲正: no relation either way, and not counted as cash.
      `${a},2026-04-05 10:00:00,借,500.00,,ATM取款`,
      `${a},2026-04-05 10:00:40,贷,500.00,,ATM取款冲正`,
    ]);
    expect(summary).toMatchObject({ rows: 8, rejectedRows: 0, reversals: 3, copies: 0 });
    // A>B lists the transfer undone and its reversal (the reversal named no counterpart), and
    // counts the 300 alone; E sent A nothing that stayed, so there is no E>A relation.
    expect(await moneyOfA()).toEqual(['A>B: 1 30000 | 2:3 3:2 4:-', 'F>A: 1 80000 | 7:-']);
    expect(await traceOfA()).toEqual({ inFen: 80_000, outFen: 30_000, fast: 0 });
    // Deleting the import leaves nothing behind.
    expect(await c.ok('import.delete', { importId: 'imp-a' })).toMatchObject({ transfers: 8 });
    expect((await c.ok('search.query', { text: a })).groups).toEqual([]);
  });

  it('a 冲正标志 column marks the reversal (冲正) of the transfer it undoes (已冲正): neither counted', async () => {
    const summary = await importStatement([
      '交易卡号,交易时间,借贷标志,交易金额,对手账号,摘要,流水号,原流水号,冲正标志',
      `${a},2026-03-01 09:30:15,借,1000.00,${b},网银转账,LS0001,,已冲正`,
      `${a},2026-03-01 09:31:00,贷,1000.00,${b},网银转账,LS0002,LS0001,冲正`,
      `${a},2026-03-01 10:00:00,借,2000.00,${b},网银转账,LS0003,,`,
    ]);
    expect(summary).toMatchObject({ rows: 3, reversals: 1 });
    expect(await moneyOfA()).toEqual(['A>B: 1 200000 | 2:3 3:2 4:-']);
    expect(await traceOfA()).toEqual({ inFen: 0, outFen: 200_000, fast: 0 });
  });

  it('a 消费撤销 in a debit/credit pair of columns cancels the purchase; another amount does not', async () => {
    const summary = await importStatement([
      '交易卡号,交易日期,交易时间,支出金额,存入金额,对方账号,交易类型',
      `${a},20260401,101010,260.00,,${b},消费`,
      `${a},20260401,101530,,260.00,${b},消费撤销`,
      `${a},20260402,090000,120.00,,${b},消费`,
      // A void of 100 matches no purchase of 100: money back, as printed.
      `${a},20260402,093000,,100.00,${b},消费撤销`,
    ]);
    expect(summary).toMatchObject({ rows: 4, reversals: 1 });
    expect(await moneyOfA()).toEqual(['A>B: 1 12000 | 2:3 3:2 4:-', 'B>A: 1 10000 | 5:-']);
  });

  it('a reversal naming no counterpart: within a week, printed a moment before, by the other number', async () => {
    const summary = await importStatement([
      '交易卡号,交易账号,交易时间,借贷标志,交易金额,对手账号,摘要',
      // The transfer undone 50 days before a 退汇 naming no counterpart: not tied by amount alone.
      `${a},${f},2026-03-01 10:00:00,借,5000.00,${e},转账`,
      `${a},${f},2026-04-20 10:00:00,贷,5000.00,,退汇`,
      // A reversal printed a second before its transfer.
      `${a},${f},2026-04-21 10:00:00,贷,1000.00,,冲正`,
      `${a},${f},2026-04-21 10:00:01,借,1000.00,${b},网银转账`,
      // A reversal row giving the account number alone (no card).
      `${a},${f},2026-04-22 10:00:00,借,700.00,${b},网银转账`,
      `,${f},2026-04-22 10:05:00,贷,700.00,,冲正`,
    ]);
    expect(summary).toMatchObject({ rows: 6, rejectedRows: 0, reversals: 2 });
    // Both pairs cancel (no A>B relation: no counted row made one); the 退汇 stays money back.
    expect(await moneyOfA()).toEqual(['A>E: 1 500000 | 2:-']);
  });

  it('a reversal is paired with the latest transfer before it, never one after it', async () => {
    const summary = await importStatement([
      '交易卡号,交易时间,借贷标志,交易金额,对手账号,摘要',
      `${a},2026-04-01 09:00:00,借,1000.00,${b},转账`,
      `${a},2026-04-01 10:00:00,借,1000.00,${b},转账`,
      `${a},2026-04-01 10:30:00,贷,1000.00,${b},跨行转账退回`,
      `${a},2026-04-01 11:00:00,借,1000.00,${b},转账`,
      // Money B gives back (退回借款) is a transfer of its own, not a bounced one.
      `${a},2026-04-02 11:00:00,贷,1000.00,${b},退回借款`,
    ]);
    expect(summary).toMatchObject({ reversals: 1 });
    expect(await moneyOfA()).toEqual(['A>B: 2 200000 | 2:- 3:4 4:3 5:-', 'B>A: 1 100000 | 6:-']);
  });

  it('a credit under 100 yuan (interest before a fee) is no 快进快出; 5,000 in and 4,900 out the same day is', async () => {
    await importStatement([
      '交易卡号,交易时间,借贷标志,交易金额,对手账号,摘要',
      `${a},2026-04-01 00:01:00,贷,1.23,,结息`,
      `${a},2026-04-01 00:02:00,借,2.00,,短信服务费`,
      `${a},2026-04-02 10:00:00,贷,5000.00,${b},转账`,
      `${a},2026-04-02 11:00:00,借,4900.00,${e},转账`,
    ]);
    expect(await traceOfA()).toMatchObject({ fast: 1 });
  });
});
