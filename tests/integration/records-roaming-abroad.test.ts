import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A phone roaming abroad (漫游地 缅甸, 漫游类型 国际漫游) dialled and was called by that country's
 * numbers in their local form: they are that country's, never landlines of the home area (a
 * Myanmar number had become a Kunming landline, 0871…, and 09… a domestic one).
 */

const { planned } = previewsOnNewWorkspace();

describe('numbers dialled abroad', () => {
  it('are the roaming country’s; a CN mobile and a service number stay as printed', async () => {
    const plan = await planned(
      'calls',
      [
        '本机号码,对方号码,呼叫类型,开始时间,通话时长,漫游地,漫游类型',
        '13800138000,9123456789,主叫,2026-04-01 09:00:00,10,缅甸,国际漫游',
        '13800138000,09123456789,主叫,2026-04-01 09:01:00,10,缅甸,国际漫游',
        '13800138000,61234567,被叫,2026-04-01 09:02:00,10,缅甸,国际漫游',
        '13800138000,13912345678,主叫,2026-04-01 09:03:00,10,缅甸,国际漫游',
        '13800138000,10086,主叫,2026-04-01 09:03:30,10,缅甸,国际漫游',
        '13800138000,2055512345,主叫,2026-04-01 09:04:00,10,老挝万象,',
        '13800138000,61234567,主叫,2026-04-01 09:05:00,10,,',
        '13800138000,61234567,主叫,2026-04-01 09:06:00,10,北京,',
        '13800138000,61234567,主叫,2026-04-01 09:07:00,10,某某镇,',
      ],
      { areaCode: '0871' },
    );
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['callee', 'caller', 'farType'])).toEqual([
      ['+959123456789', '13800138000', 'international'],
      ['+959123456789', '13800138000', 'international'],
      ['13800138000', '+9561234567', 'international'],
      ['13912345678', '13800138000', 'mobile'],
      ['10086', '13800138000', 'service'],
      ['+8562055512345', '13800138000', 'international'],
      // At home: the home's area code; roaming in 北京: 010; somewhere no code is known: none,
      // the number kept as this target's local one.
      ['087161234567', '13800138000', 'landline'],
      ['01061234567', '13800138000', 'landline'],
      ['61234567（13800138000本地）', '13800138000', 'local'],
    ]);
  });

  it('a call home from abroad stays a call home: 86 before a mobile or a landline, a listed city with its 0; a number with the country’s own code is not given it twice', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,漫游地',
      '13888001122,8613577112233,主叫,2026-11-03 08:00:00,10,缅甸',
      '13888001122,8613577112233,被叫,2026-11-03 08:01:00,10,越南',
      '13888001122,087163123456,主叫,2026-11-03 08:02:00,10,缅甸',
      '13888001122,8687163123456,主叫,2026-11-03 08:03:00,10,缅甸',
      '13888001122,86087163123456,主叫,2026-11-03 08:04:00,10,缅甸',
      '13888001122,959421234567,主叫,2026-11-03 08:05:00,10,缅甸',
      // Laos's mobiles are dialled 020…: not Guangzhou's 020 there.
      '13888001122,02012345678,主叫,2026-11-03 08:06:00,10,老挝',
      // Urumqi from Kazakhstan; 09… in Myanmar is a Myanmar mobile.
      '13888001122,099112345678,主叫,2026-11-03 08:07:00,10,哈萨克斯坦',
      '13888001122,099112345678,主叫,2026-11-03 08:08:00,10,缅甸',
    ]);
    expect(pick(plan.sample, ['caller', 'callee', 'farType'])).toEqual([
      ['13888001122', '13577112233', 'mobile'],
      ['13577112233', '13888001122', 'mobile'],
      ['13888001122', '087163123456', 'landline'],
      ['13888001122', '087163123456', 'landline'],
      ['13888001122', '087163123456', 'landline'],
      ['13888001122', '+959421234567', 'international'],
      ['13888001122', '+8562012345678', 'international'],
      ['13888001122', '099112345678', 'landline'],
      ['13888001122', '+9599112345678', 'international'],
    ]);
  });
});
