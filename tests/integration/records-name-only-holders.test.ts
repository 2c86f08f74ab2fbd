import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKeyOfLines } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Beyond WeChat and Alipay: a 京东, 美团, 抖音支付 or 云闪付 bill heading its owner by 姓名 alone,
 * a bank statement by 户名 alone, names no one. Such files had been refused for want of an own
 * account, and the name typed as one made two holders called 王芳 one account.
 */
let c: TestCore;
afterEach(() => c?.dispose());

interface Shape {
  /** The lines above the header, the owner's line where `owner` stands. */
  heading: string[];
  header: string;
  /** A data row, told apart from the other file's by `n`. */
  row: (n: number) => string;
  /** How the account's name says what the name is. */
  what: string;
  /** The owner's line giving an account number too. */
  numbered: string;
  number: string;
  /** [made, matched] by the first file and by the second, of the name alone. */
  alone: number[][];
}

const shapes: Record<string, Shape> = {
  京东: {
    heading: [
      '京东金融交易明细',
      'owner',
      '日期区间：2026-04-01 至 2026-04-30',
      '导出时间：2026-05-01 10:00:00',
    ],
    header: '交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易订单号,商家订单号,备注',
    row: (n) => `2026-04-0${n} 09:05:00,张三,转账,500.00,银行卡,交易成功,支出,300${n},,`,
    what: '京东姓名',
    numbered: '京东账号：jd_wangfang\t姓名：王芳',
    number: 'jd_wangfang',
    alone: [
      [2, 0],
      [2, 0],
    ],
  },
  美团: {
    heading: ['美团账单明细', 'owner', '起始时间：[2026-04-01] 终止时间：[2026-04-30]'],
    header:
      '交易创建时间,交易成功时间,交易类型,订单标题,收/支,支付方式,订单金额,实付金额,交易单号,商家单号',
    row: (n) =>
      `2026-04-0${n} 09:05:00,2026-04-0${n} 09:05:10,支付,某某超市,支出,美团月付,50.00,45.00,T00${n},S00${n}`,
    what: '美团姓名',
    numbered: '美团账号：13800138000\t姓名：王芳',
    number: '13800138000',
    // 订单标题 names a merchant, no party.
    alone: [
      [1, 0],
      [1, 0],
    ],
  },
  抖音支付: {
    heading: ['抖音支付账单明细', 'owner', '起始时间：2026-04-01 终止时间：2026-04-30'],
    header:
      '交易时间,交易分类,交易对方,商品说明,收/支,金额,支付方式,交易状态,交易单号,商户单号,备注',
    row: (n) => `2026-04-0${n} 09:05:00,转账,张三,转账,支出,500.00,零钱,交易成功,D00${n},,`,
    what: '抖音支付姓名',
    numbered: '抖音支付账号：dy_wangfang\t姓名：王芳',
    number: 'dy_wangfang',
    alone: [
      [2, 0],
      [2, 0],
    ],
  },
  云闪付: {
    heading: ['云闪付交易明细', 'owner', '查询时间：2026-04-01至2026-04-30'],
    header: '交易时间,交易类型,交易金额,收付款方,订单号',
    row: (n) => `2026-04-0${n} 09:05:00,转账,-500.00,张三,2026040100${n}`,
    what: '云闪付姓名',
    numbered: '账号：6217001540009283746\t姓名：王芳',
    number: '6217001540009283746',
    alone: [
      [2, 0],
      [2, 0],
    ],
  },
  银行流水: {
    heading: [
      '中国工商银行个人账户交易明细',
      'owner',
      '币种：人民币',
      '起止日期：2026-04-01 至 2026-04-30',
    ],
    header: '交易日期,摘要,交易金额,余额,对方户名,对方账号',
    row: (n) => `2026-04-0${n},转账,-500.00,${10_000 - n * 500}.00,张三,6222020200112233445`,
    what: '户名',
    numbered: '卡号：6212260200012345678\t户名：王芳',
    number: '6212260200012345678',
    // The party's account number is one account in both statements.
    alone: [
      [2, 0],
      [1, 1],
    ],
  },
};

/** The file of a shape, its owner's line as given, one row. */
const fileOf = (shape: Shape, ownerLine: string, n: number) => [
  ...shape.heading.map((line) => (line === 'owner' ? ownerLine : line)),
  shape.header,
  shape.row(n),
];

function input(lines: string[], fileName: string) {
  return {
    fileName,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions' as const,
  };
}

async function owner(lines: string[], fileName: string) {
  const preview = await c.ok('import.preview', input(lines, fileName));
  return [preview.owner, preview.ownerKnownBy];
}

/** How many entities the import made and matched, and the own account of its one row. */
async function commit(lines: string[], fileName: string) {
  const summary = await c.ok('import.commit', { ...input(lines, fileName), importId: fileName });
  return [summary.entitiesCreated, summary.entitiesMatched];
}

describe.each(Object.entries(shapes))('a %s export heading its owner by a name', (_, shape) => {
  it("alone is that file's account: two files of 王芳 are two accounts", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [one, two] = [fileOf(shape, '姓名：王芳', 1), fileOf(shape, '姓名：王芳', 2)];
    if (shape.what === '户名') [one[1], two[1]] = ['户名：王芳', '户名：王芳'];
    const [key1, key2] = [fileKeyOfLines(one), fileKeyOfLines(two)];
    expect(key1).not.toBe(key2);
    expect(await owner(one, 'a.csv')).toEqual([`王芳（${shape.what}，文件${key1}）`, 'name']);
    expect(await owner(two, 'b.csv')).toEqual([`王芳（${shape.what}，文件${key2}）`, 'name']);
    expect([await commit(one, 'a.csv'), await commit(two, 'b.csv')]).toEqual(shape.alone);
    const found = await c.ok('search.query', { text: '王芳' });
    const titles = found.groups.flatMap((group) => group.hits.map((hit) => hit.title));
    expect(titles.filter((title) => title.startsWith('王芳（')).sort()).toEqual(
      [`王芳（${shape.what}，文件${key1}）`, `王芳（${shape.what}，文件${key2}）`].sort(),
    );
  });

  it('beside an account number is that account: two files of it are one', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [one, two] = [fileOf(shape, shape.numbered, 1), fileOf(shape, shape.numbered, 2)];
    expect(await owner(one, 'a.csv')).toEqual([shape.number, null]);
    const [made] = await commit(one, 'a.csv');
    // The second file's owner, and its party of that owner, matched.
    expect(await commit(two, 'b.csv')).toEqual([0, made]);
  });
});

describe("a statement's holder known by 户名 alone", () => {
  it('heads its rejected rows, corrected and imported again, to the same account', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const bank = shapes['银行流水']!;
    const lines = [
      ...fileOf(bank, '户名：王芳', 1),
      '2026-04-31,转账,-100.00,9400.00,张三,6222020200112233445',
    ];
    const key = fileKeyOfLines(lines);
    const summary = await c.ok('import.commit', {
      ...input(lines, 'a.csv'),
      importId: 'a.csv',
      skipInvalid: true,
    });
    const text = iconv.decode(
      Buffer.from(summary.rejectedFile!.contentBase64, 'base64'),
      'gb18030',
    );
    expect(text.split('\r\n')[0]).toBe(`账号：王芳（户名，文件${key}）`);
    const corrected = text.replace('2026-04-31', '2026-04-30').split('\r\n');
    expect(await owner(corrected, 'a.rejected.csv')).toEqual([`王芳（户名，文件${key}）`, 'name']);
    expect(await commit(corrected, 'a.rejected.csv')).toEqual([0, 2]);
  });
});
