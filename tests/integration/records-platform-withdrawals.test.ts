import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * An Alipay 账务明细 (a tester's file): its 提现 to 招商银行(1234), the holder's own card named by
 * its end, had been counted as 100 yuan paid to someone, while WeChat's 零钱提现 was set aside.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const holder = '20881234567890120156';
const statement = (withdrawalTo: string) =>
  [
    '#支付宝账务明细查询',
    `#账号:[${holder}]`,
    '#起始日期:[2026年04月01日 00:00:00]    终止日期:[2026年04月30日 23:59:59]',
    '#-----------------------------------------账务明细列表----------------------------------------',
    '账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注,',
    '20260402001,2026040222001100001\t,,转账,2026-04-02 10:00:00,li***@163.com,,500.00,1500.00,支付宝,在线支付,,',
    '20260403001,2026040322001100002\t,,收款,2026-04-03 11:00:00,138****0000,300.00,,1800.00,支付宝,转账,,',
    `20260404001,2026040422001100003\t,,提现,2026-04-04 12:00:00,${withdrawalTo},,100.00,1700.00,支付宝,提现,,`,
    '#-----------------------------------------账务明细列表结束------------------------------------',
  ].join('\r\n');

async function imported(withdrawalTo: string) {
  const file = {
    fileName: 'alipay.csv',
    contentBase64: iconv.encode(statement(withdrawalTo), 'gb18030').toString('base64'),
    template: 'transactions' as const,
  };
  const preview = await c.ok('import.preview', file);
  await c.ok('import.commit', { ...file, importId: 'imp-alipay' });
  const found = await c.ok('search.query', { text: holder });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  return {
    setAside: preview.setAside,
    money: detail.relations
      .filter((relation) => relation.type === 'finances')
      .map(
        (relation) =>
          `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
      )
      .sort(),
  };
}

describe('a platform’s 提现 to the holder’s own card', () => {
  it('named by its end: set aside as between the holder’s own accounts', async () => {
    expect(await imported('招商银行(1234)')).toEqual({
      setAside: [{ line: 8, reason: 'ownAccounts' }],
      money: [
        `138****0000（${holder}对方）>${holder}: 1 30000`,
        `${holder}>li***@163.com（${holder}对方）: 1 50000`,
      ],
    });
  });

  it('given in full: a transfer to that card, for the money trace to follow', async () => {
    expect(await imported('6214830100011234')).toEqual({
      setAside: [],
      money: [
        `138****0000（${holder}对方）>${holder}: 1 30000`,
        `${holder}>6214830100011234: 1 10000`,
        `${holder}>li***@163.com（${holder}对方）: 1 50000`,
      ],
    });
  });
});
