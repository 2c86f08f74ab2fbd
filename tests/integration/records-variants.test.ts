import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviews, pick, type PreviewTemplate } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * More shapes of the files carriers and banks send, as a tester found them misread or refused:
 * each file here failed before (directions guessed, counterparts lost, cells merged, rows
 * under the list taken for data, a BOM before GBK text, full-width times).
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const { preview, planned, previewWorkbook, plannedWorkbook } = importPreviews(() => c);

describe('statements: which way the money went', () => {
  it('amounts that all carry a + are money in (农行), not taken as payments', async () => {
    const plan = await planned('transactions', [
      '中国农业银行银行卡交易明细',
      '账户：6228480398271645312',
      '交易日期,交易时间,交易金额,本次余额,对方户名,对方账号',
      '20260401,171647,+5000.00,15000.00,李四,6222020200112233445',
      '20260402,091000,+3000.00,18000.00,赵六,6217001540009283746',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '500000'],
      ['in', '300000'],
    ]);
  });

  it('a minus sign after ¥ or RMB, full-width or U+2212 is a sign: debits printed negative stay debits', async () => {
    // Each statement prints every debit negative (its habit): none of them is a reversal.
    for (const minus of ['¥-', 'RMB -', '－', '\u2212', '-¥']) {
      const plan = await planned('transactions', [
        '本方账号,交易时间,对方账号,对方户名,借贷标志,交易金额',
        `6217001540009283746,2026-06-05 07:05:03,6222020200001234567,张三,借,${minus}1200.00`,
        '6217001540009283746,2026-06-05 08:05:03,6222020200001234568,李四,贷,¥3000.00',
        `6217001540009283746,2026-06-05 09:05:03,6222020200001234569,王五,借,${minus}450.00`,
      ]);
      expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
        ['out', '120000'],
        ['in', '300000'],
        ['out', '45000'],
      ]);
    }
    const columns = await planned('transactions', [
      '账号：6217001540009283746',
      '交易日期,交易时间,摘要,支出金额,收入金额,余额,对方户名,对方账号',
      '2026-06-05,07:05:03,转账,¥-1200.00,,8800.00,张三,6222020200001234567',
      '2026-06-05,08:05:03,转账,,¥3000.00,11800.00,李四,6222020200001234568',
      '2026-06-05,09:05:03,转账,¥-450.00,,11350.00,王五,6222020200001234569',
    ]);
    expect(pick(columns.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '120000'],
      ['in', '300000'],
      ['out', '45000'],
    ]);
    // Without a flag, ¥-12.00 among ¥30.00 is a signed amount: money out.
    const signed = await planned('transactions', [
      '本方账号,交易时间,对方账号,交易金额',
      '6217001540009283746,2026-06-05 07:05:03,6222020200001234567,¥-12.00',
      '6217001540009283746,2026-06-05 08:05:03,6222020200001234568,¥30.00',
    ]);
    expect(pick(signed.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '1200'],
      ['in', '3000'],
    ]);
  });

  it('资金流出 and 资金流入 under a flag column say the direction', async () => {
    const plan = await planned('transactions', [
      '本方账号,交易时间,对方账号,资金流向,交易金额',
      '6217001540009283746,2026-06-05 07:05:03,6222020200001234567,资金流出,1200.00',
      '6217001540009283746,2026-06-05 08:05:03,6222020200001234568,资金流入,3000.00',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '120000'],
      ['in', '300000'],
    ]);
  });

  it('bills of other payment platforms (抖音支付, 云闪付) name their counterparts: the name is the counterpart', async () => {
    const douyin = await planned('transactions', [
      '抖音支付账单明细',
      '账户：zhang@example.com',
      '交易时间,交易分类,交易对方,商品说明,收/支,金额,支付方式,交易状态,交易单号',
      '2026-06-05 07:05:03,转账,张三,转账,支出,¥-12.00,零钱,支付成功,DY001',
      '2026-06-05 08:05:03,转账,李四,转账,收入,¥30.00,零钱,支付成功,DY002',
    ]);
    expect(pick(douyin.sample, ['account', 'counterpart', 'direction', 'amountFen'])).toEqual([
      ['zhang@example.com', '张三（zhang@example.com对方）', 'out', '1200'],
      ['zhang@example.com', '李四（zhang@example.com对方）', 'in', '3000'],
    ]);
    const unionPay = await planned('transactions', [
      '云闪付交易明细',
      '账号：6217001540009283746',
      '交易时间,交易类型,交易金额,商户名称,交易状态',
      '2026-06-05 07:05:03,转账,-1200.00,李四,交易成功',
    ]);
    expect(pick(unionPay.sample, ['counterpart', 'direction'])).toEqual([
      ['李四（6217001540009283746对方）', 'out'],
    ]);
  });

  it('a credit card’s statement: spending printed positive is money out, a repayment money in; 币种：美元 above the header sets the rows aside', async () => {
    const card = await planned('transactions', [
      '中国建设银行信用卡对账单',
      '卡号：6259651234567890',
      '交易日,记账日,交易描述,交易金额,对方户名',
      '2026-06-01,2026-06-02,消费,58.50,某超市',
      '2026-06-03,2026-06-04,转账,"12,000.00",某贸易公司',
      '2026-06-10,2026-06-10,还款,-3000.00,',
    ]);
    expect(pick(card.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '5850'],
      ['out', '1200000'],
      ['in', '300000'],
    ]);
    const dollars = await planned('transactions', [
      '账号：6216611234567890123,户名：张三,币种：美元,钞汇标志：现汇',
      '交易时间,交易金额,借贷标志,对方账号',
      '2026-06-01 10:00:00,5000.00,贷,6222020200001234567',
    ]);
    expect(dollars.problems.map((problem) => problem.problem)).toEqual(['currency']);
  });

  it('a month’s total dated like the rows (本月合计 under 摘要) is no transfer', async () => {
    const plan = await planned('transactions', [
      '账号：6217001540009283746',
      '交易日期,摘要,支出金额,存入金额,余额,对方户名,对方账号',
      '2026-01-05,转账,3000.00,,12000.00,李四,6222020200001234567',
      '2026-01-20,转账,2000.00,,10000.00,李四,6222020200001234567',
      '2026-01-25,存款,,800.00,10800.00,,',
      '2026-01-31,本月合计,5000.00,800.00,10800.00,,',
      '2026-02-10,转账,200.00,,10600.00,王五,6222020200001234568',
      '2026-02-28,本月小计：,200.00,,10600.00,,',
    ]);
    expect(plan.rowCount).toBe(4);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '300000'],
      ['out', '200000'],
      ['in', '80000'],
      ['out', '20000'],
    ]);
  });

  it('an account above the header that Excel kept as a number (its last digits lost) is not read as the owner', async () => {
    const result = await previewWorkbook('transactions', [
      {
        rows: [
          // Typed as a number, as Excel keeps it: 15 significant digits.
          ['账号：', Number('6217001540009283746')],
          ['交易时间', '交易金额', '借贷标志', '对方账号'],
          ['2026-04-01 10:00:00', 100, '借', '6222020200001234567'],
        ],
      },
    ]);
    // Nothing names the account: asked for, not booked to 6217001540009284000.
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns', details: { fields: ['account'] } },
    });
  });

  it('a statement that says the direction nowhere is refused, naming the column to map; one without amounts too', async () => {
    const unsigned = await preview('transactions', [
      '账号,交易时间,交易金额,对方账号',
      '6228480398271645312,2026-04-01 10:00:00,100.00,6222020200112233445',
    ]);
    expect(unsigned).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns', details: { fields: ['debitCredit'] } },
    });
    // Said by the user (a list of a suspect's outgoing transfers), every row goes that way.
    const said = await c.ok('import.preview', {
      fileName: 'out.csv',
      contentBase64: iconv
        .encode(
          '账号,交易时间,交易金额,对方账号\r\n6228480398271645312,2026-04-01 10:00:00,100.00,6222020200112233445',
          'gb18030',
        )
        .toString('base64'),
      template: 'transactions',
      direction: 'in',
    });
    expect(pick(said.sample, ['direction', 'amountFen'])).toEqual([['in', '10000']]);
    const noAmount = await preview('transactions', [
      '账号,交易时间,余额,对方账号',
      '6228480398271645312,2026-04-01 10:00:00,100.00,6222020200112233445',
    ]);
    expect(noAmount).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns', details: { fields: ['amount'] } },
    });
  });

  it('工行 交易金额(收入)/(支出) and 邮储 存入金额/支取金额 columns', async () => {
    const icbc = await planned('transactions', [
      '卡号：6222 0200 0000 1234 567,户名：张三,,,',
      '交易日期,摘要,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),余额,对方户名',
      '2026-04-01,转账,"5,000.00",,人民币,"5,000.00",,"12,000.00",李四',
      '2026-04-02,消费,,35.00,人民币,,35.00,"11,965.00",财付通',
    ]);
    expect(icbc.mapping).toMatchObject({ creditAmount: 2, debitAmount: 3 });
    expect(pick(icbc.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '500000'],
      ['out', '3500'],
    ]);
    const psbc = await planned('transactions', [
      '账号：6221881234567890123',
      '交易日期,交易时间,摘要,存入金额,支取金额,余额,对方账号,对方户名',
      '2026-04-01,17:16:47,转账,5000.00,,12000.00,6222020200112233445,李四',
      '2026-04-02,09:10:00,取款,,2000.00,10000.00,,',
      '本页小计,,,5000.00,2000.00,,,',
      '共2笔,,,,,,,',
    ]);
    expect(psbc.problems).toEqual([]);
    expect(pick(psbc.sample, ['direction', 'amountFen', 'counterpart'])).toEqual([
      ['in', '500000', '6222020200112233445'],
      ['out', '200000', null],
    ]);
  });

  it('a 交易日期 column that holds the whole time, and 余额 before the amount', async () => {
    const plan = await planned('transactions', [
      '账号,交易日期,账户余额,交易金额,对方账号',
      '6217001540001112223,2026-06-28 21:05:11,150000.00,-50000.00,6222021234567890123',
      '6217001540001112223,2026-06-28 22:05:11,150800.00,800.00,6222029876543210987',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['at', 'direction', 'amountFen'])).toEqual([
      ['2026-06-28T13:05:11.000Z', 'out', '5000000'],
      ['2026-06-28T14:05:11.000Z', 'in', '80000'],
    ]);
  });

  it('交易是否成功 answered N or 否 is a transfer that did not happen', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易时间,交易金额,收付标志,交易对手账卡号,交易是否成功',
      '6217001540009283746,20260401171647,5000.00,进,6222020200112233445,Y',
      '6217001540009283746,20260401171648,5000.00,进,6222020200112233445,N',
      '6217001540009283746,20260401171649,5000.00,进,6222020200112233445,否',
      '6217001540009283746,20260401171650,5000.00,进,6222020200112233445,是',
    ]);
    expect([plan.problems, setAsideRows(plan.setAside)]).toEqual([
      [],
      ['3 notCompleted', '4 notCompleted'],
    ]);
  });
});

