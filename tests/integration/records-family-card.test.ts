import iconv from 'iconv-lite';
import { fileKeyOfLines } from '../helpers/import-preview';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A WeChat payment made with a 亲属卡 the bill's owner was given (支付方式 亲属卡(老周)) is the
 * giver's money: the owner's 零钱 did not move. It had been counted as the owner's outflow, and
 * the money from 老周 to the shop, the link 资金 analysis follows, was lost.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const bill = [
  '微信支付账单明细',
  '微信昵称：[阿龙]',
  '起始时间：[2026-04-01 00:00:00] 终止时间：[2026-04-30 23:59:59]',
  '----------------------微信支付账单明细列表--------------------',
  '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
  '2026-04-04 10:00:00,转账,老周,/,收入,¥1000.00,/,已收钱,1000004,/,/',
  '2026-04-07 10:00:00,商户消费,某商店,/,支出,¥100.00,亲属卡(老周),已退款(￥20.00),1000007,/,/',
  '2026-04-08 10:00:00,商户消费,某商店,/,支出,¥30.00,零钱,支付成功,1000008,/,/',
  // Its refund, set aside (the payment's status took it off), and one more paid with the card.
  '2026-04-09 10:00:00,某商店-退款,某商店,/,收入,¥20.00,亲属卡(老周),已退款,1000009,/,/',
  '2026-04-10 10:00:00,商户消费,某商店,/,支出,¥50.00,亲属卡（老周）,支付成功,1000010,/,/',
];

/** Each money relation as `from>to: count fen`. */
async function moneyRelations() {
  const found = await c.ok('search.query', { text: '某商店' });
  const lines = new Set<string>();
  for (const hit of found.groups.flatMap((group) => group.hits)) {
    const detail = await c.ok('entities.get', { id: hit.id });
    for (const relation of detail.relations.filter((item) => item.type === 'finances'))
      lines.add(
        `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
      );
  }
  return [...lines].sort();
}

describe('a payment made with a 亲属卡', () => {
  it("is the giver's money to the shop, not the bill owner's; its refund goes back to the giver", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // The refund row moved nothing more: set aside, so the bill imports without skipping.
    const summary = await c.ok('import.commit', {
      importId: 'imp-wx',
      fileName: '微信支付账单.csv',
      contentBase64: iconv.encode(bill.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
    });
    expect(summary).toMatchObject({ rows: 4, rejectedRows: 0 });
    // The owner is known by a nickname alone: an account of this file, its parties this file's.
    const key = fileKeyOfLines(bill);
    const along = `阿龙（微信昵称，文件${key}）`;
    expect(await moneyRelations()).toEqual([
      `老周（阿龙对方，文件${key}）>某商店（阿龙对方，文件${key}）: 2 13000`,
      `${along}>某商店（阿龙对方，文件${key}）: 1 3000`,
    ]);
    const trace = await c.ok('analytics.moneyTrace', { account: along });
    const owner = trace.accounts.find((account) => account.accountNo === along)!;
    expect({ inFen: owner.inFen, outFen: owner.outFen }).toEqual({ inFen: 100_000, outFen: 3_000 });
  });
});
