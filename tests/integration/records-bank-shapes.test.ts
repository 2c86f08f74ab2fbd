import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/** Bank statements as a tester shaped them from 招行, 工行 对公, 建行, 中行 exports. */

const { planned, plannedWorkbook } = previewsOnNewWorkspace();
const own = '6214831234567890';

describe('bank statements: shapes', () => {
  it('招行: 交易备注 is the summary; 收入合计 and 借方笔数 lines under the list are no rows', async () => {
    const plan = await planned('transactions', [
      '# 招商银行交易记录',
      `# 账号: [${own}]`,
      '交易日期,交易时间,收入,支出,余额,交易类型,交易备注',
      '20260401,10:00:00,,1234.50,8765.50,转账汇款,李四 6222029876543210',
      '20260402,11:00:00,2000.00,,10765.50,转账汇款,王五',
      '# 收入合计: 2000.00  支出合计: 1234.50',
      '借方笔数:1,贷方笔数:1,,,,,',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen', 'summary'])).toEqual([
      ['out', '123450', '李四 6222029876543210'],
      ['in', '200000', '王五'],
    ]);
  });

  it('对方单位名称 (工行 对公) and kin name the counterpart', async () => {
    for (const header of [
      '对方单位名称',
      '对方单位',
      '收付款人名称',
      '对方户名称',
      '对方客户名称',
    ]) {
      const plan = await planned('transactions', [
        `账号,交易时间,借方发生额,贷方发生额,${header},对方账号`,
        `1502020109000012345,2026-04-01 10:00:00,"5,000.00",,李四,6222029876543210`,
      ]);
      expect([header, ...pick(plan.sample, ['counterpartName']).flat()]).toEqual([header, '李四']);
    }
  });

  it('建行: a name beside its account in brackets is the name alone', async () => {
    const plan = await planned('transactions', [
      '账号,交易日期,摘要,借方发生额,贷方发生额,余额,对方账号与户名',
      '6217000000000010,20260413,转账支出,10.00,,20.00,李四（6222029876543210）',
      '6217000000000010,20260414,转账支出,10.00,,10.00,李四(6222029876543210)',
    ]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName'])).toEqual([
      ['6222029876543210', '李四'],
      ['6222029876543210', '李四'],
    ]);
  });

  it('中行: 记账日 with 记账时间; 记账金额 alone is the amount', async () => {
    const boc = await planned(
      'transactions',
      [
        '记账日,记账时间,币别,金额,余额,借贷标志,交易名称,对方账户名称,对方账号',
        `2026/4/1,10:00:00,人民币,1234.50,8765.50,借,网上快捷支付,李四,6222029876543210`,
      ],
      { ownAccount: own },
    );
    expect(pick(boc.sample, ['at', 'direction'])).toEqual([['2026-04-01T02:00:00.000Z', 'out']]);
    const posted = await planned('transactions', [
      '账号,交易时间,借贷标志,记账金额,对方账号',
      `${own},2026-04-01 10:00:00,借,88.00,6222029876543210`,
    ]);
    expect(pick(posted.sample, ['amountFen'])).toEqual([['8800']]);
  });

  it('a workbook date cell holding its time beside an empty 交易时间 keeps the time', async () => {
    const plan = await plannedWorkbook('transactions', [
      {
        rows: [
          ['账号', '交易日期', '交易时间', '交易金额', '借贷标志', '对方账号'],
          [own, new Date(Date.UTC(2026, 3, 2, 11, 30)), '', 100, '借', '6222029876543210'],
          [own, new Date(Date.UTC(2026, 3, 3)), '', 200, '借', '6222029876543210'],
        ],
      },
    ]);
    expect(pick(plan.sample, ['at', 'dayOnly'])).toEqual([
      ['2026-04-02T03:30:00.000Z', 'false'],
      ['2026-04-02T16:00:00.000Z', 'true'],
    ]);
  });
});

