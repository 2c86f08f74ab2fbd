import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Landlines typed into Excel number cells lose their trunk 0 (010-87654321 becomes 1087654321):
 * read as unknown numbers (or an SMS gateway), they matched no other list's 010… number.
 */

const { planned, plannedWorkbook } = previewsOnNewWorkspace();

describe('numbers in number cells', () => {
  it('a landline whose 0 Excel dropped gets it back; mobiles, 400 and 106 numbers and foreign ones stay', async () => {
    const plan = await plannedWorkbook('calls', [
      {
        rows: [
          ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长'],
          ...[
            1087654321, 2165123456, 87165123456, 13900139000, 4008123456, 1065912345, 85291234567,
            85366123456, 66812345678, 84912345678,
          ].map((other, index) => ['13800138000', other, '主叫', `2026-04-01 10:0${index}:00`, 60]),
        ],
      },
    ]);
    expect(pick(plan.sample, ['callee', 'farType'])).toEqual([
      ['01087654321', 'landline'],
      ['02165123456', 'landline'],
      ['087165123456', 'landline'],
      ['13900139000', 'mobile'],
      ['4008123456', 'hotline'],
      ['1065912345', 'smsGateway'],
      // Hong Kong, Macau, Thailand, Vietnam with their country codes: not Chinese landlines;
      // Vietnam's mobile numbering (84 9…) no CN number has, so that one is foreign.
      ['85291234567', 'unknown'],
      ['85366123456', 'unknown'],
      ['66812345678', 'unknown'],
      ['+84912345678', 'international'],
    ]);
  });

  it('a 第三方号码 (呼转) in a number cell gets its 0 back too', async () => {
    const plan = await plannedWorkbook('calls', [
      {
        rows: [
          ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长', '第三方号码'],
          ['13800138000', 13900139000, '呼转', '2026-04-01 10:00:00', 65, 87165123456],
        ],
      },
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'farType'])).toEqual([
      ['13900139000', '13800138000', 'mobile'],
      ['13800138000', '087165123456', 'landline'],
    ]);
  });

  it("a CSV Excel saved lost the 0 in its text: a listed city's landline gets it back, other digits stay", async () => {
    const others = [
      '2388886666', '87165123456', '8716512345', '1087654321', '9512345678', '85291234567',
      '4008123456', '1065905588', '79161234567',
    ]; // prettier-ignore
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      ...others.map((other, index) => `13800138000,${other},主叫,2026-04-01 10:0${index}:00,60`),
    ]);
    expect(pick(plan.sample, ['callee', 'farType'])).toEqual([
      ['02388886666', 'landline'],
      ['087165123456', 'landline'],
      ['08716512345', 'landline'],
      // 10… is an SMS port (1065…) before it is Beijing without its 0.
      ['1087654321', 'unknown'],
      // Myanmar's 95 and Hong Kong's 852 are country codes before they are areas.
      ['9512345678', 'unknown'],
      ['85291234567', 'unknown'],
      ['4008123456', 'hotline'],
      ['1065905588', 'smsGateway'],
      // A Russian mobile, not Nanchang's 0791.
      ['79161234567', 'unknown'],
    ]);
  });
});
