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
 * One WeChat payment in two files: the owner's own bill export (微信支付账单明细, the owner known
 * by a nickname or by the WeChat ID the investigator types) and the 财付通 调证 reply (用户ID,
 * 对手方ID, amounts in fen, its 交易单号 saved through Excel with a leading apostrophe). The two
 * name the ends differently (a nickname against wxid_along01, 老周 against wxid_laozhou), so no
 * relation holds both rows; the 交易单号 both print is the payment's. Four payments are in both
 * files, one in the bill alone (88 to 老周), one in the 调证 alone (2,500 to wxid_laozhou): six
 * payments, 5,000 in and 4,088 out, whichever file comes first; deleting either file leaves
 * the other's figures as if imported alone.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.resolve(__dirname, '../fixtures/records');
const bill = fs.readFileSync(path.join(fixtures, 'wechat-bill-along.csv')).toString('base64');
const tenpay = fs.readFileSync(path.join(fixtures, 'tenpay-along.csv')).toString('base64');

async function importFile(importId: 'bill' | 'tenpay', ownAccount?: string) {
  return await c.ok('import.commit', {
    importId,
    fileName: `${importId}.csv`,
    contentBase64: importId === 'bill' ? bill : tenpay,
    template: 'transactions',
    ...(importId === 'bill' && ownAccount && { ownAccount }),
  });
}

/** A file's own account (阿龙（微信昵称，文件…）) and a name-only counterpart, without keys. */
const short = (label: string) =>
  label.replace(/，文件[0-9a-f]+/, '').replace(/（[^（]*对方）$/, '（对方）');

/**
 * Every money relation of the workspace as `from>to: transfers fen`, sorted; then what the
 * money trace of the owner's accounts (the bill's and the 调证's) counts in and out.
 */
async function money() {
  const accounts = await c.ok('entities.list', { kinds: ['account'], page: 1, pageSize: 200 });
  const lines = new Set<string>();
  const owned = { inFen: 0, outFen: 0 };
  for (const account of accounts.rows) {
    const detail = await c.ok('entities.get', { id: account.id });
    for (const relation of detail.relations.filter((item) => item.type === 'finances'))
      lines.add(
        `${short(relation.fromLabel)}>${short(relation.toLabel)}: ${relation.eventCount} ${relation.amountFen}`,
      );
    if (!/^(阿龙|along_88|wxid_along01)/.test(detail.label)) continue;
    const trace = await c.ok('analytics.moneyTrace', { account: account.id });
    const row = trace.accounts.find((item) => item.id === account.id)!;
    owned.inFen += row.inFen;
    owned.outFen += row.outFen;
  }
  return [...[...lines].sort(), `owner: in ${owned.inFen} out ${owned.outFen}`];
}

const billAlone = (owner: string) => [
  `${owner}>小李（对方）: 1 30000`,
  `${owner}>美团（对方）: 1 20000`,
  `${owner}>老周（对方）: 2 108800`,
  `老周（对方）>${owner}: 1 500000`,
];
const tenpayAlone = [
  'wxid_along01>wxid_laozhou: 2 350000',
  'wxid_along01>wxid_xiaoli: 1 30000',
  'wxid_laozhou>wxid_along01: 1 500000',
];
const owners = [
  ['nickname', undefined, '阿龙（微信昵称）'],
  ['WeChat 号 typed at import', 'along_88', 'along_88'],
  ["the 调证's 用户ID typed at import", 'wxid_along01', 'wxid_along01'],
] as const;

