import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Call lists as switches code them and as Excel saves them: FORW and ROAM beside MOC/MTC, 5G消息
 * (RCS) as messages, a number Excel wrote out in full as a figure, and foreign numbers printed
 * without + or 00. Each had been refused, counted as a call of no length, or made a second
 * unknown number apart from the same one written +856….
 */
const { planned } = previewsOnNewWorkspace();
const target = '13812345678';
const other = '13987654321';

describe('call lists as switches code them', () => {
  it('FORW is a forward, ROAM a call in to the roaming target, 5G消息 a message', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,呼转号码',
      `${target},${other},MOC,2026-04-01 08:00:01,10,`,
      `${target},${other},FORW,2026-04-01 08:00:03,10,13600002222`,
      `${target},${other},ROAM,2026-04-01 08:00:04,10,`,
      `${target},${other},5G消息发送,2026-04-01 08:00:06,0,`,
      `${target},${other},5G消息接收,2026-04-01 08:00:07,0,`,
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['caller', 'callee', 'kind'])).toEqual([
      [target, other, 'call'],
      [other, target, 'forwarded'],
      [target, '13600002222', 'forwarded'],
      [other, target, 'call'],
      [target, other, 'sms'],
      [other, target, 'sms'],
    ]);
    const services = await planned('calls', [
      '本机号码,对方号码,呼叫类型,业务类型,开始时间,通话时长',
      `${target},${other},主叫,5G消息,2026-04-01 08:00:07,0`,
    ]);
    expect(pick(services.sample, ['kind'])).toEqual([['sms']]);
  });

  it('a number written out in full as a figure is its digits; one that lost digits is refused', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      `${target},1.3987654321E+10,主叫,2026-04-01 08:00:01,10`,
      `${target},1.39877E+10,主叫,2026-04-01 08:00:02,10`,
      '1.38001E+10,1.38002e+10,被叫,2026-04-01 08:00:03,10',
    ]);
    // Once per field, as cut by the display in scientific notation: 11 digits are no number
    // too long for the sheet.
    expect(plan.problems).toEqual([
      { line: 3, field: 'counterpart', problem: 'scientific', value: '1.39877E+10' },
      { line: 4, field: 'ownNumber', problem: 'scientific', value: '1.38001E+10' },
      { line: 4, field: 'counterpart', problem: 'scientific', value: '1.38002e+10' },
    ]);
    expect(pick(plan.sample, ['callee', 'farType'])).toEqual([[other, 'mobile']]);
  });

  it('a foreign number printed without + or 00 is the same number as with it', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      `${target},8562055512345,被叫,2026-04-01 08:00:01,10`,
      `${target},+856 20 5551 2345,被叫,2026-04-01 08:00:02,10`,
      `${target},959450123456,被叫,2026-04-01 08:00:03,10`,
    ]);
    expect(pick(plan.sample, ['caller', 'farType'])).toEqual([
      ['+8562055512345', 'international'],
      ['+8562055512345', 'international'],
      ['+959450123456', 'international'],
    ]);
  });

  it('a neighbour’s 11-digit number without + is foreign; a CN landline with its 0 is not', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      `${target},84912345678,被叫,2026-04-01 08:00:01,10`,
      `${target},95945012345,被叫,2026-04-01 08:00:02,10`,
      `${target},85621412345,被叫,2026-04-01 08:00:03,10`,
      `${target},08565123456,被叫,2026-04-01 08:00:04,10`,
      `${target},87165123456,被叫,2026-04-01 08:00:05,10`,
    ]);
    expect(pick(plan.sample, ['caller', 'farType'])).toEqual([
      ['+84912345678', 'international'],
      ['+95945012345', 'international'],
      ['+85621412345', 'international'],
      ['08565123456', 'landline'],
      // Kunming's 0871 without its 0: the landline it is, as before.
      ['087165123456', 'landline'],
    ]);
  });

  it('a call lasting more than a day is another column’s figure: refused as no length', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      `${target},${other},主叫,2026-04-01 08:00:01,86400`,
      `${target},${other},主叫,2026-04-01 09:00:01,867313543801674`,
    ]);
    expect(plan.problems.map((item) => [item.line, item.field, item.problem])).toEqual([
      [3, 'duration', 'duration'],
    ]);
  });
});
