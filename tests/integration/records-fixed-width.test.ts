import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Reports lined up with spaces instead of separated (a carrier's .txt, a query spooled by
 * SQL*Plus): refused before as a table of one column.
 */

const { core, planned } = previewsOnNewWorkspace();

/** A cell padded to a width in display columns (a Chinese character two) or in characters. */
const padded = (text: string, width: number, wide = true) => {
  const shown = [...text].reduce((sum, ch) => sum + (wide && ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - shown));
};
const line = (cells: string[], widths: number[], wide = true, gap = '  ') =>
  cells
    .map((cell, index) => padded(cell, widths[index]!, wide))
    .join(gap)
    .trimEnd();

const widths = [12, 12, 8, 19, 8, 6, 5];
const header = ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长', 'LAC', 'CI'];
const rows = [
  ['13800138000', '13900139000', '主叫', '2026-04-01 14:30:15', '65', '25004', '2171'],
  ['13800138000', '13700137000', '被叫', '2026-04-01 15:00:00', '30', '', '2171'],
  ['13800138000', '10086', '短信收', '2026-04-01 16:00:00', '', '25004', '2172'],
];
const expected = [
  ['13800138000', '13900139000', '65', '2026-04-01T06:30:15.000Z'],
  ['13700137000', '13800138000', '30', '2026-04-01T07:00:00.000Z'],
  ['10086', '13800138000', '0', '2026-04-01T08:00:00.000Z'],
];

