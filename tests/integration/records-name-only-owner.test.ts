import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKeyOfLines } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A WeChat bill names its owner by a nickname (微信昵称：[老王]), an Alipay bill may name it by a
 * name alone (姓名：张三): neither identifies anyone. Two people's bills of one nickname had made
 * one account "老王" holding both people's money, the second import saying "1 matched".
 */
let c: TestCore;
afterEach(() => c?.dispose());

const wechat = (heading: string, rows: string[]) => [
  '微信支付账单明细',
  heading,
  '起始时间：[2026-04-01 00:00:00] 终止时间：[2026-04-30 23:59:59]',
  '----------------------微信支付账单明细列表--------------------',
  '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
  ...rows,
];
const first = wechat('微信昵称：[老王]', [
  '2026-04-02 10:00:00,转账,阿强,/,支出,¥500.00,零钱,对方已收钱,1000001,/,/',
  '2026-04-03 10:00:00,转账,小李,/,收入,¥300.00,/,已收钱,1000002,/,/',
]);
const second = wechat('微信昵称：[老王]', [
  '2026-04-12 10:00:00,转账,小李,/,支出,¥2000.00,零钱,对方已收钱,1000009,/,/',
]);

const alipay = (heading: string[], row: string) => [
  '支付宝交易记录明细查询',
  ...heading,
  '起始日期:[2026-04-01 00:00:00]    终止日期:[2026-04-30 23:59:59]',
  '交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态',
  row,
];

function file(lines: string[], fileName: string, more: { ownAccount?: string } = {}) {
  return {
    fileName,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions' as const,
    ...more,
  };
}

async function commit(lines: string[], fileName: string, more: { ownAccount?: string } = {}) {
  const summary = await c.ok('import.commit', {
    ...file(lines, fileName, more),
    importId: fileName,
  });
  return [summary.entitiesCreated, summary.entitiesMatched];
}

/** Every account the search finds for the text, as `label: money relations`, sorted. */
async function accounts(text: string) {
  const found = await c.ok('search.query', { text });
  const lines: string[] = [];
  for (const hit of found.groups.flatMap((group) => group.hits)) {
    const detail = await c.ok('entities.get', { id: hit.id });
    if (detail.kind !== 'account') continue;
    const money = detail.relations
      .filter((relation) => relation.type === 'finances')
      .map((relation) => `${relation.fromLabel}>${relation.toLabel} ${relation.amountFen}`)
      .sort();
    lines.push(`${detail.label}: ${money.join('; ')}`);
  }
  return lines.sort();
}