describe('statements: flags under other names, reversals, fen', () => {
  it('农信社 存取标志 存/取 with a reversal printed negative: the reversal goes back the other way, the rest as flagged', async () => {
    const plan = await planned('transactions', [
      '账号：6224241234567890123   户名：张三',
      '交易日期,交易时间,存取标志,交易金额,账户余额,对方账号,对方户名,摘要',
      '2026-04-01,10:15:00,取,2000.00,8000.00,6217001540009283746,李四,转账',
      '2026-04-01,11:15:00,存,800.00,8800.00,6217001540009283746,李四,转账',
      '2026-04-01,12:15:00,取,-2000.00,10800.00,6217001540009283746,李四,冲正',
    ]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '200000'],
      ['in', '80000'],
      ['in', '200000'],
    ]);
  });

  it('a flag column under a name no template knows is found by its values', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,资金标识,交易金额,对方账号',
      '6214620012345678,2026-04-01 10:15:00,付,500.00,6217001540009283746',
      '6214620012345678,2026-04-01 11:15:00,收,800.00,6217001540009283746',
      '6214620012345678,2026-04-01 12:15:00,付,-500.00,6217001540009283746',
    ]);
    expect(plan.mapping['debitCredit']).toBe(2);
    expect(pick(plan.sample, ['direction'])).toEqual([['out'], ['in'], ['in']]);
  });

  it('借记/贷记 and a D/C header; a negative figure in the debit column is money back in', async () => {
    const plan = await planned('transactions', [
      '账号：6214620012345678',
      '交易日期,交易时间,D/C,交易金额,对方账号',
      '2026-04-01,10:15:00,借记,500.00,6217001540009283746',
      '2026-04-01,11:15:00,贷记,800.00,6217001540009283746',
    ]);
    expect(pick(plan.sample, ['direction'])).toEqual([['out'], ['in']]);
    const split = await planned('transactions', [
      '账号：6214620012345678',
      '交易日期,摘要,支出金额,存入金额,余额,对方户名,对方账号',
      '2026-04-01,转账,500.00,0.00,9500.00,李四,6217001540009283746',
      '2026-04-01,冲正,-500.00,0.00,10000.00,李四,6217001540009283746',
    ]);
    expect(pick(split.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '50000'],
      ['in', '50000'],
    ]);
  });

  it('财付通 资金流水: amounts in fen, 借贷类型 出/入, 对手方ID and 对手侧账户名称', async () => {
    const plan = await planned('transactions', [
      '用户ID,交易单号,用户侧账号名称,借贷类型,交易业务类型,交易用途类型,交易时间,交易金额(分),账户余额(分),对手方ID,对手侧账户名称',
      'wxid_abc123,1000050101202604011234567890,张三,出,转账,转账,2026-04-01 10:15:00,50000,100000,wxid_def456,李四',
      'wxid_abc123,1000050101202604011234567891,张三,入,转账,转账,2026-04-01 11:15:00,80050,180050,wxid_def456,李四',
    ]);
    expect(
      pick(plan.sample, ['account', 'direction', 'amountFen', 'counterpart', 'counterpartName']),
    ).toEqual([
      ['wxid_abc123', 'out', '50000', 'wxid_def456', '李四'],
      ['wxid_abc123', 'in', '80050', 'wxid_def456', '李四'],
    ]);
  });

  it("财付通 提现 and 充值 with 对手方ID 0: the other end is the user's own bank card (用户银行卡号)", async () => {
    const plan = await planned('transactions', [
      '用户ID,用户侧账号名称,借贷类型,交易业务类型,交易时间,交易金额(分),用户银行卡号,对手方ID,对手侧账户名称',
      'wxid_abc123,张三,出,提现,2026-04-01 10:15:00,50000,6222020200112233445,0,',
      'wxid_abc123,张三,入,充值,2026-04-02 10:15:00,30000,6222020200112233445,0,',
      'wxid_abc123,张三,出,转账,2026-04-03 10:15:00,20000,,wxid_def456,李四',
      // Paid by the card (the card paid, no money to it); a withdrawal that failed.
      'wxid_abc123,张三,出,消费,2026-04-04 10:15:00,1000,6222020200112233445,,',
      'wxid_abc123,张三,入,提现退票,2026-04-05 10:15:00,50000,6222020200112233445,0,',
    ]);
    expect(
      pick(plan.sample, ['account', 'direction', 'amountFen', 'counterpart', 'counterpartName']),
    ).toEqual([
      ['wxid_abc123', 'out', '50000', '6222020200112233445', '张三'],
      ['wxid_abc123', 'in', '30000', '6222020200112233445', '张三'],
      ['wxid_abc123', 'out', '20000', 'wxid_def456', '李四'],
      ['wxid_abc123', 'out', '1000', null, null],
      ['wxid_abc123', 'in', '50000', null, null],
    ]);
  });

  it('支付宝 转账 records as police receive them: 付款方/收款方支付宝账号, 转账金额（元）', async () => {
    const plan = await planned('transactions', [
      '交易号,付款方支付宝账号,付款方名称,收款方支付宝账号,收款方名称,转账金额（元）,转账申请时间,转账状态',
      '20260401200040011100930012345678,2088102123456789,张三,2088102987654321,李四,500.00,2026-04-01 10:15:00,成功',
    ]);
    expect(
      pick(plan.sample, [
        'account',
        'accountName',
        'counterpart',
        'counterpartName',
        'direction',
        'amountFen',
      ]),
    ).toEqual([['2088102123456789', '张三', '2088102987654321', '李四', 'out', '50000']]);
  });

  it('a totals row of formulas the file kept no value of is no row, and says its formula', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('流水');
    sheet.addRow(['账号', '交易时间', '借贷标志', '交易金额', '对方账号']);
    sheet.addRow(['6214620012345678', '2026-04-01 10:15:00', '借', 500, '6217001540009283746']);
    sheet.addRow(['6214620012345678', '2026-04-01 11:15:00', '贷', 800, '6217001540009283746']);
    sheet.addRow([null, null, null, { formula: 'SUM(D2:D3)' }, null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const plan = await c.ok('import.preview', {
      fileName: '流水.xlsx',
      contentBase64: bytes.toString('base64'),
      template: 'transactions',
    });
    expect([plan.rowCount, plan.problems]).toEqual([2, []]);
  });
});

