import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Statements and bills as a tester sent them (2026-12-05, sixth session): the holder a heading
 * names as 招行 spaces it (户    名：何某) or as an Alipay bill does (姓名：吴甲), the holder of a
 * second account's section in one file, a merchant bill's ` before every cell, and WeChat's
 * 转帐退款 of a transfer nobody took. The holders had been lost (a search for the name found
 * nothing), the bill refused even mapped, and the refund counted as money back from the payee.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function commit(importId: string, lines: string[], extra: Record<string, unknown> = {}) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64(lines.join('\n') + '\n'),
    template: 'transactions',
    importId,
    ...extra,
  });
}
const holders = () =>
  Object.fromEntries(
    (
      c.router.sessions
        .current()!
        .sqlite.prepare('SELECT account_no AS no, holder_name AS holder FROM accounts')
        .all() as { no: string; holder: string | null }[]
    ).map((row) => [row.no, row.holder]),
  );

describe('statements as a tester sent them', () => {
  it('the holder of 户    名：何某, of 姓名：吴甲 and of a second section are their accounts’', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-cmb', [
      '招商银行交易流水',
      '户    名：何某,,,,,',
      '账号：6214830011119999,,,,,',
      '交易日期,交易时间,交易金额,余额,对方户名,对方账号',
      '20260401,101010,-300.00,700.00,赵六,6214830000001234',
    ]);
    await commit('imp-alipay', [
      '导出信息：',
      '姓名：吴甲',
      '支付宝账户：13911110001',
      '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
      '2026-04-10 10:00:00,转账,王五,wang***@163.com,转账,支出,50.00,账户余额,交易成功,T1,,,',
    ]);
    await commit('imp-sections', [
      '中国农业银行账户交易明细',
      '户名：陈大,,,,,,',
      '账号：6228480011112222333,,,,,,',
      '交易日期,交易时间,交易金额,本次余额,对方户名,对方账号,交易用途',
      '20260401,171647,-1200.00,8800.00,李四,6222021234567890123,货款',
      '户名：陈小,,,,,,',
      '账号：6228480099998888777,,,,,,',
      '交易日期,交易时间,交易金额,本次余额,对方户名,对方账号,交易用途',
      '20260403,101010,-300.00,700.00,赵六,6214830000001234,转账',
    ]);
    expect(holders()).toMatchObject({
      '6214830011119999': '何某',
      '13911110001': '吴甲',
      '6228480011112222333': '陈大',
      '6228480099998888777': '陈小',
    });
    const found = await c.ok('search.query', { text: '何某' });
    expect(found.groups.flatMap((group) => group.hits.map((hit) => hit.title))).toContain(
      '6214830011119999',
    );
  });

  it('a merchant bill with ` before every cell reads as its cells say', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // Its columns named in its own words are mapped by hand (--map), the totals under it no row.
    const preview = await c.ok('import.preview', {
      fileName: 'merchant.csv',
      contentBase64: base64(
        [
          '交易时间,商户号,用户标识,交易状态,应结订单金额',
          '`2026-04-01 17:16:47,`1600000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`SUCCESS,`1200.00',
          '总交易单数,应结订单总金额',
          '`1,`1200.00',
        ].join('\n'),
      ),
      template: 'transactions',
      direction: 'in',
      mapping: { at: 0, account: 1, counterpartAccount: 2, status: 3, amount: 4 },
    });
    expect(preview.problems).toEqual([]);
    expect(preview.sample).toEqual([
      expect.objectContaining({
        account: '1600000001',
        counterpart: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
        amountFen: '120000',
        at: '2026-04-01T09:16:47.000Z',
      }),
    ]);
  });

  it('WeChat’s 转帐退款 undoes the transfer nobody took: neither counts', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const summary = await commit('imp-tenpay', [
      '用户ID,交易单号,用户侧账号名称,借贷类型,交易业务类型,交易用途类型,交易时间,交易金额(分),账户余额(分),对手方ID,对手侧账户名称',
      'wxid_abc123def456,1000050001,刘强,出,转帐,转账,2026-04-01 17:16:47,120000,880000,wxid_zzz999yyy888,陈鬼',
      'wxid_abc123def456,1000050002,刘强,入,转帐退款,转账,2026-04-02 17:16:48,120000,1000000,wxid_zzz999yyy888,陈鬼',
      'wxid_abc123def456,1000050003,刘强,出,转帐,转账,2026-04-03 10:00:00,50000,950000,wxid_zzz999yyy888,陈鬼',
    ]);
    expect(summary.reversals).toBe(1);
    const relations = c.router.sessions
      .current()!
      .sqlite.prepare(
        "SELECT event_count AS n, amount_fen AS fen FROM relations WHERE type = 'finances'",
      )
      .all();
    expect(relations).toEqual([{ n: 1, fen: 50000 }]);
    // WeChat IDs are WeChat accounts, not bank accounts.
    const types = c.router.sessions
      .current()!
      .sqlite.prepare('SELECT account_no AS no, account_type AS type FROM accounts ORDER BY 1')
      .all();
    expect(types).toEqual([
      { no: 'wxid_abc123def456', type: 'wechat' },
      { no: 'wxid_zzz999yyy888', type: 'wechat' },
    ]);
  });

  it('Alipay’s 买家信息/卖家信息 are the buyer’s and the seller’s names, the holder selling too, without their logins', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-trades', [
      '交易号,交易状态,买家用户ID,买家信息,卖家用户ID,卖家信息,交易金额（元）,收款时间,交易类型,商品名称,对应的协查数据',
      '2026040122001,TRADE_SUCCESS,2088001111111111,林某(13900001111),2088002222222222,老鬼(gho***@163.com),1200.00,2026-04-01 17:16:48,即时到账,转账,2088001111111111',
      '2026040222002,TRADE_SUCCESS,2088003333333333,黄毛(138******78),2088001111111111,林某(13900001111),5000.00,2026-04-02 09:01:03,即时到账,收款,2088001111111111',
    ]);
    expect(holders()).toEqual({
      '2088001111111111': '林某',
      '2088002222222222': '老鬼',
      '2088003333333333': '黄毛',
    });
  });

  it('an impossible day in a date column of its own is said against that column, with its text', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', {
      fileName: 'icbc.csv',
      contentBase64: base64(
        [
          '交易卡号,交易日期,交易时间,交易金额,借贷标志,对方账号',
          '6222000011112222,20260331,101010,100.00,借,6217000033334444',
          '6222000011112222,20260332,101010,100.00,借,6217000033334444',
          '6222000011112222,20260330,256060,100.00,借,6217000033334444',
        ].join('\n'),
      ),
      template: 'transactions',
    });
    expect(preview.problems.map((item) => [item.line, item.field, item.value])).toEqual([
      [3, 'date', '20260332'],
      [4, 'at', '256060'],
    ]);
  });

  it('rows that moved no money (结息 0.00, 冻结) are counted apart, so the file’s rows add up', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', {
      fileName: 'statement.csv',
      contentBase64: base64(
        [
          '交易卡号,交易时间,交易金额,借贷标志,对方账号,摘要',
          '6222000011112222,2026-03-31 10:10:10,100.00,借,6217000033334444,转账',
          '6222000011112222,2026-03-31 11:00:00,0.00,借,,结息',
          '6222000011112222,2026-03-31 12:00:00,0.00,贷,6217001540000000007,冻结',
        ].join('\n'),
      ),
      template: 'transactions',
    });
    expect([preview.rowCount, preview.validCount, preview.nothingMoved]).toEqual([1, 1, 2]);
  });
});
