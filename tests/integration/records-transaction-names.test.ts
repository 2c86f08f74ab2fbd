import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pick } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * 中国银行's statement says what a row is in 交易名称 (转账收入, 转账支出, 冲正), its 渠道 and
 * 附言 beside it. The column was not read: a 冲正 of a failed 3,000 transfer counted as money
 * back from 王五, and the failed transfer as money to him (3,000 each way, a 快进快出).
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const own = '6216611600000001701';
const statement = [
  '中国银行交易流水明细清单',
  `账号：${own},客户名称：张三`,
  '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行',
  '2026-03-01,09:30:15,人民币,"5,000.00","5,000.00",转账收入,网上银行,,货款,李四,6222600000000001702,工商银行',
  '2026-03-01,10:30:15,人民币,"-3,000.00","2,000.00",转账支出,手机银行,,借款,王五,6222600000000001703,建设银行',
  '2026-03-01,10:30:45,人民币,"3,000.00","5,000.00",冲正,手机银行,,借款,王五,6222600000000001703,建设银行',
];

describe("a statement's 交易名称", () => {
  it('a 冲正 there undoes the transfer it follows: neither is money between 张三 and 王五', async () => {
    const content = iconv.encode(statement.join('\r\n'), 'gb18030').toString('base64');
    const preview = await c.ok('import.preview', {
      fileName: 'boc.csv',
      contentBase64: content,
      template: 'transactions',
    });
    expect(preview.headers[preview.mapping['transactionName']!]).toBe('交易名称');
    expect(pick(preview.sample, ['direction', 'amountFen', 'counterpart', 'reversal'])).toEqual([
      ['in', '500000', '6222600000000001702', 'false'],
      ['out', '300000', '6222600000000001703', 'false'],
      ['in', '300000', '6222600000000001703', 'true'],
    ]);
    expect(
      await c.ok('import.commit', {
        importId: 'imp-boc',
        fileName: 'boc.csv',
        contentBase64: content,
        template: 'transactions',
      }),
    ).toMatchObject({ rows: 3, reversals: 1 });
    const [hit] = (await c.ok('search.query', { text: own })).groups[0]!.hits;
    const detail = await c.ok('entities.get', { id: hit!.id });
    expect(
      detail.relations
        .filter((relation) => relation.type === 'finances')
        .map((relation) => `${relation.fromLabel} → ${relation.toLabel}: ${relation.amountFen}`),
    ).toEqual([
      // 王五's account is recorded, its relation listing the pair with no money.
      `${own} → 6222600000000001703: 0`,
      `6222600000000001702 → ${own}: 500000`,
    ]);
  });
});
