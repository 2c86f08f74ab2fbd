import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Carriers print a far end they did not get or do not give as 隐藏号码, 未知, -, 000, a masked
 * number or nothing. Those rows had been refused, and one refused row blocked the whole list.
 * Taken as numbers they would make every target's hidden callers one phone, a false hub. Now
 * each is kept as what it is: a call or text of the known phone, its way, time and cell, on no
 * relation and linked to no number.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const [target, second, other] = ['13800138000', '13700137000', '13912345678'];

async function commit(importId: string, lines: string[]) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64(lines.join('\n') + '\n'),
    template: 'calls',
    importId,
  });
}

const alone = () =>
  c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT p.number, d.kind, d.incoming, d.started_unix AS at, d.duration_seconds AS seconds,
         d.base_station AS cell, d.line FROM data_sessions d JOIN phones p ON p.entity_id = d.phone_id
       ORDER BY d.line`,
    )
    .all() as { number: string; kind: string; incoming: number; line: number }[];
const count = (sql: string) =>
  (c.router.sessions.current()!.sqlite.prepare(sql).get() as { n: number }).n;
const unix = (iso: string) => Date.parse(iso) / 1000;

describe('far ends printed as unknown', () => {
  it("are kept on the target's phone with their way: the list imports whole, no number made of them", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const list = [
      '本机号码,对方号码,呼叫类型,通话起始时间,通话时长,LAC,CI',
      `${target},${other},主叫,2026-11-03 08:00:00,65,4123,12345`,
      `${target},隐藏号码,被叫,2026-11-03 08:10:00,30,4123,12345`,
      `${target},,被叫,2026-11-03 08:20:00,31,4123,12346`,
      `${target},-,短信接收,2026-11-03 08:30:00,0,4123,12346`,
      `${target},Unknown,被叫,2026-11-03 08:40:00,32,4123,12346`,
      `${target},000,被叫,2026-11-03 08:50:00,33,4123,12346`,
      `${target},139****5678,主叫,2026-11-03 09:00:00,34,4123,12346`,
      `${target},（未知）,被叫,2026-11-03 09:10:00,35,4123,12346`,
    ];
    const preview = await c.ok('import.preview', {
      fileName: 'list.csv',
      contentBase64: base64(list.join('\n')),
      template: 'calls',
    });
    expect([preview.rowCount, preview.validCount, preview.rejectedCount]).toEqual([8, 8, 0]);
    const summary = await commit('imp-target', list);
    expect(summary).toMatchObject({
      rows: 8,
      rejectedRows: 0,
      withheldNumbers: 7,
      dataSessions: 0,
      relationsCreated: 1,
      entitiesCreated: 2,
    });
    expect(alone()).toEqual([
      { number: target, kind: 'call', incoming: 1, at: unix('2026-11-03T00:10:00Z'), seconds: 30, cell: '4123-12345', line: 3 },
      { number: target, kind: 'call', incoming: 1, at: unix('2026-11-03T00:20:00Z'), seconds: 31, cell: '4123-12346', line: 4 },
      { number: target, kind: 'sms', incoming: 1, at: unix('2026-11-03T00:30:00Z'), seconds: 0, cell: '4123-12346', line: 5 },
      { number: target, kind: 'call', incoming: 1, at: unix('2026-11-03T00:40:00Z'), seconds: 32, cell: '4123-12346', line: 6 },
      { number: target, kind: 'call', incoming: 1, at: unix('2026-11-03T00:50:00Z'), seconds: 33, cell: '4123-12346', line: 7 },
      { number: target, kind: 'call', incoming: 0, at: unix('2026-11-03T01:00:00Z'), seconds: 34, cell: '4123-12346', line: 8 },
      { number: target, kind: 'call', incoming: 1, at: unix('2026-11-03T01:10:00Z'), seconds: 35, cell: '4123-12346', line: 9 },
    ]); // prettier-ignore
    expect(count('SELECT count(*) AS n FROM phones')).toBe(2);
    expect(count('SELECT count(*) AS n FROM call_records')).toBe(1);

    // On the phone's timeline, between its calls, with no far end.
    const phone = (await c.ok('analytics.commonContacts', { phones: [target] })).targets[0]!.id;
    const timeline = await c.ok('analytics.timeline', { entityIds: [phone] });
    expect(timeline.marks.map((mark) => [mark.kind, mark.at, mark.label, mark.detail])).toEqual([
      ['call', '2026-11-03T00:00:00.000Z', other, '65'],
      ['call', '2026-11-03T00:10:00.000Z', '', '30'],
      ['call', '2026-11-03T00:20:00.000Z', '', '31'],
      ['sms', '2026-11-03T00:30:00.000Z', '', '0'],
      ['call', '2026-11-03T00:40:00.000Z', '', '32'],
      ['call', '2026-11-03T00:50:00.000Z', '', '33'],
      ['call', '2026-11-03T01:00:00.000Z', '', '34'],
      ['call', '2026-11-03T01:10:00.000Z', '', '35'],
    ]);

    // In the phone's profile: counted in its totals and days, listed as no contact.
    const profile = await c.ok('analytics.contactProfile', { phone: target });
    expect([
      profile.period.calls,
      profile.period.messages,
      profile.period.withheld,
      profile.period.contacts,
      profile.period.activeDays,
    ]).toEqual([7, 1, 7, 1, 1]);
    expect(profile.period.topByCount.map((contact) => contact.number)).toEqual([other]);

    // Deleting the import takes them out with the rest.
    // Counted as the import's summary counted them: withheld numbers, no data session.
    expect(await c.ok('import.delete', { importId: 'imp-target' })).toMatchObject({
      callRecords: 1,
      dataSessions: 0,
      withheldNumbers: 7,
      signals: 0,
    });
    expect(alone()).toEqual([]);
  });

  it('two exports that overlap: their rows with an unknown end are counted once, in either order of deletion', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI';
    const first = [
      `${target},隐藏号码,被叫,2026-03-05 10:00:00,50,100,200`,
      `${target},,主叫,2026-03-05 11:00:00,60,100,200`,
      `${target},${other},主叫,2026-03-05 12:00:00,70,100,200`,
      `${target},,上网,2026-03-05 13:00:00,600,100,200`,
    ];
    const later = [
      ...first,
      `${target},${other},主叫,2026-03-06 12:00:00,30,100,200`,
      // A withheld call the first export lacks, and one it holds printed for another second.
      `${target},隐藏号码,被叫,2026-03-06 10:00:00,50,100,200`,
      `${target},隐藏号码,被叫,2026-03-05 10:00:01,50,100,200`,
    ];
    await commit('imp-a', [header, ...first]);
    expect(await commit('imp-b', [header, ...later])).toMatchObject({
      rows: 7,
      withheldNumbers: 4,
      dataSessions: 1,
      // The known call, two calls with a withheld number and the data session.
      copies: 4,
    });
    const totals = async () => {
      const { period } = await c.ok('analytics.contactProfile', { phone: target });
      return [period.calls, period.durationSeconds, period.withheld];
    };
    const counted = () => count('SELECT count(*) AS n FROM data_sessions WHERE copy_of IS NULL');
    // 50 + 60 + 70 (both lists) + 30 + 50 + 50 (the second alone); the 上网 once.
    expect(await totals()).toEqual([6, 310, 4]);
    expect(counted()).toBe(5);
    const phone = (await c.ok('analytics.commonContacts', { phones: [target] })).targets[0]!.id;
    const timeline = await c.ok('analytics.timeline', { entityIds: [phone] });
    expect(timeline.marks.filter((mark) => mark.label === '').map((mark) => mark.at)).toEqual([
      '2026-03-05T02:00:00.000Z',
      '2026-03-05T02:00:01.000Z',
      '2026-03-05T03:00:00.000Z',
      '2026-03-06T02:00:00.000Z',
    ]);
    // The first export deleted: the second's rows count in its place.
    expect(await c.ok('import.delete', { importId: 'imp-a' })).toMatchObject({
      withheldNumbers: 2,
      dataSessions: 1,
      copiesCounted: 4,
    });
    expect(await totals()).toEqual([6, 310, 4]);
    expect(counted()).toBe(5);
    // Imported again after the second, then the second deleted: the first export alone.
    await commit('imp-a2', [header, ...first]);
    expect(counted()).toBe(5);
    await c.ok('import.delete', { importId: 'imp-b' });
    expect(await totals()).toEqual([3, 180, 2]);
    expect(counted()).toBe(3);
  });

  it('two targets called from hidden numbers are not joined through them', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const header = '本机号码,对方号码,呼叫类型,通话起始时间,通话时长';
    await commit('imp-a', [header, `${target},隐藏号码,被叫,2026-11-03 08:10:00,30`]);
    await commit('imp-b', [header, `${second},隐藏号码,被叫,2026-11-03 08:11:00,30`]);
    expect(count('SELECT count(*) AS n FROM relations')).toBe(0);
    const common = await c.ok('analytics.commonContacts', {
      phones: [target, second],
      minTargets: 2,
    });
    expect([common.rows, common.total]).toEqual([[], 0]);
  });

  it('in a list of 主叫号码/被叫号码, a hidden caller leaves the call on the called phone, as one that came in', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const summary = await commit('imp-pairs', [
      '主叫号码,被叫号码,开始时间,通话时长',
      `${target},${other},2026-11-03 08:00:00,60`,
      `隐藏号码,${target},2026-11-03 08:10:00,30`,
      `${target},未知号码,2026-11-03 08:20:00,40`,
    ]);
    expect(summary).toMatchObject({ rows: 3, withheldNumbers: 2, relationsCreated: 1 });
    expect(alone().map((row) => [row.number, row.kind, row.incoming, row.line])).toEqual([
      [target, 'call', 1, 3],
      [target, 'call', 0, 4],
    ]);
  });
});