describe('a bill whose owner is known by a nickname or a name alone', () => {
  it('is an account of its own file: two bills of one nickname are two accounts, never matched', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [one, two] = [fileKeyOfLines(first), fileKeyOfLines(second)];
    const preview = await c.ok('import.preview', file(first, 'wechat.csv'));
    expect([preview.platform, preview.owner, preview.ownerKnownBy]).toEqual([
      'wechat',
      `老王（微信昵称，文件${one}）`,
      'nickname',
    ]);
    // Owner, 阿强 and 小李 made; the second bill's owner and its 小李 are new too, none matched.
    expect(await commit(first, 'wechat.csv')).toEqual([3, 0]);
    expect(await commit(second, 'wechat2.csv')).toEqual([2, 0]);
    expect(await accounts('老王')).toEqual([
      // Sorted: the second file's key (22a8…) before the first's (3f97…).
      `小李（老王对方，文件${two}）: 老王（微信昵称，文件${two}）>小李（老王对方，文件${two}） 200000`,
      `小李（老王对方，文件${one}）: 小李（老王对方，文件${one}）>老王（微信昵称，文件${one}） 30000`,
      `老王（微信昵称，文件${two}）: 老王（微信昵称，文件${two}）>小李（老王对方，文件${two}） 200000`,
      `老王（微信昵称，文件${one}）: 小李（老王对方，文件${one}）>老王（微信昵称，文件${one}） 30000; 老王（微信昵称，文件${one}）>阿强（老王对方，文件${one}） 50000`,
      `阿强（老王对方，文件${one}）: 老王（微信昵称，文件${one}）>阿强（老王对方，文件${one}） 50000`,
    ]);
  });

  it('an own account given, or a 微信号 in the heading, is matched as before', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const typed = await c.ok(
      'import.preview',
      file(first, 'wechat.csv', { ownAccount: 'wxid_laowang' }),
    );
    expect([typed.owner, typed.ownerKnownBy]).toEqual(['wxid_laowang', null]);
    expect(await commit(first, 'wechat.csv', { ownAccount: 'wxid_laowang' })).toEqual([3, 0]);
    // The same WeChat ID on another bill of that nickname: the same account, and its 小李.
    expect(await commit(second, 'wechat2.csv', { ownAccount: 'wxid_laowang' })).toEqual([0, 2]);
    const byId = wechat('微信号：[wxid_laowang]', [
      '2026-04-20 10:00:00,转账,阿强,/,支出,¥100.00,零钱,对方已收钱,1000020,/,/',
    ]);
    const heading = await c.ok('import.preview', file(byId, 'wechat3.csv'));
    expect([heading.owner, heading.ownerKnownBy]).toEqual(['wxid_laowang', null]);
    expect(await commit(byId, 'wechat3.csv')).toEqual([0, 2]);
  });

  it("an Alipay bill naming its owner by 姓名 alone is that file's account; by 账号, matched", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const row = (id: string) =>
      `${id},,2026-04-01 12:00:00,2026-04-01 12:00:01,2026-04-01 12:00:01,其他,即时到账交易,陈*,转账,500.00,支出,交易成功,0.00,0.00,,已支出`;
    const [named, namedToo] = [
      alipay(['姓名:[张三]'], row('2026040122001400001')),
      alipay(['姓名:[张三]'], row('2026040122001400002')),
    ];
    // It had been refused: no own account column, none above the header.
    const preview = await c.ok('import.preview', file(named, 'alipay.csv'));
    expect([preview.platform, preview.owner, preview.ownerKnownBy]).toEqual([
      'alipay',
      `张三（支付宝姓名，文件${fileKeyOfLines(named)}）`,
      'name',
    ]);
    expect(await commit(named, 'alipay.csv')).toEqual([2, 0]);
    expect(await commit(namedToo, 'alipay2.csv')).toEqual([2, 0]);
    // 账号 beside 姓名: the account, matched on the next bill of it.
    const [byAccount, byAccountToo] = [
      alipay(['账号:[13987650001]', '姓名:[张三]'], row('2026040122001400003')),
      alipay(['账号:[13987650001]'], row('2026040122001400004')),
    ];
    const real = await c.ok('import.preview', file(byAccount, 'alipay3.csv'));
    expect([real.owner, real.ownerKnownBy]).toEqual(['13987650001', null]);
    expect(await commit(byAccount, 'alipay3.csv')).toEqual([2, 0]);
    expect(await commit(byAccountToo, 'alipay4.csv')).toEqual([0, 2]);
  });

  it('its rejected rows, corrected and imported again, go to the same account and parties', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const lines = [
      ...first,
      '2026-04-31 10:00:00,转账,小李,/,支出,¥100.00,零钱,对方已收钱,1000003,/,/',
    ];
    const summary = await c.ok('import.commit', {
      ...file(lines, 'wechat.csv'),
      importId: 'imp-1',
      skipInvalid: true,
    });
    const key = fileKeyOfLines(lines);
    const text = iconv.decode(
      Buffer.from(summary.rejectedFile!.contentBase64, 'base64'),
      'gb18030',
    );
    expect(text.split('\r\n')[0]).toBe(`账号：老王（微信昵称，文件${key}）`);
    const corrected = text.replace('2026-04-31', '2026-04-30').split('\r\n');
    const preview = await c.ok('import.preview', file(corrected, 'wechat.rejected.csv'));
    expect([preview.owner, preview.ownerKnownBy, preview.sample[0]?.['counterpart']]).toEqual([
      `老王（微信昵称，文件${key}）`,
      'nickname',
      `小李（老王对方，文件${key}）`,
    ]);
    expect(await commit(corrected, 'wechat.rejected.csv')).toEqual([0, 2]);
  });
});
