import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { sameAccountTexts } from '../../electron/api/domain/same-account-text';
import { fill } from '../../electron/api/i18n/document-text';
import { en } from '../../electron/api/i18n/en';
import { zhCN } from '../../electron/api/i18n/zh-CN';

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

/**
 * A 调证 of wxid_along03 holding the bill's 88 to 老周 (…0005) on 阿龙's side, paid to another
 * account than the 调证 of wxid_along01 names for 老周's other two payments.
 */
const contrary = [
  '用户ID,交易单号,大单号,用户侧账号名称,借贷类型,交易业务类型,交易用途类型,交易时间,交易金额(分),账户余额(分),用户银行卡号,用户侧网银联单号,网联/银联,第三方账户名称,对手方ID,对手侧账户名称,对手方银行卡银行,对手侧银行卡名称,对手侧银行卡号,对手侧网银联单号,基金公司信息,间联/直联,备注1,备注2',
  'wxid_along03,\t1000050001202604090005,,吴某,出,转帐,转账,2026-04-09 18:00:00,8800,41200,,,,,wxid_laozhou02,周某,,,,,,,,',
].join('\r\n');

async function importFile(importId: File | 'contrary') {
  return await c.ok('import.commit', {
    importId,
    fileName: importId === 'contrary' ? 'tenpay-contrary.csv' : files[importId],
    contentBase64:
      importId === 'contrary'
        ? Buffer.from(contrary).toString('base64')
        : fs.readFileSync(path.join(fixtures, files[importId])).toString('base64'),
    template: 'transactions',
  });
}

