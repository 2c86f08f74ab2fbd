import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/** A reviewer's proofs against this session's statement and person rules, each misread before. */

const { planned, preview } = previewsOnNewWorkspace();
const card = '6225881234567890';

describe('statement rules under review', () => {
  it('a credit card’s statement naming its repayment 借记卡 stays a card’s; CR/DR say the way on it', async () => {
    const named = await planned(
      'transactions',
      [
        '招商银行信用卡对账单',
        `卡号：${card}  自动还款借记卡：6214831234567890`,
        '交易日,交易摘要,对方户名,交易金额',
        '2026-04-01,消费 某商户,某超市,1200.00',
        '2026-04-05,还款,,-3000.00',
      ],
      { ownAccount: card },
    );
    expect(pick(named.sample, ['direction']).flat()).toEqual(['out', 'in']);
    const crDr = await planned(
      'transactions',
      [
        'XX银行信用卡对账单',
        '交易日,交易摘要,交易金额',
        '2026-04-01,消费 某超市,1200.00 DR',
        '2026-04-05,还款 谢谢,3000.00 CR',
      ],
      { ownAccount: card },
    );
    expect(pick(crDr.sample, ['direction']).flat()).toEqual(['out', 'in']);
  });

  it('signs stay the way where a 交易类型 names a bounced transfer (转出退回)', async () => {
    const plan = await planned('transactions', [
      '交易时间,本方账号,对方账号,对方户名,交易类型,交易金额,余额',
      '2026-04-01 10:00:00,6222021111111111111,6222022222222222222,李四,转出,-5000.00,5000.00',
      '2026-04-01 10:05:00,6222021111111111111,6222022222222222222,李四,转出退回,5000.00,10000.00',
      '2026-04-02 09:00:00,6222021111111111111,6222023333333333333,王五,转入,300.00,10300.00',
    ]);
    expect(pick(plan.sample, ['direction']).flat()).toEqual(['out', 'in', 'in']);
  });

  it('a customer’s 支付 on a merchant’s own record under --direction in is money in', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易时间,商户号,付款方账号,交易类型,交易金额',
        '2026-04-01 10:00:00,1900000109,oUpF86o,支付,880.00',
        '2026-04-01 12:00:00,1900000109,oUpF86q,退款,100.00',
      ],
      { ownAccount: '1900000109', direction: 'in' },
    );
    expect(pick(plan.sample, ['direction']).flat()).toEqual(['in', 'out']);
  });

  it('合计2单 or 汇总 in a note of a row naming its counterpart is a transfer, not a total', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,对方账号,附言',
      '6217001540009283746,2026-04-01 10:00:00,借,5000.00,6222021234567890123,合计2单货款',
      '6217001540009283746,2026-04-02 10:00:00,贷,3000.00,6222021234567890124,汇总',
    ]);
    expect(plan.validCount).toBe(2);
  });

  it('an email login as the counterpart keeps its domain', async () => {
    const plan = await planned('transactions', [
      '交易时间,本方账号,对方账号,对方户名,收/支,交易金额',
      '2026-04-01 10:00:00,2088001111111111,1234567890@qq.com,李四,支出,5000.00',
    ]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName'])).toEqual([
      ['1234567890@qq.com', '李四'],
    ]);
  });

  it('the own card in 本方账号, its account number in 付款/收款账号: the payer of money in is the other party', async () => {
    const plan = await planned('transactions', [
      '交易时间,本方账号,付款账号,付款人名称,收款账号,收款人名称,借贷标志,交易金额',
      '2026-04-02 10:00:00,6222021111111111111,6222023333333333333,王五,1202001111111111111,张三,贷,800.00',
    ]);
    expect(pick(plan.sample, ['accountName', 'counterpart', 'counterpartName'])).toEqual([
      ['张三', '6222023333333333333', '王五'],
    ]);
  });
});

describe('person rules under review', () => {
  it('a mistyped ID ending in X under 身份证号码 is refused, not a company', async () => {
    const result = await preview('persons', [
      '机主姓名,身份证号码,手机号码,住址',
      '张三,53010219850312809X,13812345678,昆明市五华区',
    ]);
    expect(result.ok && result.value.problems.map((problem) => problem.problem)).toEqual([
      'idNumber',
    ]);
  });

  it('a login handle (用户名) is no person’s name', async () => {
    const result = await preview('persons', [
      '用户名,注册手机号,注册时间',
      'xiaoming88,13812345678,2025-01-01',
    ]);
    expect(result.ok ? 'read' : result.error.code).toBe('import.missingColumns');
  });

  it('one ID number under two names is refused on the second, naming the first', async () => {
    const result = await preview('persons', [
      '姓名,身份证号,手机号',
      '张三,530102199001011231,13800001111',
      '钱七,530102199001011231,13800004444',
      '张三,530102199001011231,13800005555',
    ]);
    expect(
      result.ok &&
        result.value.problems.map((problem) => [problem.line, problem.problem, problem.value]),
    ).toEqual([[3, 'idTwoNames', '530102199001011231 张三']]);
    expect(result.ok && result.value.validCount).toBe(2);
  });
});
