import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * Payment platforms' order lists and bills as a tester shaped them (2026-12-05): orders never
 * paid, refunds on their own rows, amounts in fen named above the header, figures in another
 * currency and accounts written with the holder in brackets. Each had been imported as yuan
 * that moved.
 */

const { planned } = previewsOnNewWorkspace();
const problemsOf = (plan: { problems: { line: number; problem: string; value: string }[] }) =>
  plan.problems.map((problem) => [problem.line, problem.problem, problem.value]);

describe('statements: orders, refunds and units', () => {
  it('orders never paid (等待买家付款, 待支付, 未付款, 已取消, 订单取消, 已过期) and a transfer sent back (退款) are set aside', async () => {
    const states = [
      '交易成功',
      '等待买家付款',
      '待支付',
      '未付款',
      '已取消',
      '订单取消',
      '交易取消',
      '已过期',
      '退款',
      'WAIT_SELLER_SEND_GOODS',
    ];
    const plan = await planned('transactions', [
      '交易号,交易状态,买家用户id,买家信息,卖家用户id,卖家信息,交易金额（元）,创建时间,商品名称',
      ...states.map(
        (state, index) =>
          `202603012200141111000${index},${state},2088102233445566,林某,2088209988776655,某烟酒店,${index + 1}00.00,2026-03-${String(index + 1).padStart(2, '0')} 10:00:00,货款`,
      ),
    ]);
    expect([problemsOf(plan), setAsideRows(plan.setAside)]).toEqual([
      [],
      [
        '3 notCompleted',
        '4 notCompleted',
        '5 notCompleted',
        '6 notCompleted',
        '7 notCompleted',
        '8 notCompleted',
        '9 notCompleted',
        '10 refunded',
      ],
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '10000'],
      ['out', '100000'],
    ]);
  });

  it('an order list reads its 订单状态, 店铺名称 and 订单编号', async () => {
    const plan = await planned(
      'transactions',
      [
        '用户ID,订单编号,商品名称,实付金额,支付时间,支付方式,订单状态,店铺名称',
        '8012345678,260301-1,某商品,100.00,2026-03-01 12:03:05,微信支付,已签收,某店',
        '8012345678,260302-2,某商品,200.00,2026-03-02 12:03:05,微信支付,已取消,某店',
        '8012345678,260303-3,某商品,300.00,2026-03-03 12:03:05,微信支付,待付款,某店',
      ],
      { direction: 'out' },
    );
    expect(plan.mapping).toMatchObject({ status: 6, counterpartName: 7, reference: 1 });
    expect([problemsOf(plan), setAsideRows(plan.setAside)]).toEqual([
      [],
      ['3 notCompleted', '4 notCompleted'],
    ]);
    expect(pick(plan.sample, ['amountFen', 'counterpartName', 'reference'])).toEqual([
      ['10000', '某店', '260301-1'],
    ]);
  });

  it("a bill's refund row (云闪付's 退款 退款成功) is money back from the payee, not set aside while its payment counts", async () => {
    const plan = await planned('transactions', [
      '云闪付账单明细',
      '账号：[13900001111]',
      '交易时间,交易类型,交易金额,收/支,交易对方,付款方式,交易状态,订单号',
      '2026-03-02 12:03:05,消费,¥35.50,支出,某超市,储蓄卡(1234),交易成功,YSF0002',
      '2026-03-03 12:03:05,退款,¥35.50,收入,某超市,储蓄卡(1234),退款成功,YSF0003',
      '2026-03-05 12:03:05,消费,¥99.00,支出,某商城,储蓄卡(1234),已撤销,YSF0005',
    ]);
    expect([problemsOf(plan), setAsideRows(plan.setAside)]).toEqual([[], ['6 notCompleted']]);
    expect(pick(plan.sample, ['direction', 'amountFen', 'counterpartName'])).toEqual([
      ['out', '3550', '某超市'],
      ['in', '3550', '某超市'],
    ]);
  });

  it("WeChat's 转账-退款 of a transfer the friend sent back is no money from the friend", async () => {
    const plan = await planned('transactions', [
      '微信支付账单明细',
      '微信昵称：[阿龙]',
      '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
      '2026-04-06 20:00:00,转账,老周,/,支出,"¥1,000.00",零钱,对方已退还,1000050001202604060001,/,/',
      '2026-04-07 20:00:00,转账-退款,老周,/,收入,"¥1,000.00",零钱,已存入零钱,1000050001202604060001,/,/',
      '2026-04-08 09:00:00,转账,老周,/,支出,¥50.00,零钱,对方已收钱,1000050001202604080001,/,/',
    ]);
    expect([problemsOf(plan), setAsideRows(plan.setAside)]).toEqual([
      [],
      ['4 refunded', '5 refundUnpaired'],
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([['out', '5000']]);
  });

  it('a WeChat red packet not claimed and its 微信红包-退款 (one 交易单号, no one named) moved nothing: both set aside', async () => {
    const plan = await planned('transactions', [
      '微信支付账单明细',
      '微信昵称：[阿龙]',
      '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
      '2026-04-09 09:00:00,微信红包,/,/,支出,¥50.00,零钱,支付成功,1000050001202604090001,/,/',
      '2026-04-10 09:00:00,微信红包-退款,/,/,收入,¥50.00,零钱,已存入零钱,1000050001202604090001,/,/',
      '2026-04-11 10:00:00,扫二维码付款,某商户,/,支出,¥88.00,零钱,支付成功,1000050001202604110001,/,/',
    ]);
    expect([problemsOf(plan), setAsideRows(plan.setAside)]).toEqual([
      [],
      ['4 refunded', '5 refunded'],
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([['out', '8800']]);
  });

  it('金额单位：分 above the header gives the amounts in fen', async () => {
    const plan = await planned('transactions', [
      '财付通支付科技有限公司 交易明细',
      '注：金额单位：分',
      '用户ID,交易单号,借贷类型,交易时间,交易金额,账户余额,对手方ID,对手侧账户名称',
      'wxid_abc123,1000050001202603010001,出,2026-03-01 12:03:05,150000,850000,wxid_xyz789,李某',
      'wxid_abc123,1000050001202603020002,入,2026-03-02 09:00:00,20000,870000,wxid_xyz789,李某',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '150000'],
      ['in', '20000'],
    ]);
  });

  it("财付通's merchant (第三方账户名称) names the payee where the 对手方 columns are empty", async () => {
    const plan = await planned('transactions', [
      '用户ID,用户侧账号名称,交易单号,借贷类型,交易业务类型,交易时间,交易金额(分),对手方ID,对手侧账户名称,第三方账户名称',
      'wxid_abc123,王某,4200001234202603040004,出,消费,2026-03-04 09:00:00,3550,,,美团',
    ]);
    expect(pick(plan.sample, ['amountFen', 'counterpartName'])).toEqual([['3550', '美团']]);
  });

  it("a figure in another currency is said to be one; 中国银行's 业务摘要 is the summary; an account with its holder in brackets is the account", async () => {
    const plan = await planned('transactions', [
      '交易账号,对方账号,对方户名,借贷标志,交易时间,交易金额,业务摘要',
      '6222600123456789012,6228480398271645312,李某,借,2026-03-01 12:03:05,1234.56,转账',
      '6222600123456789012,6228480398271645312,李某,借,2026-03-02 12:03:05,USD1234.56,汇款',
      '6222600123456789012,6228480398271645312,李某,借,2026-03-03 12:03:05,"HK$100.00",汇款',
      '6222600123456789012,6228480398271645312(李某),,贷,2026-03-04 12:03:05,10.00,冲正',
    ]);
    expect(problemsOf(plan)).toEqual([
      [3, 'currency', 'USD1234.56'],
      [4, 'currency', 'HK$100.00'],
    ]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName', 'summary', 'reversal'])).toEqual([
      ['6228480398271645312', '李某', '转账', 'false'],
      ['6228480398271645312', '李某', '冲正', 'true'],
    ]);
  });
});

describe('statements: sections, merged accounts and fees', () => {
  it("a later section's 币种：美元 sets its rows aside as foreign; its renminbi section is read", async () => {
    const plan = await planned('transactions', [
      '中国银行账户交易明细',
      '账号：6217857000012345678,户名：王某',
      '币种：人民币,钞汇：钞',
      '交易日期,交易时间,借贷标志,交易金额,余额,对方账号,对方户名,摘要',
      '20260301,100000,借,100.00,900.00,6228480398271645312,李某,转账',
      '',
      '币种：美元,钞汇：汇',
      '交易日期,交易时间,借贷标志,交易金额,余额,对方账号,对方户名,摘要',
      '20260304,100000,贷,5000.00,5700.00,,,汇入汇款',
    ]);
    expect(problemsOf(plan)).toEqual([[9, 'currency', '5000.00']]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([['out', '10000']]);
  });

  it("each section's first row is undecided by the balance above it, another account's", async () => {
    const plan = await planned('transactions', [
      '查询账号：6222600000000000011,户名：张三',
      '交易时间,交易金额,余额,对方账号,对方户名,摘要',
      '2026-03-01 10:00:00,1000.00,1000.00,6228480398271645312,李某,转账',
      '2026-03-02 10:00:00,100.00,900.00,6228480398271645312,李某,转账',
      '2026-03-03 10:00:00,200.00,1100.00,6228480398271645312,李某,转账',
      '2026-03-04 10:00:00,50.00,1050.00,6228480398271645312,李某,转账',
      '查询账号：,6222600000000000022,户名：,李四',
      '交易时间,交易金额,余额,对方账号,对方户名,摘要',
      '2026-03-01 11:00:00,100.00,950.00,6228480398271645312,李某,转账',
      '2026-03-02 11:00:00,30.00,920.00,6228480398271645312,李某,转账',
      '2026-03-03 11:00:00,200.00,1120.00,6228480398271645312,李某,转账',
    ]);
    expect(problemsOf(plan)).toEqual([
      [3, 'balanceOldestRow', '1000.00'],
      [9, 'balanceOldestRow', '950.00'],
    ]);
    // Each section's holder too (户名：李四 on its account's line had been dropped).
    expect(pick(plan.sample, ['account', 'accountName', 'direction', 'amountFen'])).toEqual([
      ['6222600000000000011', '张三', 'out', '10000'],
      ['6222600000000000011', '张三', 'in', '20000'],
      ['6222600000000000011', '张三', 'out', '5000'],
      ['6222600000000000022', '李四', 'out', '3000'],
      ['6222600000000000022', '李四', 'in', '20000'],
    ]);
  });

  it('two cards merged in time order follow each its own balance', async () => {
    const plan = await planned('transactions', [
      '查询账号,交易时间,交易金额,余额,对方账号,对方户名,摘要',
      '6222600000000000001,2026-03-01 10:00:00,69.00,931.00,6228480398271645312,李某,转账',
      '6222600000000000002,2026-03-01 10:01:00,131.00,1869.00,6228480398271645312,李某,转账',
      '6222600000000000001,2026-03-01 10:02:00,254.00,1185.00,6228480398271645312,李某,转账',
      '6222600000000000002,2026-03-01 10:03:00,242.00,2111.00,6228480398271645312,李某,转账',
      '6222600000000000001,2026-03-02 10:04:00,404.00,781.00,6228480398271645312,李某,转账',
      '6222600000000000002,2026-03-02 10:05:00,49.00,2160.00,6228480398271645312,李某,转账',
    ]);
    expect(problemsOf(plan)).toEqual([
      [2, 'balanceOldestRow', '931.00'],
      [3, 'balanceOldestRow', '1869.00'],
    ]);
    expect(pick(plan.sample, ['account', 'direction', 'amountFen'])).toEqual([
      ['6222600000000000001', 'in', '25400'],
      ['6222600000000000002', 'in', '24200'],
      ['6222600000000000001', 'out', '40400'],
      ['6222600000000000002', 'in', '4900'],
    ]);
  });

  it('a 手续费 column: the balance falls by the payment and its fee', async () => {
    const plan = await planned('transactions', [
      '账号：6222600000000000005',
      '交易时间,交易金额,手续费,余额,对方账号,对方户名,摘要',
      '2026-03-01 10:00:00,1000.00,0.00,9000.00,6228480398271645312,李某,工资',
      '2026-03-02 10:00:00,1000.00,2.00,7998.00,6228480398271645312,李某,跨行转账',
      '2026-03-03 10:00:00,500.00,0.00,8498.00,6228480398271645312,李某,存入',
      '2026-03-04 10:00:00,2000.00,5.00,6493.00,6228480398271645312,李某,跨行汇款',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen']).slice(-3)).toEqual([
      ['out', '100000'],
      ['in', '50000'],
      ['out', '200000'],
    ]);
  });

  it('a credit card’s rows with no 信用卡 heading nor 卡号 column: spending positive is money out, a repayment in', async () => {
    const plan = await planned('transactions', [
      '账号：4392250012345678  户名：孙某',
      '交易日期,记账日期,交易类型,交易金额,对方户名',
      '2026-03-01,2026-03-02,消费,"1,200.00",某商户',
      '2026-03-03,2026-03-04,还款,"-5,000.00",孙某',
      '2026-03-05,2026-03-06,消费,688.50,AMAZON',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '120000'],
      ['in', '500000'],
      ['out', '68850'],
    ]);
  });
});
