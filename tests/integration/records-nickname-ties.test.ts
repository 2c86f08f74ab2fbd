import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * 阿龙's own WeChat bill names him by his nickname alone (微信昵称：[阿龙]); the 财付通 调证 of
 * wxid_along01 holds four of its five payments (交易单号 …0001–…0004) with the money going the
 * same way, and one of its own (…0006). The two accounts are one person's: the import says so
 * ("昵称 阿龙 的账单即 财付通账户 wxid_along01：共同交易单号 4 笔"), in either order, and both
 * accounts' pages offer the merge to a lead. 老周's bill holds three of the 调证's payments the
 * other way (he was 阿龙's counterpart): nothing to say. A second 调证 account holding the bill's
 * …0005 on 阿龙's side leaves the bill unsettled, said, no merge offered.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.resolve(__dirname, '../fixtures/records');
const files = {
  bill: 'wechat-bill-along.csv',
  tenpay: 'tenpay-along.csv',
  payee: 'wechat-bill-laozhou.csv',
  second: 'tenpay-along-second.csv',
} as const;
type File = keyof typeof files;

async function importFile(importId: File) {
  return await c.ok('import.commit', {
    importId,
    fileName: files[importId],
    contentBase64: fs.readFileSync(path.join(fixtures, files[importId])).toString('base64'),
    template: 'transactions',
  });
}

async function fresh(...imports: File[]) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  const summaries = [];
  for (const file of imports) summaries.push(await importFile(file));
  return summaries;
}

/** An account's ID by its label's start (阿龙（微信昵称，文件…）, wxid_along01). */
async function accountId(start: string) {
  const accounts = await c.ok('entities.list', { kinds: ['account'], page: 1, pageSize: 200 });
  return accounts.rows.find((row) => row.label.startsWith(start))!.id;
}

/** What the 交易单号 say, without the entities' IDs (another workspace gives others). */
const said = (found: {
  ties: { nickname: string; accountNo: string; shared: number; opposite: number }[];
  unsettled: { nickname: string; accountNo: string; shared: number; opposite: number }[][];
}) => ({
  ties: found.ties.map((tie) => `${tie.nickname}=${tie.accountNo} ${tie.shared}/${tie.opposite}`),
  unsettled: found.unsettled.map((list) =>
    list.map((item) => `${item.nickname}?${item.accountNo} ${item.shared}/${item.opposite}`),
  ),
});

/**
 * The workspace as the user sees it: every live entity with its kind and label, every relation
 * with its count and amount, and what each account's page says of same accounts.
 */
async function workspaceView() {
  const entities = await c.ok('entities.list', { page: 1, pageSize: 500 });
  const lines: string[] = [];
  for (const entity of entities.rows) {
    const detail = await c.ok('entities.get', { id: entity.id });
    lines.push(`${detail.kind} ${detail.label} ${JSON.stringify(said(detail.sameAccounts))}`);
    for (const relation of detail.relations)
      lines.push(
        `  ${relation.type} ${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
      );
  }
  return lines.sort();
}

const tie = { ties: ['阿龙=wxid_along01 4/0'], unsettled: [] };
const nothing = { ties: [], unsettled: [] };

describe("a nickname WeChat bill and the 财付通 调证 of the bill owner's account", () => {
  for (const order of [
    ['bill', 'tenpay'],
    ['tenpay', 'bill'],
  ] as const)
    it(`says the two are one account, and offers the merge on both accounts' pages (${order.join(' then ')})`, async () => {
      const [first, second] = await fresh(...order);
      expect(said(first!.sameAccounts)).toEqual(nothing);
      expect(said(second!.sameAccounts)).toEqual(tie);
      const nickname = await accountId('阿龙（微信昵称');
      const wxid = await accountId('wxid_along01');
      expect(second!.sameAccounts.ties).toMatchObject([
        { nicknameAccountId: nickname, accountId: wxid },
      ]);
      expect(said((await c.ok('entities.get', { id: nickname })).sameAccounts)).toEqual(tie);
      expect(said((await c.ok('entities.get', { id: wxid })).sameAccounts)).toEqual(tie);
      // The counterpart's accounts say nothing.
      const laozhou = await accountId('wxid_laozhou');
      expect(said((await c.ok('entities.get', { id: laozhou })).sameAccounts)).toEqual(nothing);

      // The lead's one action: the existing merge, audited, which can be undone.
      const merged = await c.ok('entities.merge', { keepId: wxid, mergeId: nickname });
      expect(said((await c.ok('entities.get', { id: wxid })).sameAccounts)).toEqual(nothing);
      const wxidRelations = (await c.ok('entities.get', { id: wxid })).relations;
      expect(wxidRelations.filter((relation) => relation.type === 'finances')).toHaveLength(7);
      const audit = await c.ok('audit.list', { page: 1, pageSize: 50 });
      expect(
        audit.rows.filter((row) => row.action === 'entities.merged' && row.seq === merged.auditSeq),
      ).toHaveLength(1);
      await c.ok('entities.unmerge', { auditSeq: merged.auditSeq });
      expect(said((await c.ok('entities.get', { id: wxid })).sameAccounts)).toEqual(tie);
    });

  it('deleting either import leaves the workspace as importing the other alone', async () => {
    for (const order of [
      ['bill', 'tenpay'],
      ['tenpay', 'bill'],
    ] as const)
      for (const deleted of order) {
        const kept = order.find((file) => file !== deleted)!;
        await fresh(kept);
        const alone = await workspaceView();
        await fresh(...order);
        await c.ok('import.delete', { importId: deleted });
        expect(await workspaceView()).toEqual(alone);
      }
  });

  it("says nothing of the payee's nickname bill, which holds the 调证's payments the other way", async () => {
    for (const order of [
      ['payee', 'tenpay'],
      ['tenpay', 'payee'],
    ] as const) {
      const [, second] = await fresh(...order);
      expect(said(second!.sameAccounts)).toEqual(nothing);
      expect(
        said((await c.ok('entities.get', { id: await accountId('老周（微信昵称') })).sameAccounts),
      ).toEqual(nothing);
    }
  });

  it("two 调证 accounts holding the bill's payments on its side: unsettled, said, no merge offered", async () => {
    const unsettled = {
      ties: [],
      unsettled: [['阿龙?wxid_along01 4/0', '阿龙?wxid_along02 1/0']],
    };
    for (const order of [
      ['bill', 'tenpay', 'second'],
      ['second', 'bill', 'tenpay'],
      ['tenpay', 'second', 'bill'],
    ] as const) {
      const summaries = await fresh(...order);
      expect(said(summaries[2]!.sameAccounts)).toEqual(unsettled);
      expect(
        said((await c.ok('entities.get', { id: await accountId('阿龙（微信昵称') })).sameAccounts),
      ).toEqual(unsettled);
    }
    // The second 调证 deleted, the tie stands again.
    await c.ok('import.delete', { importId: 'second' });
    expect(
      said((await c.ok('entities.get', { id: await accountId('wxid_along01') })).sameAccounts),
    ).toEqual(tie);
  });
});
