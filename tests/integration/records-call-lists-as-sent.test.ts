import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Call lists in the shapes a tester met in carriers' and switches' exports (2026-12-05): each
 * row below had been imported wrong without a word, or refused though its columns said enough.
 */

const { preview, planned } = previewsOnNewWorkspace();
const problemsOf = (plan: { problems: { line: number; problem: string; value: string }[] }) =>
  plan.problems.map((problem) => [problem.line, problem.problem, problem.value]);

describe('call lists as carriers and switches send them', () => {
  it('a database export’s NULL and \\N are no base station and no number: phones do not “meet” on NULL-NULL', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话起始时间,通话时长,LAC,CI',
      '13987650001,13812345678,主叫,2026-03-01 08:00:00,30,25301,10231',
      '13987650001,13812345678,主叫,2026-03-01 09:00:00,30,NULL,NULL',
      '13987650001,13812345678,被叫,2026-03-01 11:00:00,30,\\N,\\N',
      '13987650001,\\N,被叫,2026-03-01 12:00:00,30,#N/A,n/a',
    ]);
    expect(problemsOf(plan)).toEqual([]);
    expect(pick(plan.sample, ['baseStation', 'farType'])).toEqual([
      ['25301-10231', 'mobile'],
      [null, 'mobile'],
      [null, 'mobile'],
      [null, 'unknown'],
    ]);
  });

  it('a CDMA cell is keyed within its SID and NID: two cities’ 基站号 1A2 扇区 B are two cells', async () => {
    const list = (sid: string) => [
      '13387650004 通话详单',
      '主叫号码,被叫号码,通话开始时间,通话时长(秒),呼叫类型,SID,NID,基站号,扇区',
      `13387650004,13812345678,2026-03-01 08:00:00,30,主叫,${sid},1,1A2,B`,
    ];
    expect(pick((await planned('calls', list('13824'))).sample, ['baseStation'])).toEqual([
      ['13824-1-1A2-B'],
    ]);
    expect(pick((await planned('calls', list('14000'))).sample, ['baseStation'])).toEqual([
      ['14000-1-1A2-B'],
    ]);
    const bsid = await planned('calls', [
      '主叫号码,被叫号码,通话开始时间,通话时长(秒),呼叫类型,SID,NID,BSID',
      '13387650004,13812345678,2026-03-01 08:00:00,30,主叫,13824,1,1A2B',
    ]);
    expect(pick(bsid.sample, ['baseStation'])).toEqual([['13824-1-1A2B']]);
  });

  it('one hex pair among decimal ones is read alone: the decimal cells stay as written', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话起始时间,通话时长,LAC,CI',
      '13987650001,13812345678,主叫,2026-03-01 09:00:00,30,25301,10231',
      '13987650001,13812345678,主叫,2026-03-01 09:10:00,30,25301,10232',
      '13987650001,13812345678,主叫,2026-03-01 09:20:00,30,25302,20111',
      '13987650001,13812345678,主叫,2026-03-01 09:30:00,30,62D5,27F7',
    ]);
    expect(pick(plan.sample, ['baseStation'])).toEqual([
      ['25301-10231'],
      ['25301-10232'],
      ['25302-20111'],
      ['25301-10231'],
    ]);
  });

  it('a 主叫号码/被叫号码 list with the target always first follows its 呼叫类型: a 被叫 row came in', async () => {
    const plan = await planned('calls', [
      '18687650002 通话详单',
      '主叫号码,被叫号码,呼叫类型,开始时间,时长',
      '18687650002,13812345678,主叫,2026-03-01 09:00:00,30',
      '18687650002,13912345678,被叫,2026-03-01 09:10:00,30',
    ]);
    expect(pick(plan.sample, ['caller', 'callee'])).toEqual([
      ['18687650002', '13812345678'],
      ['13912345678', '18687650002'],
    ]);
  });

  it('in a 主叫号码/被叫号码 list a 呼叫类型 of the service alone (语音, 短信, 本地通话, 01) says the kind, not a refusal', async () => {
    const plan = await planned('calls', [
      '13387650004 详单',
      '主叫号码,被叫号码,通话开始时间,通话时长(秒),呼叫类型',
      '13387650004,13812345678,2026-03-01 08:00:00,30,语音',
      '13912345678,13387650004,2026-03-01 09:00:00,0,短信',
      '13387650004,13912345678,2026-03-01 12:00:00,20,本地通话',
      '13387650004,13912345678,2026-03-01 13:00:00,20,01',
    ]);
    expect(problemsOf(plan)).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee', 'kind'])).toEqual([
      ['13387650004', '13812345678', 'call'],
      ['13912345678', '13387650004', 'sms'],
      ['13387650004', '13912345678', 'call'],
      ['13387650004', '13912345678', 'call'],
    ]);
  });

  it('a switch’s English headers (CALLING_NBR, CALLED_NBR, IMEI_ID) are read; 紧急呼叫 is a call made', async () => {
    const plan = await planned('calls', [
      'CALLING_NBR,CALLED_NBR,START_TIME,DURATION,IMEI_ID',
      '13987650001,13812345678,20260301090503,62,861234567890123',
    ]);
    expect(plan.mapping).toMatchObject({ caller: 0, callee: 1, imei: 4 });
    const emergency = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,时长',
      '13987650001,110,紧急呼叫,2026-03-01 09:00:00,30',
    ]);
    expect(pick(emergency.sample, ['caller', 'callee'])).toEqual([['13987650001', '110']]);
  });

  it('a number dialled abroad where the row names no country is no Chinese landline; 缅北 and 果敢 are Myanmar', async () => {
    const plan = await planned('calls', [
      '用户号码：18687650002',
      '起始时间,通话时长,呼叫类型,对方号码,通话地点,漫游类型',
      '2026-03-05 08:00:00,30,主叫,0912345678,缅北,国际漫游',
      '2026-03-05 08:01:00,30,主叫,0912345678,果敢,国际漫游',
      '2026-03-05 08:02:00,30,主叫,0912345678,MMR,国际漫游',
      '2026-03-05 08:03:00,30,主叫,0912345678,,国际漫游',
    ]);
    expect(pick(plan.sample, ['callee', 'farType'])).toEqual([
      ['+95912345678', 'international'],
      ['+95912345678', 'international'],
      ['+95912345678', 'international'],
      ['0912345678', 'unknown'],
    ]);
  });

  it('an IMEI Excel wrote whole in scientific notation is the handset; 17 digits are no IMEI', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话起始时间,通话时长,IMEI',
      '13987650001,13812345678,主叫,2026-03-01 09:00:00,30,8.61234567890123E+14',
      '13987650001,13812345678,主叫,2026-03-01 09:01:00,30,86123456789012300',
    ]);
    expect(pick(plan.sample, ['imei'])).toEqual([['86123456789012'], [null]]);
  });

  it('times with the part of the day (中午, 凌晨, 晚上) or the weekday, and lengths with prime marks', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话起始时间,通话时长',
      '13987650001,13812345670,主叫,2026-03-01 09:00:00,1′02″',
      '13987650001,13812345671,主叫,2026/3/1 中午 12:05:03,30',
      '13987650001,13812345672,主叫,2026/3/1 凌晨 1:05:03,30',
      '13987650001,13812345673,主叫,2026/3/1 晚上 9:05:03,30',
      '13987650001,13812345674,主叫,2026年3月1日星期日 09:05:03,30',
    ]);
    expect(problemsOf(plan)).toEqual([]);
    expect(pick(plan.sample, ['startedAt', 'durationSeconds'])).toEqual([
      ['2026-03-01T01:00:00.000Z', '62'],
      ['2026-03-01T04:05:03.000Z', '30'],
      ['2026-02-28T17:05:03.000Z', '30'],
      ['2026-03-01T13:05:03.000Z', '30'],
      ['2026-03-01T01:05:03.000Z', '30'],
    ]);
  });

  it('a list of several targets saved from merged 本机号码 cells: a blank number is the row above’s', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话起始时间,通话时长',
      '13987650001,13812345678,主叫,2026-03-01 09:01:00,30',
      ',18687650002,被叫,2026-03-01 09:02:00,30',
      '18687650002,13812345678,主叫,2026-03-01 09:04:00,30',
      ',13912345000,被叫,2026-03-01 09:05:00,30',
    ]);
    expect(problemsOf(plan)).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee'])).toEqual([
      ['13987650001', '13812345678'],
      ['18687650002', '13987650001'],
      ['18687650002', '13812345678'],
      ['13912345000', '18687650002'],
    ]);
  });

  it('an own number typed that no row holds is refused as mistyped (its IMEIs had been tied to no phone)', async () => {
    const lines = [
      '主叫号码,被叫号码,呼叫类型,开始时间,通话时长,IMEI',
      '13387650004,13812345678,主叫,2026-03-01 08:00:00,30,861234567890123',
      '13912345678,13387650004,被叫,2026-03-01 09:00:00,30,861234567890123',
    ];
    const wrong = await preview('calls', lines, { ownNumber: '13387650009' });
    expect(wrong.ok ? null : [wrong.error.code, wrong.error.details]).toEqual([
      'import.ownNumberNotInList',
      { number: '13387650009' },
    ]);
    const right = await planned('calls', lines, { ownNumber: '13387650004' });
    expect(pick(right.sample, ['imei'])).toEqual([['86123456789012'], ['86123456789012']]);
  });

  it('an ECGI under a header read as the CI (小区标识(ECGI)) is the cell, as in a 基站 column', async () => {
    const plan = await planned('calls', [
      '19287650003 通话详单',
      '用户号码,对端号码,呼叫方向,开始时间,时长,小区标识(ECGI)',
      '19287650003,13812345670,主叫,2026-03-01 09:00:03,62,460-00-123456-12',
      '19287650003,13812345673,主叫,2026-03-01 09:03:03,62,31604748',
      '19287650003,13812345675,主叫,2026-03-01 09:05:03,62,460-00-31604748',
    ]);
    expect(pick(plan.sample, ['baseStation'])).toEqual([['31604748'], ['31604748'], ['31604748']]);
  });
});