describe('what a reviewer found the heuristics above got wrong', () => {
  it('a statement that prints every debit negative beside its flag keeps the flag; a placeholder column is no flag', async () => {
    const flagged = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,-100.00,6217001540009283746',
      '6214620012345678,2026-04-01 11:15:00,贷,50.00,6217001540009283746',
      '6214620012345678,2026-04-01 12:15:00,借,-70.00,6217001540009283746',
    ]);
    expect(pick(flagged.sample, ['direction'])).toEqual([['out'], ['in'], ['out']]);
    const debits = await planned('transactions', [
      '账号：6214620012345678',
      '交易日期,摘要,支出金额,存入金额,对方账号',
      '2026-04-01,转账,-100.00,,6217001540009283746',
      '2026-04-02,转账,,50.00,6217001540009283746',
      '2026-04-03,转账,-70.00,,6217001540009283746',
    ]);
    expect(pick(debits.sample, ['direction'])).toEqual([['out'], ['in'], ['out']]);
    const placeholder = await planned('transactions', [
      '账号,交易时间,交易金额,对方账号,对方行号,摘要',
      '6214620012345678,2026-04-01 10:15:00,-100.00,6217001540009283746,-,转出',
      '6214620012345678,2026-04-01 11:15:00,+50.00,6217001540009283746,-,转入',
      '6214620012345678,2026-04-01 12:15:00,+70.00,6217001540009283746,-,转入',
    ]);
    expect(placeholder.mapping['debitCredit']).toBeUndefined();
    expect(pick(placeholder.sample, ['direction'])).toEqual([['out'], ['in'], ['in']]);
  });

  it('an account sheet before the detail sheet is not the header; renminbi however written; N under 交易状态 is no failure', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('账户信息').addRows([
      ['账号', '账户名称', '证件号码', '币种', '开户网点', '余额'],
      ['6214620012345678', '张三', '', '人民币', '昆明分行', 1000],
    ]);
    workbook.addWorksheet('交易明细').addRows([
      ['交易时间', '交易金额', '借贷标志', '交易币种', '交易状态', '对方账号', '账号'],
      [
        '2026-04-01 10:15:00',
        100,
        '借',
        '人民币(RMB)',
        'N',
        '6217001540009283746',
        '6214620012345678',
      ],
      [
        '2026-04-01 11:15:00',
        50,
        '贷',
        'CNY-人民币',
        'N',
        '6217001540009283746',
        '6214620012345678',
      ],
      ['2026-04-01 12:15:00', 70, '借', 'USD', 'N', '6217001540009283746', '6214620012345678'],
    ]);
    const plan = await c.ok('import.preview', {
      fileName: '流水.xlsx',
      contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
      template: 'transactions',
    });
    expect(plan.headers[0]).toBe('交易时间');
    expect(plan.problems.map((problem) => [problem.field, problem.value])).toEqual([
      ['currency', 'USD'],
    ]);
  });

  it('a counterpart in one cell with its digits grouped; a name alone is no bank account', async () => {
    const plan = await planned('transactions', [
      '账号：6214620012345678',
      '交易日期,交易金额,借贷标志,对方账号与户名',
      '2026-04-01,100.00,借,张三/6222 0200 1234 5678 901',
      '2026-04-02,100.00,借,张三',
    ]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName'])).toEqual([
      ['6222020012345678901', '张三'],
      [null, '张三'],
    ]);
  });

  it('the number of an officer after his name is not the target’s', async () => {
    const result = await preview('calls', [
      '经办人：张三 号码：13912345678',
      '对方号码,呼叫类型,开始时间,通话时长',
      '13987654321,主叫,2026-04-01 17:16:47,65',
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns', details: { fields: ['ownNumber'] } },
    });
  });

  it('a landline dialled while roaming is of the place the phone was (漫游地), not of its home (本机归属地)', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,本机归属地,漫游地',
      '13800138000,87654321,主叫,2026-06-05 07:05:03,65,云南昆明,北京',
    ]);
    expect(pick(plan.sample, ['callee', 'farType'])).toEqual([['01087654321', 'landline']]);
  });

  it('a start time under 开始时间(UTC), or written with GMT+8 or UTC after it, is read in that zone', async () => {
    const utc = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间(UTC),通话时长',
      '13800138000,13900139000,主叫,2026-06-04 23:05:03,65',
    ]);
    const written = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,2026-06-05 07:05:03 GMT+8,65',
      '13800138000,13900139000,主叫,2026-06-04 23:05:03 UTC,65',
      '13800138000,13900139000,主叫,2026-06-05 07:05:03(UTC+08:00),65',
    ]);
    const statement = await planned('transactions', [
      '账号,交易时间(GMT),借贷标志,交易金额,对方账号',
      '6214620012345678,2026-06-04 23:05:03,借,5.2,6217001540009283746',
    ]);
    // 07:05:03 in China is 23:05:03 UTC the day before.
    expect([
      ...pick(utc.sample, ['startedAt']).flat(),
      ...pick(written.sample, ['startedAt']).flat(),
      ...pick(statement.sample, ['at']).flat(),
    ]).toEqual([
      '2026-06-04T23:05:03.000Z',
      '2026-06-04T23:05:03.000Z',
      '2026-06-04T23:05:03.000Z',
      '2026-06-04T23:05:03.000Z',
      '2026-06-04T23:05:03.000Z',
    ]);
  });

  it('a duration header naming its unit: 毫秒 and 分钟 are read as such, not as seconds or not at all', async () => {
    for (const [header, figures, seconds] of [
      ['通话时长(毫秒)', ['65000', '1500'], ['65', '2']],
      ['通话时长(分)', ['2', '1.5'], ['120', '90']],
      ['通话时长(分钟)', ['2', '0:01:05'], ['120', '65']],
      ['通话时长（单位：分钟）', ['3', '1分5秒'], ['180', '65']],
      ['通话时长(秒)', ['65', '65.0'], ['65', '65']],
    ] as const) {
      const plan = await planned('calls', [
        `本机号码,对方号码,呼叫类型,开始时间,${header}`,
        `13800138000,13900139000,主叫,2026-06-05 07:05:03,${figures[0]}`,
        `13800138000,13900139000,被叫,2026-06-05 08:05:03,${figures[1]}`,
      ]);
      expect([header, pick(plan.sample, ['durationSeconds']).flat()]).toEqual([header, seconds]);
    }
  });

  it('a title naming the officer’s number and then the target’s: the target’s, the one right before 话单', async () => {
    for (const [title, own] of [
      ['XX市公安局禁毒支队 承办民警：王某（13712345678）调取13800138000通话详单', '13800138000'],
      ['协查单位：XX县公安局  经办：李某 13712345678  13800138000话单', '13800138000'],
      ['138 0013 8000 通话详单', '13800138000'],
      ['调取号码：13800138000', '13800138000'],
      ['客户号码：13800138000', '13800138000'],
    ]) {
      const plan = await planned('calls', [
        title!,
        '对方号码,呼叫类型,开始时间,通话时长',
        '13900139000,主叫,2026-06-05 07:05:03,65',
      ]);
      expect([plan.owner, pick(plan.sample, ['caller', 'callee'])]).toEqual([
        own,
        [[own, '13900139000']],
      ]);
    }
    // The officer's number alone before 调取通话详单 names no target.
    const officerOnly = await preview('calls', [
      '承办民警：王某（13712345678）调取通话详单',
      '对方号码,呼叫类型,开始时间,通话时长',
      '13900139000,主叫,2026-06-05 07:05:03,65',
    ]);
    expect(officerOnly).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns', details: { fields: ['ownNumber'] } },
    });
  });
});

describe('amounts in 万元', () => {
  it('said by the header, by a line above it, or by a 金额单位 column, row by row', async () => {
    const header = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额(万元),对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,5.2,6217001540009283746',
    ]);
    expect(pick(header.sample, ['amountFen'])).toEqual([['5200000']]);
    const above = await planned('transactions', [
      '单位：万元',
      '账号,交易时间,借贷标志,交易金额,对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,5.2,6217001540009283746',
    ]);
    expect(pick(above.sample, ['amountFen'])).toEqual([['5200000']]);
    const column = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,金额单位,对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,5.2,万元,6217001540009283746',
      '6214620012345678,2026-04-01 11:15:00,借,5.2,元,6217001540009283746',
    ]);
    expect(pick(column.sample, ['amountFen'])).toEqual([['5200000'], ['520']]);
  });

  it('a figure in 万元 to four decimals is yuan and fen exactly, as text or as a number cell', async () => {
    const text = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额(万元),对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,1.2345,6217001540009283746',
      '6214620012345678,2026-04-01 10:16:00,借,0.0000015,6217001540009283746',
    ]);
    expect(pick(text.sample, ['amountFen'])).toEqual([['1234500']]);
    expect(text.problems.map((problem) => problem.problem)).toEqual(['amount']);
    const cells = await plannedWorkbook('transactions', [
      {
        rows: [
          ['账号', '交易时间', '借贷标志', '交易金额(万元)', '对方账号'],
          ['6214620012345678', '2026-04-01 10:15:00', '借', 1.2345, '6217001540009283746'],
        ],
      },
    ]);
    expect(pick(cells.sample, ['amountFen'])).toEqual([['1234500']]);
  });

  it('the balance is in the same unit: the ways its moves say (借贷标志 0/1) are read in 万元 too', async () => {
    // 0 and 1 name no way: the balances teach them. Four decimals of 万元 are whole yuan.
    const rows = (unit = '') => [
      `6214620012345678,2026-04-01 10:00:00,1,1.2345,8.7655,${unit}6217001540009283746`,
      `6214620012345678,2026-04-01 11:00:00,0,0.5000,9.2655,${unit}6217001540009283746`,
      `6214620012345678,2026-04-01 12:00:00,1,0.1234,9.1421,${unit}6217001540009283746`,
      `6214620012345678,2026-04-01 13:00:00,0,2.0001,11.1422,${unit}6217001540009283746`,
    ];
    const expected = [
      ['out', '1234500'],
      ['in', '500000'],
      ['out', '123400'],
      ['in', '2000100'],
    ];
    const header = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额(万元),余额,对方账号',
      ...rows(),
    ]);
    const above = await planned('transactions', [
      '单位：万元',
      '账号,交易时间,借贷标志,交易金额,交易余额,对方账号',
      ...rows(),
    ]);
    const column = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,账户余额,金额单位,对方账号',
      ...rows('万元,'),
    ]);
    for (const plan of [header, above, column]) {
      expect(plan.problems).toEqual([]);
      expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual(expected);
    }
    // Unsigned amounts, each row's way its balance's move: from 期初余额 above, in 万元 too.
    const opening = await planned('transactions', [
      '单位：万元',
      '期初余额：10.00',
      '账号,交易时间,交易金额,余额,对方账号',
      ...rows().map((line) => line.replace(/,[01],/, ',')),
    ]);
    expect(opening.problems).toEqual([]);
    expect(pick(opening.sample, ['direction', 'amountFen'])).toEqual(expected);
    // A balance its header says is in yuan stays in yuan.
    const yuan = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额(万元),余额(元),对方账号',
      '6214620012345678,2026-04-01 10:00:00,1,1.2345,87655.00,6217001540009283746',
      '6214620012345678,2026-04-01 11:00:00,0,0.5000,92655.00,6217001540009283746',
      '6214620012345678,2026-04-01 12:00:00,1,0.1234,91421.00,6217001540009283746',
      '6214620012345678,2026-04-01 13:00:00,0,2.0001,111422.00,6217001540009283746',
    ]);
    expect(yuan.problems).toEqual([]);
    expect(pick(yuan.sample, ['direction', 'amountFen'])).toEqual(expected);
  });

  it('千元 by the header or a line above it; a header naming a foreign currency sets every row aside', async () => {
    const thousands = await planned('transactions', [
      '账号,交易时间,借贷标志,发生额(千元),对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,12.00,6217001540009283746',
    ]);
    expect(pick(thousands.sample, ['amountFen'])).toEqual([['1200000']]);
    const above = await planned('transactions', [
      '单位：千元',
      '账号,交易时间,借贷标志,交易金额,对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,1.5,6217001540009283746',
    ]);
    expect(pick(above.sample, ['amountFen'])).toEqual([['150000']]);
    const dollars = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额(美元),对方账号',
      '6214620012345678,2026-04-01 10:15:00,借,1200.00,6217001540009283746',
    ]);
    expect(dollars.problems).toEqual([
      { line: 2, field: 'amount', problem: 'currency', value: '1200.00' },
    ]);
  });
});

