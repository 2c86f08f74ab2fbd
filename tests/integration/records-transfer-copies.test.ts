import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * One transfer on two statements: money out on the payer's, in on the payee's (another bank,
 * booked a minute later, or on a statement that gives the day alone), and a statement exported
 * twice. Every row is kept; every transfer is counted once in its relation's count and amount;
 * deleting the first statement makes the second one's copies count again.
 */
let c: TestCore;
afterEach(() => c?.dispose());

/** A new workspace for the test (or for the next round of one), the admin signed in. */
async function fresh() {
  c?.dispose();
  c = makeTestCore();
  return await createTestWorkspace(c);
}

const p = '6228480398271645312';
const q = '6222020200112233445';
const header = '交易卡号,交易时间,交易金额,借贷标志,对手账号';

/** P's statement: two equal transfers to Q half a minute apart, one from Q, one more to Q. */
const statementP = [
  header,
  `${p},2026-04-01 10:00:00,5000.00,借,${q}`,
  `${p},2026-04-01 10:00:30,5000.00,借,${q}`,
  `${p},2026-04-01 15:00:00,300.00,贷,${q}`,
  `${p},2026-04-02 09:00:00,800.00,借,${q}`,
];
/** Q's statement at another bank, which books a minute later: P's three of 04-01, and one Q paid on 04-03. */
const statementQ = [
  header,
  `${q},2026-04-01 10:01:00,5000.00,贷,${p}`,
  `${q},2026-04-01 10:01:30,5000.00,贷,${p}`,
  `${q},2026-04-01 15:00:05,300.00,借,${p}`,
  `${q},2026-04-03 11:00:00,200.00,借,${p}`,
];

async function importStatement(importId: string, fileName: string, lines: string[]) {
  return await c.ok('import.commit', {
    importId,
    fileName,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions',
  });
}

async function accountId(number: string) {
  const found = await c.ok('search.query', { text: number });
  return found.groups.flatMap((group) => group.hits)[0]!.id;
}

/** P's money relations as `from>to: transfers fen` and the drill-down's rows and copies. */
async function moneyOfP() {
  const detail = await c.ok('entities.get', { id: await accountId(p) });
  const lines: string[] = [];
  for (const relation of detail.relations.filter((item) => item.type === 'finances')) {
    const records = await c.ok('import.records', { relationId: relation.id });
    const from = relation.fromLabel === p ? 'P' : 'Q';
    const to = relation.toLabel === p ? 'P' : 'Q';
    lines.push(
      `${from}>${to}: ${relation.eventCount} ${relation.amountFen} | rows ${records.total}, copies ${records.counts.copies}`,
    );
  }
  return lines.sort();
}

