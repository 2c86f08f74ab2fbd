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
const t = '6230000000000000055';
const j = '6222020200112230030';
const p601 = '6230000000000000601';
const q602 = '6230000000000000602';

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

/**
 * Each money relation of an account as `from>to: count fen | line:offsetLine …` (A, B, E, F for
 * accounts; `alone` a reversal whose transfer no import holds; `file:line` one of another file).
 */
async function moneyOfA(account = a) {
  const found = await c.ok('search.query', { text: account });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  const short = new Map([
    [a, 'A'],
    [t, 'T'],
    [j, 'J'],
    [b, 'B'],
    [e, 'E'],
    [f, 'F'],
    [p601, 'P'],
    [q602, 'Q'],
  ]);
  const lines: string[] = [];
  for (const relation of detail.relations.filter((item) => item.type === 'finances')) {
    const records = await c.ok('import.records', { relationId: relation.id });
    const rows = records.rows.map(
      (row) =>
        `${row.source.line}:${row.offsetFile ? `${row.offsetFile}:` : ''}${row.offsetLine ?? (row.unmatchedReversal ? 'alone' : '-')}`,
    );
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
      // A reversal whose transfer is before the statement's period (in no import): kept, and
      // no money of its own (it had been counted as 800 from F).
      `${a},2026-04-04 10:00:00,贷,800.00,${f},冲正`,
      // ATM cash taken and its 取款冲正: no relation either way, and not counted as cash.
      `${a},2026-04-05 10:00:00,借,500.00,,ATM取款`,
      `${a},2026-04-05 10:00:40,贷,500.00,,ATM取款冲正`,
    ]);
    expect(summary).toMatchObject({
      rows: 8,
      rejectedRows: 0,
      reversals: 3,
      unmatchedReversals: 1,
      copies: 0,
    });
    // A>B lists the transfer undone and its reversal (the reversal named no counterpart), and
    // counts the 300 alone; E sent A nothing that stayed: E is recorded, its E>A relation lists
    // the pair and counts nothing (as where the 冲正 is in another import). The 冲正 from F
    // makes no F>A relation.
    expect(await moneyOfA()).toEqual(['A>B: 1 30000 | 2:3 3:2 4:-', 'E>A: 0 0 | 5:6 6:5']);
    expect(await traceOfA()).toEqual({ inFen: 0, outFen: 30_000, fast: 0 });
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
      // A void of 100 matches no purchase of 100: kept under A>B, no money of its own.
      `${a},20260402,093000,,100.00,${b},消费撤销`,
    ]);
    expect(summary).toMatchObject({ rows: 4, reversals: 1, unmatchedReversals: 1 });
    expect(await moneyOfA()).toEqual(['A>B: 1 12000 | 2:3 3:2 4:- 5:alone']);
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
    expect(summary).toMatchObject({
      rows: 6,
      rejectedRows: 0,
      reversals: 2,
      unmatchedReversals: 1,
    });
    // Both pairs cancel (listed under A>B, nothing counted); the 退汇 is of no transfer
    // here and names no counterpart: on no relation, counted nowhere.
    expect(await moneyOfA()).toEqual(['A>B: 0 0 | 4:5 5:4 6:7 7:6', 'A>E: 1 500000 | 2:-']);
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