describe('statements: who the money went to', () => {
  it('中行 对方账户名称/对方账户账号, 建行 对方账号与户名, 招行 对手信息', async () => {
    const boc = await planned('transactions', [
      '账号：6216610200001234567',
      '交易日期,交易时间,币别,交易金额,对方账户名称,对方账户账号,对方开户行',
      '2026/04/01,17:16:47,人民币元,"5,000.00",李四,6222020200112233445,中国工商银行',
      '2026/04/02,09:10:00,人民币元,"-2,000.00",赵六,6217001540009283746,中国建设银行',
    ]);
    expect(pick(boc.sample, ['counterpart', 'counterpartName', 'direction'])).toEqual([
      ['6222020200112233445', '李四', 'in'],
      ['6217001540009283746', '赵六', 'out'],
    ]);
    const ccb = await planned('transactions', [
      '账号：6217 0015 4000 9283 746',
      '序号,摘要,币别,交易日期,交易金额,对方账号与户名',
      '1,转账存入,人民币,20260401,5000.00,6222020200112233445/李四',
      '2,消费,人民币,20260402,-35.00,/',
    ]);
    expect(pick(ccb.sample, ['account', 'counterpart', 'counterpartName'])).toEqual([
      ['6217001540009283746', '6222020200112233445', '李四'],
      ['6217001540009283746', null, null],
    ]);
    const cmb = await planned('transactions', [
      '账号,6214830000001234,户名,张三,币种,人民币,日期,2026-04',
      '记账日期,货币,交易金额,联机余额,交易摘要,对手信息',
      '2026-04-01,人民币,"5,000.00","12,000.00",转账汇款,李四 6222020200112233445',
      '2026-04-02,人民币,"-2,000.00","10,000.00",快捷支付,财付通-微信转账',
    ]);
    // The line above, which names 账号, 户名, 币种 and 日期 beside their values, is not the header.
    expect(cmb.headerLine).toBe(2);
    expect(pick(cmb.sample, ['account', 'counterpart', 'counterpartName'])).toEqual([
      ['6214830000001234', '6222020200112233445', '李四'],
      // No account in the cell: the name is kept, but no account is made of it.
      ['6214830000001234', null, '财付通-微信转账'],
    ]);
  });

  it('a card row without its card number goes by the account (资金查询反馈 of a company account)', async () => {
    const plan = await planned('transactions', [
      '交易卡号,交易账号,交易时间,交易金额,收付标志,交易对手账卡号',
      '6217001540009283746,53001600000052000001,20260401171647,100.00,出,6222020200112233445',
      ',53001600000052000001,20260402171647,100.00,出,6222020200112233445',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['account'])).toEqual([
      ['6217001540009283746'],
      ['53001600000052000001'],
    ]);
  });

  it('masked Alipay counterparts are told apart by their names; dashes in an account are no part of it', async () => {
    const alipay = await planned('transactions', [
      '支付宝交易明细',
      '支付宝账户：zhangsan@example.com',
      '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,交易状态',
      '2024-03-31 20:15:01,转账红包,李*,139******21,转账,支出,500.00,交易成功',
      '2024-03-30 10:00:00,转账红包,王*,139******21,转账收款,收入,1200.00,交易成功',
    ]);
    expect(pick(alipay.sample, ['counterpart'])).toEqual([
      ['李*（139******21）'],
      ['王*（139******21）'],
    ]);
    const dashed = await planned('transactions', [
      '交易卡号,交易时间,交易金额,收付标志,交易对手账卡号',
      '6217-0015-4000-9283-746,2026-04-01 10:00:00,100.00,出,6222 0202 0011 2233 445',
    ]);
    expect(pick(dashed.sample, ['account', 'counterpart'])).toEqual([
      ['6217001540009283746', '6222020200112233445'],
    ]);
  });

  it('an account number Excel wrote as 6.2E+18 into a CSV is refused as cut', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,交易金额,借贷标志,对方账号',
      '6.21700154000928E+18,2026-04-01 10:00:00,100.00,借,6.22202020011223E+18',
    ]);
    expect(plan.problems.map((problem) => [problem.field, problem.problem])).toEqual([
      ['account', 'truncated'],
      ['counterpartAccount', 'truncated'],
    ]);
  });
});

describe('call lists', () => {
  it('移动 调证: 基站号 beside 小区号 is the LAC, so each cell stays its own', async () => {
    const plan = await planned('calls', [
      '中国移动通信集团云南有限公司',
      '查询号码：13812345678,,查询时间段：2026-04-01至2026-04-30',
      '用户号码,对方号码,呼叫类型,通话起始时间,通话时长,基站号,小区号',
      '13812345678,13987654321,主叫,2026-04-01 17:16:47,00:01:05,22345,23101',
      '13812345678,+8613987654321,被叫,2026-04-01 18:02:11,65,22345,23102',
    ]);
    expect(pick(plan.sample, ['baseStation'])).toEqual([['22345-23101'], ['22345-23102']]);
    const both = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,基站号,LAC,CI',
      '13812345678,13987654321,主叫,2026-04-01 17:16:47,65,E123456,22345,23101',
    ]);
    expect(pick(both.sample, ['baseStation'])).toEqual([['22345-23101']]);
  });

  it('the same cell written by two carriers in hex and in decimal is one cell: the two phones meet on it', async () => {
    const commit = async (name: string, lines: string[]) =>
      await c.ok('import.commit', {
        fileName: name,
        contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
        template: 'calls',
        importId: name,
      });
    // A 联通 phone and a 电信 one: the two networks share their sites (共建共享).
    await commit('unicom.csv', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CELLID',
      '13112345678,13987654321,主叫,2026-04-01 17:16:47,65,5A3C,0B2F',
      '13112345678,13987654321,主叫,2026-04-01 18:16:47,65,5A3C,0B30',
    ]);
    await commit('telecom.csv', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,基站信息',
      '18912345678,13700001111,被叫,2026-04-01 17:20:00,30,LAC:23100 CI:2863',
    ]);
    const onCell = async (cell: string) =>
      (
        await c.ok('analytics.cellPresence', { cell, from: '2026-04-01', to: '2026-04-01' })
      ).rows.map((row) => row.number);
    expect(await onCell('23100-2863')).toEqual(['13112345678', '18912345678']);
    expect(await onCell('0x5A3C-0x0B2F')).toEqual(['13112345678', '18912345678']);
    const met = await c.ok('analytics.colocation', { phones: ['13112345678'], minOccasions: 1 });
    expect(met.pairs.map((pair) => [pair.b.number, pair.occasions.map((o) => o.cell)])).toEqual([
      ['18912345678', ['23100-2863']],
    ]);
  });

  it('#31# before a number, 分:秒 past an hour, English headers; LAC and CI in hex', async () => {
    const plan = await planned('calls', [
      'Calling Number,Called Number,Start Time,Duration,LAC,CI',
      '13812345678,#31#13912345678,2026-04-01 17:16:47,125:30,5749,1023',
      '13812345678,13912345678,2026-04-01 18:16:47,65,5749,5A3D',
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds', 'baseStation'])).toEqual([
      // 5A3D among the first rows says the LAC and CI columns are hex.
      ['13812345678', '13912345678', '7530', '22345-4131'],
      ['13812345678', '13912345678', '65', '22345-23101'],
    ]);
  });

  it('a workbook of a sheet a month, the last with a column more: every month read, its columns by their names', async () => {
    const workbook = new ExcelJS.Workbook();
    const header = ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长'];
    for (const [month, extra] of [
      ['3', false],
      ['4', false],
      ['5', true],
    ] as const) {
      const sheet = workbook.addWorksheet(`${month}月`);
      sheet.addRow([`13812345678 2026年${month}月通话详单`]);
      sheet.mergeCells('A1:E1');
      // May's list adds the handset's IMEI, before the time.
      sheet.addRow(extra ? [...header.slice(0, 3), 'IMEI', ...header.slice(3)] : header);
      for (const day of ['01', '02'])
        sheet.addRow(
          extra
            ? [
                '13812345678',
                '13987654321',
                '主叫',
                '861234567890123',
                `2026-0${month}-${day} 10:00:00`,
                60,
              ]
            : ['13812345678', '13987654321', '被叫', `2026-0${month}-${day} 10:00:00`, 30],
        );
    }
    const plan = await c.ok('import.preview', {
      fileName: '话单.xlsx',
      contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
      template: 'calls',
    });
    expect([plan.rowCount, plan.problems]).toEqual([6, []]);
    expect(plan.sheets.map((sheet) => [sheet.rows, sheet.read])).toEqual([
      [2, true],
      [2, true],
      [2, true],
    ]);
  });

  it('call-type codes explained above the header (呼叫类型：1-主叫，2-被叫，3-呼转)', async () => {
    const plan = await planned('calls', [
      '通话详单 说明：呼叫类型：1-主叫，2-被叫，3-呼转',
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13812345678,13987654321,1,2026-04-01 17:16:47,65',
      '13812345678,13987654321,2,2026-04-01 18:16:47,30',
      '13812345678,13987654321,3,2026-04-01 19:16:47,10',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['caller', 'kind'])).toEqual([
      ['13812345678', 'call'],
      ['13987654321', 'call'],
      ['13812345678', 'forwarded'],
    ]);
  });

  it('an SMS list: 收发类型 发送/接收 and 发送时间', async () => {
    const plan = await planned('calls', [
      '用户号码,对方号码,收发类型,发送时间',
      '13812345678,13987654321,发送,2026-04-01 17:16:47',
      '13812345678,13987654321,接收,2026-04-01 17:18:00',
    ]);
    expect(pick(plan.sample, ['kind', 'caller', 'callee'])).toEqual([
      ['sms', '13812345678', '13987654321'],
      ['sms', '13987654321', '13812345678'],
    ]);
  });

  it('the own number above the header as 号码： or 目标号码：', async () => {
    for (const label of ['号码：13812345678', '目标号码：13812345678'])
      expect(
        (
          await planned('calls', [
            label,
            '对方号码,呼叫类型,开始时间,通话时长',
            '13987654321,主叫,2026-04-01 17:16:47,65',
          ])
        ).owner,
      ).toBe('13812345678');
  });

  it('full-width times and durations, milliseconds after the seconds, notes in the headers', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型（主叫/被叫）,开始时间（北京时间）,通话时长（秒）',
      '13812345678,13987654321,主叫,2026-04-01 17：16：47,６５',
      '13812345678,13987654321,主叫,２０２６－０４－０１　１７:１６:４７,00:01:05.000',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['startedAt', 'durationSeconds'])).toEqual([
      ['2026-04-01T09:16:47.000Z', '65'],
      ['2026-04-01T09:16:47.000Z', '65'],
    ]);
  });

  it('lines under and between the rows are no rows: notes, who queried, page titles, blank lines', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13812345678,13987654301,主叫,2026-04-01 17:11:00,61',
      ',,,,',
      '   ',
      '通话详单 第2页,,,,',
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13812345678,13987654302,主叫,2026-04-01 17:12:00,62',
      '注：本清单仅供公安机关办案使用,,,,',
      '查询人：王警官 13900001111,,,,',
      '（本页以下空白）,,,,',
      '总笔数：2,,,,',
      '备注：本对账单仅供参考,,,,',
    ]);
    expect([plan.rowCount, plan.problems]).toEqual([2, []]);
  });

  it('a UTF-8 BOM before GBK text: the text read as GBK', async () => {
    const body = iconv.encode(
      '本机号码,对方号码,呼叫类型,开始时间,通话时长\r\n13812345678,13987654301,主叫,2026-04-01 17:11:00,61\r\n',
      'gb18030',
    );
    const plan = await c.ok('import.preview', {
      fileName: 'bom.csv',
      contentBase64: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]).toString('base64'),
      template: 'calls',
    });
    expect([plan.encoding, plan.headers[0], plan.rowCount, plan.problems]).toEqual([
      'gb18030',
      '本机号码',
      1,
      [],
    ]);
  });
});

