import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';
import { setAsideRows } from '../helpers/set-aside-rows';

/** Payment bills a tester shaped: 云闪付's 收付款方 and 订单号 were left out, 美团's 实付金额 refused. */

const { planned } = previewsOnNewWorkspace();

describe('payment bills: headers', () => {
  it('云闪付: 收付款方 is the counterpart, 订单号 the reference', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易时间,交易类型,交易金额,收付款方,订单号',
        '2026-04-01 09:05:00,转账,-500.00,张三,20260401001',
        '2026-04-01 10:05:00,收款,+300.00,李四,20260401002',
      ],
      { ownAccount: '6217001540009283746' },
    );
    expect(pick(plan.sample, ['counterpartName', 'reference', 'direction', 'amountFen'])).toEqual([
      ['张三', '20260401001', 'out', '50000'],
      ['李四', '20260401002', 'in', '30000'],
    ]);
  });

  it('美团: 实付金额 is the amount, not 订单金额', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易创建时间,交易成功时间,交易类型,订单标题,收/支,支付方式,订单金额,实付金额,交易单号,商家单号',
        '2026-04-01 09:05:00,2026-04-01 09:05:10,支付,某某超市,支出,美团月付,50.00,45.00,T001,S001',
      ],
      { ownAccount: '13800138000' },
    );
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([['out', '4500']]);
  });
});

describe('payment bills: notes', () => {
  it('京东: a note after the amount says what became of it; 交易说明 is the summary', async () => {
    const plan = await planned(
      'transactions',
      [
        // The note says it beside a 交易状态 of 交易成功 too.
        '交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易订单号',
        '2026-04-01 09:05:00,京东商城,手机,128.50(已全额退款),京东白条,交易成功,支出,3001',
        '2026-04-01 10:05:00,京东商城,耳机,200.00（部分退款50.00）,京东白条,交易成功,支出,3002',
        '2026-04-02 10:05:00,张三,转账,500.00,银行卡,交易成功,支出,3003',
      ],
      { ownAccount: 'jd_user_01' },
    );
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([[], ['2 refunded']]);
    expect(pick(plan.sample, ['counterpart', 'amountFen', 'summary'])).toEqual([
      ['京东商城（jd_user_01对方）', '15000', '耳机'],
      ['张三（jd_user_01对方）', '50000', '转账'],
    ]);
  });
});

describe('a bank statement with a 收支 column', () => {
  it('names a counterpart by a name alone as this statement’s only, never as an account of its own', async () => {
    const plan = await planned('transactions', [
      '账号,户名,交易时间,收支,交易金额,余额,对方户名,摘要',
      '6222000011112222,张三,2024-01-01 10:00:00,支,1000.00,9000.00,李四,转账',
    ]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName'])).toEqual([
      ['李四（6222000011112222对方）', '李四'],
    ]);
  });
});
