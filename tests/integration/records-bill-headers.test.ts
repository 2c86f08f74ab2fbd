import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

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
