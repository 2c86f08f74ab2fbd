import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workbookBase64, type SheetOf } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * An Alipay 调证 reply: 用户信息 (the user's ID, 登录邮箱, 登录手机, name, document), 交易明细 by
 * user ID, 转账明细 by login. Read apart, 张三 had been three accounts (2088…, 13812345678,
 * zhangsan@163.com), the last two typed as bank accounts: the trace of his Alipay account saw
 * 1,200 out and nothing else, the 8,000 he received and the 5,000 he sent on other "accounts".
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const userId = '2088102233445566';
const reply: SheetOf[] = [
  {
    name: '用户信息',
    rows: [
      ['用户Id', '登录邮箱', '登录手机', '账户名称', '证件类型', '证件号', '可用余额', '绑定手机'],
      [userId, 'zhangsan@163.com', '13812345678', '张三', '身份证', '530102199001011231', '12.50', '13812345678'],
    ],
  },
  {
    name: '交易明细',
    rows: [
      ['交易号', '交易状态', '买家用户id', '买家信息', '卖家用户id', '卖家信息', '交易金额（元）', '收款时间', '交易类型', '商品名称'],
      ['2026030122001445561234567890', '交易成功', userId, '张三(13812345678)', '2088209988776655', '某烟酒店(shop@qq.com)', '1200.00', '2026-03-01 10:00:05', '即时到账交易', '商品'],
    ],
  },
  {
    name: '转账明细',
    rows: [
      ['交易号', '付款方支付宝账号', '收款方支付宝账号', '收款机构信息', '到账时间', '转账金额（元）', '转账产品名称', '交易状态'],
      ['20260302200040011100440012345678', '13812345678', 'lisi@126.com', '', '2026-03-02 12:00:00', '5000.00', '转账到支付宝账户', '成功'],
      ['20260303200040011100440012345679', 'wangwu@qq.com', 'zhangsan@163.com', '', '2026-03-03 12:00:00', '8000.00', '转账到支付宝账户', '成功'],
    ],
  },
]; // prettier-ignore

async function importReply(importId: string, sheet?: number) {
  return await c.ok('import.commit', {
    importId,
    fileName: '张三支付宝调证.xlsx',
    contentBase64: await workbookBase64(reply),
    template: 'transactions',
    ...(sheet ? { sheet } : {}),
  });
}

/** The account a search for the text finds: its number, type and holder; its money, by pair. */
async function accountOf(text: string) {
  const hits = (await c.ok('search.query', { text })).groups.flatMap((group) =>
    group.hits.filter((hit) => hit.type === 'account'),
  );
  expect(hits).toHaveLength(1);
  const detail = await c.ok('entities.get', { id: hits[0]!.id });
  return {
    account: [
      detail.details['accountNo'],
      detail.details['accountType'],
      detail.details['holderName'],
    ],
    money: detail.relations
      .filter((relation) => relation.type === 'finances')
      .map((relation) => `${relation.fromLabel} → ${relation.toLabel}: ${relation.amountFen}`)
      .sort(),
  };
}

describe("an Alipay reply's 用户信息 sheet", () => {
  it('ties the logins of 转账明细 to the user: one Alipay account of 张三, in 8,000 and out 6,200', async () => {
    const whole = await c.ok('import.preview', {
      fileName: '张三支付宝调证.xlsx',
      contentBase64: await workbookBase64(reply),
      template: 'transactions',
    });
    expect(whole.sheets.map((sheet) => [sheet.name, sheet.read, sheet.unread ?? null])).toEqual([
      ['用户信息', false, 'users'],
      ['交易明细', true, null],
      ['转账明细', false, 'header'],
    ]);
    await importReply('imp-trades');
    const transfers = await c.ok('import.preview', {
      fileName: '张三支付宝调证.xlsx',
      contentBase64: await workbookBase64(reply),
      template: 'transactions',
      sheet: 3,
    });
    expect(
      transfers.sample.map((row) => [row['account'], row['accountName'] ?? null, row['direction'], row['amountFen'], row['counterpart'], row['counterpartName'] ?? null]),
    ).toEqual([
      [userId, '张三', 'out', '500000', 'lisi@126.com', null],
      ['wangwu@qq.com', null, 'out', '800000', userId, '张三'],
    ]); // prettier-ignore
    expect(transfers.sheets.map((sheet) => [sheet.name, sheet.unread ?? null])).toEqual([
      ['用户信息', 'users'],
    ]);
    await importReply('imp-transfers', 3);
    const zhang = await accountOf(userId);
    expect(zhang).toEqual({
      account: [userId, 'alipay', '张三'],
      money: [
        `${userId} → 2088209988776655: 120000`,
        `${userId} → lisi@126.com: 500000`,
        `wangwu@qq.com → ${userId}: 800000`,
      ],
    });
    // The logins find the account; they are no accounts of their own.
    expect(await accountOf('13812345678')).toEqual(zhang);
    expect(await accountOf('zhangsan@163.com')).toEqual(zhang);
    expect((await accountOf('lisi@126.com')).account).toEqual(['lisi@126.com', 'alipay', null]);
    const trace = await c.ok('analytics.moneyTrace', { account: userId });
    expect(
      trace.accounts
        .filter((account) => account.hop === 0)
        .map((account) => [account.accountNo, account.inFen, account.outFen]),
    ).toEqual([[userId, 800000, 620000]]);
  });
});