describe('person lists', () => {
  it('numbers written with spaces are one number each', async () => {
    const plan = await c.ok('import.preview', {
      fileName: '人员.csv',
      contentBase64: iconv
        .encode(
          '姓名,联系电话\r\n王某,138 0013 8000\r\n李某,+86 138 0013 8001\r\n赵某,0871 6543 2100',
          'gb18030',
        )
        .toString('base64'),
      template: 'persons',
    });
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['phones'])).toEqual([
      ['13800138000'],
      ['13800138001'],
      ['087165432100'],
    ]);
  });

  it('a passport under 证件类型, several numbers in one cell, 不详 and 未知 as nothing', async () => {
    const csv = [
      '姓名,性别,证件类型,证件号码,联系电话,户籍地址',
      '岩某,男,护照,MA1234567,13812345678/13987654321,缅甸掸邦',
      '李某,未知,居民身份证,不详,,云南省昆明市',
      // 其他 and 户口簿 over a resident's ID number: that number; 军官证 over another: refused.
      '王某,,其他,530102199003070016,,',
      '赵某,,户口簿,530102199003070075,,',
      '钱某,,军官证,军字第1234567号,,',
    ].join('\r\n');
    const file = {
      fileName: '人员.csv',
      contentBase64: iconv.encode(csv, 'gb18030').toString('base64'),
      template: 'persons' as const,
    };
    const plan = await c.ok('import.preview', file);
    expect(plan.problems).toEqual([
      { line: 6, field: 'idType', problem: 'idNumber', value: '军官证' },
    ]);
    expect(pick(plan.sample, ['name', 'idNumber', 'idType', 'phones', 'gender'])).toEqual([
      ['岩某', 'MA1234567', 'passport', '13812345678、13987654321', 'male'],
      ['李某', null, null, '', 'unknown'],
      ['王某', '530102199003070016', null, '', 'male'],
      ['赵某', '530102199003070075', null, '', 'male'],
    ]);
    await c.ok('import.commit', { ...file, importId: 'imp-persons', skipInvalid: true });
    const [person] = (await c.ok('entities.list', { kinds: ['person'], text: '岩某' })).rows;
    const detail = await c.ok('entities.get', { id: person!.id });
    expect(detail.details).toMatchObject({ idNumber: 'MA1234567', idType: 'passport' });
    expect(detail.relations.map((relation) => relation.toLabel).sort()).toEqual([
      '13812345678',
      '13987654321',
    ]);
  });
});

describe('base stations of 4G lists and headers that name the radix', () => {
  const list = (header: string, cells: string[]) => [
    `本机号码,对方号码,呼叫类型,开始时间,通话时长,${header}`,
    ...cells.map(
      (cell, index) => `13800138000,1390013900${index},主叫,2026-06-05 0${index}:05:03,65,${cell}`,
    ),
  ];
  const cellsOf = async (header: string, cells: string[]) =>
    pick((await planned('calls', list(header, cells))).sample, ['baseStation']).flat();

  it('TAC and ECI beside LAC and CI; an eNodeB and its local cell made the ECI; each column in its own radix', async () => {
    // A 4G cell is its ECI, unique in the carrier's network, without the TAC beside it.
    expect(await cellsOf('LAC,CI,TAC,ECI', ['22345,23101,,', ',,25612,123456789'])).toEqual([
      '22345-23101',
      '123456789',
    ]);
    // A TAC in decimal (five digits: no 16-bit hex) beside an ECI its header says is hex.
    expect(await cellsOf('TAC,ECI(16进制)', ['25612,75BCD15', '25612,75BCD16'])).toEqual([
      '123456789',
      '123456790',
    ]);
    expect(await cellsOf('TAC,eNodeB ID,小区ID', ['25612,482253,21', '25612,482253,22'])).toEqual([
      '123456789',
      `${482253 * 256 + 22}`,
    ]);
    expect(await cellsOf('TAC,基站,小区', ['25612,482253,21', '25612,482254,21'])).toEqual([
      '123456789',
      `${482254 * 256 + 21}`,
    ]);
    // Headers saying hex, over digits only.
    expect(await cellsOf('LAC(十六进制),CI(十六进制)', ['2234,5678', '2234,5679'])).toEqual([
      '8756-22136',
      '8756-22137',
    ]);
  });

  it('a whole cell as 46000-…, with | or a space between its parts', async () => {
    expect(
      await cellsOf('基站', [
        '460-00-25612-123456789',
        '46000-25612-123456789',
        '25612|123456789',
        '25612 123456789',
        '460-00-640C-75BCD15',
      ]),
    ).toEqual(Array(5).fill('123456789'));
  });
});

describe('legends above a 话单’s header, one per column', () => {
  const kinds = async (lines: string[]) =>
    pick((await planned('calls', lines)).sample, ['caller', 'kind', 'durationSeconds']);

  it('a second legend for another column does not overwrite the call types; 短信 rows stay messages', async () => {
    expect(
      await kinds([
        '说明：呼叫类型 1-主叫 2-被叫；短信收发标志 1-短信发送 2-短信接收',
        '本机号码,对方号码,业务类型,呼叫类型,开始时间,通话时长',
        '13800138000,13900139000,语音,1,2026-06-05 07:05:03,65',
        '13800138000,13900139001,语音,2,2026-06-05 08:05:03,30',
        '13800138000,13900139002,短信,1,2026-06-05 09:05:03,0',
      ]),
    ).toEqual([
      ['13800138000', 'call', '65'],
      ['13900139001', 'call', '30'],
      ['13800138000', 'sms', '0'],
    ]);
  });

  it('codes of texts (3-主叫短信, 3-短信主叫), codes without a sign (01主叫), a legend of 业务类型', async () => {
    expect(
      await kinds([
        '呼叫类型：1-主叫 2-被叫 3-主叫短信 4-被叫短信',
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13800138000,13900139000,1,2026-06-05 07:05:03,65',
        '13800138000,13900139001,3,2026-06-05 08:05:03,1',
        '13800138000,13900139002,4,2026-06-05 09:05:03,1',
      ]),
    ).toEqual([
      ['13800138000', 'call', '65'],
      ['13800138000', 'sms', '0'],
      ['13900139002', 'sms', '0'],
    ]);
    expect(
      await kinds([
        '呼叫类型：1-语音主叫 2-语音被叫 3-短信主叫 4-短信被叫',
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13800138000,13900139000,2,2026-06-05 07:05:03,65',
        '13800138000,13900139001,3,2026-06-05 08:05:03,0',
      ]),
    ).toEqual([
      ['13900139000', 'call', '65'],
      ['13800138000', 'sms', '0'],
    ]);
    expect(
      await kinds([
        '说明：呼叫类型 01主叫 02被叫 03呼转',
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13800138000,13900139000,01,2026-06-05 07:05:03,65',
        '13800138000,13900139001,02,2026-06-05 08:05:03,65',
      ]),
    ).toEqual([
      ['13800138000', 'call', '65'],
      ['13900139001', 'call', '65'],
    ]);
    expect(
      await kinds([
        '说明：业务类型 1-语音 2-短信；呼叫类型 1-主叫 2-被叫',
        '本机号码,对方号码,业务类型,呼叫类型,开始时间,通话时长',
        '13800138000,13900139000,1,1,2026-06-05 07:05:03,65',
        '13800138000,13900139001,2,2,2026-06-05 08:05:03,0',
      ]),
    ).toEqual([
      ['13800138000', 'call', '65'],
      ['13900139001', 'sms', '0'],
    ]);
  });
});

