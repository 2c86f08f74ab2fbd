import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * An Alipay file names bank cards among its counterparts: a 转账到银行卡's or 提现's payee card
 * (收款银行卡号, full or masked), a bill's 对方账号 printed as a card (6228…, 储蓄卡(尾号1234)) or
 * a 交易对方 naming one (招商银行储蓄卡(尾号1234)). They are bank accounts, as on the bank's own
 * statement; every counterpart of the file had been typed an Alipay account.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const sqlite = () => c.router.sessions.current()!.sqlite;

async function commit(fileName: string, bytes: Buffer) {
  return c.ok('import.commit', {
    fileName,
    contentBase64: bytes.toString('base64'),
    template: 'transactions',
    importId: fileName.replace(/\.\w+$/, ''),
  });
}

/** Every account as `type number holder`, by number. */
const accounts = () =>
  (
    sqlite()
      .prepare(
        'SELECT account_type AS type, account_no AS no, holder_name AS holder FROM accounts ORDER BY account_no',
      )
      .all() as { type: string; no: string; holder: string | null }[]
  ).map((row) => `${row.type} ${row.no} ${row.holder ?? '-'}`);

describe('bank cards among an Alipay file’s counterparts', () => {
  it('a 转账明细’s payee card, full or masked, is a bank account', async () => {
    const summary = await commit(
      'alipay-transfers.csv',
      Buffer.from(
        [
          '交易号,付款支付宝账号,付款支付宝用户ID,付款方名称,收款支付宝账号,收款支付宝用户ID,收款方名称,收款银行卡号,交易金额（元）,交易时间,交易状态,转账类型',
          '20260401200040011100000001,lh1983@alipay.com,2088012345678901,李某,138****5678,2088098765432109,张某,,"2,000.00",2026-04-01 10:00:00,成功,转账到支付宝账户',
          '20260402200040011100000002,lh1983@alipay.com,2088012345678901,李某,,,王某,6228480398271645312,"1,000.00",2026-04-02 11:00:00,成功,转账到银行卡',
          '20260403200040011100000003,lh1983@alipay.com,2088012345678901,李某,,,李某,622848******5312,300.00,2026-04-03 12:00:00,成功,提现到银行卡',
        ].join('\n'),
      ),
    );
    expect([summary.rows, summary.rejectedRows]).toEqual([3, 0]);
    expect(accounts()).toEqual([
      'alipay 2088012345678901 李某',
      'alipay 2088098765432109 张某',
      'bank 6228480398271645312 王某',
      'alipay lh1983@alipay.com -',
      'bank 李某（622848******5312） 李某',
    ]);
  });

  it('a bill’s counterpart printed or named as a card is a bank account', async () => {
    const bill = [
      '支付宝账户：lh1983@alipay.com',
      '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注',
      '2026-04-05 10:00:00,转账红包,张某,zh***@163.com,转账,支出,800.00,余额宝,交易成功,2026040522001400001,,',
      '2026-04-05 11:00:00,转账红包,王某,6228480398271645312,转账到银行卡,支出,500.00,余额宝,交易成功,2026040522001400002,,',
      '2026-04-05 12:00:00,转账红包,赵某,储蓄卡(尾号5678),转账到银行卡,支出,200.00,余额宝,交易成功,2026040522001400003,,',
      '2026-04-05 13:00:00,转账红包,招商银行储蓄卡(尾号1234),/,转账到银行卡,支出,100.00,余额宝,交易成功,2026040522001400004,,',
    ].join('\r\n');
    const summary = await commit('支付宝交易明细.csv', iconv.encode(bill, 'gb18030'));
    expect([summary.rows, summary.rejectedRows]).toEqual([4, 0]);
    expect(accounts()).toEqual([
      'bank 6228480398271645312 王某',
      'alipay lh1983@alipay.com -',
      'alipay 张某（zh***@163.com） 张某',
      'bank 招商银行储蓄卡(尾号1234)（lh1983@alipay.com对方） 招商银行储蓄卡(尾号1234)',
      'bank 赵某（储蓄卡(尾号5678)） 赵某',
    ]);
  });
});
