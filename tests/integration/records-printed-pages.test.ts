import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Lists and statements as printed to PDF and converted back, from two testers' files: a second
 * target's list under a title that begins with its number had gone to the first target; a page's
 * owner line or header printed again (wrapped, full-width) had been refused as a row; an account
 * line of four cells had not started the next account's rows, and a note wrapped onto its own
 * line (账号:6210…) had moved every later row to a made-up account.
 */
const { planned } = previewsOnNewWorkspace();

describe('call lists as printed', () => {
  it('a title that begins with another number (18612345678 通话详单) starts that target’s list: its rows are not the first’s', async () => {
    for (const title of [
      '18612345678 通话详单（2026年3月）',
      '18612345678通话详单',
      '18612345678,通话详单',
    ]) {
      const plan = await planned('calls', [
        '机主号码：13987654321',
        '对方号码,呼叫类型,开始时间,通话时长',
        '13800000001,主叫,2026-03-01 10:00:00,5',
        title,
        '对方号码,呼叫类型,开始时间,通话时长',
        '13800000003,主叫,2026-03-02 10:00:00,7',
      ]);
      expect([title, plan.problems.map((problem) => [problem.line, problem.problem])]).toEqual([
        title,
        [[6, 'otherOwner']],
      ]);
      expect(pick(plan.sample, ['caller', 'callee'])).toEqual([['13987654321', '13800000001']]);
    }
  });

  it('one header and a line per number above its rows (查询号码：…): the second number’s rows are not the first’s', async () => {
    const plan = await planned('calls', [
      '查询号码：13987650001',
      '对方号码,呼叫类型,开始时间,通话时长',
      '13812345678,主叫,2026-03-01 09:00:00,60',
      '13812345679,被叫,2026-03-01 09:10:00,60',
      '查询号码：13787650002',
      '13612345678,主叫,2026-03-02 09:00:00,60',
      '13612345679,被叫,2026-03-02 09:10:00,60',
      // The first number's line again: its rows again.
      '查询号码：13987650001',
      '13512345678,主叫,2026-03-03 09:00:00,30',
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [6, 'otherOwner'],
      [7, 'otherOwner'],
    ]);
    expect(pick(plan.sample, ['caller', 'callee'])).toEqual([
      ['13987650001', '13812345678'],
      ['13812345679', '13987650001'],
      ['13987650001', '13512345678'],
    ]);
  });

  it('a page’s heading printed again in a list with 本机号码 (owner line, period) is no row', async () => {
    const page = [
      '中国移动通信客户详单',
      '机主号码：13987654321,,,查询时段：2026-03-01至2026-03-31',
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
    ];
    const plan = await planned('calls', [
      ...page,
      '13987654321,13800000001,主叫,2026-03-01 10:00:00,5',
      '第 1 页 共 2 页',
      ...page,
      '13987654321,13800000002,被叫,2026-03-02 10:00:00,6',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee'])).toEqual([
      ['13987654321', '13800000001'],
      ['13800000002', '13987654321'],
    ]);
  });

  it('a header printed again with a wrapped name, full-width brackets or a space is a header', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长(秒)',
      '13987654321,13800000001,主叫,2026-03-01 10:00:00,5',
      '本机号码,对方号码,呼叫类型,开始时间,"通话时长\n(秒)"',
      '13987654321,13800000002,主叫,2026-03-02 10:00:00,6',
      '本机号码,对方号码 ,呼叫类型,开始 时间,通话时长（秒）',
      '13987654321,13800000003,主叫,2026-03-03 10:00:00,7',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['durationSeconds'])).toEqual([['5'], ['6'], ['7']]);
  });
});