describe('forwarded calls and their third number', () => {
  const file = (lines: string[]) => ({
    fileName: '呼转.csv',
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'calls' as const,
  });

  it('呼转 with a 第三方号码: the caller reached the target, whose phone passed the call to the third number; 原被叫号码 passed its call on to whoever took it', async () => {
    const forwarded = file([
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,第三方号码',
      '13800138000,13900139000,呼转,2026-06-05 07:05:03,65,13700137000',
      '13800138000,13900139001,主叫,2026-06-05 08:05:03,30,',
      // A 呼转 row without a third number: the 对方 is where it went, as before.
      '13800138000,13900139002,呼转,2026-06-05 09:05:03,20,',
    ]);
    const preview = await c.ok('import.preview', forwarded);
    expect([preview.rowCount, preview.validCount]).toEqual([3, 3]);
    expect(pick(preview.sample, ['caller', 'callee', 'kind', 'durationSeconds'])).toEqual([
      ['13900139000', '13800138000', 'forwarded', '65'],
      ['13800138000', '13700137000', 'forwarded', '65'],
      ['13800138000', '13900139001', 'call', '30'],
      ['13800138000', '13900139002', 'forwarded', '20'],
    ]);
    const summary = await c.ok('import.commit', { ...forwarded, importId: 'imp-forwarded' });
    expect(summary.rows).toBe(3);
    const [target] = (await c.ok('entities.list', { kinds: ['phone'], text: '13800138000' })).rows;
    const detail = await c.ok('entities.get', { id: target!.id });
    expect(
      detail.relations.map((relation) => `${relation.fromLabel}>${relation.toLabel}`).sort(),
    ).toEqual([
      '13800138000>13700137000',
      '13800138000>13900139001',
      '13800138000>13900139002',
      '13900139000>13800138000',
    ]);

    // The list of the phone the call was passed to: 主叫 139 called 138, 137 took it.
    const original = await c.ok(
      'import.preview',
      file([
        '主叫号码,被叫号码,开始时间,通话时长,原被叫号码',
        '13900139000,13700137000,2026-06-05 07:05:03,65,13800138000',
      ]),
    );
    expect(pick(original.sample, ['caller', 'callee', 'kind'])).toEqual([
      ['13900139000', '13700137000', 'call'],
      ['13800138000', '13700137000', 'forwarded'],
    ]);
    expect(original.validCount).toBe(1);
  });

  it('呼转 in the target’s list of 主叫/被叫: two legs through the target, named under 原被叫 or in the heading', async () => {
    const preview = await c.ok(
      'import.preview',
      file([
        '13987650001 通话详单',
        '主叫号码,被叫号码,呼叫类型,开始时间,通话时长,原被叫号码',
        '13987650001,13812345678,主叫,2026-03-01 09:00:00,60,',
        '13812345678,15912345678,呼转,2026-03-01 09:20:00,300,13987650001',
        // 原被叫 empty: the heading's target passed it on.
        '13612345678,15912345678,呼转,2026-03-01 09:30:00,200,',
      ]),
    );
    expect(preview.validCount).toBe(3);
    expect(pick(preview.sample, ['caller', 'callee', 'kind', 'own'])).toEqual([
      ['13987650001', '13812345678', 'call', '13987650001'],
      ['13812345678', '13987650001', 'forwarded', '13987650001'],
      ['13987650001', '15912345678', 'forwarded', '13987650001'],
      ['13612345678', '13987650001', 'forwarded', '13987650001'],
      ['13987650001', '15912345678', 'forwarded', '13987650001'],
    ]);
  });
});

describe('headers of two rows', () => {
  const previewOf = (template: PreviewTemplate, rows: unknown[][], merges: string[]) =>
    plannedWorkbook(template, [{ rows, merges }]);

  it('对方 over 账号/户名/开户行: the other party’s, not the statement’s own account and holder', async () => {
    const plan = await previewOf(
      'transactions',
      [
        ['查询账号：', '6221881234000012345', null, '户名：', '孙七'],
        ['序号', '交易时间', '交易金额', '借贷标志', '对方', '对方', '对方', '摘要'],
        ['序号', '交易时间', '交易金额', '借贷标志', '账号', '户名', '开户行', '摘要'],
        [
          1,
          '2026-05-03 08:00:00',
          2000,
          '借',
          '6222021001122334455',
          '李四',
          '工行昆明分行',
          '转账',
        ],
        [
          2,
          '2026-05-04 19:45:10',
          500,
          '贷',
          '6217003760001112223',
          '周八',
          '建行昆明分行',
          '转账',
        ],
      ],
      ['E2:G2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'H2:H3'],
    );
    expect(plan.headers.slice(4, 7)).toEqual(['对方账号', '对方户名', '对方开户行']);
    expect(
      pick(plan.sample, ['account', 'counterpart', 'counterpartName', 'direction', 'amountFen']),
    ).toEqual([
      ['6221881234000012345', '6222021001122334455', '李四', 'out', '200000'],
      ['6221881234000012345', '6217003760001112223', '周八', 'in', '50000'],
    ]);
  });

  it('本机 and 对方 each over 号码/归属地: the row under them is no data row', async () => {
    const plan = await previewOf(
      'calls',
      [
        ['中国电信 通话清单'],
        ['本机', '本机', '对方', '对方', '呼叫类型', '开始时间', '通话时长'],
        ['号码', '归属地', '号码', '归属地', '呼叫类型', '开始时间', '通话时长'],
        ['13312345678', '云南昆明', '13800001111', '云南昆明', '主叫', '2026-06-01 10:00:00', 120],
        ['13312345678', '云南昆明', '075588889999', '广东深圳', '被叫', '2026-06-01 11:00:00', 30],
      ],
      ['A1:G1', 'A2:B2', 'C2:D2', 'E2:E3', 'F2:F3', 'G2:G3'],
    );
    expect([plan.rowCount, plan.problems]).toEqual([2, []]);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds'])).toEqual([
      ['13312345678', '13800001111', '120'],
      ['075588889999', '13312345678', '30'],
    ]);
  });
});

describe('a workbook’s sheets: named by their owners, or hidden', () => {
  const header = ['对方号码', '呼叫类型', '开始时间', '通话时长'];

  it('a sheet per target named by its number: the first sheet’s number is the owner, another number’s sheet is not put on it', async () => {
    const plan = await plannedWorkbook('calls', [
      {
        name: '13988776655',
        rows: [header, ['13800001111', '主叫', '2026-06-01 10:00:00', 60]],
      },
      {
        name: '13700002222',
        rows: [header, ['15911112222', '主叫', '2026-06-01 11:00:00', 30]],
      },
    ]);
    expect(plan.owner).toBe('13988776655');
    expect(pick(plan.sample, ['caller', 'callee'])).toEqual([['13988776655', '13800001111']]);
    expect(plan.sheets).toEqual([
      { name: '13988776655', number: 1, rows: 1, read: true },
      { name: '13700002222', number: 2, rows: 0, read: false, unread: 'owner' },
    ]);
  });

  it('a statement per company account named by its number: each sheet’s rows are its account’s', async () => {
    const statement = (counterpart: string) => [
      ['交易时间', '交易金额', '借贷标志', '对方账号'],
      ['2026-04-01 10:00:00', '1000.00', '贷', counterpart],
    ];
    const plan = await plannedWorkbook('transactions', [
      { name: '53001611000000012345', rows: statement('6228480398271645312') },
      { name: '53001611000000067890', rows: statement('6222020200112233445') },
    ]);
    expect(plan.owner).toBe('53001611000000012345');
    expect(pick(plan.sample, ['account', 'counterpart'])).toEqual([
      ['53001611000000012345', '6228480398271645312'],
      ['53001611000000067890', '6222020200112233445'],
    ]);
    expect(plan.sheets.map((sheet) => [sheet.name, sheet.read, sheet.unread])).toEqual([
      ['53001611000000012345', true, undefined],
      ['53001611000000067890', true, undefined],
    ]);
    // Read alone, the second sheet is its own account's.
    const second = await plannedWorkbook(
      'transactions',
      [
        { name: '53001611000000012345', rows: statement('6228480398271645312') },
        { name: '53001611000000067890', rows: statement('6222020200112233445') },
      ],
      {},
      { sheet: 2 },
    );
    expect(pick(second.sample, ['account', 'counterpart'])).toEqual([
      ['53001611000000067890', '6222020200112233445'],
    ]);
  });

  it('a hidden first sheet is not read either; a sheet named by an ID number names no account', async () => {
    const calls = [header, ['13800001111', '主叫', '2026-06-01 10:00:00', 60]];
    const hiddenFirst = await plannedWorkbook('calls', [
      { name: '原始', state: 'hidden', rows: [['查询号码：13988776655'], ...calls] },
      { name: '整理', rows: [['查询号码：13988776655'], ...calls] },
    ]);
    expect([hiddenFirst.rowCount, hiddenFirst.sheets.map((sheet) => sheet.read)]).toEqual([
      1,
      [false, true],
    ]);
    const byId = await previewWorkbook('transactions', [
      {
        name: '530102199003070016',
        rows: [
          ['交易时间', '交易金额', '借贷标志', '对方账号'],
          ['2026-04-01 10:00:00', 100, '借', '6222020200001234567'],
        ],
      },
    ]);
    expect(byId).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns', details: { fields: ['account'] } },
    });
  });

  it('a list split over sheets without the header repeated goes on; a month without the 基站 column is read', async () => {
    const plan = await plannedWorkbook('calls', [
      {
        name: '话单',
        rows: [
          ['查询号码：13988776655'],
          [...header, '基站'],
          ['13800001111', '主叫', '2026-06-01 10:00:00', 60, '22345-23101'],
        ],
      },
      // .xls stops at 65,536 rows: the list goes on in the next sheet, without a header.
      { name: 'Sheet2', rows: [['13800001112', '被叫', '2026-06-01 11:00:00', 30, '22345-23101']] },
      // Another month's list without the 基站 column.
      { name: '7月', rows: [header, ['13800001113', '主叫', '2026-07-01 10:00:00', 20]] },
      // Notes are still no data.
      { name: '说明', rows: [['本清单仅供办案使用'], ['调取人：王某']] },
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds', 'baseStation'])).toEqual([
      ['13988776655', '13800001111', '60', '22345-23101'],
      ['13800001112', '13988776655', '30', '22345-23101'],
      ['13988776655', '13800001113', '20', null],
    ]);
    expect(plan.sheets.map((sheet) => [sheet.name, sheet.rows, sheet.read])).toEqual([
      ['话单', 1, true],
      ['Sheet2', 1, true],
      ['7月', 1, true],
      ['说明', 0, false],
    ]);
  });

  it('a hidden sheet (the rows kept aside before the list was cleaned) is not read, and said so', async () => {
    const statement = ['交易时间', '交易金额', '借贷标志', '对方账号'];
    for (const state of ['hidden', 'veryHidden'] as const) {
      const plan = await plannedWorkbook('transactions', [
        {
          name: '整理后',
          rows: [
            ['账号：6217001540009283746'],
            statement,
            ['2026-04-01 10:00:00', 1000, '借', '6222020200001234567'],
          ],
        },
        {
          name: '原始数据',
          state,
          rows: [
            statement,
            ['2026-04-01 10:00:00', 1000, '借', '6222020200001234567'],
            ['2026-04-02 10:00:00', 99999, '借', '6222020200001234567'],
          ],
        },
      ]);
      expect([plan.rowCount, plan.sheets]).toEqual([
        1,
        [
          { name: '整理后', number: 1, rows: 1, read: true },
          { name: '原始数据', number: 2, rows: 0, read: false, unread: 'hidden' },
        ],
      ]);
    }
  });
});