describe('a statement of several accounts', () => {
  it('each list under its 户名： and 账号： lines, a blank line between: the title lines are no rows', async () => {
    const plan = await planned('transactions', [
      '中国农业银行账户交易明细',
      '户名：张三',
      '账号：6228480000001111',
      '交易时间,支出金额,存入金额,余额,对方账号,对方户名,摘要',
      '2025-08-01 10:00:00,5000.00,,95000.00,6228480000002222,李四,转账',
      '',
      '户名：李四',
      '账号：6228480000002222',
      '交易时间,支出金额,存入金额,余额,对方账号,对方户名,摘要',
      '2025-08-01 10:00:00,,5000.00,5000.00,6228480000001111,张三,转账',
      '2025-08-01 12:00:00,4000.00,,1000.00,6228480000003333,王五,转账',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['account', 'counterpart', 'direction'])).toEqual([
      ['6228480000001111', '6228480000002222', 'out'],
      ['6228480000002222', '6228480000001111', 'in'],
      ['6228480000002222', '6228480000003333', 'out'],
    ]);
  });
});

describe('amounts unsigned beside a balance, the way said nowhere else', () => {
  it('each row goes the way its balance moved, in time order or newest first', async () => {
    const rows = [
      '6222020000000007,2026-04-01 09:00:00,100.00,900.00,李四,6222029876543210',
      '6222020000000007,2026-04-02 09:00:00,50.00,950.00,王五,6222021111222233',
      '6222020000000007,2026-04-03 09:00:00,300.00,650.00,李四,6222029876543210',
      '6222020000000007,2026-04-04 09:00:00,20.00,670.00,王五,6222021111222233',
    ];
    const header = '账号,交易时间,交易金额,余额,对方户名,对方账号';
    const inOrder = await planned('transactions', [header, ...rows]);
    // The first row: no balance before it says its way.
    expect(inOrder.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [2, 'balanceOldestRow'],
    ]);
    expect(pick(inOrder.sample, ['amountFen', 'direction'])).toEqual([
      ['5000', 'in'],
      ['30000', 'out'],
      ['2000', 'in'],
    ]);
    const newestFirst = await planned('transactions', [header, ...rows.toReversed()]);
    expect(newestFirst.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [5, 'balanceOldestRow'],
    ]);
    expect(pick(newestFirst.sample, ['amountFen', 'direction'])).toEqual([
      ['2000', 'in'],
      ['30000', 'out'],
      ['5000', 'in'],
    ]);
  });
});

describe('a card statement with amounts as made and as posted', () => {
  it('a purchase abroad is read in yuan as posted (记账金额), not refused for its dollars', async () => {
    const plan = await planned(
      'transactions',
      [
        '交易日期,摘要,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名',
        '2026-04-01,消费,财付通-美团,CHN,钞,,50.00,人民币,,50.00,人民币,950.00,',
        '2026-04-02,转账,网上银行,CHN,钞,200.00,,人民币,,,人民币,1150.00,王五',
        '2026-04-03,消费,AMAZON,USA,汇,,10.00,美元,,72.30,人民币,1077.70,',
        '2026-04-04,消费,AMAZON,USA,汇,,10.00,美元,,10.00,美元,1077.70,',
      ],
      { ownAccount: own },
    );
    expect(plan.problems.map((problem) => [problem.line, problem.field, problem.problem])).toEqual([
      [5, 'currency', 'currency'],
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '5000'],
      ['in', '20000'],
      ['out', '7230'],
    ]);
  });
});

describe('rows of no money', () => {
  it('结息 0 / 0 and a 冲正 of 0.00 are no transfers and refuse nothing', async () => {
    const plan = await planned('transactions', [
      '账号,交易日期,交易时间,收入,支出,余额,交易类型,对方户名,对方账号',
      '6214830000000008,20260401,10:00:00,0.00,100.00,900.00,转账,李四,6222029876543210',
      '6214830000000008,20260402,10:00:00,50.00,0.00,950.00,转账,王五,6222021111222233',
      '6214830000000008,20260405,10:00:00,0,0,950.00,结息,,',
      '6214830000000008,20260406,10:00:00,,0.00,950.00,冲正,周九,6222029999000011',
    ]);
    expect(plan.problems).toEqual([]);
    expect([plan.rowCount, plan.validCount]).toEqual([2, 2]);
    // A fee of 5.00 beside an amount of 0.00 is money: the row is listed, not dropped.
    const fee = await planned('transactions', [
      '账号,交易时间,摘要,借贷标志,交易金额,手续费,余额,对方账号',
      '6222000011112222,2024-01-02 10:00:00,汇款手续费,借,0.00,5.00,8995.00,',
    ]);
    expect([fee.rowCount, fee.problems.length]).toEqual([1, 1]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '10000'],
      ['in', '5000'],
    ]);
  });
});

