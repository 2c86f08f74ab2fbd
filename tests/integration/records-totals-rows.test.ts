import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviews, pick } from '../helpers/import-preview';
import {
  createTestWorkspace,
  makeTestCore,
  signInToDemo,
  type TestCore,
} from '../helpers/test-core';

/**
 * Totals and carried balances among a statement's or a ledger's dated rows, worded as banks and
 * units word them (合 计, 承前页, 本月发生额合计, 合计（2包）): each had been imported as one more
 * payment, or one more seizure, of the whole sum.
 */
let c: TestCore;
beforeEach(() => {
  c = makeTestCore();
});
afterEach(() => c.dispose());

const { planned } = importPreviews(() => c);

describe('totals rows', () => {
  it.each([
    '合 计',
    '承前页',
    '过次页',
    '本月发生额合计',
    '本期合计（元）',
    '月  计',
    '汇总',
    '期末余额',
    '上年结转',
    '累计发生额',
    '发生额合计',
  ])('a statement’s %s row is no payment', async (word) => {
    await createTestWorkspace(c);
    const plan = await planned('transactions', [
      '账号：6217001540009283746',
      '交易日期,摘要,借方发生额,贷方发生额,余额,对方账号,对方户名',
      '20260401,转账,1000.00,,9000.00,6222021234567890123,张三',
      '20260402,转账,,500.00,9500.00,6222021234567890124,李四',
      `20260430,${word},1000.00,500.00,9500.00,,`,
    ]);
    expect(plan.validCount).toBe(2);
    expect(plan.problems).toEqual([]);
  });

  it('a ledger’s totals rows are no seizures', async () => {
    const caseId = await signInToDemo(c);
    const result = await c.ok('import.preview', {
      fileName: '扣押清单.csv',
      contentBase64: Buffer.from(
        [
          '序号,物品名称,数量,单位,缴获日期,缴获地点',
          '1,冰毒,12.0,克,2026-03-15,某宾馆',
          '2,冰毒,18.0,克,2026-03-15,某宾馆',
          '合 计,冰毒,30.0,克,2026-03-15,',
          '总 计,冰毒,30.0,克,2026-03-15,',
          '合计（2包）,冰毒,30.0,克,2026-03-15,',
          ',冰毒,合计65.8,克,2026-03-15,',
        ].join('\n'),
      ).toString('base64'),
      template: 'seizures',
      caseId,
    });
    expect(result.rowCount).toBe(2);
    expect(pick(result.sample, ['quantityValue']).flat()).toEqual(['12.0', '18.0']);
  });
});
