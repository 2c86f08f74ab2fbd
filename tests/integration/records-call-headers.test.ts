import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Call lists under headers the templates did not know, as carriers and their systems name their
 * columns: a direction column left unmapped made every row 主叫, a length column every call
 * 0 s, an IMEI column no handset, a CELL_ID column a base station of its LAC alone.
 */

const { planned, plannedWorkbook } = previewsOnNewWorkspace();

const own = '13987654321';
const other = '13812345678';

describe('call list headers as carriers name them', () => {
  it('主/被叫 and CALL_TYPE are the direction; a column of directions under any name is too', async () => {
    for (const header of ['主/被叫', 'CALL_TYPE', '呼叫类别', '主被叫关系', '往来情况']) {
      const plan = await planned('calls', [
        `本机号码,对方号码,${header},开始时间,通话时长`,
        `${own},${other},主叫,2026-04-01 10:00:00,65`,
        `${own},${other},被叫,2026-04-01 11:00:00,30`,
        `${own},${other},短信接收,2026-04-01 12:00:00,`,
      ]);
      expect(pick(plan.sample, ['caller', 'callee', 'kind']), header).toEqual([
        [own, other, 'call'],
        [other, own, 'call'],
        [other, own, 'sms'],
      ]);
    }
  });

  it('通话持续时间, CALL_DURATION and 计费时长 are the length; no length written is 0 s', async () => {
    for (const header of ['通话持续时间', 'CALL_DURATION', '计费时长']) {
      const plan = await planned('calls', [
        `本机号码,对方号码,呼叫类型,开始时间,${header}`,
        `${own},${other},主叫,2026-04-01 10:00:00,65`,
        `${own},${other},被叫,2026-04-01 11:00:00,00:02:05`,
        `${own},${other},被叫,2026-04-01 12:00:00,`,
        `${own},${other},被叫,2026-04-01 13:00:00,-`,
      ]);
      expect(plan.problems, header).toEqual([]);
      expect(pick(plan.sample, ['durationSeconds']), header).toEqual([
        ['65'],
        ['125'],
        ['0'],
        ['0'],
      ]);
    }
  });

  it('the end time gives the length where no length column is', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,结束时间',
      `${own},${other},主叫,2026-04-01 10:00:00,2026-04-01 10:01:05`,
      `${own},${other},主叫,2026-04-01 23:59:30,2026-04-02 00:00:10`,
      `${own},${other},主叫,2026-04-01 11:00:00,`,
    ]);
    expect(pick(plan.sample, ['durationSeconds'])).toEqual([['65'], ['40'], ['0']]);
  });

  it('IMEI号码, IMSI号码, a MEID, LAC with CELL_ID, 5G TAC with NCI', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CELL_ID,IMEI号码,IMSI号码',
      `${own},${other},主叫,2026-04-01 10:00:00,65,25301,10231,861234567890123,460001234567890`,
      `${own},${other},主叫,2026-04-01 11:00:00,65,25301,19999,A0000012345678,460001234567890`,
    ]);
    expect(pick(plan.sample, ['baseStation', 'imei', 'imsi'])).toEqual([
      ['25301-10231', '86123456789012', '460001234567890'],
      ['25301-19999', 'A0000012345678', '460001234567890'],
    ]);
    const fiveG = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,TAC,NCI',
      `${own},${other},主叫,2026-04-01 10:00:00,65,6301,26193409`,
    ]);
    // The NCI alone: unique in the carrier's network.
    expect(pick(fiveG.sample, ['baseStation'])).toEqual([['26193409']]);
  });

  it("Unicom's IP prefix 10193 before a number is dialled away", async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      `${own},1019313812345678,主叫,2026-04-01 10:00:00,65`,
    ]);
    expect(pick(plan.sample, ['callee'])).toEqual([[other]]);
  });

  it("电信's 计费号码 beside 主叫号码/被叫号码 names each row's target, its IMEI and IMSI", async () => {
    const plan = await planned('calls', [
      '计费号码,主叫号码,被叫号码,呼叫类型,开始时间,通话时长,LAC,CI,IMEI,IMSI',
      `13387654321,13387654321,${other},主叫,2026-04-01 08:00:00,10,25301,10231,861234567890123,460031234567890`,
      `13387654321,${other},13387654321,被叫,2026-04-01 09:00:00,20,25301,10231,861234567890123,460031234567890`,
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'own', 'imei', 'imsi'])).toEqual([
      ['13387654321', other, '13387654321', '86123456789012', '460031234567890'],
      [other, '13387654321', '13387654321', '86123456789012', '460031234567890'],
    ]);
  });

  it('call-type codes a note under the list explains (注：呼叫类型 1-主叫 2-被叫 3-呼转)', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      `${own},${other},1,2026-04-01 08:00:00,10`,
      `${own},${other},2,2026-04-01 09:00:00,20`,
      `${own},${other},4,2026-04-01 09:30:00,20`,
      `${own},${other},3,2026-04-01 10:00:00,30`,
      '注：呼叫类型 1-主叫 2-被叫 3-呼转,,,,',
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'kind', 'durationSeconds'])).toEqual([
      [own, other, 'call', '10'],
      [other, own, 'call', '20'],
      [own, other, 'forwarded', '30'],
    ]);
    // A code it does not explain is still refused.
    expect(plan.problems.map((problem) => [problem.line, problem.field, problem.value])).toEqual([
      [4, 'callType', '4'],
    ]);
  });

  it('a list its title, sheet or file calls 短信详单 holds texts, though its way reads 主叫/被叫', async () => {
    const rows = [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      `${own},${other},主叫,2026-04-01 09:00:00,0`,
      `${own},${other},被叫,2026-04-01 09:01:00,0`,
    ];
    const expected = [
      [own, other, 'sms'],
      [other, own, 'sms'],
    ];
    const titled = await planned('calls', ['中国移动短信详单', ...rows]);
    expect(pick(titled.sample, ['caller', 'callee', 'kind'])).toEqual(expected);
    const named = await planned('calls', rows, { fileName: `${own}短信详单.csv` });
    expect(pick(named.sample, ['caller', 'callee', 'kind'])).toEqual(expected);
    const sheet = await plannedWorkbook(
      'calls',
      [
        { name: '通话详单', rows: [rows[0]!.split(','), rows[1]!.split(',')] },
        { name: '短信详单', rows: rows.map((line) => line.split(',')) },
      ],
      {},
      { sheet: 2 },
    );
    expect(pick(sheet.sample, ['caller', 'callee', 'kind'])).toEqual(expected);
  });

  it('the end as a clock alone, past midnight; the end over an empty or billed length', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话日期,开始时间,结束时间',
      `${own},${other},被叫,2026-04-01,23:59:30,00:00:40`,
      `${own},${other},被叫,2026-04-01,14:00:00,14:02:00`,
    ]);
    expect(pick(plan.sample, ['durationSeconds'])).toEqual([['70'], ['120']]);
    const timed = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,结束时间',
      `${own},${other},主叫,2026-04-01 23:59:30,00:00:40`,
    ]);
    expect(pick(timed.sample, ['durationSeconds'])).toEqual([['70']]);
    const both = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,结束时间,计费时长',
      `${own},${other},主叫,2026-04-01 10:00:00,2026-04-01 10:01:05,120`,
      `${own},${other},主叫,2026-04-01 11:00:00,2026-04-01 11:00:30,`,
    ]);
    expect(pick(both.sample, ['durationSeconds'])).toEqual([['65'], ['30']]);
  });

  it('who hung up (挂机方 主叫/被叫) is no direction beside the one under an unknown name', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,挂机方,开始时间,通话时长,通话标识',
      `${own},${other},被叫,2026-04-01 10:00:00,65,主叫`,
      `${own},${other},主叫,2026-04-01 11:00:00,65,被叫`,
    ]);
    expect(pick(plan.sample, ['caller', 'callee'])).toEqual([
      [own, other],
      [other, own],
    ]);
  });

  it('a cell named alone (CELL_ID without a LAC) is kept as it is written', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,CELL_ID',
      `${own},${other},主叫,2026-04-01 10:00:00,65,26193409`,
    ]);
    expect(pick(plan.sample, ['baseStation'])).toEqual([['26193409']]);
  });

  it('cell headers as provinces and tools write them; an eNodeB and its cell without a TAC', async () => {
    for (const [lacHeader, ciHeader] of [
      ['LAC', '小区码'],
      ['LAC', 'SAC'],
      ['本方位置区', '本方小区'],
      ['LAC/TAC', 'CI/ECI'],
    ]) {
      const plan = await planned('calls', [
        `本机号码,对方号码,呼叫类型,开始时间,通话时长,${lacHeader},${ciHeader}`,
        `${own},${other},主叫,2026-04-01 08:00:00,10,25301,10231`,
      ]);
      expect(pick(plan.sample, ['baseStation']), ciHeader).toEqual([['25301-10231']]);
    }
    const eNodeB = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,eNodeB ID,小区标识',
      `${own},${other},主叫,2026-04-01 08:00:00,10,102318,1`,
    ]);
    expect(pick(eNodeB.sample, ['baseStation'])).toEqual([['26193409']]);
    // A sector number or a 2G CI alone names no base station.
    const sector = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,CELL_ID',
      `${own},${other},主叫,2026-04-01 08:00:00,10,10231`,
    ]);
    expect(pick(sector.sample, ['baseStation'])).toEqual([[null]]);
  });

  it('本方 headers of analysis tools, lengths under /秒 headers, codes under 呼叫类型代码, data rows', async () => {
    const plan = await planned('calls', [
      '说明：呼叫类型代码 01-主叫 02-被叫',
      '本方号码,对方号码,呼叫类型代码,开始时间,通话时长/秒,本方IMEI,本方IMSI',
      `${own},${other},02,2026-04-01 08:00:00,13,861234567890123,460001234567890`,
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'durationSeconds', 'imei', 'imsi'])).toEqual([
      [other, own, '13', '86123456789012', '460001234567890'],
    ]);
    const data = await planned(
      'calls',
      [
        '起始时间,通信地点,通信方式,对方号码,通信时长,通信类型',
        `2026-04-01 08:00:00,昆明,主叫,${other},1分5秒,本地`,
        '2026-04-01 08:10:00,昆明,GPRS上网,,10分0秒,4G',
      ],
      { ownNumber: own },
    );
    expect(plan.problems).toEqual([]);
    // A GPRS session is kept as one: the target's, no other party.
    expect(data.problems).toEqual([]);
    expect(pick(data.sample, ['caller', 'callee', 'kind', 'durationSeconds'])).toEqual([
      [own, other, 'call', '65'],
      [own, own, 'data', '600'],
    ]);
  });
});