describe('two header rows in a workbook', () => {
  const rows = [
    ['2024-03-01', '10:15:00', 1500, null, 8500, '张三', '6222021234567890123'],
    ['2024-03-02', '11:20:00', null, 2000, 10500, '李四', '6222029876543210987'],
  ];
  const read = (plan: { sample: Record<string, string>[] }) =>
    pick(plan.sample, ['counterpart', 'counterpartName', 'direction', 'amountFen']);
  const expected = [
    ['6222021234567890123', '张三', 'out', '150000'],
    ['6222029876543210987', '李四', 'in', '200000'],
  ];
  /** The own account's statement as one sheet of these rows and merged ranges. */
  const statementSheet = (sheetRows: unknown[][], merges: string[]) =>
    plannedWorkbook('transactions', [{ rows: sheetRows, merges }], {}, { ownAccount: own });

  it('交易信息 over 日期/时间 and 对方信息 over 户名/账号: 户名 and 账号 are the other party’s', async () => {
    const plan = await statementSheet(
      [
        ['交易信息', null, '借方金额', '贷方金额', '余额', '对方信息', null],
        ['交易日期', '交易时间', null, null, null, '户名', '账号'],
        ...rows,
      ],
      ['A1:B1', 'F1:G1', 'C1:C2', 'D1:D2', 'E1:E2'],
    );
    expect(plan.problems).toEqual([]);
    expect(read(plan)).toEqual(expected);
  });

  it('支出/收入 over 金额, the other names merged down: the second row is no data row', async () => {
    const plan = await statementSheet(
      [
        ['交易日期', '交易时间', '支出', '收入', '余额', '对方户名', '对方账号'],
        [null, null, '金额', '金额', null, null, null],
        ...rows,
      ],
      ['A1:A2', 'B1:B2', 'E1:E2', 'F1:F2', 'G1:G2'],
    );
    expect(plan.problems).toEqual([]);
    expect(read(plan)).toEqual(expected);
  });

  it('借方/贷方 over 金额/笔数', async () => {
    const plan = await statementSheet(
      [
        ['交易信息', null, '借方', null, '贷方', null, '余额', '对方户名', '对方账号'],
        ['日期', '时间', '金额', '笔数', '金额', '笔数', null, null, null],
        ['2024-03-01', '10:15:00', 1500, 1, null, null, 8500, '张三', '6222021234567890123'],
        ['2024-03-02', '11:20:00', null, null, 2000, 1, 10500, '李四', '6222029876543210987'],
      ],
      ['A1:B1', 'C1:D1', 'E1:F1', 'G1:G2', 'H1:H2', 'I1:I2'],
    );
    expect(plan.problems).toEqual([]);
    expect(read(plan)).toEqual(expected);
  });

  it('a call list of 通话信息 and 对方信息 groups; an account typed with a leading apostrophe', async () => {
    const calls = await plannedWorkbook(
      'calls',
      [
        {
          rows: [
            ['通话信息', null, null, '对方信息', null],
            ['起始时间', '时长(秒)', '类型', '号码', '归属地'],
            ['2024-03-01 10:15:00', 83, '主叫', '13900139000', '北京'],
          ],
          merges: ['A1:C1', 'D1:E1'],
        },
      ],
      {},
      { ownNumber: '13800138000' },
    );
    expect(pick(calls.sample, ['caller', 'callee', 'durationSeconds'])).toEqual([
      ['13800138000', '13900139000', '83'],
    ]);
    const apostrophe = await plannedWorkbook('transactions', [
      {
        rows: [
          ['账号', '交易时间', '借贷标志', '交易金额', '对方账号'],
          [`'${own}`, '2024-03-01 10:15:00', '借', 100, "'6222021234567890123"],
        ],
      },
    ]);
    expect(pick(apostrophe.sample, ['account', 'counterpart'])).toEqual([
      [own, '6222021234567890123'],
    ]);
  });
});

describe('amounts and times as some systems write them', () => {
  it('借1234.50 / 贷2000.00 say the way; 20240901 under 交易时间 is that day', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,交易金额,余额,对方户名,对方账号',
      '6222020000000002,20240901,借1234.50,8765.50,李四,6222029876543210',
      '6222020000000002,2024-09-02 09:05:00,贷2000.00,10765.50,王五,6222021111222233',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen', 'at', 'dayOnly'])).toEqual([
      ['out', '123450', '2024-08-31T16:00:00.000Z', 'true'],
      ['in', '200000', '2024-09-02T01:05:00.000Z', 'false'],
    ]);
  });
});
