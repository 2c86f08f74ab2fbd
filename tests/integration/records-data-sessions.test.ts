import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { pick } from '../helpers/import-preview';

/**
 * A carrier's list holds the target's mobile-data sessions (上网, GPRS) among its calls: rows
 * with no other party. They had been refused as rows of no call, so a whole list was refused
 * unless its sessions were set aside, and with them where the phone was between its calls.
 * Now each is kept as what it is: the phone, its cell, its time and handset, on no relation.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const [target, other, third, companion] = [
  '13800138000',
  '13912345678',
  '13700137000',
  '13600136000',
];
const header = '本机号码,对方号码,呼叫类型,通话起始时间,通话时长,业务类型,LAC,CI,IMEI';
const list = [
  `${target},${other},主叫,2026-11-03 08:12:00,65,语音,4123,12345,861234567890123`,
  `${target},,,2026-11-03 08:15:00,3600,上网,4123,12346,861234567890123`,
  `${target},${other},被叫,2026-11-03 09:00:01,30,语音,4123,12345,861234567890123`,
  `${target},,GPRS,2026-11-03 10:15:00,1分0秒,,4123,12347,869999999999999`,
];

async function commit(importId: string, rows: string[], head = header) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64([head, ...rows].join('\n') + '\n'),
    template: 'calls',
    importId,
  });
}

const sessions = () =>
  c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT p.number, d.started_unix AS at, d.duration_seconds AS seconds, d.base_station AS cell,
         d.imei, d.line FROM data_sessions d JOIN phones p ON p.entity_id = d.phone_id ORDER BY d.id`,
    )
    .all();
const unix = (iso: string) => Date.parse(iso) / 1000;

async function phoneId(number: string) {
  const found = await c.ok('analytics.commonContacts', { phones: [number] });
  return found.targets[0]!.id;
}

describe('mobile-data sessions in a call list', () => {
  it('are kept apart from the calls: the list imports whole, the calls count as before', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', {
      fileName: 'list.csv',
      contentBase64: base64([header, ...list].join('\n')),
      template: 'calls',
    });
    expect([preview.rowCount, preview.validCount, preview.rejectedCount]).toEqual([4, 4, 0]);
    expect(pick(preview.sample, ['caller', 'callee', 'kind'])).toEqual([
      [target, other, 'call'],
      [target, target, 'data'],
      [other, target, 'call'],
      [target, target, 'data'],
    ]);
    const summary = await commit('imp-list', list);
    expect(summary).toMatchObject({
      rows: 4,
      rejectedRows: 0,
      dataSessions: 2,
      relationsCreated: 2,
    });
    expect(sessions()).toEqual([
      { number: target, at: unix('2026-11-03T00:15:00Z'), seconds: 3600, cell: '4123-12346', imei: '86123456789012', line: 3 },
      { number: target, at: unix('2026-11-03T02:15:00Z'), seconds: 60, cell: '4123-12347', imei: '86999999999999', line: 5 },
    ]); // prettier-ignore
    const profile = await c.ok('analytics.contactProfile', { phone: target });
    expect([profile.period.calls, profile.period.messages]).toEqual([2, 0]);
    // The handset and cells the sessions show are the target's, as its calls' are.
    const identifiers = await c.ok('import.phoneIdentifiers', { phoneId: await phoneId(target) });
    expect(identifiers.map((row) => [row.type, row.value, row.seenCount])).toEqual([
      ['cell', '4123-12345', 2],
      ['cell', '4123-12346', 1],
      ['cell', '4123-12347', 1],
      ['imei', '86123456789012', 3],
      ['imei', '86999999999999', 1],
    ]);
  });

  it('place the phone on its cell: who was there, and who was there with it', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-list', list);
    // Another phone's call on the session's cell, five minutes into it.
    await commit('imp-companion', [
      `${companion},${third},主叫,2026-11-03 08:20:00,10,语音,4123,12346,`,
    ]);
    const present = await c.ok('analytics.cellPresence', {
      cell: '4123-12346',
      from: '2026-11-03T00:00:00Z',
      to: '2026-11-03T01:00:00Z',
    });
    // The session lasted the hour: the phone was on the cell until 09:15.
    expect(present.rows.map((row) => [row.number, row.sightings, row.firstAt, row.lastAt])).toEqual(
      [
        [target, 1, '2026-11-03T00:15:00.000Z', '2026-11-03T01:15:00.000Z'],
        [companion, 1, '2026-11-03T00:20:00.000Z', '2026-11-03T00:20:00.000Z'],
      ],
    );
    const together = await c.ok('analytics.colocation', {
      phones: [target, companion],
      minOccasions: 1,
    });
    expect(
      together.pairs.map((pair) => [
        [pair.a.number, pair.b.number].sort(),
        pair.occasions.map((item) => [item.cell, item.gapSeconds]),
      ]),
    ).toEqual([[[companion, target], [['4123-12346', 0]]]]);
    // A call an hour and a quarter after the session began, within its hour and ten minutes:
    // together; the instants named are the call's and the session's end facing it.
    await commit('imp-late', [`${third},${other},主叫,2026-11-03 09:25:00,10,语音,4123,12346,`]);
    const late = await c.ok('analytics.colocation', { phones: [target, third], minOccasions: 1 });
    expect(
      late.pairs.map((pair) => pair.occasions.map((item) => [item.aAt, item.bAt, item.gapSeconds])),
    ).toEqual([[[expect.any(String), expect.any(String), 600]]]);
    const during = await c.ok('analytics.cellPresence', {
      cell: '4123-12346',
      from: '2026-11-03T00:40:00Z',
      to: '2026-11-03T00:50:00Z',
    });
    expect(during.rows.map((row) => row.number)).toEqual([target]);
  });

  it('go with their import, and with their phone through a merge and its undo', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-list', list);
    await commit('imp-other', [`${companion},${third},主叫,2026-11-04 08:00:00,10,语音,1,1,`]);
    const merged = await c.ok('entities.merge', {
      keepId: await phoneId(companion),
      mergeId: await phoneId(target),
    });
    expect(sessions().map((row) => (row as { number: string }).number)).toEqual([
      companion,
      companion,
    ]);
    await c.ok('entities.unmerge', { auditSeq: merged.auditSeq });
    expect(sessions().map((row) => (row as { number: string }).number)).toEqual([target, target]);
    expect(await c.ok('import.delete', { importId: 'imp-list' })).toMatchObject({
      callRecords: 2,
      dataSessions: 2,
    });
    expect(sessions()).toEqual([]);
    const present = await c.ok('analytics.cellPresence', {
      cell: '4123-12346',
      from: '2026-11-03T00:00:00Z',
      to: '2026-11-03T01:00:00Z',
    });
    expect(present.rows).toEqual([]);
  });

  it("a tower dump's sessions are each its 主叫号码's; a list of one phone's calls and sessions names that phone", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const dump = await c.ok('import.commit', {
      fileName: '基站调单.csv',
      contentBase64: base64(
        [
          '主叫号码,被叫号码,开始时间,时长,业务类型,LAC,CI',
          `${target},${other},2026-11-03 08:00:00,10,语音,9,9`,
          `${companion},,2026-11-03 08:01:00,300,上网,9,9`,
          `${third},,2026-11-03 08:02:00,0,GPRS,9,9`,
        ].join('\n'),
      ),
      template: 'calls',
      importId: 'imp-dump',
    });
    expect(dump.dataSessions).toBe(2);
    expect(sessions().map((row) => (row as { number: string }).number)).toEqual([companion, third]);
    // No 本机号码 and no number in the heading: the number at an end of every row is the target.
    const one = await c.ok('import.preview', {
      fileName: 'list.csv',
      contentBase64: base64(
        [
          '主叫号码,被叫号码,开始时间,时长,业务类型,LAC,CI',
          `${target},${other},2026-11-03 08:00:00,10,语音,9,9`,
          `${target},,2026-11-03 08:01:00,300,上网,9,8`,
          `${other},${target},2026-11-03 08:02:00,20,语音,9,9`,
        ].join('\n'),
      ),
      template: 'calls',
    });
    expect(pick(one.sample, ['own', 'kind'])).toEqual([
      [target, 'call'],
      [target, 'data'],
      [target, 'call'],
    ]);
  });

  it('a list of data sessions alone (上网详单) needs no other party: by its title, or by its 流量 and APN columns', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const titled = await c.ok('import.commit', {
      fileName: 'list.csv',
      contentBase64: base64(
        [
          `中国移动 ${target} 上网详单`,
          '起始时间,时长(秒),业务类型,LAC,CI',
          '2026-11-03 08:15:00,3600,4G上网,4123,12346',
          '2026-11-03 10:15:00,120,4G上网,4123,12347',
        ].join('\n'),
      ),
      template: 'calls',
      importId: 'imp-titled',
    });
    expect(titled).toMatchObject({ rows: 2, dataSessions: 2, relationsCreated: 0 });
    const columns = await c.ok('import.preview', {
      fileName: 'export.csv',
      contentBase64: base64(
        [
          '用户号码,开始时间,时长,上行流量(KB),下行流量(KB),APN,LAC,CI',
          `${companion},2026-11-03 09:00:00,60,12,340,CMNET,4123,12346`,
        ].join('\n'),
      ),
      template: 'calls',
    });
    expect(columns.problems).toEqual([]);
    expect(pick(columns.sample, ['caller', 'kind', 'startedAt', 'baseStation'])).toEqual([
      [companion, 'data', '2026-11-03T01:00:00.000Z', '4123-12346'],
    ]);
    // A call list is still refused without its other party.
    const calls = await c.call('import.preview', {
      fileName: 'calls.csv',
      contentBase64: base64(
        ['用户号码,开始时间,时长,LAC,CI', `${companion},2026-11-03 09:00:00,60,4123,12346`].join(
          '\n',
        ),
      ),
      template: 'calls',
    });
    expect(calls.ok ? null : [calls.error.code, calls.error.details]).toEqual([
      'import.missingColumns',
      expect.objectContaining({
        template: 'calls',
        fields: ['counterpart'],
        // The header as read, for the columns step to map it by hand.
        headers: ['用户号码', '开始时间', '时长', 'LAC', 'CI'],
        headerLine: 1,
      }),
    ]);
  });

  it('a list whose 业务类型 says GPRS on every row is one of sessions, with an empty 对方号码 column or none; a call among its later rows needs its way', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = (lines: string[]) =>
      c.ok('import.preview', {
        fileName: 'export.csv',
        contentBase64: base64(lines.join('\n')),
        template: 'calls',
      });
    const without = await preview([
      '用户号码,业务类型,开始时间,时长,LAC,CI',
      `${target},GPRS,2026-11-03 08:00:00,60,1,2`,
    ]);
    const empty = await preview([
      '本机号码,对方号码,业务类型,开始时间,时长,LAC,CI',
      `${target},,GPRS,2026-11-03 08:00:00,60,1,2`,
      `${target},,4G上网,2026-11-03 09:00:00,60,1,3`,
    ]);
    expect([without.problems, pick(without.sample, ['caller', 'kind'])]).toEqual([
      [],
      [[target, 'data']],
    ]);
    expect([empty.problems, pick(empty.sample, ['caller', 'kind'])]).toEqual([
      [],
      [
        [target, 'data'],
        [target, 'data'],
      ],
    ]);
    const later = await preview([
      '本机号码,对方号码,业务类型,开始时间,时长,LAC,CI',
      `${target},,GPRS,2026-11-03 08:00:00,60,1,2`,
      ...Array.from(
        { length: 45 },
        (_, index) =>
          `${target},,GPRS,2026-11-03 08:${String(index + 1).padStart(2, '0')}:00,60,1,2`,
      ),
      `${target},${other},语音,2026-11-03 10:00:00,60,1,3`,
      `${target},${other},短信接收,2026-11-03 10:10:00,0,1,3`,
    ]);
    expect(later.problems.map((item) => [item.line, item.field, item.problem])).toEqual([
      [48, 'callType', 'callType'],
    ]);
  });

  it("a list with a 流量 column whose other party's header is unknown keeps its calls: refused row by row until the column is mapped", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const lines = [
      '本机号码,起始时间,通信方式,对方号码/APN,通信时长,流量(KB)',
      `${target},2026-11-03 08:00:00,主叫,${other},60,0`,
      `${target},2026-11-03 08:10:00,被叫,${other},60,0`,
      `${target},2026-11-03 08:20:00,上网,CMNET,600,1024`,
    ];
    const file = {
      fileName: 'list.csv',
      contentBase64: base64(lines.join('\n')),
      template: 'calls' as const,
    };
    const read = await c.ok('import.preview', file);
    expect(read.problems.map((item) => [item.line, item.field, item.problem])).toEqual([
      [2, 'counterpart', 'required'],
      [3, 'counterpart', 'required'],
    ]);
    const mapped = await c.ok('import.preview', {
      ...file,
      mapping: { ...read.mapping, counterpart: 3 },
    });
    expect([mapped.problems, pick(mapped.sample, ['caller', 'callee', 'kind'])]).toEqual([
      [],
      [
        [target, other, 'call'],
        [other, target, 'call'],
        [target, target, 'data'],
      ],
    ]);
  });

  it('a session with its end and no length lasts to its end', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const plan = await c.ok('import.preview', {
      fileName: 'list.csv',
      contentBase64: base64(
        [
          `中国移动 ${target} 上网详单`,
          '起始时间,结束时间,业务类型,LAC,CI',
          '2026-11-03 08:15:00,2026-11-03 10:15:00,4G上网,4123,12346',
        ].join('\n'),
      ),
      template: 'calls',
    });
    expect(pick(plan.sample, ['kind', 'durationSeconds'])).toEqual([['data', '7200']]);
  });

  it('sessions as 电信 and others name them: EVDO, CTNET, 无线宽带, 移动数据, 国内数据', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const names = ['EVDO', 'CTNET', '无线宽带', '移动数据', '国内数据'];
    for (const column of ['业务类型', '呼叫类型']) {
      const plan = await c.ok('import.preview', {
        fileName: 'list.csv',
        contentBase64: base64(
          [
            `本机号码,对方号码,${column === '业务类型' ? '呼叫类型,业务类型' : '呼叫类型'},开始时间,时长,LAC,CI`,
            `${target},${other},主叫,${column === '业务类型' ? '语音,' : ''}2026-11-03 08:00:00,60,1,2`,
            ...names.map(
              (name, index) =>
                `${target},,${column === '业务类型' ? `,${name}` : name},2026-11-03 0${index + 1}:00:00,60,1,2`,
            ),
          ].join('\n'),
        ),
        template: 'calls',
      });
      expect([column, plan.problems, pick(plan.sample, ['kind']).flat()]).toEqual([
        column,
        [],
        ['call', 'data', 'data', 'data', 'data', 'data'],
      ]);
    }
  });
});
