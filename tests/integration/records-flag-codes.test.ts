import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A 借贷标志 of codes (0/1, 1/2), as bank core systems and the 查控 platforms' raw extracts give
 * it: every row was refused. The codes' ways are read from a legend, else from the balances.
 */

const { planned, preview } = previewsOnNewWorkspace();

const account = '6228480398271645312';
const other = '6222020200112233445';

describe('debit/credit flags of codes', () => {
  it('learned from the balances of a statement in time order', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易金额,借贷标志,交易余额,对手账号',
      `${account},2026-04-01 10:00:00,1000.00,1,6000.00,${other}`,
      `${account},2026-04-01 11:00:00,200.00,0,5800.00,${other}`,
      `${account},2026-04-02 09:00:00,300.00,0,5500.00,${other}`,
      `${account},2026-04-03 09:00:00,50.00,1,5550.00,${other}`,
    ]);
    expect(plan.problems.map((p) => [p.problem, p.value])).toEqual([]);
    expect(pick(plan.sample, ['amountFen', 'direction'])).toEqual([
      ['100000', 'in'],
      ['20000', 'out'],
      ['30000', 'out'],
      ['5000', 'in'],
    ]);
  });

  it('learned from the balances of a statement newest first, equal amounts in a row too', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易金额,借贷标志,交易余额,对手账号',
      `${account},2026-04-04 09:00:00,100.00,2,5300.00,${other}`,
      `${account},2026-04-03 09:00:00,100.00,2,5400.00,${other}`,
      `${account},2026-04-02 09:00:00,300.00,1,5500.00,${other}`,
      `${account},2026-04-01 09:00:00,700.00,2,5200.00,${other}`,
      `${account},2026-03-31 09:00:00,20.00,1,5900.00,${other}`,
    ]);
    expect(plan.problems.map((p) => [p.problem, p.value])).toEqual([]);
    expect(pick(plan.sample, ['amountFen', 'direction'])).toEqual([
      ['10000', 'out'],
      ['10000', 'out'],
      ['30000', 'in'],
      ['70000', 'out'],
      ['2000', 'in'],
    ]);
  });

  it('a legend above the header, or in the column name, says the codes', async () => {
    const above = await planned('transactions', [
      '账户交易明细',
      '说明：借贷标志 1-借 2-贷',
      '交易卡号,交易时间,交易金额,借贷标志,对手账号',
      `${account},2026-04-01 10:00:00,1000.00,2,${other}`,
      `${account},2026-04-01 11:00:00,200.00,1,${other}`,
    ]);
    expect(pick(above.sample, ['amountFen', 'direction'])).toEqual([
      ['100000', 'in'],
      ['20000', 'out'],
    ]);
    const inHeader = await planned('transactions', [
      '交易卡号,交易时间,交易金额,收付标志(0:付 1:收),对手账号',
      `${account},2026-04-01 10:00:00,1000.00,1,${other}`,
      `${account},2026-04-01 11:00:00,200.00,0,${other}`,
    ]);
    expect(pick(inHeader.sample, ['amountFen', 'direction'])).toEqual([
      ['100000', 'in'],
      ['20000', 'out'],
    ]);
  });

  it('codes nothing explains are refused row by row, not guessed', async () => {
    const result = await preview('transactions', [
      '交易卡号,交易时间,交易金额,借贷标志,对手账号',
      `${account},2026-04-01 10:00:00,1000.00,1,${other}`,
      `${account},2026-04-01 11:00:00,200.00,0,${other}`,
    ]);
    expect(result.ok && result.value.problems.map((problem) => problem.problem)).toEqual([
      'debitCredit',
      'debitCredit',
    ]);
  });

  it('balances that do not move by the amounts teach nothing', async () => {
    const result = await preview('transactions', [
      '交易卡号,交易时间,交易金额,借贷标志,交易余额,对手账号',
      `${account},2026-04-01 10:00:00,1000.00,1,6000.00,${other}`,
      `${account},2026-04-01 11:00:00,200.00,0,9000.00,${other}`,
      `${account},2026-04-02 11:00:00,30.00,0,1000.00,${other}`,
    ]);
    expect(result.ok && result.value.problems.map((problem) => problem.problem)).toEqual([
      'debitCredit',
      'debitCredit',
      'debitCredit',
    ]);
  });

  it('a legend wins over the built-in words (J-借 D-贷: D is no 借); legends as banks write them', async () => {
    const row = (code: string, amount: string) =>
      `${account},2026-04-01 10:00:00,${amount},${code},${other}`;
    const cases: [string[], string, string][] = [
      [['借贷标志：J-借 D-贷'], 'D', 'J'],
      [['收付标志：R-入 C-出'], 'R', 'C'],
      [['借贷标志：1-借；2-贷'], '2', '1'],
      [['借贷标志说明,1-借,2-贷'], '2', '1'],
      [['借贷标志：1-借方交易 2-贷方交易'], '2', '1'],
      [['来往账标志：1-来账 2-往账'], '1', '2'],
      [['资金流向：1-流入 2-流出'], '1', '2'],
      [['借贷标志 借:1 贷:2'], '2', '1'],
      [['借贷标志：01-借 02-贷'], '2', '1'],
    ];
    for (const [above, inCode, outCode] of cases) {
      const plan = await planned('transactions', [
        ...above,
        '交易卡号,交易时间,交易金额,借贷标志,对方账号',
        row(inCode, '1000.00'),
        row(outCode, '200.00'),
      ]);
      expect(pick(plan.sample, ['direction', 'amountFen']), above[0]).toEqual([
        ['in', '100000'],
        ['out', '20000'],
      ]);
    }
  });
});
