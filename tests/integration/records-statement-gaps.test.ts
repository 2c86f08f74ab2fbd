import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';
import { setAsideRows } from '../helpers/set-aside-rows';

/** Bank and payment statements a tester imported as banks send them, and found misread. */

const { core, planned } = previewsOnNewWorkspace();

/** Imports these lines (GB18030) with no --skip-invalid: a row to fix fails the whole file. */
async function imported(lines: string[], fileName = 'statement.csv') {
  const file = {
    fileName,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions' as const,
  };
  const preview = await core().ok('import.preview', file);
  const summary = await core().ok('import.commit', { ...file, importId: `imp-${fileName}` });
  return { preview, summary };
}
const own = '6216612345678901234';
const other = '6228480398271645312';

describe('statements as sent: amount headers', () => {
  it.each(['收入/支出金额', '收支金额', '本次发生额', '变动金额', '出入金额', '存取金额'])(
    'a signed amount under %s',
    async (header) => {
      const plan = await planned('transactions', [
        `账号,交易日期,交易时间,${header},余额,对方账号,对方户名`,
        `${own},20260401,090000,+100.00,200.00,${other},李某`,
        `${own},20260402,090000,-50.00,150.00,${other},李某`,
      ]);
      expect(plan.problems).toEqual([]);
      expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
        ['in', '10000'],
        ['out', '5000'],
      ]);
    },
  );

  it('a call list whose start is 通话起始时刻', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话起始时刻,通话时长',
      '13800138000,13900139000,主叫,2026-04-01 10:00:00,65',
    ]);
    expect(plan.validCount).toBe(1);
    expect(pick(plan.sample, ['startedAt'])).toEqual([['2026-04-01T02:00:00.000Z']]);
  });
});

