import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * What carriers and banks print under a list for the police: disclaimers, the record count,
 * the company's name and seal, the day, the request's number. Each had been read as a row that
 * failed, so a whole list was refused for its last line.
 */
const { planned, plannedWorkbook } = previewsOnNewWorkspace();

const trailers = [
  '以上数据仅供参考',
  '以上信息仅供参考，不作为收费依据',
  '本详单仅供公安机关侦查使用，请注意保密',
  '总记录数：2',
  '记录数：2',
  '查询结果：共 2 条记录',
  '数据截止时间：2026-11-05 23:59:59',
  '中国移动通信集团云南有限公司（盖章）',
  '中国移动通信集团云南有限公司',
  '2026年11月6日',
  '查询无其他记录',
  '--结束--',
  '此页以下无正文',
  '提取时间：2026-11-06 10:00:00',
  '调证单号：YN2026110600123',
];

describe('lines under a list', () => {
  it("are no rows of a carrier's call list, in a CSV and a workbook", async () => {
    const rows = [
      '13888001122,13577112233,主叫,2026-11-03 08:30:00,65',
      '13888001122,13577112234,被叫,2026-11-03 08:40:00,65',
    ];
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,时长',
      ...rows,
      ...trailers,
    ]);
    expect([plan.rowCount, plan.validCount, plan.problems]).toEqual([2, 2, []]);
    const book = await plannedWorkbook('calls', [
      {
        rows: [
          ['本机号码', '对方号码', '呼叫类型', '开始时间', '时长'],
          ...rows.map((row) => row.split(',')),
          ...trailers.map((line) => [line]),
        ],
      },
    ]);
    expect([book.rowCount, book.validCount, book.problems]).toEqual([2, 2, []]);
  });

  it("are no rows of a bank's statement; a row of one cell is still a person's", async () => {
    const plan = await planned('transactions', [
      '户名：张三,,,,,,,,',
      '账号：6210981234567890123,,,,,,,,',
      '序号,交易日期,交易时间,摘要,借方发生额,贷方发生额,余额,对方户名,对方账号',
      '1,2026-11-01,10:00:00,转账,100.00,,900.00,李四,6228480012345678901',
      '打印机构：昆明分行,,,打印柜员：12345,,,,,',
      '中国邮政储蓄银行股份有限公司昆明市分行（业务专用章）,,,,,,,,',
      '2026-12-01,,,,,,,,',
    ]);
    expect([plan.rowCount, plan.validCount, plan.problems]).toEqual([1, 1, []]);
    const persons = await planned('persons', ['姓名,身份证号,户籍地', '张三,,', '李四,,']);
    expect(pick(persons.sample, ['name'])).toEqual([['张三'], ['李四']]);
  });
});