describe('text reports lined up with spaces', () => {
  it('a carrier’s GBK report: title, header, rows, an empty cell inside, a trailer', async () => {
    const plan = await planned('calls', [
      '               中国移动通话详单',
      '查询号码：13800138000        查询时间：2026-04-02',
      '',
      line(header, widths),
      ...rows.map((row) => line(row, widths)),
      '共 3 条记录',
    ]);
    expect(plan.validCount).toBe(3);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds', 'startedAt'])).toEqual(
      expected,
    );
    expect(plan.problems).toEqual([]);
  });

  it('a SQL*Plus spool: one blank between columns, dashes under the header', async () => {
    const spool = [11, 11, 8, 19, 8, 5, 4];
    const plan = await planned('calls', [
      line(
        ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长', 'LAC', 'CI'],
        spool,
        true,
        ' ',
      ),
      spool.map((width) => '-'.repeat(width)).join(' '),
      ...rows.map((row) => line(row, spool, true, ' ')),
      '',
      '3 rows selected.',
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds', 'startedAt'])).toEqual(
      expected,
    );
  });

  it('a UTF-8 file padded by characters, not display columns', async () => {
    const result = await core().ok('import.preview', {
      fileName: 'calls.txt',
      contentBase64: Buffer.from(
        [line(header, widths, false), ...rows.map((row) => line(row, widths, false))].join('\n'),
      ).toString('base64'),
      template: 'calls',
    });
    expect(pick(result.sample, ['caller', 'callee', 'durationSeconds', 'startedAt'])).toEqual(
      expected,
    );
  });

  it('a UTF-8 file padded by bytes (printf on a Linux server: 主叫 is six wide), with and without dashes', async () => {
    const byBytes = (cells: string[], gap = '  ') =>
      cells
        .map(
          (cell, index) =>
            cell + ' '.repeat(Math.max(0, widths[index]! + 4 - Buffer.byteLength(cell))),
        )
        .join(gap)
        .trimEnd();
    for (const dashes of [false, true]) {
      const result = await core().ok('import.preview', {
        fileName: 'calls.txt',
        contentBase64: Buffer.from(
          [
            byBytes(header),
            ...(dashes ? [widths.map((width) => '-'.repeat(width + 4)).join('  ')] : []),
            ...rows.map((row) => byBytes(row)),
          ].join('\n'),
        ).toString('base64'),
        template: 'calls',
      });
      expect(result.problems).toEqual([]);
      expect(pick(result.sample, ['caller', 'callee', 'durationSeconds', 'startedAt'])).toEqual(
        expected,
      );
    }
  });

  it('a CSV under two spaced lines of preamble is still read as a CSV', async () => {
    const plan = await planned('transactions', [
      '户名  张三  账号  6228480398271645312',
      '起止日期  2026-04-01  至  2026-04-30',
      '交易时间,交易金额,借贷标志,对手账号',
      '2026-04-01 10:00:00,1200.00,借,6222020200112233445',
      '2026-04-02 10:00:00,800.00,贷,6222020200112233445',
    ]);
    expect(pick(plan.sample, ['account', 'amountFen', 'direction'])).toEqual([
      ['6228480398271645312', '120000', 'out'],
      ['6228480398271645312', '80000', 'in'],
    ]);
  });

  it('GB18030 bytes of a report are read in display columns', async () => {
    const bytes = iconv.encode(
      [line(header, widths), ...rows.map((row) => line(row, widths))].join('\r\n'),
      'gb18030',
    );
    const result = await core().ok('import.preview', {
      fileName: '详单.txt',
      contentBase64: bytes.toString('base64'),
      template: 'calls',
    });
    expect(result.validCount).toBe(3);
  });

  it('a wider amount far down a right-aligned column is read whole, not cut at the sample’s edge', async () => {
    const head = `${padded('交易卡号', 18)}${padded('交易时间', 21)}${padded('借贷', 6)}${padded('对方户名', 14)}${'金额'.padStart(10)}  摘要`;
    const row = (name: string, amount: string, minute: number) =>
      `6222020000000001  2026-04-01 14:${String(minute % 60).padStart(2, '0')}:15  借    ${padded(name, 14)}${amount.padStart(12)}  转账`;
    const lines = [head];
    for (let index = 0; index < 420; index += 1) lines.push(row('张三', '10.00', index));
    lines.push(row('王五', '1250000.00', 0));
    const result = await core().ok('import.preview', {
      fileName: '流水.txt',
      contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
    });
    expect(result.problems).toEqual([]);
    expect(result.validCount).toBe(421);
    expect(pick(result.sample.slice(0, 1), ['counterpartName', 'amountFen'])).toEqual([
      ['张三', '1000'],
    ]);
    const imported = await core().ok('import.commit', {
      fileName: '流水.txt',
      contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
      importId: '0195d6f0-0000-7000-8000-000000000421',
    });
    expect(imported.rows).toBe(421);
  });

  it('an ASCII header with dashes over UTF-8 rows padded by characters', async () => {
    const widths = [16, 19, 2, 20, 10, 10];
    const cells = (values: string[], right = 4) =>
      values
        .map((value, index) =>
          index === right ? value.padStart(widths[index]!) : value.padEnd(widths[index]!),
        )
        .join(' ')
        .trimEnd();
    const text = [
      cells(['ACCOUNT', 'TIME', 'DC', 'COUNTERPARTNAME', 'AMOUNT', 'SUMMARY']),
      widths.map((width) => '-'.repeat(width)).join(' '),
      cells(['6222020000000001', '2026-04-01 14:30:15', 'D', '李四', '50000', '转账']),
      cells(['6222020000000001', '2026-04-01 15:30:15', 'C', '张三丰', '123.45', '工资']),
    ].join('\n');
    const result = await core().ok('import.preview', {
      fileName: 'stmt.txt',
      contentBase64: Buffer.from(text).toString('base64'),
      template: 'transactions',
      headerMap: {
        ACCOUNT: 'account',
        TIME: 'at',
        DC: 'debitCredit',
        COUNTERPARTNAME: 'counterpartName',
        AMOUNT: 'amount',
        SUMMARY: 'summary',
      },
    });
    expect(pick(result.sample, ['counterpartName', 'amountFen', 'summary'])).toEqual([
      ['李四', '5000000', '转账'],
      ['张三丰', '12345', '工资'],
    ]);
  });

  it('SQL*Plus pages: header and dashes again on each page, a form feed, rows selected', async () => {
    const spool = [12, 12, 19, 6];
    const page = (from: number) => [
      `${from ? '\f' : ''}${line(['本机号码', '对方号码', '开始时间', '通话时长'], spool, true, ' ')}`,
      spool.map((width) => '-'.repeat(width)).join(' '),
      ...[0, 1, 2, 3, 4].map((offset) =>
        line(
          [
            '13800138000',
            `1390013${String(from + offset).padStart(4, '0')}`,
            `2026-04-01 10:0${offset}:00`,
            String(from + offset + 1).padStart(6),
          ],
          spool,
          true,
          ' ',
        ),
      ),
      '',
    ];
    const plan = await planned('calls', [...page(0), ...page(5), '10 rows selected.'], {
      direction: 'out',
    });
    expect(plan.problems).toEqual([]);
    expect(plan.validCount).toBe(10);
  });

  it('a preamble line of three spaced fields is not taken for the header', async () => {
    const plan = await planned('calls', [
      '                 中国移动通信客户通话详单',
      '查询号码：13800138000    查询时段：2026-04-01 至 2026-04-30    打印时间：2026-05-01',
      '',
      line(['对方号码', '呼叫类型', '开始时间', '通话时长'], [12, 8, 19, 8]),
      line(['13900139000', '主叫', '2026-04-01 10:00:00', '60'], [12, 8, 19, 8]),
      line(['13700137000', '被叫', '2026-04-01 11:00:00', '75'], [12, 8, 19, 8]),
    ]);
    expect(plan.owner).toBe('13800138000');
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds'])).toEqual([
      ['13800138000', '13900139000', '60'],
      ['13700137000', '13800138000', '75'],
    ]);
  });

  it('tabs among the spaces go to the next stop of eight', async () => {
    const plan = await planned(
      'calls',
      [
        `本机号码${' '.repeat(8)}对方号码${' '.repeat(8)}开始时间${' '.repeat(14)}通话时长`,
        '13800138000     13900139000     2026-04-01 14:30:15   60',
        '13800138000\t13900139001     2026-04-01 15:30:15   75',
        '13800138000     13900139002\t2026-04-01 16:30:15   80',
      ],
      { direction: 'out' },
    );
    expect(pick(plan.sample, ['callee', 'durationSeconds'])).toEqual([
      ['13900139000', '60'],
      ['13900139001', '75'],
      ['13900139002', '80'],
    ]);
  });

  it('blanks under no name inside a column (SQL Server’s Apr 12 2026  2:30PM) stay in it', async () => {
    const result = await core().ok('import.preview', {
      fileName: '流水.txt',
      contentBase64: Buffer.from(
        [
          '交易日期              交易金额      收支    对方账号',
          'Apr 12 2026  2:30PM   500.00        支出    6222021234567890123',
          'Apr 15 2026  9:05AM   300.00        收入    6222021234567890124',
          'Apr 20 2026  8:15PM   12.00         支出    6222021234567890125',
        ].join('\n'),
      ).toString('base64'),
      template: 'transactions',
      ownAccount: '6222029999888877776',
    });
    expect(pick(result.sample, ['at', 'amountFen', 'direction'])).toEqual([
      ['2026-04-12T06:30:00.000Z', '50000', 'out'],
      ['2026-04-15T01:05:00.000Z', '30000', 'in'],
      ['2026-04-20T12:15:00.000Z', '1200', 'out'],
    ]);
  });

  it('a report padding 起始时间 to its date and time and one space: a column after one blank', async () => {
    const plan = await planned('calls', [
      '                    中国移动通信 客户详单',
      '客户号码: 13987654321          查询月份: 202604',
      '-'.repeat(80),
      '起始时间            通信地点  通信方式  对方号码        通信时长  通信类型',
      '2026-04-01 08:00:00 昆明      主叫      13812345678     1分23秒   本地',
      '2026-04-01 09:05:03 昆明      被叫      13812345678     2分5秒    本地',
      '2026-04-01 10:00:00 成都      主叫      02865123456     30秒      漫游',
      '-'.repeat(80),
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds', 'startedAt'])).toEqual([
      ['13987654321', '13812345678', '83', '2026-04-01T00:00:00.000Z'],
      ['13812345678', '13987654321', '125', '2026-04-01T01:05:03.000Z'],
      ['13987654321', '02865123456', '30', '2026-04-01T02:00:00.000Z'],
    ]);
  });
});

