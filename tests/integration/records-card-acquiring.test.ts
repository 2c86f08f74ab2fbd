import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * Card statements as acquirers and UnionPay print them: a response code per row (00 settled,
 * anything else declined) and voids and refunds among the purchases, with no debit/credit
 * column, the way being said by the user. Each of these was misread: a declined purchase
 * counted as money spent, a void or a refund as a second payment.
 */

const { planned } = previewsOnNewWorkspace();

const card = '6228480398271645312';
const shop = '898530154110001';

describe('card statements: declined, voided and refunded rows', () => {
  it('a row whose response code is not 00 is declined: set aside, not money spent', async () => {
    const plan = await planned(
      'transactions',
      [
        '卡号,交易时间,交易金额,商户编号,交易类型,应答码',
        `${card},2026-04-01 10:00:00,1200.00,${shop},消费,00`,
        `${card},2026-04-01 10:01:00,1200.00,${shop},消费,51`,
        `${card},2026-04-01 10:02:00,1200.00,${shop},消费,55`,
        `${card},2026-04-01 10:03:00,300.00,${shop},消费,00-交易成功`,
      ],
      { direction: 'out' },
    );
    expect(plan.validCount).toBe(2);
    expect(pick(plan.sample, ['amountFen', 'direction'])).toEqual([
      ['120000', 'out'],
      ['30000', 'out'],
    ]);
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
      [],
      ['3 notCompleted', '4 notCompleted'],
    ]);
  });

  it('a void or a refund under a typed way is money back, not a second payment', async () => {
    const plan = await planned(
      'transactions',
      [
        '卡号,交易时间,交易金额,商户编号,交易类型',
        `${card},2026-04-01 10:00:00,1200.00,${shop},消费`,
        `${card},2026-04-01 10:05:00,1200.00,${shop},消费撤销`,
        `${card},2026-04-02 11:00:00,800.00,${shop},消费`,
        `${card},2026-04-03 09:00:00,200.00,${shop},退货`,
        `${card},2026-04-03 09:30:00,50.00,${shop},冲正`,
      ],
      { direction: 'out' },
    );
    expect(pick(plan.sample, ['amountFen', 'direction'])).toEqual([
      ['120000', 'out'],
      ['120000', 'in'],
      ['80000', 'out'],
      ['20000', 'in'],
      ['5000', 'in'],
    ]);
  });

  it('the way typed as in (a merchant’s settlement) turns a refund out', async () => {
    const plan = await planned(
      'transactions',
      [
        '商户账号,交易时间,交易金额,卡号,交易类型',
        `${shop},2026-04-01 10:00:00,1200.00,${card},消费`,
        `${shop},2026-04-03 09:00:00,200.00,${card},退货`,
      ],
      { direction: 'in' },
    );
    expect(pick(plan.sample, ['direction'])).toEqual([['in'], ['out']]);
  });

  it('a 交易结果 in words declines a row as its code would', async () => {
    const plan = await planned(
      'transactions',
      [
        '卡号,交易时间,交易金额,交易类型,交易结果',
        `${card},2026-04-01 10:00:00,1200.00,消费,交易成功`,
        `${card},2026-04-01 10:01:00,1200.00,消费,余额不足`,
        `${card},2026-04-01 10:02:00,1200.00,消费,拒绝交易`,
      ],
      { direction: 'out' },
    );
    expect(plan.validCount).toBe(1);
  });

  it('a type that names the way (转入, 存款, 取现, 收款) is the file’s word over the one typed', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易卡号,交易时间,交易类型,交易金额,摘要',
        `${card},2026-04-01 10:00:00,转入,100.00,工资`,
        `${card},2026-04-01 10:01:00,存款,100.00,现金存入`,
        `${card},2026-04-01 10:02:00,取现,100.00,ATM`,
        `${card},2026-04-01 10:04:00,收款,100.00,`,
        `${card},2026-04-01 10:05:00,消费,100.00,`,
      ],
      { direction: 'out' },
    );
    expect(pick(plan.sample, ['direction']).flat()).toEqual(['in', 'in', 'out', 'in', 'out']);
  });

  it('a hold (预授权) and its release move nothing; the completion pays; 退货撤销 is money out again', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易卡号,交易时间,交易类型,交易金额,应答码,商户名称',
        `${card},2026-04-01 13:00:00,预授权,500.00,00,某某酒店`,
        `${card},2026-04-03 12:00:00,预授权完成,480.00,00,某某酒店`,
        `${card},2026-04-03 12:01:00,预授权撤销,20.00,00,某某酒店`,
        `${card},2026-04-04 12:00:00,退货,80.00,00,某某酒店`,
        `${card},2026-04-04 12:05:00,退货撤销,80.00,00,某某酒店`,
      ],
      { direction: 'out' },
    );
    // Set aside with nothing to fix: a hold had been a row with an error, failing the file.
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
      [],
      ['2 preAuthorisation', '4 preAuthorisation'],
    ]);
    expect(pick(plan.sample, ['amountFen', 'direction'])).toEqual([
      ['48000', 'out'],
      ['8000', 'in'],
      ['8000', 'out'],
    ]);
  });

  it('a payment still processing or timed out is not money moved', async () => {
    const plan = await planned(
      'transactions',
      [
        '卡号,交易时间,交易金额,交易类型,交易结果',
        `${card},2026-04-01 10:00:00,100.00,消费,超时`,
        `${card},2026-04-01 10:01:00,100.00,消费,处理中`,
        `${card},2026-04-01 10:02:00,100.00,消费,成功`,
      ],
      { direction: 'out' },
    );
    expect(plan.validCount).toBe(1);
  });

  it('a type naming its way is not flipped again by a refund word; a note never flips a row', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易日期,交易时间,交易类型,摘要,交易金额,对方账号,对方户名',
        `2026-03-02,11:00:00,转账转入,退款,200.00,${card},李四`,
        `2026-03-03,12:00:00,退货入账,,88.00,${card},某商户`,
        // 王五's own card: one account is one person's (李四's above).
        `2026-03-04,13:00:00,网银转账,退回押金,1000.00,6228480398271641234,王五`,
      ],
      { direction: 'out', ownAccount: '6222029999888877776' },
    );
    expect(pick(plan.sample, ['direction']).flat()).toEqual(['in', 'in', 'out']);
  });

  it('status codes: success words and codes are success (成功, SUCCESS, 10000, S)', async () => {
    for (const [header, value] of [
      ['交易状态(代码)', '成功'],
      ['返回码', 'SUCCESS'],
      ['返回码', '10000'],
      ['状态代码', 'S'],
    ]) {
      const plan = await planned(
        'transactions',
        [
          `交易时间,交易金额,收支,对方账号,${header}`,
          `2026-03-01 10:00:00,500.00,支出,${card},${value}`,
        ],
        { ownAccount: '6222029999888877776' },
      );
      expect([header, value, plan.validCount]).toEqual([header, value, 1]);
    }
  });

  it('a pre-authorisation named in a flagged row or in its summary is the payment it says', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易时间,交易金额,收支标志,对方账号,对方户名,摘要',
        `2026-03-01 10:00:00,480.00,支出,${card},某酒店,预授权转支付`,
        `2026-03-02 10:00:00,1200.00,支出,${card},某租车,预授权`,
      ],
      { ownAccount: '6222029999888877776' },
    );
    expect(plan.validCount).toBe(2);
  });
});