describe('statements as printed', () => {
  const header = '交易日期,摘要,交易金额,余额,对方账号,对方户名';
  const first = [
    '2026-03-01,转账,-1000.00,9000.00,6222000011112222,张三',
    '2026-03-02,转账,-2000.00,7000.00,6222000011113333,赵六',
  ];
  const second = [
    '2026-03-01,转账,+1000.00,1000.00,6222000011112222,张三',
    '2026-03-03,转账,-500.00,500.00,6222000011114444,孙七',
  ];
  const expected = [
    ['6228480398271645312', 'out', '100000'],
    ['6228480398271645312', 'out', '200000'],
    ['6228480398271649999', 'in', '100000'],
    ['6228480398271649999', 'out', '50000'],
  ];

  it('an account line of four cells, or its labels and values apart, starts the next account’s rows', async () => {
    for (const line of [
      '账号：6228480398271649999,户名：李四,币种：人民币,开户行：农行某支行,,',
      '账号：,6228480398271649999,户名：,李四,,',
    ]) {
      const plan = await planned('transactions', [
        '账号：6228480398271645312,户名：李四,,,,',
        header,
        ...first,
        line,
        header,
        ...second,
      ]);
      expect([line, plan.problems]).toEqual([line, []]);
      expect(pick(plan.sample, ['account', 'direction', 'amountFen'])).toEqual(expected);
    }
  });

  it('a note wrapped onto its own line (账号:6210…, 转入账户:…) moves no row to another account', async () => {
    const own = '6210981000012345678';
    for (const note of [',,,,,,,账号:6210981000099999999', ',,转入账户:6217001540009283746,,,,,']) {
      const plan = await planned('transactions', [
        `账号：${own}`,
        '交易日期,交易时间,摘要,交易金额,余额,对方户名,对方账号,附言',
        '20260301,101500,跨行汇款,-1000.00,9000.00,张三,6222000011112222,汇款人:李四',
        note,
        '20260302,111500,转账,-2000.00,7000.00,王五,6230580000012345678,',
        '20260303,121500,工资,+8000.00,15000.00,某公司,1202020009000012345,',
      ]);
      expect([note, ...pick(plan.sample, ['account']).flat()]).toEqual([note, own, own, own]);
    }
  });
});

describe('cells a printed list cut or merged', () => {
  it('figures cut at their thousands commas (-1,000.00 unquoted) are joined again; a row still wider than the header is refused', async () => {
    const plan = await planned('transactions', [
      '账号：6228480398271645312',
      '交易日期,摘要,交易金额,余额,对方账号,对方户名',
      '2026-03-01,转账,-1,000.00,9,000.00,6222000011112222,张三',
      '2026-03-02,转账,-200.00,8,800.00,6222000011113333,赵六',
      '2026-03-03,转账,-100.00,8700.00,6222000011114444,孙七',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['counterpart', 'amountFen'])).toEqual([
      ['6222000011112222', '100000'],
      ['6222000011113333', '20000'],
      ['6222000011114444', '10000'],
    ]);
    const calls = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,基站',
      '13987654321,13800000001,主叫,2026-03-01 10:00:00,1,25,34567-12001',
      '13987654321,13800000002,被叫,2026-03-01 10:01:00,65,34567,12002',
      '13987654321,13800000003,被叫,2026-03-01 10:02:00,65,34567-12003',
      '13987654321,13800000004,被叫,"2026-03-01\n10:05:03",65,34567-12003',
    ]);
    expect(calls.problems.map((problem) => [problem.line, problem.problem, problem.value])).toEqual(
      [
        [2, 'extraCells', '34567-12001'],
        [3, 'extraCells', '12002'],
      ],
    );
    expect(pick(calls.sample, ['callee', 'startedAt'])).toEqual([
      ['13987654321', '2026-03-01T02:02:00.000Z'],
      ['13987654321', '2026-03-01T02:05:03.000Z'],
    ]);
  });

  it('totals as more banks word them (全月合计, 交易合计, 合计笔数：2) are no rows; a row with both a debit and a credit is refused', async () => {
    const plan = await planned('transactions', [
      '账号：6228480398271645312',
      '交易日期,摘要,借方发生额,贷方发生额,余额,对方账号',
      '2026-03-01,转账,1000.00,,9000.00,6222000011112222',
      '2026-03-03,工资,,8000.00,17000.00,1202020009000012345',
      '2026-03-31,全月合计,1000.00,8000.00,17000.00,',
      '2026-03-31,交易合计,1000.00,8000.00,17000.00,',
      '2026-03-31,合计笔数：2,1000.00,8000.00,,',
      '2026-03-31,月末,1000.00,8000.00,,',
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [8, 'twoSides'],
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '100000'],
      ['in', '800000'],
    ]);
  });

  it('a short statement’s clocks of four digits (1430, 1615) are HHMM', async () => {
    const plan = await planned('transactions', [
      '账号：6222021001012345678',
      '交易日期,交易时间,交易金额,对方账号',
      '20260301,1430,-10.00,6222000011112222',
      '20260302,1615,-10.00,6222000011112222',
    ]);
    expect(pick(plan.sample, ['at'])).toEqual([
      ['2026-03-01T06:30:00.000Z'],
      ['2026-03-02T08:15:00.000Z'],
    ]);
  });
});

