import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Alipay's answer to a police request (调证): its 交易记录 name a buyer and a seller per trade
 * (买家用户ID/买家信息 → 卖家用户ID/卖家信息), its 转账记录 a payer and a payee. Refused before.
 */

const { planned } = previewsOnNewWorkspace();

describe('Alipay’s 调证 records', () => {
  it('交易记录: the buyer paid the seller; a closed trade moved nothing', async () => {
    const plan = await planned('transactions', [
      '交易号,外部交易号,交易状态,合作伙伴,买家用户ID,买家信息,交易金额（元）,收款时间,卖家用户ID,卖家信息,商品名称,交易来源地,创建时间,最近修改时间',
      '2026040122001400001,T2026001,交易成功,,2088102000000001,张三(138****8000),1200.00,2026-04-01 10:05:00,2088102000000002,李四(li***@163.com),货款,,2026-04-01 10:00:00,2026-04-01 10:05:00',
      '2026040122001400002,T2026002,交易关闭,,2088102000000001,张三(138****8000),300.00,,2088102000000003,王五,充值,,2026-04-02 10:00:00,2026-04-02 10:05:00',
      '2026040122001400003,T2026003,TRADE_CLOSED,,2088102000000001,张三,50.00,,2088102000000003,王五,充值,,2026-04-02 11:00:00,2026-04-02 11:05:00',
    ]);
    expect(plan.validCount).toBe(1);
    expect(
      pick(plan.sample, ['account', 'counterpart', 'direction', 'amountFen', 'at', 'reference']),
    ).toEqual([
      [
        '2088102000000001',
        '2088102000000002',
        'out',
        '120000',
        '2026-04-01T02:05:00.000Z',
        '2026040122001400001',
      ],
    ]);
  });

  it('交易记录 names the buyer and the seller', async () => {
    const plan = await planned('transactions', [
      '交易号,交易状态,买家用户ID,买家信息,交易金额（元）,付款时间,卖家用户ID,卖家信息',
      '2026040122001400001,交易成功,2088102000000001,张三,1200.00,2026-04-01 10:05:00,2088102000000002,李四',
    ]);
    expect(pick(plan.sample, ['accountName', 'counterpartName'])).toEqual([['张三', '李四']]);
  });

  it('转账记录: the payer paid the payee', async () => {
    const plan = await planned('transactions', [
      '交易号,付款方支付宝账号,收款方支付宝账号,收款机构信息,到账时间,转账金额,转账产品名称,交易发生地,提现流水号',
      '20260401200040011100001,2088102000000001,2088102000000002,,2026-04-01 12:00:00,500.00,转账到支付宝账户,,',
    ]);
    expect(pick(plan.sample, ['account', 'counterpart', 'direction', 'amountFen'])).toEqual([
      ['2088102000000001', '2088102000000002', 'out', '50000'],
    ]);
  });

  it('转账记录: a transfer to a bank card has the card as its payee', async () => {
    const plan = await planned('transactions', [
      '交易号,付款方支付宝账号,收款方支付宝账号,收款银行卡号,到账时间,转账金额',
      '20260401200040011100002,2088102000000001,,6228480398271645317,2026-04-01 12:00:00,800.00',
    ]);
    expect(pick(plan.sample, ['account', 'counterpart', 'amountFen'])).toEqual([
      ['2088102000000001', '6228480398271645317', '80000'],
    ]);
  });
});
