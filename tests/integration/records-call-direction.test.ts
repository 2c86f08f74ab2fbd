import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A list of the target's calls that says nowhere which way each went (本机号码, 对方号码, no
 * 呼叫类型): every call had been read as one the target made, so every call that came in was
 * drawn backwards, without a word. It is refused until the user says which way (本机 the caller
 * of every row, or the called).
 */

const { preview, planned } = previewsOnNewWorkspace();
const lines = [
  '本机号码,对方号码,开始时间,通话时长',
  '13800138000,13900139000,2026-04-01 10:00:00,65',
];

describe('a call list without its direction', () => {
  it('is refused, naming 呼叫类型', async () => {
    const result = await preview('calls', lines);
    expect(result.ok ? null : [result.error.code, result.error.details]).toEqual([
      'import.missingColumns',
      { template: 'calls', fields: ['callType'] },
    ]);
  });

  it('goes the way the user says', async () => {
    const out = await planned('calls', lines, { direction: 'out' });
    expect(pick(out.sample, ['caller', 'callee'])).toEqual([['13800138000', '13900139000']]);
    const incoming = await planned('calls', lines, { direction: 'in' });
    expect(pick(incoming.sample, ['caller', 'callee'])).toEqual([['13900139000', '13800138000']]);
    const texts = await planned(
      'calls',
      ['本机号码,对方号码,发送时间,业务类型', '13800138000,13900139000,2026-04-01 10:00:00,短信'],
      { direction: 'in' },
    );
    expect(pick(texts.sample, ['caller', 'callee', 'kind'])).toEqual([
      ['13900139000', '13800138000', 'sms'],
    ]);
  });

  it('a 主叫/被叫 list and a list with its 呼叫类型 need no word', async () => {
    const pairs = await planned('calls', [
      '主叫号码,被叫号码,开始时间,通话时长',
      '13900139000,13800138000,2026-04-01 10:00:00,65',
    ]);
    expect(pick(pairs.sample, ['caller'])).toEqual([['13900139000']]);
    const typed = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,被叫,2026-04-01 10:00:00,65',
    ]);
    expect(pick(typed.sample, ['caller'])).toEqual([['13900139000']]);
  });
});

describe('a forwarded call said in 业务类型', () => {
  it('is forwarded, its way as 呼叫类型 says, with the number it went on to', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,业务类型,开始时间,通话时长,第三方号码',
      '13800138000,13912345678,被叫,呼转,2026-04-01 09:07:00,10,13711112222',
      '13800138000,13912345678,主叫,语音,2026-04-01 09:08:00,10,',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee', 'kind'])).toEqual([
      ['13912345678', '13800138000', 'forwarded'],
      ['13800138000', '13711112222', 'forwarded'],
      ['13800138000', '13912345678', 'call'],
    ]);
  });
});

describe('a call list giving the day alone', () => {
  it('is refused row by row: when the call was is unknown (not midnight)', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13400000001,13900139000,主叫,2024-06-01,65',
      '13400000001,13900139000,主叫,2024-06-01 00:00:00,65',
      '13400000001,13900139000,主叫,20240602,65',
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [2, 'dayAlone'],
      [4, 'dayAlone'],
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([['2024-05-31T16:00:00.000Z']]);
  });
});

describe('a row whose 呼叫类型 is empty', () => {
  it('goes the way its 业务类型 says (短信接收, 短信发送); one that says no way anywhere is refused', async () => {
    const result = await preview('calls', [
      '本机号码,对方号码,呼叫类型,业务类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,语音,2026-04-01 09:00:00,30',
      '13800138000,10658888,,短信接收,2026-04-01 09:10:00,0',
      '13800138000,13900139000,被叫,语音,2026-04-01 09:20:00,40',
      '13800138000,13900139000,,短信发送,2026-04-01 09:30:00,0',
      '13800138000,13900139000,主叫,语音,2026-04-01 09:40:00,50',
      '13800138000,13900139000,,语音,2026-04-01 09:50:00,60',
    ]);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.mapping['callType']).toBe(2);
    expect(pick(result.value.sample, ['caller', 'callee', 'kind'])).toEqual([
      ['13800138000', '13900139000', 'call'],
      ['10658888', '13800138000', 'sms'],
      ['13900139000', '13800138000', 'call'],
      ['13800138000', '13900139000', 'sms'],
      ['13800138000', '13900139000', 'call'],
    ]);
    expect(result.value.problems.map((item) => [item.line, item.problem])).toEqual([
      [7, 'callType'],
    ]);
  });
});

describe('a forwarded call in a list of 主叫号码/被叫号码', () => {
  it('goes on from the called phone to its third number, as in a list of 本机号码/对方号码', async () => {
    const plan = await planned(
      'calls',
      [
        '主叫号码,被叫号码,第三方号码,呼叫类型,开始时间,通话时长',
        '13577112233,18987112345,13999998888,呼转,2026-11-03 09:30:00,30',
        '13577112233,18987112345,,主叫,2026-11-03 09:40:00,30',
      ],
      { ownNumber: '18987112345' },
    );
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee', 'kind'])).toEqual([
      ['13577112233', '18987112345', 'forwarded'],
      ['18987112345', '13999998888', 'forwarded'],
      ['13577112233', '18987112345', 'call'],
    ]);
  });
});