describe('cells a printed statement wrapped onto the next line', () => {
  it('a name’s end or an account’s last digits on the line below continue the row above', async () => {
    const plan = await planned('transactions', [
      '账号：6217001540009283746',
      '交易日期,摘要,支出,收入,余额,对方户名,对方账号',
      '20260301,转账,1000.00,,9000.00,北京某某科技有限公,110100012345',
      ',,,,,司,6789',
      '20260302,网银转账,3000.00,,6000.00,张三,622200001111',
      ',,,,,,2222',
      '20260303,跨行转入,,5000.00,11000.00,李四,6222000099998888',
      '备注：本流水仅供查询,,,,,,',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName', 'amountFen'])).toEqual([
      ['1101000123456789', '北京某某科技有限公司', '100000'],
      ['6222000011112222', '张三', '300000'],
      ['6222000099998888', '李四', '500000'],
    ]);
  });
});

describe('the other party named in a note', () => {
  it('with words around it (转给王五6217…, 收款人:赵六 账号:6230…) is the counterpart; a note of words stays a note', async () => {
    const plan = await planned('transactions', [
      '账号：6228480398271645312',
      '交易日期,交易时间,交易金额,余额,摘要',
      '20260301,101500,-1000.00,9000.00,张三 6222000011112222',
      '20260302,111500,-2000.00,7000.00,转给王五6217001540009283746',
      '20260303,121500,-500.00,6500.00,收款人:赵六 账号:6230580000012345678',
      '20260304,131500,-100.00,6400.00,转给房东 三月房租',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName'])).toEqual([
      ['6222000011112222', '张三'],
      ['6217001540009283746', '王五'],
      ['6230580000012345678', '赵六'],
      [null, null],
    ]);
  });
});

describe('a header in two languages', () => {
  it('the English header under the Chinese one (招商银行: Date, Currency, Transaction Amount…) is no row', async () => {
    const plan = await planned('transactions', [
      '账号：6214831234567890',
      '交易日期,币种,交易金额,联机余额,交易摘要,对手信息',
      'Date,Currency,Transaction Amount,Balance,Transaction Type,Counter Party',
      '20260301,人民币,-1000.00,9000.00,转账汇款,张三 6222000011112222',
      '20260302,人民币,2000.00,11000.00,转账汇款,李四 6222000011113333',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '100000'],
      ['in', '200000'],
    ]);
  });
});

describe('a summary table under a statement', () => {
  it('its column names (借方笔数, 借方金额…) and its row of figures are no transfers', async () => {
    const plan = await planned('transactions', [
      '账号：6228480398271645312,,,,,',
      '交易日期,摘要,借方发生额,贷方发生额,余额,对方账号',
      '2026-03-01,转账,1000.00,,9000.00,6222000011112222',
      '2026-03-03,工资,,8000.00,17000.00,1202020009000012345',
      ',,,,,',
      '汇总信息,,,,,',
      '借方笔数,借方金额,贷方笔数,贷方金额,期初余额,期末余额',
      '1,1000.00,1,8000.00,10000.00,17000.00',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '100000'],
      ['in', '800000'],
    ]);
  });
});
