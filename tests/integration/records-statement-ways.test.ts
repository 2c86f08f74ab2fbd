import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Statements that say which way the money went without a debit/credit column: the side of
 * 付款账号/收款账号 the own card is on (was refused, and the way typed put incoming money out), a
 * card's 交易类型 (消费, 退货), and a card's signs (spending positive: one negative refund had
 * made every purchase money in, the way typed ignored).
 */

const { planned } = previewsOnNewWorkspace();

const card = '6217001540009283746';
const other = '6228480398271645312';

describe('which way a statement says without a flag', () => {
  it('the side of 付款账号/收款账号 the own card is on', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易金额,付款账号,付款人名称,收款账号,收款人名称,摘要',
      `${card},2026-04-01 10:15:00,1000.00,${card},王某,${other},李某,货款`,
      `${card},2026-04-02 10:15:00,2500.00,${other},李某,${card},王某,还款`,
    ]);
    expect(plan.problems.map((p) => [p.line, p.field, p.problem, p.value])).toEqual([]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName', 'direction', 'amountFen'])).toEqual(
      [
        [other, '李某', 'out', '100000'],
        [other, '李某', 'in', '250000'],
      ],
    );
  });

  it("a card's types, unsigned: 消费 out, 退货 back in", async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易类型,交易金额,商户名称,应答码',
      `${other},20260401101500,消费,200.00,某某烟酒店,00`,
      `${other},20260402101500,消费,1500.00,某某宾馆,00`,
      `${other},20260403101500,退货,200.00,某某烟酒店,00`,
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '20000'],
      ['out', '150000'],
      ['in', '20000'],
    ]);
  });

  it("a card's signs: purchases positive, a refund negative", async () => {
    const lines = [
      '交易卡号,交易时间,交易类型,交易金额,商户名称,应答码',
      `${other},20260401101500,消费,200.00,某某烟酒店,00`,
      `${other},20260402101500,消费,1500.00,某某宾馆,00`,
      `${other},20260403101500,退货,-200.00,某某烟酒店,00`,
    ];
    const expected = [
      ['out', '20000'],
      ['out', '150000'],
      ['in', '20000'],
    ];
    expect(pick((await planned('transactions', lines)).sample, ['direction', 'amountFen'])).toEqual(
      expected,
    );
    // The way typed is the positive rows' way.
    const typed = await planned('transactions', lines, { direction: 'out' });
    expect(pick(typed.sample, ['direction', 'amountFen'])).toEqual(expected);
  });

  it('an account statement with signs keeps positive as money in', async () => {
    const plan = await planned('transactions', [
      '交易账号,交易时间,交易类型,交易金额,对方账号',
      `${card},2026-04-01 10:00:00,转账,-300.00,${other}`,
      `${card},2026-04-02 10:00:00,转账,500.00,${other}`,
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '30000'],
      ['in', '50000'],
    ]);
  });
});
