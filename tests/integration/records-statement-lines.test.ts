import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Lines of a printed statement that are not transfers, and figures as some systems print them:
 * each refused the whole file (借方发生额合计：300.00 under the list, the bank's title repeated
 * at the top of each page, an amount of .5).
 */

const { planned } = previewsOnNewWorkspace();

describe('statement lines', () => {
  it('totals with their figure in one cell are no rows', async () => {
    const plan = await planned('transactions', [
      '中国工商银行客户交易明细',
      '账号：6212260000011112222',
      '交易日期,摘要,交易金额,借贷标志,余额,对方户名,对方账号',
      '2026-04-01 10:00:00,转账,1000.00,贷,11000.00,张三,6222020000000000001',
      '2026-04-02 10:00:00,转账,300.00,借,10700.00,张三,6222020000000000001',
      '合计,,1300.00,,,,',
      '借方发生额合计：300.00,贷方发生额合计：1000.00,,,,,',
      '2026-04-30,本月合计,1300.00,,,,',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '100000'],
      ['out', '30000'],
    ]);
  });

  it("the bank's title repeated at the top of each printed page is no row", async () => {
    const plan = await planned('transactions', [
      '中国农业银行 账户交易明细',
      '账号：6217001540009283746',
      '交易日期,交易时间,交易金额,借贷标志,交易余额,对方账号,对方户名',
      '20260401,101500,1000.00,贷,11000.00,6228480398271645312,李某',
      '第 1 页 共 2 页,,,,,,',
      '中国农业银行 账户交易明细,,,,,,',
      '交易日期,交易时间,交易金额,借贷标志,交易余额,对方账号,对方户名',
      '20260403,101500,200.00,借,10500.00,6228480398271645312,李某',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '100000'],
      ['out', '20000'],
    ]);
  });

  it('an amount under one yuan without its 0 (.5)', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易金额,借贷标志,对方账号',
      '6217001540009283746,2026-04-04 10:15:00,.5,贷,6228480398271645312',
    ]);
    expect(pick(plan.sample, ['amountFen'])).toEqual([['50']]);
  });

  it('both sides\u2019 totals in one cell, and an amount printed 5.', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易金额,借贷标志,对方账号',
      '6217001540009283746,2026-04-04 10:15:00,5.,贷,6228480398271645312',
      '借方发生额合计：0.00  贷方发生额合计：5.00,,,,',
      '借方发生额合计：0.00；贷方发生额合计：5.00,,,,',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['amountFen'])).toEqual([['500']]);
  });

  it('counts, sign-offs and a merged print line under the list are no rows', async () => {
    const plan = await planned('transactions', [
      '账号：6230520000000000001',
      '交易日期,交易时间,摘要,支出,收入,余额,对方账号,对方户名',
      '2026-04-01,10:15:00,转账,1000.00,,9000.00,6228480398271645312,李某',
      '2026-04-02,11:15:00,转账,,2500.00,11500.00,6228480398271645312,李某',
      '以下空白,,,,,,,',
      '共2笔,,,1000.00,2500.00,,,',
      '经办：张三,,复核：李四,,,,,',
      '（业务公章）,,,,,,,',
      '打印日期：2026-05-01,打印日期：2026-05-01,打印日期：2026-05-01,打印日期：2026-05-01,打印日期：2026-05-01,打印日期：2026-05-01,打印日期：2026-05-01,打印日期：2026-05-01',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '100000'],
      ['in', '250000'],
    ]);
  });

  it('交易主体账号 and 交易对手户名 as the 查控 platform names them; 转存/转支 flags', async () => {
    const plan = await planned('transactions', [
      '交易主体账号,交易主体户名,交易时间,存取标志,交易金额,交易对手账号,交易对手户名,交易对手开户行',
      '6217001540009283746,王某,2026-04-01 10:00:00,转存,5000.00,6228480398271645312,李某,中国农业银行',
      '6217001540009283746,王某,2026-04-02 10:00:00,转支,1000.00,6228480398271645312,李某,中国农业银行',
    ]);
    expect(
      pick(plan.sample, [
        'account',
        'accountName',
        'counterpartName',
        'counterpartBank',
        'direction',
      ]),
    ).toEqual([
      ['6217001540009283746', '王某', '李某', '中国农业银行', 'in'],
      ['6217001540009283746', '王某', '李某', '中国农业银行', 'out'],
    ]);
  });
});
