import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A payment bill names many counterparts by a name alone (陈*, 老鬼, 美团) or by a masked number
 * (138****5678): no one account. Keyed by that text, every bill paying a 陈* had joined one 陈*
 * node, and money traced from one holder reached a stranger through it. Each is now its own
 * statement's counterpart.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const alipayBill = (holder: string, account: string, way: string, rows: string[]) => [
  '------------------------------------------------------------------------------------',
  '导出信息：',
  `姓名：${holder}`,
  `支付宝账户：${account}`,
  '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
  ...rows.map((row) => row.replace('WAY', way)),
];

async function commit(importId: string, lines: string[]) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64(lines.join('\n') + '\n'),
    template: 'transactions',
    importId,
  });
}

describe('counterparts that name no account', () => {
  it('a masked name or number in two holders’ bills joins neither bill to the other', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit(
      'imp-x',
      alipayBill('吴甲', '13911110001', '支出', [
        '2026-04-10 10:00:00,转账红包,陈*,/,转账,WAY,5000.00,账户余额,交易成功,T1,,,',
        '2026-04-11 10:00:00,转账,138****5678,138****5678,转账,WAY,800.00,账户余额,交易成功,T2,,,',
      ]),
    );
    await commit(
      'imp-y',
      alipayBill('郑乙', '13922220002', '收入', [
        '2026-04-10 11:00:00,转账红包,陈*,/,转账,WAY,4899.99,账户余额,交易成功,T3,,,',
        '2026-04-11 11:00:00,转账,138****5678,138****5678,转账,WAY,750.00,账户余额,交易成功,T4,,,',
      ]),
    );
    const accounts = c.router.sessions
      .current()!
      .sqlite.prepare('SELECT account_no AS no FROM accounts ORDER BY account_no')
      .all()
      .map((row) => (row as { no: string }).no);
    expect(accounts).toEqual([
      '138****5678（13911110001对方）',
      '138****5678（13922220002对方）',
      '13911110001',
      '13922220002',
      '陈*（13911110001对方）',
      '陈*（13922220002对方）',
    ]);
    // Money from the first holder stops at its own counterparts.
    const trace = await c.ok('analytics.moneyTrace', { account: '13911110001', hops: 4 });
    expect(trace.accounts.map((account) => [account.accountNo, account.hop]).sort()).toEqual([
      ['138****5678（13911110001对方）', 1],
      ['13911110001', 0],
      ['陈*（13911110001对方）', 1],
    ]);
  });
});