describe('one transfer on two statements is counted once', () => {
  it("the payee's statement adds only the transfers the payer's lacks", async () => {
    await fresh();
    expect(await importStatement('imp-p', `${p}.csv`, statementP)).toMatchObject({ copies: 0 });
    expect(await importStatement('imp-q', `${q}.csv`, statementQ)).toMatchObject({
      rows: 4,
      copies: 3,
    });
    expect(await moneyOfP()).toEqual([
      'P>Q: 3 1080000 | rows 5, copies 2',
      'Q>P: 2 50000 | rows 3, copies 1',
    ]);
  });

  it('deleting the first statement makes the second count alone', async () => {
    await fresh();
    await importStatement('imp-p', `${p}.csv`, statementP);
    await importStatement('imp-q', `${q}.csv`, statementQ);
    expect(await c.ok('import.delete', { importId: 'imp-p' })).toMatchObject({
      transfers: 4,
      copiesCounted: 3,
    });
    expect(await moneyOfP()).toEqual([
      'P>Q: 2 1000000 | rows 2, copies 0',
      'Q>P: 2 50000 | rows 2, copies 0',
    ]);
    await c.ok('import.delete', { importId: 'imp-q' });
    expect((await c.ok('search.query', { text: p })).groups).toEqual([]);
  });

  it('a statement giving the day alone: the same amount that day is the same transfer', async () => {
    await fresh();
    await importStatement('imp-p', `${p}.csv`, statementP);
    expect(
      await importStatement('imp-q', `${q}.csv`, [
        '交易卡号,交易日期,交易金额,借贷标志,对手账号',
        `${q},20260401,5000.00,贷,${p}`,
        `${q},20260401,5000.00,贷,${p}`,
        `${q},20260401,5000.00,贷,${p}`,
      ]),
    ).toMatchObject({ copies: 2 });
    // Q's third 5,000 that day is not on P's statement: a transfer of its own.
    expect(await moneyOfP()).toEqual([
      'P>Q: 4 1580000 | rows 6, copies 2',
      'Q>P: 1 30000 | rows 1, copies 0',
    ]);
  });

  it("a payment split into 500s a minute apart, booked 70 s later by the payee's bank: two transfers in any order or one file", async () => {
    const paid = [
      header,
      `${p},2025-03-01 10:00:00,500.00,借,${q}`,
      `${p},2025-03-01 10:01:00,500.00,借,${q}`,
    ];
    const received = [
      header,
      `${q},2025-03-01 10:01:10,500.00,贷,${p}`,
      `${q},2025-03-01 10:02:10,500.00,贷,${p}`,
    ];
    for (const files of [[paid, received], [received, paid], [[...paid, ...received.slice(1)]]]) {
      await fresh();
      for (const [index, lines] of files.entries())
        await importStatement(`imp-${index}`, `${index}.csv`, lines);
      expect(await moneyOfP()).toEqual(['P>Q: 2 100000 | rows 4, copies 2']);
    }
  });

  it("a payee statement of the day alone is that day's: not the payer's transfer two minutes before midnight", async () => {
    const paid = [
      header,
      `${p},2025-03-01 23:58:30,500.00,借,${q}`,
      `${p},2025-03-02 15:00:00,500.00,借,${q}`,
    ];
    const received = [
      '交易卡号,交易日期,交易金额,借贷标志,对手账号',
      `${q},20250301,500.00,贷,${p}`,
      `${q},20250302,500.00,贷,${p}`,
    ];
    for (const files of [
      [paid, received],
      [received, paid],
    ]) {
      await fresh();
      for (const [index, lines] of files.entries())
        await importStatement(`imp-${index}`, `${index}.csv`, lines);
      expect(await moneyOfP()).toEqual(['P>Q: 2 100000 | rows 4, copies 2']);
    }
  });

  it('a transfer timed at exactly midnight on a statement with times is at midnight: the payee booked it ten seconds before', async () => {
    for (const files of [
      [
        [
          header,
          `${p},2025-03-01 00:00:00,500.00,借,${q}`,
          `${p},2025-03-01 09:30:00,80.00,借,${q}`,
        ],
        [header, `${q},2025-02-28 23:59:50,500.00,贷,${p}`],
      ],
    ]) {
      await fresh();
      for (const [index, lines] of files.entries())
        await importStatement(`imp-${index}`, `${index}.csv`, lines);
      expect(await moneyOfP()).toEqual(['P>Q: 2 58000 | rows 3, copies 1']);
    }
  });

  it('a statement with times where one row gives the date alone: that row is any time of its day', async () => {
    await fresh();
    await importStatement('imp-p', 'p.csv', [
      header,
      `${p},2024-03-05 10:00:00,100.00,借,${q}`,
      `${p},2024-03-06,200.00,借,${q}`,
      `${p},2024-03-07 00:00:00,300.00,借,${q}`,
    ]);
    await importStatement('imp-q', 'q.csv', [
      header,
      `${q},2024-03-05 10:01:00,100.00,贷,${p}`,
      `${q},2024-03-06 14:22:10,200.00,贷,${p}`,
      `${q},2024-03-07 00:00:30,300.00,贷,${p}`,
    ]);
    expect(await moneyOfP()).toEqual(['P>Q: 3 60000 | rows 6, copies 3']);
  });

  it("a transfer made just before midnight that the payee's statement of days books on the next day", async () => {
    for (const order of [0, 1]) {
      await fresh();
      const files = [
        [header, `${p},2024-03-05 23:59:30,100.00,借,${q}`],
        [
          '交易卡号,交易日期,交易金额,借贷标志,对手账号',
          `${q},2024-03-06,100.00,贷,${p}`,
          `${q},2024-03-07,5.00,贷,${p}`,
        ],
      ];
      if (order) files.reverse();
      for (const [index, lines] of files.entries())
        await importStatement(`imp-${index}`, `${index}.csv`, lines);
      expect(await moneyOfP()).toEqual(['P>Q: 2 10500 | rows 3, copies 1']);
    }
  });

  it('a statement exported twice: its cash rows (ATM, no counterpart) are copies too, and count again when the first goes', async () => {
    await fresh();
    const first = [
      header,
      `${p},2024-03-05 10:00:00,100.00,借,${q}`,
      `${p},2024-03-05 12:00:00,2000.00,借,`,
      `${p},2024-03-05 12:01:00,2000.00,借,`,
    ];
    await importStatement('imp-1', '1.csv', first);
    expect(
      await importStatement('imp-2', '2.csv', [...first, `${p},2024-03-06 09:00:00,500.00,贷,`]),
    ).toMatchObject({ copies: 3 });
    expect(await c.ok('import.delete', { importId: 'imp-1' })).toMatchObject({
      transfers: 3,
      copiesCounted: 3,
    });
    expect(await moneyOfP()).toEqual(['P>Q: 1 10000 | rows 1, copies 0']);
  });

  it('both statements in one file; the same statement exported again', async () => {
    await fresh();
    expect(
      await importStatement('imp-both', '调证结果.csv', [...statementP, ...statementQ.slice(1)]),
    ).toMatchObject({ rows: 8, copies: 3 });
    expect(
      await importStatement('imp-again', `${p}-重新导出.csv`, [
        ...statementP,
        `${p},2026-04-05 09:00:00,100.00,借,${q}`,
      ]),
    ).toMatchObject({ rows: 5, copies: 4 });
    expect(await moneyOfP()).toEqual([
      'P>Q: 4 1090000 | rows 9, copies 5',
      'Q>P: 2 50000 | rows 4, copies 2',
    ]);
  });
});