async function fresh(...imports: (File | 'contrary')[]) {
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

/**
 * What the 交易单号 say, without the entities' IDs (another workspace gives others): a bill's
 * counterpart named alone as `bill:party=account`.
 */
const said = (found: {
  ties: {
    nickname: string;
    party: string | null;
    accountNo: string;
    shared: number;
    opposite: number;
  }[];
  unsettled: {
    nickname: string;
    party: string | null;
    accountNo: string;
    shared: number;
    opposite: number;
  }[][];
}) => ({
  ties: found.ties.map(
    (tie) =>
      `${tie.nickname}${tie.party === null ? '' : `:${tie.party}`}=${tie.accountNo} ${tie.shared}/${tie.opposite}`,
  ),
  unsettled: found.unsettled.map((list) =>
    list.map(
      (item) =>
        `${item.nickname}${item.party === null ? '' : `:${item.party}`}?${item.accountNo} ${item.shared}/${item.opposite}`,
    ),
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
/** The bill's counterparts named alone: 老周 and 小李, each the 调证's counterpart account. */
const parties = ['阿龙:老周=wxid_laozhou 2/0', '阿龙:小李=wxid_xiaoli 1/0'];
const nothing = { ties: [], unsettled: [] };

describe("a nickname WeChat bill and the 财付通 调证 of the bill owner's account", () => {
  for (const order of [
    ['bill', 'tenpay'],
    ['tenpay', 'bill'],
  ] as const)
    it(`says the two are one account, and offers the merge on both accounts' pages (${order.join(' then ')})`, async () => {
      const [first, second] = await fresh(...order);
      expect(said(first!.sameAccounts)).toEqual(nothing);
      expect(said(second!.sameAccounts)).toEqual({
        ties: [...tie.ties, ...parties],
        unsettled: [],
      });
      const nickname = await accountId('阿龙（微信昵称');
      const wxid = await accountId('wxid_along01');
      expect(second!.sameAccounts.ties[0]).toMatchObject({
        nicknameAccountId: nickname,
        accountId: wxid,
      });
      expect(said((await c.ok('entities.get', { id: nickname })).sameAccounts)).toEqual(tie);
      expect(said((await c.ok('entities.get', { id: wxid })).sameAccounts)).toEqual(tie);
      // The counterpart's account says only what its own 交易单号 say: the bill's 老周 is it.
      const laozhou = await accountId('wxid_laozhou');
      expect(said((await c.ok('entities.get', { id: laozhou })).sameAccounts)).toEqual({
        ties: [parties[0]],
        unsettled: [],
      });

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

  it("says nothing of the payee's own account from its nickname bill, which holds the 调证's payments the other way; its 阿龙 is the 调证's account", async () => {
    for (const order of [
      ['payee', 'tenpay'],
      ['tenpay', 'payee'],
    ] as const) {
      const [, second] = await fresh(...order);
      // 老周's bill names 阿龙 by name alone; the 调证 of wxid_along01 holds those three payments.
      const party = { ties: ['老周:阿龙=wxid_along01 3/0'], unsettled: [] };
      expect(said(second!.sameAccounts)).toEqual(party);
      expect(
        said((await c.ok('entities.get', { id: await accountId('老周（微信昵称') })).sameAccounts),
      ).toEqual(nothing);
      expect(
        said((await c.ok('entities.get', { id: await accountId('阿龙（老周对方') })).sameAccounts),
      ).toEqual(party);
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
      // The bill's 老周 is wxid_laozhou all the same: the second 调证 pays 88 to it too.
      expect(said(summaries[2]!.sameAccounts)).toEqual({
        ties: ['阿龙:老周=wxid_laozhou 3/0', parties[1]],
        unsettled: unsettled.unsettled,
      });
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

describe("a nickname bill's counterparts named alone and the 调证's counterpart accounts", () => {
  /** What an account's page says, by its label's start. */
  const pageOf = async (start: string) =>
    said((await c.ok('entities.get', { id: await accountId(start) })).sameAccounts);
  /** An account's money by way, over its finances relations: `from>to: count fen`. */
  const moneyOf = async (start: string) => {
    const totals = new Map<string, [number, number]>();
    for (const relation of (await c.ok('entities.get', { id: await accountId(start) })).relations)
      if (relation.type === 'finances') {
        const way = `${relation.fromLabel.replace(/（.*/, '')}>${relation.toLabel.replace(/（.*/, '')}`;
        const [count, fen] = totals.get(way) ?? [0, 0];
        totals.set(way, [count + (relation.eventCount ?? 0), fen + (relation.amountFen ?? 0)]);
      }
    return [...totals].map(([way, [count, fen]]) => `${way}: ${count} ${fen}`).sort();
  };

  for (const order of [
    ['bill', 'tenpay'],
    ['tenpay', 'bill'],
  ] as const)
    it(`ties 老周 and 小李 to wxid_laozhou and wxid_xiaoli, merged by a lead in one action (${order.join(' then ')})`, async () => {
      const [, second] = await fresh(...order);
      expect(said(second!.sameAccounts).ties).toEqual([...tie.ties, ...parties]);
      const party = await accountId('老周（阿龙对方');
      const laozhou = await accountId('wxid_laozhou');
      expect(second!.sameAccounts.ties[1]).toMatchObject({
        nicknameAccountId: party,
        accountId: laozhou,
        party: '老周',
      });
      // Both accounts' pages offer it; the bill's own page and 阿龙's 调证 say their own tie only.
      expect(await pageOf('老周（阿龙对方')).toEqual({ ties: [parties[0]], unsettled: [] });
      expect(await pageOf('wxid_laozhou')).toEqual({ ties: [parties[0]], unsettled: [] });
      expect(await pageOf('小李（阿龙对方')).toEqual({ ties: [parties[1]], unsettled: [] });
      expect(await pageOf('阿龙（微信昵称')).toEqual(tie);
      expect(await pageOf('wxid_along01')).toEqual(tie);
      // 美团 is no 调证 account (the 调证 names the merchant alone): nothing offered.
      expect(await pageOf('美团')).toEqual(nothing);
      // The lines, in both languages, as the CLI and the window put them.
      const lines = (lang: 'zh' | 'en') =>
        sameAccountTexts(
          second!.sameAccounts,
          (line) => fill((lang === 'en' ? en : zhCN).import[line.key], line.values),
          lang,
        );
      expect(lines('zh')[1]).toBe(
        '昵称 阿龙 的账单中的交易对方 老周（仅有名称）即 财付通账户 wxid_laozhou：共同交易单号 2 笔，均与该账户往来。建议合并：组长可在该账户页一键合并（记入审计，可撤销）。',
      );
      expect(lines('en')[1]).toBe(
        "The counterpart 老周 (named alone) in the bill of nickname 阿龙 is 财付通 (Tenpay) account wxid_laozhou: 2 transaction numbers (交易单号) in common, all with that account. Suggested merge: a lead can merge them with one action on the account's page (audited, can be undone).",
      );

      // The bill's owner merged first, its counterparts are still offered.
      const owner = await c.ok('entities.merge', {
        keepId: await accountId('wxid_along01'),
        mergeId: await accountId('阿龙（微信昵称'),
      });
      expect(await pageOf('wxid_laozhou')).toEqual({ ties: [parties[0]], unsettled: [] });
      // The lead's one action: the existing merge, audited, which can be undone.
      const merged = await c.ok('entities.merge', { keepId: laozhou, mergeId: party });
      expect(await pageOf('wxid_laozhou')).toEqual(nothing);
      expect(await pageOf('小李（阿龙对方')).toEqual({ ties: [parties[1]], unsettled: [] });
      // 阿龙 and 老周 each one account now: the 调证's 2,500 and the bill's 1,000 and 88 out, the
      // 5,000 in counted once (the other file's copy of it counts nothing).
      expect(await moneyOf('wxid_laozhou')).toEqual([
        'wxid_along01>wxid_laozhou: 3 358800',
        'wxid_laozhou>wxid_along01: 1 500000',
      ]);
      const audit = await c.ok('audit.list', { page: 1, pageSize: 50 });
      expect(
        audit.rows.filter((row) => row.action === 'entities.merged' && row.seq === merged.auditSeq),
      ).toHaveLength(1);
      await c.ok('entities.unmerge', { auditSeq: merged.auditSeq });
      expect(await pageOf('wxid_laozhou')).toEqual({ ties: [parties[0]], unsettled: [] });
      expect(await pageOf('老周（阿龙对方')).toEqual({ ties: [parties[0]], unsettled: [] });
      await c.ok('entities.unmerge', { auditSeq: owner.auditSeq });
      expect(await pageOf('wxid_laozhou')).toEqual({ ties: [parties[0]], unsettled: [] });
    });

  it('a party whose shared payments go to two accounts: unsettled, said on its pages, no merge offered', async () => {
    // 老周's …0005 went to wxid_laozhou02, his others to wxid_laozhou: which one is he?
    const unsettled = {
      ties: [],
      unsettled: [['阿龙:老周?wxid_laozhou 2/0', '阿龙:老周?wxid_laozhou02 1/0']],
    };
    for (const order of [
      ['bill', 'tenpay', 'contrary'],
      ['contrary', 'tenpay', 'bill'],
    ] as const) {
      const summaries = await fresh(...order);
      // 小李 stays tied; the contrary 调证 holds …0005 on the bill owner's side as well.
      const owner = ['阿龙?wxid_along01 4/0', '阿龙?wxid_along03 1/0'];
      expect(said(summaries[2]!.sameAccounts)).toEqual({
        ties: [parties[1]],
        unsettled: [owner, ...unsettled.unsettled],
      });
      expect(await pageOf('老周（阿龙对方')).toEqual(unsettled);
      expect(await pageOf('wxid_laozhou')).toEqual(unsettled);
      expect(await pageOf('wxid_laozhou02')).toEqual(unsettled);
      // Said in both languages, as the CLI and the window put it.
      const lines = (lang: 'zh' | 'en') =>
        sameAccountTexts(
          summaries[2]!.sameAccounts,
          (line) => fill((lang === 'en' ? en : zhCN).import[line.key], line.values),
          lang,
        );
      expect(lines('zh')[2]).toBe(
        '昵称 阿龙 的账单中的交易对方 老周（仅有名称）无法判定是哪个财付通账户：wxid_laozhou 同向 2 笔；wxid_laozhou02 同向 1 笔（共同交易单号分属多个账户）。不建议合并。',
      );
      expect(lines('en')[2]).toBe(
        'The counterpart 老周 (named alone) in the bill of nickname 阿龙 cannot be told to be one 财付通 (Tenpay) account: wxid_laozhou 2 the same way; wxid_laozhou02 1 the same way (its shared transaction numbers are with more than one). No merge is suggested.',
      );
      // The bill's owner's own page speaks of its own account only.
      expect(await pageOf('阿龙（微信昵称')).toEqual({ ties: [], unsettled: [owner] });
      // The contrary 调证 deleted, the tie is offered again.
      await c.ok('import.delete', { importId: 'contrary' });
      expect(await pageOf('wxid_laozhou')).toEqual({ ties: [parties[0]], unsettled: [] });
    }
  });

  it('deleting either import takes the suggestion away', async () => {
    for (const deleted of ['bill', 'tenpay'] as const) {
      await fresh('bill', 'tenpay');
      expect(await pageOf('wxid_laozhou')).toEqual({ ties: [parties[0]], unsettled: [] });
      await c.ok('import.delete', { importId: deleted });
      const left = deleted === 'bill' ? 'wxid_laozhou' : '老周（阿龙对方';
      expect(await pageOf(left)).toEqual(nothing);
    }
  });
});
