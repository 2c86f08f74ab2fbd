import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A money mule named 王连连 (or 刘宝付) was taken for the payment institution 连连 (宝付): the
 * trace stopped at him, flagged 支付机构/清算户, and never showed where the money went next (赵六,
 * 钱七), whatever --hops was asked. The institution itself (连连银通电子支付有限公司) still stops it.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const lines = [
  '付款方账号,付款方名称,收款方账号,收款方名称,交易时间,交易金额,摘要',
  '6222600000000000501,张三,6222600000000000502,王连连,2026-03-01 10:00:00,5000.00,转账',
  '6222600000000000502,王连连,6222600000000000503,赵六,2026-03-01 11:00:00,5000.00,转账',
  '6222600000000000501,张三,6222600000000000504,刘宝付,2026-03-02 10:00:00,3000.00,转账',
  '6222600000000000504,刘宝付,6222600000000000505,钱七,2026-03-02 11:00:00,3000.00,转账',
  '6222600000000000501,张三,110060000000000001,连连银通电子支付有限公司,2026-03-03 10:00:00,1000.00,快捷支付',
  '110060000000000001,连连银通电子支付有限公司,6222600000000000506,孙八,2026-03-03 11:00:00,1000.00,提现',
];

describe('payment institutions in 资金穿透', () => {
  it('a person named 王连连 or 刘宝付 is followed on; 连连银通 stops the trace', async () => {
    await c.ok('import.commit', {
      importId: 'imp-lianlian',
      fileName: 'lianlian.csv',
      contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
    });
    const trace = await c.ok('analytics.moneyTrace', { account: '6222600000000000501', hops: 3 });
    expect(
      trace.accounts.map((account) => [
        account.hop,
        account.accountNo,
        account.holderName,
        account.reachedFen,
        account.alerts.includes('paymentInstitution'),
      ]),
    ).toEqual([
      [0, '6222600000000000501', '张三', 900000, false],
      [1, '6222600000000000502', '王连连', 500000, false],
      [1, '6222600000000000504', '刘宝付', 300000, false],
      [1, '110060000000000001', '连连银通电子支付有限公司', 100000, true],
      [2, '6222600000000000503', '赵六', 500000, false],
      [2, '6222600000000000505', '钱七', 300000, false],
    ]);
  });
});