describe('statements as sent: rows that moved no money', () => {
  it('a failed transfer (交易是否成功 失败) is set aside from the money, kept as an attempt, and the statement imports whole', async () => {
    const { preview, summary } = await imported([
      '交易卡号,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,交易对手户名,交易是否成功',
      `${other},20260401171647,12500.00,12600.00,出,6217001540009283746,张某,成功`,
      `${other},20260402090501,3000.00,15600.00,进,6217001540009283746,张某,成功`,
      `${other},20260402100000,50000.00,15600.00,出,6230520012345678901,赵某,失败`,
    ]);
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['4 notCompleted']);
    expect([preview.rowCount, preview.validCount, preview.nothingMoved]).toEqual([2, 2, 1]);
    // The attempt on 赵某 is kept: his account and a relation counting nothing.
    expect(summary).toMatchObject({ rows: 2, rejectedRows: 0, relationsCreated: 3, attempts: 1 });
  });

  it("Alipay's older bill: a purchase refunded whole and a 提现 (资金转移, no 收/支) set aside", async () => {
    const { preview, summary } = await imported(
      [
        '支付宝交易记录明细查询',
        '账号:[20880123456789012345]',
        '交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态,',
        '2026040122001400001\t,\t,2026-04-01 10:00:00 ,2026-04-01 10:00:01 ,2026-04-01 10:00:01 ,其他,即时到账交易,张某,转账,1500.00 ,支出 ,交易成功 ,0.00 ,0.00 , ,已支出 ,',
        '2026040322001400003\t,T200P123\t,2026-04-03 12:00:00 ,2026-04-03 12:00:01 ,2026-04-03 12:05:00 ,淘宝,交易,某店铺,商品,99.00 ,支出 ,交易成功 ,0.00 ,99.00 , ,已支出 ,',
        '2026040422001400004\t,\t,2026-04-04 13:00:00 ,2026-04-04 13:00:01 ,2026-04-04 13:00:01 ,其他,提现,李某,提现-实时提现,1000.00 , ,交易成功 ,0.00 ,0.00 , ,资金转移 ,',
      ],
      'alipay.csv',
    );
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['5 refunded', '6 ownAccounts']);
    expect(pick(preview.sample, ['direction', 'amountFen'])).toEqual([['out', '150000']]);
    expect(summary).toMatchObject({ rows: 1, rejectedRows: 0 });
  });

  it('an Alipay transfer not yet taken (等待对方收款) is set aside, as a closed one is', async () => {
    const { preview, summary } = await imported(
      [
        '交易号,付款支付宝账号,付款支付宝用户ID,付款方名称,收款支付宝账号,收款支付宝用户ID,收款方名称,交易金额（元）,交易时间,交易状态,转账类型',
        '20260401200040011100000001,lh1983@alipay.com,2088012345678901,李某,138****5678,2088098765432109,张某,"2,000.00",2026-04-01 10:00:00,成功,转账到支付宝账户',
        '20260402200040011100000002,138****5678,2088098765432109,张某,lh1983@alipay.com,2088012345678901,李某,500.00,2026-04-02 11:00:00,交易关闭,转账到支付宝账户',
        '20260403200040011100000003,lh1983@alipay.com,2088012345678901,李某,138****5678,2088098765432109,张某,800.00,2026-04-03 11:00:00,等待对方收款,转账到支付宝账户',
      ],
      'alipay-transfers.csv',
    );
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['3 notCompleted', '4 notCompleted']);
    expect(pick(preview.sample, ['direction', 'amountFen'])).toEqual([['out', '200000']]);
    expect(summary).toMatchObject({ rows: 1, rejectedRows: 0 });
  });

  it("a move inside the holder's own card (its number as the counterpart: 定活互转) is set aside", async () => {
    const { preview, summary } = await imported([
      '交易卡号,交易户名,交易时间,借贷标志,交易金额,交易余额,对手账号,对手户名,交易状态,摘要',
      `${own},王某,2026-04-01 09:00:00,贷,"1,000.00","2,000.00",${other},李某,成功,转账`,
      `${own},王某,2026-04-01 11:00:00,借,200.00,"1,800.00",6230520012345678901,赵某,交易成功,转账`,
      `${own},王某,2026-04-01 12:00:00,借,300.00,"1,500.00",${own},王某,成功,本人账户互转`,
    ]);
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['4 ownAccounts']);
    expect(summary).toMatchObject({ rows: 2, rejectedRows: 0, relationsCreated: 2 });
  });

  it('a WeChat bill: 零钱提现 ("/") to the own card and a refunded purchase set aside', async () => {
    const { preview, summary } = await imported(
      [
        '微信支付账单明细',
        '微信昵称：[阿龙]',
        '----------------------微信支付账单明细列表--------------------',
        '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
        '2026-04-06 20:00:00,转账,老周,/,收入,"¥5,000.00",/,已收钱,1000050001202604060001,/,/',
        '2026-04-06 21:00:00,微信红包,老周,/,支出,¥200.00,零钱,支付成功,1000050001202604060002,/,/',
        '2026-04-07 09:00:00,零钱提现,招商银行(1234),/,/,"¥3,000.00",招商银行(1234),提现已到账,1000050001202604070003,/,服务费¥3.00',
        '2026-04-07 10:00:00,商户消费,美团,外卖,支出,¥50.00,零钱,已全额退款,4200001234202604070004,M0004,/',
        '2026-04-07 11:00:00,转账-退款,老周,/,收入,¥100.00,零钱,已退款,1000050001202604070005,/,/',
      ],
      'wechat.csv',
    );
    expect(preview.problems).toEqual([]);
    expect(setAsideRows(preview.setAside)).toEqual(['7 ownAccounts', '8 refunded', '9 refunded']);
    expect(pick(preview.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '500000'],
      ['out', '20000'],
    ]);
    expect(summary).toMatchObject({ rows: 2, rejectedRows: 0 });
  });
});

