import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * Both parties' statements of one transfer, as a tester's real-shaped files give them
 * (tests/fixtures/records): each transfer counted once whichever statement is imported first,
 * and deleting either import leaves the other's figures as it alone gives them.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

async function fresh() {
  c?.dispose();
  c = makeTestCore();
  return await createTestWorkspace(c);
}

async function importFile(fileName: string, extraLines: string[] = []) {
  const content = Buffer.concat([
    fs.readFileSync(path.join(fixtures, fileName)),
    Buffer.from(extraLines.map((line) => `${line}\r\n`).join('')),
  ]);
  return await c.ok('import.commit', {
    importId: fileName,
    fileName,
    contentBase64: content.toString('base64'),
    template: 'transactions',
  });
}

/**
 * The payee account's money relations (`from>to: transfers fen`) and what the money trace says
 * came in to it.
 */
async function moneyOf(payee: string) {
  const found = await c.ok('search.query', { text: payee });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  const relations = detail.relations
    .filter((relation) => relation.type === 'finances')
    .map(
      (relation) =>
        `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
    )
    .sort();
  const trace = await c.ok('analytics.moneyTrace', { account: payee, direction: 'in', hops: 1 });
  const inFen = trace.accounts.find((account) => account.accountNo === payee)?.inFen ?? 0;
  return { relations, inFen };
}

/**
 * The two statements in both orders, then each deleted: the figures of both together, of the
 * payer's alone and of the payee's alone.
 */
async function bothOrders(
  payer: string,
  payee: string,
  payeeNo: string,
  expected: {
    both: Awaited<ReturnType<typeof moneyOf>>;
    payerAlone: Awaited<ReturnType<typeof moneyOf>>;
    payeeAlone: Awaited<ReturnType<typeof moneyOf>>;
  },
) {
  for (const [first, second] of [
    [payer, payee],
    [payee, payer],
  ] as const) {
    for (const deleted of [payer, payee]) {
      await fresh();
      await importFile(first);
      await importFile(second);
      expect({ order: first, ...(await moneyOf(payeeNo)) }).toEqual({
        order: first,
        ...expected.both,
      });
      await c.ok('import.delete', { importId: deleted });
      expect({ order: first, deleted, ...(await moneyOf(payeeNo)) }).toEqual({
        order: first,
        deleted,
        ...(deleted === payer ? expected.payeeAlone : expected.payerAlone),
      });
    }
  }
}

describe("a transfer on both parties' statements", () => {
  it("made after hours and booked by the payee's bank next morning: once, the headings' 起止日期 covering both", async () => {
    const [a, b] = ['6217000000000570001', '6217000000000570002'];
    const once = { relations: [`${a}>${b}: 1 100000`], inFen: 100_000 };
    await bothOrders('after-hours-payer.csv', 'after-hours-payee.csv', b, {
      both: once,
      payerAlone: once,
      payeeAlone: once,
    });
  });

  it('two transfers, the first after hours, the second next morning: two, not three', async () => {
    const [a, b] = ['6217000000000560001', '6217000000000560002'];
    const twice = { relations: [`${a}>${b}: 2 200000`], inFen: 200_000 };
    await bothOrders('after-hours-two-payer.csv', 'after-hours-two-payee.csv', b, {
      both: twice,
      payerAlone: twice,
      payeeAlone: twice,
    });
  });
});

describe('statements whose heading gives no 起止日期 (or imported before it was kept)', () => {
  /** A fixture with its heading's period taken out: the import stores none (NULL). */
  async function importWithoutPeriod(fileName: string, extraLines: string[] = []) {
    const text = fs
      .readFileSync(path.join(fixtures, fileName), 'utf8')
      .replace(/ 起止日期：\S+/, '');
    return await c.ok('import.commit', {
      importId: fileName,
      fileName,
      contentBase64: Buffer.from(text + extraLines.map((line) => `${line}\r\n`).join('')).toString(
        'base64',
      ),
      template: 'transactions',
    });
  }

  it("span by their rows alone: a credit next morning pairs only where the payer's rows run past it, also after the re-mark at unlock", async () => {
    const [a, b] = ['6217000000000570001', '6217000000000570002'];
    const later = '2026-04-05,10:00:00,转账,借,"200.00","8,800.00",6217000000000579999,某人';
    for (const [payerRows, expected] of [
      // The debit ends the payer's rows, the credit begins the payee's: two, as before periods.
      [[], { relations: [`${a}>${b}: 2 200000`], inFen: 200_000 }],
      // The payer's rows run on past the credit: one.
      [[later], { relations: [`${a}>${b}: 1 100000`], inFen: 100_000 }],
    ] as const) {
      const { path: dir } = await fresh();
      await importWithoutPeriod('after-hours-payer.csv', [...payerRows]);
      await importWithoutPeriod('after-hours-payee.csv');
      expect(await moneyOf(b)).toEqual(expected);
      await c.ok('session.lock', {});
      const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
      expect(
        workspace.sqlite
          .prepare(
            'SELECT count(*) AS n FROM imports WHERE period_from IS NULL AND period_to IS NULL',
          )
          .get(),
      ).toEqual({ n: 2 });
      workspace.sqlite.exec(`UPDATE settings SET value = '11' WHERE key = 'recordCopiesVersion'`);
      workspace.close('user');
      await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
      expect(await moneyOf(b)).toEqual(expected);
    }
  });
});

describe('a transfer sent again after its 冲正', () => {
  it("the payee's credit is the re-sent transfer's twin, not the reversed one's, in either order", async () => {
    const [a, b] = ['6217000000000350001', '6217000000000350002'];
    // 1,000 sent, reversed, sent again (the payee has the second); 2,000 sent and 退汇'd back.
    const once = { relations: [`${a}>${b}: 1 100000`], inFen: 100_000 };
    await bothOrders('resent-after-reversal-payer.csv', 'resent-after-reversal-payee.csv', b, {
      both: once,
      payerAlone: once,
      payeeAlone: once,
    });
  });
});

describe("the payee's bank prints the payer's name alone", () => {
  it("a credit from the payer account's holder by name, no number, is the payer's debit's twin", async () => {
    const [a, b] = ['6217000000000340001', '6217000000000340002'];
    const once = { relations: [`${a}>${b}: 1 500000`], inFen: 500_000 };
    await bothOrders('name-only-payer.csv', 'name-only-payee.csv', b, {
      both: once,
      payerAlone: once,
      // Alone, the payee's statement knows the payer by the name it prints.
      payeeAlone: { relations: [`欧阳一（${b}对方）>${b}: 1 500000`], inFen: 500_000 },
    });
  });

  it('another name, or an amount the payer did not send, is a transfer of its own', async () => {
    const b = '6217000000000340002';
    for (const order of [0, 1]) {
      await fresh();
      const files: [string, string[]][] = [
        ['name-only-payer.csv', []],
        [
          'name-only-payee.csv',
          [
            '2026-04-20,10:00:09,贷,"5,000.00","10,000.00",,欧阳三',
            '2026-04-20,10:00:30,贷,"300.00","10,300.00",,欧阳一',
          ],
        ],
      ];
      if (order) files.reverse();
      for (const [file, extra] of files) await importFile(file, extra);
      expect((await moneyOf(b)).inFen).toBe(5_000_00 + 5_000_00 + 300_00);
    }
  });
  it('a workspace that counted it twice (imported before) is marked at the next unlock', async () => {
    const [a, b] = ['6217000000000340001', '6217000000000340002'];
    const { path: dir } = await fresh();
    await importFile('name-only-payer.csv');
    await importFile('name-only-payee.csv');
    const today = await moneyOf(b);
    expect(today).toEqual({ relations: [`${a}>${b}: 1 500000`], inFen: 500_000 });
    await c.ok('session.lock', {});
    // What the version before wrote: the credit from 欧阳一 counted beside the payer's debit,
    // under an account of its own.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      UPDATE entities SET merged_into_id = NULL WHERE id IN (SELECT entity_id FROM accounts
        WHERE account_no LIKE '%对方）');
      UPDATE relations SET event_count = event_count + 1, amount_fen = amount_fen + 500000
        WHERE id IN (SELECT relation_id FROM money_transfers WHERE copy_of IS NOT NULL);
      UPDATE import_relations SET event_count = event_count + 1, amount_fen = amount_fen + 500000
        WHERE relation_id IN (SELECT relation_id FROM money_transfers WHERE copy_of IS NOT NULL);
      UPDATE money_transfers SET copy_of = NULL;
      UPDATE settings SET value = '11' WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await moneyOf(b)).toEqual(today);
  });
});

describe("a heading's account over rows of its cards", () => {
  it('the cards are the heading account: the payee naming it counts the transfer once', async () => {
    const [heading, b] = ['44010000000000420001', '6217000000000420002'];
    // 100 on 04-01 from card …0001 (the payee's statement names the account 4401…), 200 on
    // 04-02 from card …0009.
    const both = { relations: [`${heading}>${b}: 2 30000`], inFen: 30_000 };
    await bothOrders('heading-account-card-rows.csv', 'heading-account-card-rows-payee.csv', b, {
      both,
      payerAlone: both,
      payeeAlone: { relations: [`${heading}>${b}: 1 10000`], inFen: 10_000 },
    });
    // Each card is found as the heading's account, its holder 夏侯一.
    await fresh();
    await importFile('heading-account-card-rows.csv');
    const idOf = async (text: string) =>
      (await c.ok('search.query', { text })).groups.flatMap((group) => group.hits)[0]?.id;
    const accountId = await idOf(heading);
    expect(accountId).toBeTruthy();
    for (const card of ['6217000000000420001', '6217000000000420009'])
      expect(await idOf(card)).toBe(accountId);
    expect((await c.ok('entities.get', { id: accountId! })).label).toBe(heading);
  });
});

describe('a reversal naming the serial of its transfer (原交易流水号)', () => {
  it('undoes that transfer, not the latest one alike', async () => {
    await fresh();
    expect(await importFile('reversal-original-serial.csv')).toMatchObject({
      rows: 3,
      reversals: 1,
    });
    const found = await c.ok('search.query', { text: '6217000000000510001' });
    const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
    const [relation] = detail.relations.filter((item) => item.type === 'finances');
    expect([relation!.eventCount, relation!.amountFen]).toEqual([1, 100_000]);
    // S1 (line 3) and its 冲正 S3 (line 5) cancel; S2 (line 4) counts.
    const records = await c.ok('import.records', { relationId: relation!.id });
    expect(records.rows.map((row) => `${row.source.line}:${row.offsetLine ?? '-'}`).sort()).toEqual(
      ['3:5', '4:-', '5:3'],
    );
  });
});

describe('a 冲正 in a later statement naming the serial of a transfer in an earlier one', () => {
  const account = '6217000000000510001';
  const heading = [
    '账号：6217000000000510001 户名：闻人二',
    '交易日期,交易时间,摘要,借贷标志,交易金额,余额,对方账号,对方户名,交易流水号,原交易流水号',
  ];
  const files = {
    'transfers.csv': [
      '2026-04-01,09:00:00,转账,借,"1,000.00","9,000.00",6217000000000510002,闻人X,S1,',
      '2026-04-01,09:30:00,转账,借,"1,000.00","8,000.00",6217000000000510002,闻人X,S2,',
    ],
    // The same statement exported again.
    'transfers-again.csv': [
      '2026-04-01,09:00:00,转账,借,"1,000.00","9,000.00",6217000000000510002,闻人X,S1,',
      '2026-04-01,09:30:00,转账,借,"1,000.00","8,000.00",6217000000000510002,闻人X,S2,',
    ],
    'reversal.csv': [
      '2026-04-01,10:00:00,冲正,贷,"1,000.00","9,000.00",6217000000000510002,闻人X,S3,S1',
    ],
  };

  async function importRows(fileName: keyof typeof files) {
    return await c.ok('import.commit', {
      importId: fileName,
      fileName,
      contentBase64: Buffer.from(
        // The second export, otherwise the same, has other line ends: not the same file.
        [...heading, ...files[fileName], ''].join(
          fileName === 'transfers-again.csv' ? '\n' : '\r\n',
        ),
      ).toString('base64'),
      template: 'transactions',
    });
  }

  /** The relation's count and amount, and each row as `file:line > the file:line undoing it`. */
  async function pairs() {
    const found = await c.ok('search.query', { text: account });
    const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
    const [relation] = detail.relations.filter((item) => item.type === 'finances');
    const records = await c.ok('import.records', { relationId: relation!.id });
    return {
      counted: [relation!.eventCount, relation!.amountFen],
      rows: records.rows
        .map(
          (row) =>
            `${row.source.fileName}:${row.source.line} > ${row.offsetFile ?? row.source.fileName}:${row.offsetLine ?? '-'}`,
        )
        .sort(),
    };
  }

  it('undoes that transfer (S1), not the latest alike (S2), in either order and after deleting either', async () => {
    const undone = {
      counted: [1, 100_000],
      rows: [
        'reversal.csv:3 > transfers.csv:3',
        'transfers.csv:3 > reversal.csv:3',
        'transfers.csv:4 > transfers.csv:-',
      ],
    };
    for (const order of [
      ['transfers.csv', 'reversal.csv'],
      ['reversal.csv', 'transfers.csv'],
    ] as const) {
      for (const deleted of order) {
        await fresh();
        await importRows(order[0]);
        await importRows(order[1]);
        expect({ order, ...(await pairs()) }).toEqual({ order, ...undone });
        await c.ok('import.delete', { importId: deleted });
        if (deleted === 'reversal.csv')
          expect({ order, ...(await pairs()) }).toEqual({
            order,
            counted: [2, 200_000],
            rows: ['transfers.csv:3 > transfers.csv:-', 'transfers.csv:4 > transfers.csv:-'],
          });
        // Imported again, the reversal finds S1 among the stored rows.
        await importRows(deleted);
        expect({ order, deleted, ...(await pairs()) }).toEqual({ order, deleted, ...undone });
      }
    }
  });

  it('paired with S1 of one export, deleting it pairs the reversal with S1 of the other', async () => {
    await fresh();
    await importRows('transfers.csv');
    await importRows('transfers-again.csv');
    await importRows('reversal.csv');
    // The latest S1 alike is undone, the other export's its copy (as pairing by time takes it).
    expect(await pairs()).toEqual({
      counted: [1, 100_000],
      rows: [
        'reversal.csv:3 > transfers-again.csv:3',
        'transfers-again.csv:3 > reversal.csv:3',
        'transfers-again.csv:4 > transfers-again.csv:-',
        'transfers.csv:3 > transfers.csv:-',
        'transfers.csv:4 > transfers.csv:-',
      ],
    });
    await c.ok('import.delete', { importId: 'transfers-again.csv' });
    expect(await pairs()).toEqual({
      counted: [1, 100_000],
      rows: [
        'reversal.csv:3 > transfers.csv:3',
        'transfers.csv:3 > reversal.csv:3',
        'transfers.csv:4 > transfers.csv:-',
      ],
    });
  });
});