describe('headers and headings a tester found refused (2026-12-05)', () => {
  it('电信 names its target 设备号码 or 业务号码, in the heading or as a column; MSISDN in the heading', async () => {
    for (const label of ['设备号码：18987112345', '业务号码：18987112345', 'MSISDN: 18987112345']) {
      const read = await planned('calls', [
        label,
        '对方号码,呼叫类型,开始时间,通话时长',
        '13577112233,主叫,2026-11-03 08:00:00,30',
      ]);
      expect(pick(read.sample, ['caller', 'callee'])).toEqual([['18987112345', '13577112233']]);
    }
    const column = await planned('calls', [
      '业务号码,对方号码,呼叫类型,开始时间,通话时长',
      '18987112345,13577112233,被叫,2026-11-03 08:00:00,30',
    ]);
    expect(pick(column.sample, ['caller', 'callee'])).toEqual([['13577112233', '18987112345']]);
  });

  it('a list whose rows all go one way, under 方向, 呼入/呼出, 收发方式 or 短信方向', async () => {
    for (const [header, value, way] of [
      ['方向', '被叫', 'in'],
      ['呼入/呼出', '呼入', 'in'],
      ['MOC/MTC', 'MTC', 'in'],
      ['收发方式', '接收', 'in'],
      ['短信方向', '发送', 'out'],
    ]) {
      const read = await planned('calls', [
        '用户号码：18612349999',
        `序号,对方号码,${header},开始时间,通话时长`,
        `1,13577112233,${value},2026-11-03 12:00:00,30`,
        `2,13577112234,${value},2026-11-03 12:05:00,30`,
      ]);
      expect([header, read.problems, pick(read.sample, ['caller'])[0]![0]]).toEqual([
        header,
        [],
        way === 'in' ? '13577112233' : '18612349999',
      ]);
    }
  });
});