describe('statements imported before copies were marked', () => {
  it('are marked at the next unlock, counts and contributions alike', async () => {
    const { path: dir } = await fresh();
    await importStatement('imp-p', `${p}.csv`, statementP);
    await importStatement('imp-q', `${q}.csv`, statementQ);
    const today = await moneyOfP();
    await c.ok('session.lock', {});
    // What an earlier version wrote: every row counted, none marked.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      UPDATE relations SET
        event_count = event_count + (SELECT count(*) FROM money_transfers m
          WHERE m.relation_id = relations.id AND m.copy_of IS NOT NULL),
        amount_fen = amount_fen + (SELECT coalesce(sum(amount_fen), 0) FROM money_transfers m
          WHERE m.relation_id = relations.id AND m.copy_of IS NOT NULL)
      WHERE type = 'finances';
      UPDATE import_relations SET
        event_count = event_count + (SELECT count(*) FROM money_transfers m
          WHERE m.relation_id = import_relations.relation_id AND m.import_id = import_relations.import_id
            AND m.copy_of IS NOT NULL),
        amount_fen = amount_fen + (SELECT coalesce(sum(amount_fen), 0) FROM money_transfers m
          WHERE m.relation_id = import_relations.relation_id AND m.import_id = import_relations.import_id
            AND m.copy_of IS NOT NULL);
      UPDATE money_transfers SET copy_of = NULL;
      DELETE FROM settings WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await moneyOfP()).toEqual(today);
    await c.ok('import.delete', { importId: 'imp-p' });
    expect(await moneyOfP()).toEqual([
      'P>Q: 2 1000000 | rows 2, copies 0',
      'Q>P: 2 50000 | rows 2, copies 0',
    ]);
  });
});