describe('a statement printed over pages', () => {
  const widths = [12, 10, 14, 14, 14, 22, 10];
  const header = ['交易日期', '交易时间', '摘要', '交易金额', '余额', '对方账号', '对方户名'];
  const page = (rows: string[][], footer: boolean, number: number) => [
    '                    中国农村信用社 客户账户交易明细',
    '账号：6230580000012345678          户名：李四          币种：人民币',
    '',
    line(header, widths),
    ...(footer
      ? [
          line(
            header.map((name) => '-'.repeat(name.length * 2)),
            widths,
          ),
        ]
      : []),
    ...rows.map((row) => line(row, widths)),
    ...(footer
      ? [`打印时间：2026-04-01 09:30:00      经办柜员：0123      第 ${number} 页 共 2 页`]
      : []),
  ];
  const first = [
    ['20260301', '10:15:00', '转账', '-1000.00', '9000.00', '6222000011112222', '张三'],
    ['20260302', '11:15:00', '消费', '-50.00', '8950.00', '', '某超市'],
    ['20260303', '12:15:00', '工资', '+5000.00', '13950.00', '1202020009000012345', '某公司'],
  ];
  const second = [
    ['20260304', '13:15:00', 'ATM取款', '-2000.00', '11950.00', '', ''],
    ['20260305', '14:15:00', '跨行转出', '-300.00', '11650.00', '6217001540009283746', '王五'],
  ];

  it.each([false, true])(
    'every page is read, its title, account line, header and footer no rows (footers and dashes: %s)',
    async (footer) => {
      const plan = await planned('transactions', [
        ...page(first, footer, 1),
        ...page(second, footer, 2),
      ]);
      expect(plan.problems).toEqual([]);
      expect(pick(plan.sample, ['account', 'direction', 'amountFen'])).toEqual([
        ['6230580000012345678', 'out', '100000'],
        ['6230580000012345678', 'out', '5000'],
        ['6230580000012345678', 'in', '500000'],
        ['6230580000012345678', 'out', '200000'],
        ['6230580000012345678', 'out', '30000'],
      ]);
    },
  );
});
