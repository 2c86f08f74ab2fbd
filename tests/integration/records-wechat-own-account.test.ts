import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A WeChat bill's own account typed by the user is its WeChat ID: one the user chose
 * (laowang_1988), WeChat's wxid_…, or an older account's QQ or mobile number; anything else (a
 * nickname, a name) is refused with a clear word, nothing imported.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const wechat = [
  '微信支付账单明细',
  '微信昵称：[老王]',
  '起始时间：[2026-04-01 00:00:00] 终止时间：[2026-04-30 23:59:59]',
  '----------------------微信支付账单明细列表--------------------',
  '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
  '2026-04-02 10:00:00,转账,阿强,/,支出,¥500.00,零钱,对方已收钱,1000001,/,/',
];
const alipay = [
  '支付宝交易记录明细查询',
  '起始日期:[2026-04-01 00:00:00]    终止日期:[2026-04-30 23:59:59]',
  '交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态',
  '2026040122001400001,,2026-04-01 12:00:00,2026-04-01 12:00:01,2026-04-01 12:00:01,其他,即时到账交易,陈*,转账,500.00,支出,交易成功,0.00,0.00,,已支出',
];

const input = (lines: string[], ownAccount: string) => ({
  fileName: 'bill.csv',
  contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
  template: 'transactions' as const,
  ownAccount,
});

describe('the own account typed for a WeChat bill', () => {
  it.each(['laowang_1988', 'Lao-Wang88', 'wxid_4k2j9x8p0q1w', '88661234', '13987650001'])(
    '%s is taken as its WeChat ID: the account of the bill, a WeChat account',
    async (id) => {
      c = makeTestCore();
      await createTestWorkspace(c);
      const preview = await c.ok('import.preview', input(wechat, id));
      expect([preview.platform, preview.owner, preview.ownerKnownBy]).toEqual(['wechat', id, null]);
      const summary = await c.ok('import.commit', { ...input(wechat, id), importId: 'imp-1' });
      expect([summary.rows, summary.entitiesCreated, summary.entitiesMatched]).toEqual([1, 2, 0]);
      const found = await c.ok('search.query', { text: id });
      const hit = found.groups.flatMap((group) => group.hits).find((one) => one.title === id);
      const detail = await c.ok('entities.get', { id: hit!.id });
      expect([detail.kind, detail.label, detail.details['accountType']]).toEqual([
        'account',
        id,
        'wechat',
      ]);
    },
  );

  it.each(['老王', 'lao', '1laowang', 'laowang@qq.com'])(
    '%s, no WeChat ID, is refused with nothing imported',
    async (typed) => {
      c = makeTestCore();
      await createTestWorkspace(c);
      for (const procedure of ['import.preview', 'import.commit'] as const) {
        const result = await c.call(procedure, { ...input(wechat, typed), importId: 'imp-1' });
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'import.ownAccountNotWeChatId', details: { account: typed } },
        });
      }
      const found = await c.ok('search.query', { text: '阿强' });
      expect(found.groups.flatMap((group) => group.hits)).toEqual([]);
    },
  );

  it("is not checked as one on another platform's bill (an Alipay account is no WeChat ID)", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', input(alipay, 'lh1983@alipay.com'));
    expect([preview.platform, preview.owner]).toEqual(['alipay', 'lh1983@alipay.com']);
  });
});