describe("a transfer the payee's bank booked later", () => {
  it('an hour later, or the next morning, is one transfer; five days later, or before it was sent, another', async () => {
    await fresh();
    await importStatement('imp-p', `${p}.csv`, [
      header,
      `${p},2026-11-10 11:00:00,4000.00,借,${q}`,
      `${p},2026-11-10 16:50:00,3000.00,借,${q}`,
      `${p},2026-11-12 10:00:00,700.00,借,${q}`,
      `${p},2026-11-13 15:00:00,600.00,借,${q}`,
    ]);
    expect(
      await importStatement('imp-q', `${q}.csv`, [
        header,
        // 60 minutes after the debit; 16:50 credited at 09:10 the next morning.
        `${q},2026-11-10 12:00:00,4000.00,贷,${p}`,
        `${q},2026-11-11 09:10:00,3000.00,贷,${p}`,
        // Five days after the 700: no booking of it. An hour before the 600 was sent: not it.
        `${q},2026-11-17 10:00:00,700.00,贷,${p}`,
        `${q},2026-11-13 14:00:00,600.00,贷,${p}`,
      ]),
    ).toMatchObject({ copies: 2 });
    expect(await moneyOfP()).toEqual(['P>Q: 6 960000 | rows 8, copies 2']);
    const trace = await c.ok('analytics.moneyTrace', {
      account: p,
      hops: 1,
      from: '2026-11-10',
      to: '2026-11-11',
    });
    // The 4,000 and the 3,000 once each, on both accounts' ledgers.
    expect(
      trace.accounts.map((account) => [
        account.accountNo,
        account.hop,
        account.outFen,
        account.inFen,
      ]),
    ).toEqual([
      [p, 0, 700000, 0],
      [q, 1, 0, 700000],
    ]);
  });

  it("found when the payee's statement is imported after the payer's, whose relation was only of the day before", async () => {
    const r = '6217001234567890123';
    await fresh();
    await importStatement('imp-p', `${p}.csv`, [
      header,
      `${p},2026-11-10 16:50:00,3000.00,借,${q}`,
      `${p},2026-11-12 10:00:00,100.00,借,${r}`,
    ]);
    expect(
      await importStatement('imp-q', `${q}.csv`, [
        header,
        `${q},2026-11-11 09:10:00,3000.00,贷,${p}`,
      ]),
    ).toMatchObject({ copies: 1 });
    // (The 100.00 to the third account is listed as P>Q too: every other end reads Q.)
    expect(await moneyOfP()).toEqual([
      'P>Q: 1 10000 | rows 1, copies 0',
      'P>Q: 1 300000 | rows 2, copies 1',
    ]);
  });

  it('a debit that ends one statement and a credit that begins another are two transfers', async () => {
    await fresh();
    // One bank's reply: P's statement of 1–10 November, Q's of 11–20 November, in one file.
    expect(
      await importStatement('imp-both', 'both.csv', [
        header,
        `${p},2026-11-01 09:00:00,50.00,借,6217001234567890123`,
        `${p},2026-11-10 20:00:00,3000.00,借,${q}`,
        `${q},2026-11-11 08:00:00,3000.00,贷,${p}`,
        `${q},2026-11-20 09:00:00,60.00,借,6217001234567890123`,
      ]),
    ).toMatchObject({ copies: 0 });
    expect(await moneyOfP()).toEqual([
      'P>Q: 1 5000 | rows 1, copies 0',
      'P>Q: 2 600000 | rows 2, copies 0',
    ]);
  });

  it('a Friday evening transfer booked on Monday, one held 24 hours, and a statement of days alone booked the next morning: each once', async () => {
    const r = '6217001234567890123';
    await fresh();
    await importStatement('imp-p', `${p}.csv`, [
      header,
      `${p},2026-11-01 08:00:00,1.00,借,${r}`,
      `${p},2026-11-13 17:40:00,5000.00,借,${q}`,
      `${p},2026-11-17 15:00:00,2000.00,借,${q}`,
      `${p},2026-11-30 20:00:00,1.00,借,${r}`,
    ]);
    expect(
      await importStatement('imp-q', `${q}.csv`, [
        header,
        `${q},2026-11-16 09:05:00,5000.00,贷,${p}`,
        `${q},2026-11-18 15:10:00,2000.00,贷,${p}`,
      ]),
    ).toMatchObject({ copies: 2 });
    await fresh();
    await importStatement('imp-p', `${p}.csv`, [
      '交易卡号,交易日期,交易金额,借贷标志,对手账号',
      `${p},20261101,1.00,借,${r}`,
      `${p},20261110,5000.00,借,${q}`,
      `${p},20261130,1.00,借,${r}`,
    ]);
    expect(
      await importStatement('imp-q', `${q}.csv`, [
        header,
        `${q},2026-11-11 08:00:00,5000.00,贷,${p}`,
      ]),
    ).toMatchObject({ copies: 1 });
  });
});