describe('workbooks that count days from 1904', () => {
  it('a date its reader leaves a number (a built-in Chinese date format) is counted from 1904, not 4 years early', async () => {
    const plan = await plannedWorkbook(
      'transactions',
      [
        {
          rows: [
            ['账号：6217001540009283746'],
            ['交易日期', '交易时间', '交易金额', '借贷标志', '对方账号'],
            // Day 44,624 of 1904's count is 2026-03-05 (of 1900's, 2022-03-04); the time a
            // fraction.
            [44_624, 0.5, 100, '借', '6222021001122334455'],
            [44_625, '20:30:00', 200, '贷', '6222021001122334455'],
          ],
        },
      ],
      { date1904: true },
    );
    expect(pick(plan.sample, ['at', 'direction'])).toEqual([
      ['2026-03-05T04:00:00.000Z', 'out'],
      ['2026-03-06T12:30:00.000Z', 'in'],
    ]);
  });
});

describe('shapes a person reads and the import had refused', () => {
  it('24:00:00, a date with the time’s digits, 1′05″ written with two quotes', async () => {
    const calls = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      "13800138000,13900139000,主叫,2026-06-05 24:00:00,1'05''",
      '13800138000,13900139001,主叫,2026-06-05 070503,30',
      '13800138000,13900139002,主叫,20260605 70503,30',
    ]);
    expect(calls.problems).toEqual([]);
    expect(pick(calls.sample, ['startedAt', 'durationSeconds'])).toEqual([
      ['2026-06-05T16:00:00.000Z', '65'],
      ['2026-06-04T23:05:03.000Z', '30'],
      ['2026-06-04T23:05:03.000Z', '30'],
    ]);
  });

  it('交易金额（单位：分）, 支付宝用户ID above the header, 收/支/其他, a table drawn with + and - rules', async () => {
    const fen = await planned('transactions', [
      '本方账号,交易时间,对方账号,对方户名,借贷标志,交易金额（单位：分）',
      '6217001540009283746,2026-06-05 07:05:03,6222020200001234567,张三,借,120000',
    ]);
    expect(pick(fen.sample, ['amountFen'])).toEqual([['120000']]);
    const alipay = await planned('transactions', [
      '支付宝用户ID：2088001234567890',
      '账务流水号,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）',
      '20260605001,2026-06-05 07:05:03,li@x.com,,1200.00,8800.00',
      '20260605002,2026-06-05 08:05:03,wang@x.com,300.00,,9100.00',
    ]);
    expect(pick(alipay.sample, ['account', 'counterpart', 'direction', 'amountFen'])).toEqual([
      ['2088001234567890', 'li@x.com', 'out', '120000'],
      ['2088001234567890', 'wang@x.com', 'in', '30000'],
    ]);
    const wechat = await planned('transactions', [
      '微信零钱明细',
      '微信昵称：[张三]',
      '交易单号,交易时间,交易类型,收/支/其他,交易方式,金额(元),余额(元),备注',
      '100001,2026-06-05 07:05:03,转账-转给李四,支出,零钱,1200.00,8800.00,/',
      '100002,2026-06-05 08:05:03,微信红包-来自王五,收入,零钱,300.00,9100.00,/',
    ]);
    expect(pick(wechat.sample, ['direction', 'amountFen'])).toEqual([
      ['out', '120000'],
      ['in', '30000'],
    ]);
    const drawn = await planned('calls', [
      '+------------+------------+------+---------------------+------+',
      '|本机号码|对方号码|呼叫类型|开始时间|通话时长|',
      '+------------+------------+------+---------------------+------+',
      '|13800138000|13900139000|主叫|2026-06-05 07:05:03|65|',
      '+------------+------------+------+---------------------+------+',
    ]);
    expect([drawn.rowCount, drawn.problems]).toEqual([1, []]);
  });
});

describe('faults a review of the new readings found', () => {
  it('a time naming its own zone under a header naming one is not shifted twice', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间(UTC),通话时长',
      '13800138000,13900139000,主叫,2026-06-05T07:05:03Z,65',
      '13800138000,13900139000,主叫,2026-06-05 07:05:03 UTC,65',
    ]);
    expect(pick(plan.sample, ['startedAt']).flat()).toEqual([
      '2026-06-05T07:05:03.000Z',
      '2026-06-05T07:05:03.000Z',
    ]);
  });

  it('a dash for a cancelled row’s amount makes no statement signed', async () => {
    const said = await c.ok('import.preview', {
      fileName: 'out.csv',
      contentBase64: iconv
        .encode(
          [
            '账号,交易时间,交易金额,对方账号',
            '6228480398271645312,2026-04-01 10:00:00,1200.00,6222020200112233445',
            '6228480398271645312,2026-04-02 10:00:00,800.00,6222020200112233445',
            '6228480398271645312,2026-04-03 10:00:00,—,6222020200112233445',
          ].join('\r\n'),
          'gb18030',
        )
        .toString('base64'),
      template: 'transactions',
      direction: 'out',
    });
    expect(pick(said.sample, ['direction']).flat()).toEqual(['out', 'out']);
  });

  it('an officer’s 电话号码 after his name is not the target’s, the title’s is', async () => {
    const plan = await planned('calls', [
      '中国移动 13812345678 通话详单',
      '承办民警：王某 电话号码：13700001111',
      '对方号码,呼叫类型,开始时间,通话时长',
      '13900139000,主叫,2026-06-05 07:05:03,65',
    ]);
    expect(plan.owner).toBe('13812345678');
  });

  it('a local row of a list with 本机归属地 and an empty 漫游地 takes the home area', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,本机归属地,漫游地',
      '13800138000,65123456,主叫,2026-06-05 07:05:03,65,云南昆明,',
      '13800138000,87654321,主叫,2026-06-05 08:05:03,65,云南昆明,北京',
    ]);
    expect(pick(plan.sample, ['callee']).flat()).toEqual(['087165123456', '01087654321']);
  });

  it('a legend naming 呼叫类型 is that column’s, though a column 类型 stands before it', async () => {
    const plan = await planned('calls', [
      '说明：呼叫类型 1-主叫 2-被叫',
      '本机号码,类型,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,语音,13900139000,1,2026-06-05 07:05:03,65',
      '13800138000,语音,13900139001,2,2026-06-05 08:05:03,30',
    ]);
    expect(pick(plan.sample, ['caller']).flat()).toEqual(['13800138000', '13900139001']);
  });

  it('a two-row header whose group name is written once (a CSV) is joined', async () => {
    const plan = await planned('transactions', [
      '账号：6221881234000012345',
      '交易时间,交易金额,借贷标志,对方,,,摘要',
      ',,,账号,户名,开户行,',
      '2026-05-03 08:00:00,2000.00,借,6222021001122334455,李四,工行昆明分行,转账',
    ]);
    expect(pick(plan.sample, ['account', 'counterpart', 'counterpartName', 'direction'])).toEqual([
      ['6221881234000012345', '6222021001122334455', '李四', 'out'],
    ]);
  });

  it('a LAC of four decimal digits beside a CI in hex stays decimal when it has values enough', async () => {
    const tacs = ['6254', '9340', '6255', '7012', '8123', '6254'];
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,TAC,ECI',
      ...tacs.map(
        (tac, index) =>
          `13800138000,1390013900${index},主叫,2026-06-05 0${index}:05:03,65,${tac},BCD${index}`,
      ),
    ]);
    expect(pick(plan.sample, ['baseStation']).flat()).toEqual(
      tacs.map((tac, index) => `${tac}-${Number.parseInt(`BCD${index}`, 16)}`),
    );
  });
});

describe('person lists: every name and number a person is known by', () => {
  it('曾用名 and 别名 written 老三/三哥 are aliases; every number registered to a 机主 is owned', async () => {
    const file = {
      fileName: '用户资料.csv',
      contentBase64: iconv
        .encode(
          [
            '机主姓名,曾用名,别名,机主证件号码,用户号码',
            '张三,张山,老三/三哥,530102199003070016,13987650001/13987650002/13987650003',
          ].join('\r\n'),
          'gb18030',
        )
        .toString('base64'),
      template: 'persons' as const,
    };
    const plan = await c.ok('import.preview', file);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['aliases', 'ownedPhones'])).toEqual([
      ['老三、三哥、张山', '13987650001、13987650002、13987650003'],
    ]);
    await c.ok('import.commit', { ...file, importId: 'imp-owners' });
    const [person] = (await c.ok('entities.list', { kinds: ['person'], text: '张三' })).rows;
    const detail = await c.ok('entities.get', { id: person!.id });
    expect(
      detail.relations
        .filter((relation) => relation.type === 'owns')
        .map((relation) => relation.toLabel)
        .sort(),
    ).toEqual(['13987650001', '13987650002', '13987650003']);
  });

  it('one person’s form written label beside value is no list: each label would have been a person', async () => {
    const result = await c.ok('import.preview', {
      fileName: '人员信息表.csv',
      contentBase64: iconv
        .encode(
          [
            '姓名,张三',
            '曾用名,张山',
            '性别,男',
            '身份证号,530102199003070016',
            '户籍地址,云南省昆明市',
          ].join('\r\n'),
          'gb18030',
        )
        .toString('base64'),
      template: 'persons',
    });
    expect([result.validCount, result.problems.map((problem) => problem.problem)]).toEqual([
      0,
      ['labelAsName', 'labelAsName', 'labelAsName', 'labelAsName'],
    ]);
  });

  it('性别 written as GB/T 2261.1 codes (1, 2); 财付通’s 对手方银行卡号 is the counterpart', async () => {
    const persons = await c.ok('import.preview', {
      fileName: '人员.csv',
      contentBase64: iconv.encode('姓名,性别\r\n王某,1\r\n李某,2', 'gb18030').toString('base64'),
      template: 'persons',
    });
    expect(pick(persons.sample, ['name', 'gender'])).toEqual([
      ['王某', 'male'],
      ['李某', 'female'],
    ]);
    const tenpay = await planned('transactions', [
      '用户ID,交易时间,借贷类型,交易金额(分),交易类型,对手方银行卡号',
      'wx_abc,2026-06-05 07:05:03,出,120000,提现,6222021234567890123',
    ]);
    expect(pick(tenpay.sample, ['counterpart', 'direction', 'amountFen'])).toEqual([
      ['6222021234567890123', 'out', '120000'],
    ]);
  });
});