describe('a WeChat bill and the 财付通 调证 of the same payments', () => {
  for (const [ownerKnownBy, ownAccount, owner] of owners)
    it(`counts each payment once in either order (owner by ${ownerKnownBy}); deleting either file leaves the other's`, async () => {
      const sorted = (lines: string[], outFen = 408_800) => [
        ...lines.sort(),
        `owner: in 500000 out ${outFen}`,
      ];
      for (const order of [
        ['bill', 'tenpay'],
        ['tenpay', 'bill'],
      ] as const) {
        c?.dispose();
        c = makeTestCore();
        await createTestWorkspace(c);
        expect(await importFile(order[0], ownAccount)).toMatchObject({ copies: 0 });
        expect(await importFile(order[1], ownAccount)).toMatchObject({ copies: 4 });
        // The file imported first counts the four payments both hold; the 调证's 美团 消费 (no
        // 对手方ID, the merchant in 第三方账户名称) is a row of the owner's alone.
        const both = await money();
        expect(both).toEqual(
          sorted(
            order[0] === 'bill'
              ? [
                  ...billAlone(owner),
                  'wxid_along01>wxid_laozhou: 1 250000',
                  'wxid_along01>wxid_xiaoli: 0 0',
                  'wxid_laozhou>wxid_along01: 0 0',
                ]
              : [
                  ...tenpayAlone,
                  `${owner}>小李（对方）: 0 0`,
                  `${owner}>美团（对方）: 0 0`,
                  `${owner}>老周（对方）: 1 8800`,
                  `老周（对方）>${owner}: 0 0`,
                ],
          ),
        );
        // 老周's own 调证 holds two of the payments to him (one the bill holds too): their
        // credits are copies; deleting it marks that relation's rows afresh, the copies of the
        // bill's payments still copies.
        await c.ok('import.commit', {
          importId: 'laozhou',
          fileName: 'laozhou.csv',
          contentBase64: Buffer.from(
            [
              '用户ID,交易单号,用户侧账号名称,借贷类型,交易业务类型,交易时间,交易金额(分),对手方ID,对手侧账户名称',
              'wxid_laozhou,1000050001202604060002,周某,入,转账,2026-04-06 21:00:00,100000,wxid_along01,陈某龙',
              'wxid_laozhou,1000050001202604110006,周某,入,转账,2026-04-11 10:00:00,250000,wxid_along01,陈某龙',
            ].join('\r\n'),
          ).toString('base64'),
          template: 'transactions',
        });
        expect(await money()).toEqual(both);
        await c.ok('import.delete', { importId: 'laozhou' });
        expect(await money()).toEqual(both);
      }
      // Deleting the 调证 (imported first) lets the bill's rows count; deleting the bill (first
      // or second) leaves the 调证's.
      await c.ok('import.delete', { importId: 'tenpay' });
      expect(await money()).toEqual(sorted(billAlone(owner), 158_800));
      for (const deleted of ['bill', 'tenpay'] as const) {
        c.dispose();
        c = makeTestCore();
        await createTestWorkspace(c);
        await importFile('bill', ownAccount);
        await importFile('tenpay', ownAccount);
        await c.ok('import.delete', { importId: deleted });
        expect(await money()).toEqual(
          deleted === 'bill'
            ? sorted([...tenpayAlone], 400_000)
            : sorted(billAlone(owner), 158_800),
        );
      }
    });

  it("imported before such copies were marked (the 调证's numbers kept with their apostrophe): marked at the next unlock", async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    await importFile('bill');
    await importFile('tenpay');
    const today = await money();
    await c.ok('session.lock', {});
    // What an earlier version wrote: every row counted, none marked, the number as printed.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      UPDATE relations SET
        event_count = event_count + (SELECT count(*) FROM money_transfers m
          WHERE m.relation_id = relations.id AND m.copy_of IS NOT NULL),
        amount_fen = amount_fen + (SELECT coalesce(sum(amount_fen), 0) FROM money_transfers m
          WHERE m.relation_id = relations.id AND m.copy_of IS NOT NULL);
      UPDATE import_relations SET
        event_count = event_count + (SELECT count(*) FROM money_transfers m
          WHERE m.relation_id = import_relations.relation_id AND m.import_id = import_relations.import_id
            AND m.copy_of IS NOT NULL),
        amount_fen = amount_fen + (SELECT coalesce(sum(amount_fen), 0) FROM money_transfers m
          WHERE m.relation_id = import_relations.relation_id AND m.import_id = import_relations.import_id
            AND m.copy_of IS NOT NULL);
      UPDATE money_transfers SET copy_of = NULL;
      UPDATE money_transfers SET reference = '''' || reference WHERE import_id = 'tenpay';
      DELETE FROM settings WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await money()).toEqual(today);
    expect(today.at(-1)).toBe('owner: in 500000 out 408800');
  });
});

describe("the payee's own WeChat bill and the payer's 调证 of the same payments", () => {
  const payeeBill = fs
    .readFileSync(path.join(fixtures, 'wechat-bill-laozhou.csv'))
    .toString('base64');
  const importPayee = async () =>
    await c.ok('import.commit', {
      importId: 'payee',
      fileName: 'laozhou.csv',
      contentBase64: payeeBill,
      template: 'transactions',
      ownAccount: 'wxid_laozhou',
    });
  /** What the money trace counts in and out on 老周's account. */
  async function laozhou() {
    const found = await c.ok('search.query', { text: 'wxid_laozhou' });
    const id = found.groups
      .flatMap((group) => group.hits)
      .find((hit) => hit.title === 'wxid_laozhou')!.id;
    const trace = await c.ok('analytics.moneyTrace', { account: id });
    const row = trace.accounts.find((item) => item.id === id)!;
    return `in ${row.inFen} out ${row.outFen}`;
  }

  it('counts each payment once though the two files print its 交易单号 on opposite sides, in either order', async () => {
    // 老周's bill: 5,000 out to 阿龙, 1,000, 88 and 2,500 in; the 调证 of wxid_along01 holds the
    // 5,000, the 1,000 and the 2,500 from its side. Each had been counted twice (in 7,088, out
    // 10,000).
    for (const first of ['tenpay', 'payee'] as const) {
      c?.dispose();
      c = makeTestCore();
      await createTestWorkspace(c);
      if (first === 'tenpay') {
        await importFile('tenpay');
        expect(await importPayee()).toMatchObject({ copies: 3 });
      } else {
        await importPayee();
        expect(await importFile('tenpay')).toMatchObject({ copies: 3 });
      }
      expect(await laozhou()).toBe('in 358800 out 500000');
    }
    // Either file deleted, the other counts alone: the 调证 has no 88.
    await c.ok('import.delete', { importId: 'payee' });
    expect(await laozhou()).toBe('in 350000 out 500000');
    await importPayee();
    await c.ok('import.delete', { importId: 'tenpay' });
    expect(await laozhou()).toBe('in 358800 out 500000');
  });
});