describe('statements as sent: a sign against the flag and the balance', () => {
  const head = '账号,户名,交易日期,交易时间,摘要,借方发生额,贷方发生额,余额,对方账号,对方户名';
  const row = (day: string, summary: string, debit: string, credit: string, balance: string) =>
    `${own},王某,2026-04-0${day},09:00:00,${summary},${debit},${credit},"${balance}",${other},李某`;

  it('-300.00 under 借方 with the balance down by 300 is a debit, not a reversal', async () => {
    const plan = await planned('transactions', [
      head,
      row('1', '转账', '', '"10,000.00"', '10,100.00'),
      row('2', '转账', '200.00', '', '9,900.00'),
      row('3', '转账', '-300.00', '', '9,600.00'),
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen', 'reversal'])).toEqual([
      ['in', '1000000', 'false'],
      ['out', '20000', 'false'],
      ['out', '30000', 'false'],
    ]);
  });

  it('a plain 200.00 debit where most debits are bracketed stays a debit; a 冲正 the balance bears is one', async () => {
    const plan = await planned('transactions', [
      head,
      row('1', '转账', '', '"10,000.00"', '10,100.00'),
      row('2', '转账', '200.00', '', '9,900.00'),
      row('3', '转账', '(5000.00)', '', '4,900.00'),
      row('4', '冲正', '-200.00', '', '5,100.00'),
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen', 'reversal'])).toEqual([
      ['in', '1000000', 'false'],
      ['out', '20000', 'false'],
      ['out', '500000', 'false'],
      ['in', '20000', 'true'],
    ]);
  });

  it('10.00DR under 借贷标志 借 with the balance down is money out', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易户名,交易时间,借贷标志,交易金额,交易余额,对手账号,对手户名,摘要',
      `${own},王某,2026-04-01 17:16:47,贷,100.00,200.00,${other},李某,转账`,
      `${own},王某,2026-04-02 09:05:01,借,50.00,150.00,${other},李某,转账`,
      `${own},王某,2026-04-04 09:05:01,借,10.00DR,140.00,${other},李某,消费`,
      `${own},王某,2026-04-05 09:05:01,借,20.00,120.00,${other},李某,消费`,
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen', 'reversal'])).toEqual([
      ['in', '10000', 'false'],
      ['out', '5000', 'false'],
      ['out', '1000', 'false'],
      ['out', '2000', 'false'],
    ]);
  });

  it('a flag the balance contradicts, with no sign or word of a reversal, is listed to check', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,借贷标志,交易金额,交易余额,对手账号,摘要',
      `${own},2026-04-01 10:00:00,贷,100.00,200.00,${other},转账`,
      `${own},2026-04-02 10:00:00,借,50.00,150.00,${other},转账`,
      `${own},2026-04-03 10:00:00,借,30.00,180.00,${other},转账`,
      `${own},2026-04-04 10:00:00,借,20.00,160.00,${other},转账`,
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.field, problem.problem])).toEqual([
      [4, 'balance', 'flagBelied'],
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '10000'],
      ['out', '5000'],
      ['out', '2000'],
    ]);
  });
});

describe('statements as sent: a counterpart named without an account', () => {
  /** Each money relation of the entities a search for `text` finds, as `from>to: count fen`. */
  async function moneyOf(text: string) {
    const found = await core().ok('search.query', { text });
    const lines = new Set<string>();
    for (const hit of found.groups.flatMap((group) => group.hits)) {
      const detail = await core().ok('entities.get', { id: hit.id });
      for (const relation of detail.relations.filter((item) => item.type === 'finances'))
        lines.add(
          `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
        );
    }
    return [...lines].sort();
  }

  const icbc = (card: string, name: string) => [
    '明细查询结果',
    `卡号: ${card}`,
    '起始日期: 2026-04-01,截止日期: 2026-04-30',
    '',
    '交易日期,摘要,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名',
    `2026-04-01,跨行汇款,网上银行,CHN,钞,"12,500.00",,人民币,"12,500.00",,人民币,"12,600.00",${name}`,
    `2026-04-02,转账,手机银行,CHN,钞,,"3,000.00",人民币,,"3,000.00",人民币,"9,600.00",${name}`,
    '2026-04-04,ATM取款,昆明五华ATM,CHN,钞,,500.00,人民币,,500.00,人民币,"9,100.00",',
    '2026-04-05,现金存入,柜面,CHN,钞,200.00,,人民币,200.00,,人民币,"9,300.00",现金',
  ];

  it('gets an entity and money relations of its own, told apart from another statement’s 李某', async () => {
    const first = await imported(icbc('6222021001112223334', '李某'), 'icbc-1.csv');
    expect(pick(first.preview.sample, ['counterpart', 'direction', 'amountFen'])).toEqual([
      ['李某（6222021001112223334对方）', 'in', '1250000'],
      ['李某（6222021001112223334对方）', 'out', '300000'],
      [null, 'out', '50000'],
      [null, 'in', '20000'],
    ]);
    await imported(icbc('6222021001112229999', '李某'), 'icbc-2.csv');
    expect(await moneyOf('李某')).toEqual([
      '6222021001112223334>李某（6222021001112223334对方）: 1 300000',
      '6222021001112229999>李某（6222021001112229999对方）: 1 300000',
      '李某（6222021001112223334对方）>6222021001112223334: 1 1250000',
      '李某（6222021001112229999对方）>6222021001112229999: 1 1250000',
    ]);
  });
});
