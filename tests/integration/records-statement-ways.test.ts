import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Statements that say which way the money went without a debit/credit column: the side of
 * 付款账号/收款账号 the own card is on (was refused, and the way typed put incoming money out), a
 * card's 交易类型 (消费, 退货), and a card's signs (spending positive: one negative refund had
 * made every purchase money in, the way typed ignored).
 */

const { planned, preview } = previewsOnNewWorkspace();

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

  it('a reversal printed as its 消费 with a minus sign does not turn a card statement round', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易类型,交易金额,商户名称,摘要',
      `${other},2026-04-01 10:00:00,消费,300.00,某酒店,`,
      `${other},2026-04-01 10:05:00,消费,-300.00,某酒店,冲正`,
      `${other},2026-04-02 10:00:00,消费,50.00,某超市,`,
      `${other},2026-04-03 10:00:00,取现,1000.00,ATM,`,
      `${other},2026-04-04 10:00:00,退货,-20.00,某超市,`,
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '30000'],
      ['in', '30000'],
      ['out', '5000'],
      ['out', '100000'],
      ['in', '2000'],
    ]);
  });

  it('the sides of 付款账号/收款账号 with one reversal printed negative', async () => {
    const own = '6230580000011112222';
    const plan = await planned('transactions', [
      '本方账号,交易时间,交易金额,付款账号,付款户名,收款账号,收款户名,摘要',
      `${own},2026-04-01 10:00:00,1000.00,6222020000000000001,张三,${own},李某,转账`,
      `${own},2026-04-02 10:00:00,300.00,${own},李某,6222020000000000002,王五,转账`,
      `${own},2026-04-03 10:00:00,500.00,${own},李某,6222020000000000003,赵六,转账`,
      `${own},2026-04-04 10:00:00,-500.00,${own},李某,6222020000000000003,赵六,冲正`,
    ]);
    expect(pick(plan.sample, ['counterpart', 'direction', 'amountFen'])).toEqual([
      ['6222020000000000001', 'in', '100000'],
      ['6222020000000000002', 'out', '30000'],
      ['6222020000000000003', 'out', '50000'],
      ['6222020000000000003', 'in', '50000'],
    ]);
  });

  it('a void undoes the way its type names: 存入冲正 out, 取款冲正 back in, with a way typed too', async () => {
    const unsigned = await planned('transactions', [
      '交易卡号,交易时间,交易类型,交易金额',
      `${other},2026-04-01 10:00:00,存入,5000.00`,
      `${other},2026-04-01 10:01:00,存入冲正,5000.00`,
      `${other},2026-04-01 10:02:00,取现,100.00`,
      `${other},2026-04-01 10:03:00,取现冲正,100.00`,
    ]);
    expect(pick(unsigned.sample, ['direction']).flat()).toEqual(['in', 'out', 'out', 'in']);
    const typed = await planned(
      'transactions',
      [
        '交易卡号,交易时间,交易类型,交易金额',
        `${other},2026-04-01 10:00:00,快捷支付,80.00`,
        `${other},2026-04-01 10:01:00,存款冲正,5000.00`,
        `${other},2026-04-01 10:02:00,取款冲正,100.00`,
        `${other},2026-04-01 10:03:00,退款转入,30.00`,
      ],
      { direction: 'out' },
    );
    expect(pick(typed.sample, ['direction']).flat()).toEqual(['out', 'out', 'in', 'in']);
  });

  it("a merchant's list (卡号 beside 商户号) is not read as the cards' spending", async () => {
    const result = await preview('transactions', [
      '商户号,卡号,交易时间,交易类型,交易金额',
      `898530154110001,${other},2026-04-01 10:00:00,消费,200.00`,
      `898530154110001,${other},2026-04-02 10:00:00,退货,50.00`,
    ]);
    expect(result.ok ? null : result.error.code).toBe('import.missingColumns');
  });

  it('signs say the way of a row whose own account is on neither side (its card printed there)', async () => {
    const plan = await planned('transactions', [
      '交易账号,交易时间,交易金额,付款账号,收款账号',
      `53001611000000012345,2026-04-01 10:00:00,-300.00,${card},${other}`,
      `53001611000000012345,2026-04-02 10:00:00,500.00,${other},${card}`,
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '30000'],
      ['in', '50000'],
    ]);
  });

  it('the way said only in 摘要, borne out by the balances; a word the balances do not settle is refused', async () => {
    const plan = await planned('transactions', [
      '账号：6230520000000000001',
      '交易日期,交易时间,摘要,交易金额,余额,对方账号,对方户名',
      '20260401,101500,转账转入,5000.00,15000.00,6228480398271645312,李某',
      '20260402,101500,转账转出,1000.00,14000.00,6228480398271645312,李某',
      '20260403,101500,ATM取款,500.00,13500.00,,',
      '20260404,101500,工资,8000.00,21500.00,,某公司',
      '20260405,101500,网银,300.00,22000.00,6228480398271645312,李某',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '500000'],
      ['out', '100000'],
      ['out', '50000'],
      ['in', '800000'],
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [7, 'debitCredit'],
    ]);
  });
});
