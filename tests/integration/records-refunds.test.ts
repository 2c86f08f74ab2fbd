import { describe, expect, it } from 'vitest';
import { fileKeyOfLines, pick, previewsOnNewWorkspace } from '../helpers/import-preview';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * A payment partly refunded was counted whole: WeChat marks it 已退款(￥10.00) and its refund's own
 * row 已退款 (set aside, as both rows of a whole refund are): what stayed paid is the amount less
 * the refund. Alipay's older export gives the refund in a 成功退款（元） column: the payment whole
 * and its refund back, as the 账务明细 prints them (records-alipay-partial-refunds.test.ts).
 */

const { planned } = previewsOnNewWorkspace();

describe('partial refunds', () => {
  it('a WeChat bill: the payment less its refund, the refund row and a whole refund set aside', async () => {
    const lines = [
      '微信支付账单明细',
      '微信昵称：[阿龙]',
      '起始时间：[2026-04-01 00:00:00] 终止时间：[2026-04-30 23:59:59]',
      '----------------------微信支付账单明细列表--------------------',
      '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
      '2026-04-13 09:00:00,商户消费,美团,外卖,支出,¥32.50,零钱,已退款(￥10.00),4200001111202604130001\t,M001\t,/',
      '2026-04-14 12:31:05,美团-退款,美团,外卖,收入,¥10.00,零钱,已退款,50300001202604140001\t,M001\t,/',
      '2026-04-15 10:00:00,商户消费,某水果店,水果,支出,¥25.00,零钱,已全额退款,4200001111202604150002\t,M002\t,/',
      '2026-04-15 11:00:00,某水果店-退款,某水果店,水果,收入,¥25.00,零钱,已全额退款,50300001202604150002\t,M002\t,/',
      '2026-04-16 20:00:00,微信红包（群红包）,相亲相爱一家人,/,支出,¥100.00,零钱,已退款(￥40.00),1000039901202604160003\t,/\t,/',
      '2026-04-16 20:05:00,商户消费,某便利店,饮料,支出,¥8.00,零钱,已退款￥8.00,4200001111202604160004\t,M004\t,/',
    ];
    const plan = await planned('transactions', lines);
    // The owner is known by a nickname alone: its parties are this file's.
    const key = fileKeyOfLines(lines);
    expect(pick(plan.sample, ['counterpart', 'direction', 'amountFen'])).toEqual([
      [`美团（阿龙对方，文件${key}）`, 'out', '2250'],
      [`相亲相爱一家人（阿龙对方，文件${key}）`, 'out', '6000'],
    ]);
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
      [],
      ['7 refunded', '8 refunded', '9 refunded', '11 refunded'],
    ]);
  });

  it('a 财付通 调证: an unclaimed red packet and its 红包退款 under another 交易单号, the same 大单号, set aside', async () => {
    // The refund had been set aside alone (its payment not found by 交易单号), the 100.00 counted
    // as paid to no one.
    for (const refundNumber of ['1000039901202604110002', '1000039901202604100001']) {
      const plan = await planned('transactions', [
        '用户ID,交易单号,大单号,用户侧账号名称,借贷类型,交易业务类型,交易用途类型,交易时间,交易金额(分),账户余额(分),对手方ID,对手侧账户名称',
        'wxid_user0005,1000039901202604100001,10000399012026041000000001,鼠某,出,红包,发红包,2026-04-10 12:00:00,10000,90000,,',
        `wxid_user0005,${refundNumber},10000399012026041000000001,鼠某,入,退款,红包退款,2026-04-11 12:00:01,10000,100000,,`,
        'wxid_user0005,1000039901202604100003,10000399012026041000000003,鼠某,出,红包,发红包,2026-04-10 13:00:00,6600,93400,wxid_peer0006,牛某',
        // Another packet's 大单号: this refund is of no payment in the file.
        'wxid_user0005,1000039901202604120004,10000399012026041000000009,鼠某,入,退款,红包退款,2026-04-12 12:00:01,500,93900,,',
      ]);
      expect(pick(plan.sample, ['counterpart', 'direction', 'amountFen'])).toEqual([
        ['wxid_peer0006', 'out', '6600'],
      ]);
      expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
        [],
        ['2 refunded', '3 refunded', '5 refundUnpaired'],
      ]);
    }
  });

  it("Alipay's older export: 成功退款（元） back from the payment, paid at 付款时间", async () => {
    const plan = await planned('transactions', [
      '支付宝交易记录明细查询',
      '账号:[lh1983@alipay.com]',
      '交易号,商户订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态,',
      '2026040222001400011\t,T0001\t,2026-04-02 21:30:00 ,2026-04-02 21:32:14 ,2026-04-04 18:21:04 ,其他,即时到账交易,某商家,商品A,100.00 ,支出,交易成功,0.00 ,30.00 , ,已支出,',
      '2026040522001400013\t,\t,2026-04-05 10:17:29 ,2026-04-05 10:17:29 ,2026-04-05 10:17:29 ,支付宝网站,即时到账交易,张某,转账,500.00 ,收入,交易成功,0.00 ,0.00 , ,已收入,',
    ]);
    // Paid at 付款时间, not when the trade was opened (交易创建时间); its refund on its row.
    expect(pick(plan.sample, ['counterpart', 'direction', 'amountFen', 'at'])).toEqual([
      ['某商家（lh1983@alipay.com对方）', 'out', '10000', '2026-04-02T13:32:14.000Z'],
      ['某商家（lh1983@alipay.com对方）', 'in', '3000', '2026-04-02T13:32:14.000Z'],
      ['张某（lh1983@alipay.com对方）', 'in', '50000', '2026-04-05T02:17:29.000Z'],
    ]);
  });

  it("Alipay's refund (退款成功, 不计收支) of a payment still paid is money back; of a closed one nothing", async () => {
    const plan = await planned('transactions', [
      '支付宝账户：lh1983@alipay.com',
      '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
      '2026-04-06 10:17:29 ,转账红包 ,张某 ,zh***@163.com ,转账 ,支出 ,200.00 ,余额 ,交易成功 ,2026040622001400014\t, \t, ,',
      '2026-04-05 12:00:00 ,退款 ,某小店 ,xd***@163.com ,退款-商品B ,不计收支 ,50.00 ,余额 ,退款成功 ,2026040322001400012_50\t,T0002\t, ,',
      '2026-04-04 18:21:04 ,退款 ,某商家 ,shop***@163.com ,退款-商品A ,不计收支 ,30.00 ,余额 ,退款成功 ,2026040222001400011_30\t,T0001\t, ,',
      '2026-04-03 09:00:00 ,日用百货 ,某小店 ,xd***@163.com ,商品B ,支出 ,50.00 ,余额 ,交易关闭 ,2026040322001400012\t,T0002\t, ,',
      '2026-04-02 21:32:14 ,日用百货 ,某商家 ,shop***@163.com ,商品A ,支出 ,100.00 ,余额 ,交易成功 ,2026040222001400011\t,T0001\t, ,',
    ]);
    expect(pick(plan.sample, ['counterpart', 'direction', 'amountFen'])).toEqual([
      ['张某（zh***@163.com）', 'out', '20000'],
      ['某商家（shop***@163.com）', 'in', '3000'],
      ['某商家（shop***@163.com）', 'out', '10000'],
    ]);
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
      [],
      ['4 refundUnpaired', '6 notCompleted'],
    ]);
  });

  it("Alipay's refund of a closed order is set aside though an earlier paid order to the same party is in the file", async () => {
    const plan = await planned('transactions', [
      '支付宝账户：lh1983@alipay.com',
      '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
      '2026-04-02 12:10:00,退款,美团,meituan@alipay.com,退款-美团订单-2222,不计收支,25.00,余额,退款成功,2026040222001400022_25,M2,,',
      '2026-04-02 12:00:00,餐饮美食,美团,meituan@alipay.com,美团订单-2222,支出,25.00,余额,交易关闭,2026040222001400022,M2,,',
      '2026-04-01 12:00:00,餐饮美食,美团,meituan@alipay.com,美团订单-1111,支出,30.00,余额,交易成功,2026040122001400011,M1,,',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([['out', '3000']]);
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
      [],
      ['3 refundUnpaired', '4 notCompleted'],
    ]);
  });

  it('a refund given in 成功退款（元） is not counted again from a refund row; 已退款（部分）￥30.00', async () => {
    const older = await planned('transactions', [
      '支付宝交易记录明细查询',
      '账号:[lh1983@alipay.com]',
      '交易号,交易创建时间,付款时间,类型,交易对方,商品名称,金额（元）,收/支,交易状态,成功退款（元）',
      '2026040222001400011,2026-04-02 21:30:00,2026-04-02 21:32:14,即时到账交易,某商家,商品A,100.00,支出,交易成功,30.00',
      '2026040222001400011_30,2026-04-04 18:21:04,2026-04-04 18:21:04,退款,某商家,退款-商品A,30.00,,退款成功,0.00',
    ]);
    expect(pick(older.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '10000'],
      ['in', '3000'],
    ]);
    const wechat = await planned('transactions', [
      '微信支付账单明细',
      '微信昵称：[阿龙]',
      '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
      '2026-04-13 09:00:00,商户消费,某商城,衣服,支出,¥100.00,零钱,已退款（部分）￥30.00,4200001111202604130009\t,M009\t,/',
    ]);
    expect(pick(wechat.sample, ['amountFen'])).toEqual([['7000']]);
  });
});
