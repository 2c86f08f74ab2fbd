import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A list of 主叫号码/被叫号码 under a heading naming the target (用户号码：…): its base stations
 * and IMEIs are the target's. They had been nobody's: 同基站伴随 and the on-cell search missed
 * the target, and IMEI links between phones were lost.
 */

const { planned } = previewsOnNewWorkspace();

describe('the target’s end of a 主叫/被叫 list', () => {
  it('the number the heading names is the own end, whichever side it is on', async () => {
    const plan = await planned('calls', [
      '用户号码：13800001111',
      '主叫号码,被叫号码,呼叫类型,开始时间,通话时长,LAC,CI,IMEI',
      '13900002222,13800001111,被叫,2025-03-01 10:00:00,60,12345,6789,861000000001234',
      '13800001111,13700003333,主叫,2025-03-01 11:00:00,60,12345,6789,861000000001234',
      '13900002222,13700003333,主叫,2025-03-01 12:00:00,60,12345,6789,861000000001234',
    ]);
    expect(pick(plan.sample, ['own', 'imei'])).toEqual([
      ['13800001111', '86100000000123'],
      ['13800001111', '86100000000123'],
      [null, null],
    ]);
  });

  it('a forwarded call named as one that came in was the 对方’s call to the target', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800001111,13900002222,来话(前转),2025-03-01 10:00:00,60',
      '13800001111,13900002222,被叫-呼转,2025-03-01 11:00:00,60',
      '13800001111,13900002222,转接被叫,2025-03-01 12:00:00,60',
      '13800001111,13900002222,呼转,2025-03-01 13:00:00,60',
    ]);
    expect(pick(plan.sample, ['caller', 'kind'])).toEqual([
      ['13900002222', 'forwarded'],
      ['13900002222', 'forwarded'],
      ['13900002222', 'forwarded'],
      ['13800001111', 'forwarded'],
    ]);
  });

  it('a heading’s number the rows do not use (an own-number column) is not shown as the owner', async () => {
    const plan = await planned('calls', [
      '机主号码：13800009999',
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13700007777,13900002222,主叫,2025-03-01 10:00:00,60',
    ]);
    expect(plan.owner).toBeNull();
    expect(pick(plan.sample, ['own'])).toEqual([['13700007777']]);
  });

  it('the other party’s type is the caller’s where the target was called', async () => {
    const plan = await planned('calls', [
      '中国电信 通话清单 用户号码：18900000001',
      '主叫号码,被叫号码,呼叫类型,开始时间,通话时长',
      '18900000001,053112345678,主叫,2026-03-07 08:00:00,11',
      '053112345678,18900000001,被叫,2026-03-07 09:00:00,22',
      '4008123456,18900000001,被叫,2026-03-07 10:00:00,33',
      '18900000001,13800138000,主叫,2026-03-07 11:00:00,44',
      '13800138000,18900000001,被叫,2026-03-07 12:00:00,55',
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'own', 'farType'])).toEqual([
      ['18900000001', '053112345678', '18900000001', 'landline'],
      ['053112345678', '18900000001', '18900000001', 'landline'],
      ['4008123456', '18900000001', '18900000001', 'hotline'],
      ['18900000001', '13800138000', '18900000001', 'mobile'],
      ['13800138000', '18900000001', '18900000001', 'mobile'],
    ]);
  });
});
