import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/** Bank and payment statements a tester imported as banks send them, and found misread. */

const { planned } = previewsOnNewWorkspace();
const own = '6216612345678901234';
const other = '6228480398271645312';

describe('statements as sent: amount headers', () => {
  it.each(['收入/支出金额', '收支金额', '本次发生额', '变动金额', '出入金额', '存取金额'])(
    'a signed amount under %s',
    async (header) => {
      const plan = await planned('transactions', [
        `账号,交易日期,交易时间,${header},余额,对方账号,对方户名`,
        `${own},20260401,090000,+100.00,200.00,${other},李某`,
        `${own},20260402,090000,-50.00,150.00,${other},李某`,
      ]);
      expect(plan.problems).toEqual([]);
      expect(pick(plan.sample, ['direction', 'amountFen'])).toEqual([
        ['in', '10000'],
        ['out', '5000'],
      ]);
    },
  );

  it('a call list whose start is 通话起始时刻', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话起始时刻,通话时长',
      '13800138000,13900139000,主叫,2026-04-01 10:00:00,65',
    ]);
    expect(plan.validCount).toBe(1);
    expect(pick(plan.sample, ['startedAt'])).toEqual([['2026-04-01T02:00:00.000Z']]);
  });
});
