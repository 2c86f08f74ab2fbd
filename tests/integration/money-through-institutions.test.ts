import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * 资金穿透 through payment institutions, as a tester built the chain: A pays B, B splits to C
 * and D; D's card pays 支付宝 (快捷支付), C's card tops up a 财付通 wallet (the bank's row to
 * 财付通's company account, the wallet's 充值 row naming the card); E's card receives a 支付宝
 * 提现; two strangers pay into and out of 支付宝's company account the same day. The trace had
 * pooled 支付宝's account like a person's (80 % of D's money reached the stranger Y), and counted
 * C's top-up twice (C paid out 78,000 of 40,000).
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const alipay = '215590000000001';
const files: Record<string, string[]> = {
  a: [
    '卡号,户名,交易时间,借贷标志,交易金额,对方账号,对方户名',
    '6222020000000001001,张一,2025-05-10 09:00:00,借,100000.00,6217000000000002002,张二',
  ],
  b: [
    '账号,户名,交易时间,借贷标志,交易金额,对方账号,对方户名',
    '6217000000000002002,张二,2025-05-10 09:00:00,贷,100000.00,6222020000000001001,张一',
    '6217000000000002002,张二,2025-05-10 14:00:00,借,40000.00,6228480000000003003,张三',
    '6217000000000002002,张二,2025-05-10 14:01:00,借,60000.00,6214830000000004004,张四',
  ],
  c: [
    '账号,户名,交易时间,交易金额,对方账号,对方户名,摘要',
    '6228480000000003003,张三,2025-05-12 09:00:00,-39000.00,1000050101,财付通支付科技有限公司,财付通快捷支付',
  ],
  cWallet: [
    '用户ID,交易单号,借贷类型,交易类型,交易金额(分),交易时间,对手方ID,用户银行卡号',
    'wxid_zhangsan,1000001,入,充值,3900000,2025-05-12 09:00:01,0,6228480000000003003',
    'wxid_zhangsan,1000002,出,转帐,3900000,2025-05-12 11:00:00,wxid_liuliu,',
  ],
  d: [
    '账号,户名,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要',
    `6214830000000004004,张四,2025-05-11 10:00:00,借,50000.00,${alipay},支付宝（中国）网络技术有限公司,快捷支付`,
  ],
  e: [
    '账号,户名,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要',
    `6217850000000005005,张五,2025-05-12 10:00:00,贷,50000.00,${alipay},支付宝（中国）网络技术有限公司,支付宝提现`,
  ],
  alipay: [
    '交易号,付款方支付宝账号,付款方名称,收款方支付宝账号,收款方名称,收款银行卡号,交易金额（元）,付款时间,交易状态,商品名称',
    '2025051122001000001,2088000000004444,张四,2088000000005555,张五,,50000.00,2025-05-11 10:00:30,交易成功,转账',
    '2025051222001000002,2088000000005555,张五,,,6217850000000005005,50000.00,2025-05-12 09:59:00,交易成功,提现',
  ],
  x: [
    '账号,户名,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要',
    `6210980000000007007,无关甲,2025-05-11 09:00:00,借,200000.00,${alipay},支付宝（中国）网络技术有限公司,快捷支付`,
  ],
  y: [
    '账号,户名,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要',
    `6230520000000008008,无关乙,2025-05-11 11:00:00,贷,200000.00,${alipay},支付宝（中国）网络技术有限公司,支付宝提现`,
  ],
};

async function importAll() {
  for (const [name, lines] of Object.entries(files))
    await c.ok('import.commit', {
      importId: `imp-${name}`,
      fileName: `${name}.csv`,
      contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
    });
}

describe('money through payment institutions', () => {
  it('a card paying 李四 1,000 and 支付宝 1,000 half an hour apart paid out 2,000: no wallet row, no twin', async () => {
    const lines = [
      '账号：6222600000000000601,户名：张三',
      '交易时间,借贷标志,交易金额,余额,对方账号,对方户名,摘要',
      '2026-03-01 09:00:00,贷,5000.00,5000.00,6222600000000000609,上线甲,转账',
      '2026-03-01 10:00:00,借,1000.00,4000.00,6222600000000000602,李四,转账',
      '2026-03-01 10:10:00,借,1000.00,3000.00,243300133,支付宝（中国）网络技术有限公司,快捷支付',
    ];
    await c.ok('import.commit', {
      importId: 'imp-twin',
      fileName: 'twin.csv',
      contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
    });
    const trace = await c.ok('analytics.moneyTrace', { account: '6222600000000000609', hops: 3 });
    expect(
      trace.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen, row.inFen, row.outFen, row.alerts]),
    ).toEqual([
      ['6222600000000000609', 0, 500_000, 0, 500_000, []],
      ['6222600000000000601', 1, 500_000, 500_000, 200_000, ['roundAmounts']],
      ['243300133', 2, 100_000, 100_000, 0, ['paymentInstitution']],
      ['6222600000000000602', 2, 100_000, 100_000, 0, []],
    ]); // prettier-ignore
    // The pools start at 0 (a statement's printed 余额 is not kept), and the result says so.
    expect(trace.openingBalances).toBe('takenAsZero');
  });

  it('forward: the trace stops at 支付宝 (flagged), reaches no stranger, and counts a wallet top-up once', async () => {
    await importAll();
    const trace = await c.ok('analytics.moneyTrace', {
      account: '6222020000000001001',
      hops: 6,
    });
    expect(
      trace.accounts.map((row) => [
        row.hop,
        row.accountNo,
        row.reachedFen,
        row.inFen,
        row.outFen,
        row.alerts.includes('paymentInstitution'),
      ]),
    ).toEqual([
      [0, '6222020000000001001', 10_000_000, 0, 10_000_000, false],
      [1, '6217000000000002002', 10_000_000, 10_000_000, 10_000_000, false],
      [2, '6214830000000004004', 6_000_000, 6_000_000, 5_000_000, false],
      [2, '6228480000000003003', 4_000_000, 4_000_000, 3_900_000, false],
      [3, alipay, 5_000_000, 25_000_000, 25_000_000, true],
      [3, 'wxid_zhangsan', 3_900_000, 3_900_000, 3_900_000, false],
      [4, 'wxid_liuliu', 3_900_000, 3_900_000, 0, false],
    ]);
  });

  it('backward: E’s 提现 is the wallet’s, once, and leads to the payer’s wallet, not to a stranger', async () => {
    await importAll();
    const trace = await c.ok('analytics.moneyTrace', {
      account: '6217850000000005005',
      hops: 6,
      direction: 'in',
    });
    expect(
      trace.accounts.map((row) => [row.hop, row.accountNo, row.reachedFen, row.inFen]),
    ).toEqual([
      [0, '6217850000000005005', 5_000_000, 5_000_000],
      [1, '2088000000005555', 5_000_000, 5_000_000],
      [2, '2088000000004444', 5_000_000, 0],
    ]);
  });
});