describe('a reversal and the transfer it undoes on statements imported apart', () => {
  // The tester's files: 31 Mar T paid 蒋某 (J) 5,000 and 700; 1 Apr a 冲正 of the 5,000; 2 Apr
  // T paid J 300.
  const header = '交易卡号,交易日期,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要';
  const mar = [
    header,
    `${t},20260331,235000,借,"5,000.00",${j},蒋某,转账`,
    `${t},20260331,120000,借,"700.00",${j},蒋某,转账`,
  ];
  const apr = [
    header,
    `${t},20260401,080000,贷,"5,000.00",${j},蒋某,冲正`,
    `${t},20260402,080000,借,"300.00",${j},蒋某,转账`,
  ];
  const commit = (importId: string, fileName: string, lines: string[]) =>
    c.ok('import.commit', {
      importId,
      fileName,
      contentBase64: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64'),
      template: 'transactions',
    });
  const traceOfT = async () => {
    const trace = await c.ok('analytics.moneyTrace', { account: t });
    const row = trace.accounts.find((account) => account.accountNo === t)!;
    return [row.inFen, row.outFen];
  };

  it('the 冲正 in the later statement undoes the transfer of the earlier one; deleting either import puts the other back', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-mar', 'mar.csv', mar);
    expect(await commit('imp-apr', 'apr.csv', apr)).toMatchObject({
      rows: 2,
      reversals: 1,
      unmatchedReversals: 0,
    });
    // T>J: 700 and 300; the 5,000 and its 冲正 listed, counted nowhere; no J>T.
    expect(await moneyOfA(t)).toEqual(['T>J: 2 100000 | 3:- 2:apr.csv:2 2:mar.csv:2 3:-']);
    expect(await traceOfT()).toEqual([0, 100_000]);
    // The 冲正's statement deleted: the 5,000 counts again.
    expect(await c.ok('import.delete', { importId: 'imp-apr' })).toMatchObject({ transfers: 2 });
    expect(await moneyOfA(t)).toEqual(['T>J: 2 570000 | 3:- 2:-']);
    // Imported again, then the transfer's statement deleted: the 冲正 is alone, no money.
    await commit('imp-apr2', 'apr.csv', apr);
    expect(await moneyOfA(t)).toEqual(['T>J: 2 100000 | 3:- 2:apr.csv:2 2:mar.csv:2 3:-']);
    await c.ok('import.delete', { importId: 'imp-mar' });
    expect(await moneyOfA(t)).toEqual(['T>J: 1 30000 | 2:alone 3:-']);
    expect(await traceOfT()).toEqual([0, 30_000]);
  });

  it('the statement with the 冲正 imported first: alone it is no money; the earlier statement imported after finds its transfer undone', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    expect(await commit('imp-apr', 'apr.csv', apr)).toMatchObject({
      rows: 2,
      reversals: 0,
      unmatchedReversals: 1,
    });
    expect(await moneyOfA(t)).toEqual(['T>J: 1 30000 | 2:alone 3:-']);
    expect(await traceOfT()).toEqual([0, 30_000]);
    expect(await commit('imp-mar', 'mar.csv', mar)).toMatchObject({
      rows: 2,
      reversals: 1,
      unmatchedReversals: 0,
    });
    expect(await moneyOfA(t)).toEqual(['T>J: 2 100000 | 3:- 2:apr.csv:2 2:mar.csv:2 3:-']);
    expect(await traceOfT()).toEqual([0, 100_000]);
    await c.ok('import.delete', { importId: 'imp-mar' });
    expect(await moneyOfA(t)).toEqual(['T>J: 1 30000 | 2:alone 3:-']);
    // And the other way round: the 冲正 deleted, the transfer counts.
    await commit('imp-mar2', 'mar.csv', mar);
    await c.ok('import.delete', { importId: 'imp-apr' });
    expect(await moneyOfA(t)).toEqual(['T>J: 2 570000 | 3:- 2:-']);
    expect(await traceOfT()).toEqual([0, 570_000]);
  });

  it("the other party's row of the transfer undone stays a copy when the relation's copies are marked afresh", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-mar', 'mar.csv', mar);
    // 蒋某's statement holds the 5,000 from T: a copy of T's row.
    expect(
      await commit('imp-j', 'j.csv', [header, `${j},20260331,235000,贷,"5,000.00",${t},某,转账`]),
    ).toMatchObject({ copies: 1 });
    await commit('imp-apr', 'apr.csv', apr);
    expect(await traceOfT()).toEqual([0, 100_000]);
    // Another statement on the relation, deleted: its copies are marked afresh.
    await commit('imp-extra', 'extra.csv', [
      header,
      `${t},20260403,080000,借,"100.00",${j},蒋某,转账`,
    ]);
    await c.ok('import.delete', { importId: 'imp-extra' });
    expect((await moneyOfA(t))[0]).toMatch(/^T>J: 2 100000 \|/);
    expect(await traceOfT()).toEqual([0, 100_000]);
  });

  const payer = [header, `${p601},20260331,100000,借,"5,000.00",${q602},乙,转账`];
  const payee = [
    header,
    `${q602},20260331,100000,贷,"5,000.00",${p601},甲,转账`,
    `${q602},20260401,090000,借,"5,000.00",${p601},甲,冲正`,
  ];
  const traceOf = async (account: string) => {
    const trace = await c.ok('analytics.moneyTrace', { account });
    const row = trace.accounts.find((item) => item.accountNo === account)!;
    return [row.inFen, row.outFen];
  };

  it("a 冲正 on the other party's statement uncounts the payer's row too, in either order; deleting either import puts it back", async () => {
    for (const order of [
      ['payer', 'payee'],
      ['payee', 'payer'],
    ]) {
      c?.dispose();
      c = makeTestCore();
      await createTestWorkspace(c);
      for (const name of order)
        await commit(`imp-${name}`, `${name}.csv`, name === 'payer' ? payer : payee);
      expect((await moneyOfA(p601))[0]).toMatch(/^P>Q: 0 0 \|/);
      expect(await traceOf(p601)).toEqual([0, 0]);
      // The 冲正's statement deleted: the payer's row counts again.
      await c.ok('import.delete', { importId: 'imp-payee' });
      expect(await moneyOfA(p601)).toEqual(['P>Q: 1 500000 | 2:-']);
      expect(await traceOf(p601)).toEqual([0, 500_000]);
      // Imported again, then the payer's statement deleted: nothing counts.
      await commit('imp-payee2', 'payee.csv', payee);
      expect((await moneyOfA(p601))[0]).toMatch(/^P>Q: 0 0 \|/);
      await c.ok('import.delete', { importId: 'imp-payer' });
      expect((await moneyOfA(q602))[0]).toMatch(/^P>Q: 0 0 \|/);
      expect(await traceOf(q602)).toEqual([0, 0]);
      // The payer's statement imported twice: neither export counts the transfer undone.
      await commit('imp-payer2', 'payer.csv', payer);
      await commit('imp-payer3', 'payer-again.csv', [...payer, '']);
      expect((await moneyOfA(p601))[0]).toMatch(/^P>Q: 0 0 \|/);
      expect(await traceOf(p601)).toEqual([0, 0]);
    }
  });

  it("a 冲正 in a later statement undoes the other party's copy of a transfer: the payer's row counts no more", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-payer', 'payer.csv', payer);
    // The payee's March statement holds the credit: a copy of the payer's row.
    expect(await commit('imp-mar', 'q-mar.csv', payee.slice(0, 2))).toMatchObject({ copies: 1 });
    expect(await commit('imp-apr', 'q-apr.csv', [header, payee[2]!])).toMatchObject({
      reversals: 1,
      unmatchedReversals: 0,
    });
    expect((await moneyOfA(p601))[0]).toMatch(/^P>Q: 0 0 \|/);
    expect(await traceOf(p601)).toEqual([0, 0]);
    // The 冲正's statement deleted: the transfer counts once again.
    await c.ok('import.delete', { importId: 'imp-apr' });
    expect((await moneyOfA(p601))[0]).toMatch(/^P>Q: 1 500000 \|/);
    expect(await traceOf(p601)).toEqual([0, 500_000]);
  });

  it('a statement holding a transfer and its 冲正 records the counterpart account, findable, its rows uncounted', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-a2', 'a2.csv', [
      header,
      `${p601},20260331,100000,借,"5,000.00",${q602},乙,转账`,
      `${p601},20260401,090000,贷,"5,000.00",${q602},乙,冲正`,
    ]);
    const found = await c.ok('search.query', { text: q602 });
    expect(found.groups.flatMap((group) => group.hits).length).toBeGreaterThan(0);
    expect(await moneyOfA(p601)).toEqual(['P>Q: 0 0 | 2:3 3:2']);
    expect(await traceOf(p601)).toEqual([0, 0]);
  });

  it('a 冲正 is not paired across imports with a transfer to another counterpart, after it, or over 90 days before', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-old', 'old.csv', [
      header,
      `${t},20251201,100000,借,"5,000.00",${j},蒋某,转账`,
      `${t},20260331,100000,借,"5,000.00",${e},王某,转账`,
      `${t},20260402,100000,借,"5,000.00",${j},蒋某,转账`,
    ]);
    expect(await commit('imp-apr', 'apr.csv', apr)).toMatchObject({
      reversals: 0,
      unmatchedReversals: 1,
    });
    expect(await traceOfT()).toEqual([0, 1_530_000]);
  });
});
