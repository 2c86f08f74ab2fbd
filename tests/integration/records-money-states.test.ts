import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * Statement rows whose money is not renminbi, or did not move, as banks write them (a tester's
 * files: each row below had been taken as yuan that moved), and account cells a spreadsheet
 * wrote out as floats.
 */

const { planned } = previewsOnNewWorkspace();
const own = '6216600000000000101';

describe('statements: currencies and states', () => {
  it('币种 as 中国银行 codes (014, 013, 027, 038), names (缅甸元, 泰国铢, 日圆, 港幣, 印尼盾) and ISO codes is not yuan; 人民币, 001, 156 and CNY are', async () => {
    const currencies = [
      ['014', true],
      ['013', true],
      ['027', true],
      ['038', true],
      ['缅甸元', true],
      ['泰国铢', true],
      ['日圆', true],
      ['港幣', true],
      ['印尼盾', true],
      ['柬埔寨瑞尔', true],
      ['NZD', true],
      ['KHR', true],
      ['人民币', false],
      ['001', false],
      ['01', false],
      ['156', false],
      ['CNY', false],
      ['RMB', false],
      ['', false],
    ] as const;
    const plan = await planned('transactions', [
      '交易卡号,交易时间,借贷标志,交易金额,对手账号,对手户名,币种',
      ...currencies.map(
        ([currency], index) =>
          `${own},2025-04-${String(index + 1).padStart(2, '0')} 10:00:00,贷,5000.00,6228480000000000201,甲,${currency}`,
      ),
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.problem, problem.value])).toEqual(
      currencies.flatMap(([currency, foreign], index) =>
        foreign ? [[index + 2, 'currency', currency]] : [],
      ),
    );
  });

  it('交易状态 that say the money went back or never went (退票, 被退回, 作废, 无效, 退汇, 已冲销, 抹账, 交易被拒, 银行退回) set the row aside', async () => {
    const states = [
      '退票',
      '被退回',
      '作废',
      '无效',
      '退汇',
      '已冲销',
      '抹账',
      '交易被拒',
      '银行退回',
    ];
    const plan = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,对方账号,对方户名,交易状态',
      ...states.map(
        (state, index) =>
          `${own},2025-08-0${index + 1} 10:00:00,借,1000.00,621700000000000990${index},某人,${state}`,
      ),
      `${own},2025-08-20 10:00:00,借,1000.00,6217000000000009999,某人,交易成功`,
    ]);
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
      [],
      [
        '2 refunded',
        '3 refunded',
        '4 notCompleted',
        '5 notCompleted',
        '6 refunded',
        '7 notCompleted',
        '8 notCompleted',
        '9 notCompleted',
        '10 refunded',
      ],
    ]);
    expect(pick(plan.sample, ['amountFen', 'counterpart'])).toEqual([
      ['100000', '6217000000000009999'],
    ]);
  });

  it('an account cell written out as a float (6217…2002.0) is the account, the same as written plainly or spaced', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,对方账号,对方户名',
      `${own},2025-07-01 10:00:00,借,1000.00,6217000000000002002.0,张二`,
      `${own},2025-07-02 10:00:00,借,1100.00,6217 0000 0000 0002 002,张二`,
      `${own},2025-07-03 10:00:00,借,1200.00,6217000000000002002.00,张二`,
      `${own}.0,2025-07-04 10:00:00,借,1300.00,6217000000000002002,张二`,
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['account', 'counterpart'])).toEqual(
      Array.from({ length: 4 }, () => [own, '6217000000000002002']),
    );
  });
});