describe('cells a carrier does not know', () => {
  it('LAC 0 and CI 0, the reserved 65535, and a LAC without its CI are no cell: two phones met on none of them', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI',
      '13888001122,13577112233,主叫,2026-11-03 08:00:00,65,34567,',
      '13888001122,13577112233,主叫,2026-11-03 09:00:00,65,0,0',
      '13888001122,13577112233,主叫,2026-11-03 10:00:00,65,65535,65535',
      '13888001122,13577112233,主叫,2026-11-03 11:00:00,65,34567,12345',
      '13888001122,13577112233,主叫,2026-11-03 12:00:00,65,34567-12346,',
      '13888001122,13577112233,主叫,2026-11-03 13:00:00,65,,123456789',
    ]);
    expect(pick(plan.sample, ['baseStation'])).toEqual([
      [null],
      [null],
      [null],
      ['34567-12345'],
      ['34567-12346'],
      ['123456789'],
    ]);
    const whole = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,基站',
      ...['0-0', '65535-65535', 'LAC:0 CI:0', 'FFFF-FFFF', '0', '34567-0', '34567-12345'].map(
        (cell, index) => `13888001122,13577112233,主叫,2026-11-03 0${index}:00:00,65,${cell}`,
      ),
    ]);
    expect(pick(whole.sample, ['baseStation'])).toEqual([
      [null],
      [null],
      [null],
      [null],
      [null],
      [null],
      ['34567-12345'],
    ]);
  });

  it('the cell under the headers carriers print for the start of a call: 起始LAC/起始CI, 起始基站, LAC/TAC码 and CI/ECI码, 4G/5G TAC and ECI/NCI', async () => {
    const cellOf = async (head: string, cells: string) =>
      pick(
        (
          await planned('calls', [
            `本机号码,对方号码,呼叫类型,开始时间,通话时长,${head}`,
            `13888001122,13577112233,主叫,2026-11-03 08:00:00,65,${cells}`,
          ])
        ).sample,
        ['baseStation'],
      )[0]![0];
    expect([
      await cellOf('起始LAC,起始CI', '34567,12345'),
      await cellOf('起始基站,结束基站', '34567-12345,34567-12399'),
      await cellOf('起始LAC-CI,终止LAC-CI', '34567-12345,34567-12399'),
      await cellOf('LAC/TAC码,CI/ECI码', '34567,12345'),
      await cellOf('LAC_TAC,CI_ECI', '34567,12345'),
      await cellOf('4G/5G TAC,ECI/NCI', '34567,123456789'),
    ]).toEqual([
      '34567-12345',
      '34567-12345',
      '34567-12345',
      '34567-12345',
      '34567-12345',
      '123456789',
    ]);
  });
});

describe("a list giving each end's cell", () => {
  it('主叫LAC/主叫CI and 被叫LAC/被叫CI: the target’s cell is that of the end it is', async () => {
    const plan = await planned(
      'calls',
      [
        '主叫号码,被叫号码,呼叫类型,开始时间,通话时长,主叫LAC,主叫CI,被叫LAC,被叫CI',
        '13888001122,13577112233,主叫,2026-11-03 08:00:00,65,34567,12345,22222,333',
        '13577112233,13888001122,被叫,2026-11-03 09:00:00,65,22222,333,34567,12399',
      ],
      { ownNumber: '13888001122' },
    );
    expect(pick(plan.sample, ['caller', 'baseStation'])).toEqual([
      ['13888001122', '34567-12345'],
      ['13577112233', '34567-12399'],
    ]);
  });
});

describe('a call list as Excel left it', () => {
  it('seconds with a thousands separator, a number that went through a float, and 未接 (a missed call in)', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13888001122,13577112233,主叫,2026-11-03 08:00:00,"1,065"',
      '13888001122,13577112233.0,主叫,2026-11-03 09:00:00,10',
      '13888001122,13577112233,未接,2026-11-03 10:00:00,0',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds'])).toEqual([
      ['13888001122', '13577112233', '1065'],
      ['13888001122', '13577112233', '10'],
      ['13577112233', '13888001122', '0'],
    ]);
  });
});

describe("a bank's reply of several accounts", () => {
  it('one sheet per card, the card only in its heading: each sheet read as its card’s', async () => {
    const sheet = (card: string, row: unknown[]) => ({
      rows: [
        ['户名：张三'],
        [`账号：${card}`],
        [
          '交易日期',
          '交易时间',
          '借方发生额',
          '贷方发生额',
          '余额',
          '对方户名',
          '对方账号',
          '摘要',
        ],
        row,
      ],
    });
    const plan = await plannedWorkbook('transactions', [
      {
        name: 'Sheet1',
        ...sheet('6222021402012345678', [
          '2026-11-10',
          '10:00:00',
          '5000.00',
          '',
          '100.00',
          '李四',
          '6228480012345678901',
          '转账',
        ]),
      },
      {
        name: 'Sheet2',
        ...sheet('6228480099998888777', [
          '2026-11-11',
          '10:00:00',
          '',
          '2000.00',
          '2100.00',
          '张三',
          '6222021402012345678',
          '转账',
        ]),
      },
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['account', 'counterpart', 'direction', 'amountFen'])).toEqual([
      ['6222021402012345678', '6228480012345678901', 'out', '500000'],
      ['6228480099998888777', '6222021402012345678', 'in', '200000'],
    ]);
    expect(plan.sheets.map((item) => [item.name, item.rows, item.read])).toEqual([
      ['Sheet1', 1, true],
      ['Sheet2', 1, true],
    ]);
  });
});

describe('statements as a tester found them (2026-12-05)', () => {
  it("招商银行's 交易备注 naming the other party alone is the counterpart; a note of words stays a note", async () => {
    const plan = await planned('transactions', [
      '# 账号: [6214830012341234]',
      '交易日期,交易时间,收入,支出,余额,交易类型,交易备注',
      '\t20261103,\t10:00:00,,500.00,1500.00,转账汇款,\t李四 6228480012345678901',
      '\t20261104,\t11:00:00,2000.00,,3500.00,转账汇款,\t工资 202611',
    ]);
    expect(pick(plan.sample, ['counterpart', 'counterpartName', 'summary'])).toEqual([
      ['6228480012345678901', '李四', '李四 6228480012345678901'],
      [null, null, '工资 202611'],
    ]);
  });

  it('交易是否成功 answered 0 is a transfer that did not happen; 1 one that did', async () => {
    const result = await preview('transactions', [
      '交易卡号,交易时间,交易金额,借贷标志,对手账号,交易是否成功',
      '6222021402012345678,2026-11-10 10:00:00,100.00,借,6228480012345678901,1',
      '6222021402012345678,2026-11-10 11:00:00,100.00,借,6228480012345678901,0',
    ]);
    if (!result.ok) throw new Error(result.error.code);
    expect([result.value.problems, setAsideRows(result.value.setAside)]).toEqual([
      [],
      ['3 notCompleted'],
    ]);
  });

  it("支付宝 账户明细: the user's ID under 对应的协查数据 is the own account", async () => {
    const plan = await planned('transactions', [
      '账务流水号,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,商品名称,对应的协查数据',
      '2026110300001,2026-11-03 10:00:01,lis***@163.com,,500.00,1000.00,转账,2088123456789012',
    ]);
    expect(pick(plan.sample, ['account', 'counterpart', 'direction', 'amountFen'])).toEqual([
      // A masked number without a name: this statement's counterpart, no other's.
      ['2088123456789012', 'lis***@163.com（2088123456789012对方）', 'out', '50000'],
    ]);
  });

  it('a statement saying its ways only by its balances: its 期初余额 line tells the first row’s way too', async () => {
    const plan = await planned('transactions', [
      '户名：钱七',
      '账号：6210981234567890123',
      '交易日期,交易时间,摘要,交易金额,账户余额,对方户名,对方账号',
      '2026-11-01,,期初余额,,"10,000.00",,',
      '2026-11-01,10:00:00,转存,"1,000.00","11,000.00",李四,6228480012345678901',
      '2026-11-02,10:00:00,转取,300.00,"10,700.00",王五,6217001234567890123',
      '2026-11-03,10:00:00,转取,200.00,"10,500.00",王五,6217001234567890123',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
      ['in', '100000'],
      ['out', '30000'],
      ['out', '20000'],
    ]);
  });

  it('the holder a line above the header names (户名：张三) is the statement account’s, found by name', async () => {
    const lines = [
      '户名：张三',
      '账号：6222021402012345678',
      '交易日期,交易时间,借方发生额,贷方发生额,对方户名,对方账号,摘要',
      '2026-11-10,15:00:00,5000.00,,李四,6228480012345678901,转账',
    ];
    expect(
      pick((await planned('transactions', lines)).sample, ['accountName', 'counterpartName']),
    ).toEqual([['张三', '李四']]);
    await c.ok('import.commit', {
      fileName: 'statement.csv',
      contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
      importId: 'imp-holder',
    });
    const found = await c.ok('search.query', { text: '张三' });
    expect(found.groups.flatMap((group) => group.hits.map((hit) => hit.title))).toContain(
      '6222021402012345678',
    );
  });

  it('the opening balance in the heading (期初余额：10,000.00, unquoted), or on a line at the top of a statement listed newest first', async () => {
    const rows = [
      '2026-11-01,10:00:00,转存,"1,000.00","11,000.00",李四,6228480012345678901',
      '2026-11-02,10:00:00,转取,300.00,"10,700.00",王五,6217001234567890123',
    ];
    const head = ['户名：钱七', '账号：6210981234567890123'];
    const header = '交易日期,交易时间,摘要,交易金额,账户余额,对方户名,对方账号';
    const heading = await planned('transactions', [
      ...head,
      '期初余额：10,000.00   期末余额：10,700.00',
      header,
      ...rows,
    ]);
    const newestFirst = await planned('transactions', [
      ...head,
      header,
      '2026-11-01,,期初余额,,"10,000.00",,',
      ...[...rows].reverse(),
    ]);
    expect([heading.problems, pick(heading.sample, ['direction'])]).toEqual([
      [],
      [['in'], ['out']],
    ]);
    expect([newestFirst.problems, pick(newestFirst.sample, ['direction'])]).toEqual([
      [],
      [['out'], ['in']],
    ]);
  });
});
