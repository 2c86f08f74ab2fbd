import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/** Statements a tester found misread: signs, a card named as what it is not, odd counterparts. */

const { planned } = previewsOnNewWorkspace();
const own = '6217001540009283746';

describe('statements: signs and counterparts', () => {
  it('“借记卡，不含信用卡” above the header is no credit card’s statement', async () => {
    const plan = await planned('transactions', [
      '中国建设银行个人活期账户交易明细（借记卡，不含信用卡）',
      `账号：${own}`,
      '交易日期,交易金额,余额,对方账号,对方户名,摘要',
      '20260401,-1000.00,9000.00,6222021234567890123,张三,转账',
      '20260402,500.00,9500.00,6222021234567890124,李四,转账',
    ]);
    expect(pick(plan.sample, ['direction']).flat()).toEqual(['out', 'in']);
  });

  it('a 冲正 printed positive under 借, where debits are printed negative, is money back', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,借贷方向,交易金额,对方账号,摘要',
      `${own},2026-04-01 10:00:00,借,-1000.00,6222021234567890123,转账`,
      `${own},2026-04-01 10:05:00,借,1000.00,6222021234567890123,冲正`,
      `${own},2026-04-02 10:00:00,借,-300.00,6222021234567890124,转账`,
      `${own},2026-04-03 10:00:00,贷,500.00,6222021234567890125,转账`,
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '100000'],
      ['in', '100000'],
      ['out', '30000'],
      ['in', '50000'],
    ]);
  });

  it('an account and a name in one 对方账号 cell; a counterpart of 0 is none', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,对方账号,摘要',
      `${own},2026-04-01 10:00:00,借,100.00,6222021234567890123 张三,转账`,
      `${own},2026-04-01 11:00:00,借,200.00,6222021234567890123/张三,转账`,
      `${own},2026-04-01 12:00:00,借,300.00,0,提现`,
    ]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName'])).toEqual([
      ['6222021234567890123', '张三'],
      ['6222021234567890123', '张三'],
      [null, null],
    ]);
  });

  it('支付 and − as flags; 提现金额; a 客户名称 in a person list', async () => {
    const statement = await planned('transactions', [
      '账号,交易时间,收付标志,交易金额,对方账号',
      `${own},2026-04-01 10:00:00,支付,100.00,6222021234567890123`,
      `${own},2026-04-01 11:00:00,−,200.00,6222021234567890123`,
    ]);
    expect(pick(statement.sample, ['direction']).flat()).toEqual(['out', 'out']);
    const withdrawals = await planned(
      'transactions',
      ['交易号,提现金额,到账时间', '2026040100001,500.00,2026-04-01 12:00:00'],
      { direction: 'out', ownAccount: '2088102000000001' },
    );
    expect(pick(withdrawals.sample, ['amountFen'])).toEqual([['50000']]);
    const people = await planned('persons', ['客户名称,手机号码', '张三,13800138000']);
    expect(pick(people.sample, ['name', 'phones'])).toEqual([['张三', '13800138000']]);
  });

  it('one 冲正 printed negative does not make signs the direction over a 交易类型 of 转出/转入', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,交易类型,交易金额,对方账号,摘要',
      `${own},2026-04-01 10:00:00,转出,1000.00,6222021234567890123,网银转账`,
      `${own},2026-04-02 10:00:00,转出,300.00,6222021234567890124,网银转账`,
      `${own},2026-04-03 10:00:00,转入,500.00,6222021234567890125,网银转账`,
      `${own},2026-04-04 10:00:00,转入,-500.00,6222021234567890125,冲正`,
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '100000'],
      ['out', '30000'],
      ['in', '50000'],
      ['out', '50000'],
    ]);
  });

  it('本方账号 beside 付款/收款 columns: the other one is the counterpart, names by role', async () => {
    const plan = await planned('transactions', [
      '本方账号,交易时间,借贷标志,交易金额,付款人名称,付款账号,收款人名称,收款账号',
      `${own},2026-04-01 10:00:00,贷,500.00,李四,6222021234567890124,张三,${own}`,
      `${own},2026-04-01 11:00:00,借,300.00,张三,${own},王五,6222021234567890125`,
    ]);
    expect(
      pick(plan.sample, ['account', 'accountName', 'counterpart', 'counterpartName', 'direction']),
    ).toEqual([
      [own, '张三', '6222021234567890124', '李四', 'in'],
      [own, '张三', '6222021234567890125', '王五', 'out'],
    ]);
  });

  it('a second account’s statement under the first’s in one CSV: its rows are that account’s', async () => {
    const plan = await planned('transactions', [
      '户名：张三,账号：6210981000000000001',
      '交易日期,交易时间,摘要,支出,存入,余额,对方账号,对方户名',
      '20260401,101010,转账,1000.00,,9000.00,6222021234567890123,李四',
      '户名：张三,账号：6210981000000000002',
      '交易日期,交易时间,摘要,支出,存入,余额,对方账号,对方户名',
      '20260403,101010,转账,2000.00,,1000.00,6222021234567890125,赵六',
    ]);
    expect(pick(plan.sample, ['account', 'counterpartName'])).toEqual([
      ['6210981000000000001', '李四'],
      ['6210981000000000002', '赵六'],
    ]);
    expect(plan.problems).toEqual([]);
  });
});
