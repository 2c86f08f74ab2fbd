import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * The timeline through the router on a planted case: lines in their order, every mark source
 * (records, hand-entered relations, seizures, measures, 到案, events, case dates) exactly once,
 * links between lines, paging with the total and the period filter.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const [t1, t2, x, y] = ['13900000011', '13900000012', '13700000099', '13700000098'];

async function seedCase() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'TL-01',
    title: '时间线测试案',
    offenceType: 'trafficking',
    openedOn: '2026-04-01',
  });
  const p = await c.ok('entities.create', {
    entity: { kind: 'person', name: '王某' },
    caseId: caseRow.id,
    roleInCase: 'suspect',
    legalStatus: 'detained',
    legalStatusOn: '2026-04-20',
  });
  const q = await c.ok('entities.create', { entity: { kind: 'person', name: '李某' } });
  await c.ok('cases.addEntity', {
    caseId: caseRow.id,
    entityId: q.id,
    roleInCase: 'suspect',
    legalStatus: 'at_large',
    legalStatusOn: '2026-04-22',
    caughtOn: '2026-04-22',
  });
  const phone1 = await c.ok('entities.create', {
    entity: { kind: 'phone', number: t1 },
    caseId: caseRow.id,
  });
  const phone2 = await c.ok('entities.create', {
    entity: { kind: 'phone', number: t2 },
    caseId: caseRow.id,
  });
  await c.ok('relations.create', { fromEntityId: p.id, toEntityId: phone1.id, type: 'owns' });
  await c.ok('relations.create', {
    fromEntityId: p.id,
    toEntityId: q.id,
    type: 'finances',
    startedOn: '2026-04-08',
    amountYuan: '5000',
    eventCount: 2,
    caseId: caseRow.id,
  });
  const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长';
  const rows = [
    `${t1},${t2},主叫,2026-04-05 10:00:00,60`,
    // The same call in the other party's list: one mark.
    `${t2},${t1},被叫,2026-04-05 10:00:00,60`,
    `${t1},${x},短信发,2026-04-06 08:00:00,0`,
    `${x},${y},主叫,2026-04-07 08:00:00,30`,
  ];
  await c.ok('import.commit', {
    fileName: 'calls.csv',
    contentBase64: Buffer.from([header, ...rows].join('\n') + '\n').toString('base64'),
    template: 'calls',
    importId: 'imp-tl',
  });
  await c.ok('seizures.create', {
    caseId: caseRow.id,
    seizedAt: '2026-04-20T03:00:00.000Z',
    drugType: 'methamphetamine',
    quantityValue: '381',
    quantityUnit: 'g',
    fromEntityId: p.id,
  });
  await c.ok('seizures.create', {
    caseId: caseRow.id,
    seizedAt: '2026-04-21T03:00:00.000Z',
    drugType: 'heroin',
    quantityValue: '0.5',
    quantityUnit: 'g',
  });
  await c.ok('events.create', {
    caseId: caseRow.id,
    kind: 'meeting',
    occurredAt: '2026-04-10',
    title: '见面交易',
    entityIds: [p.id],
  });
  await c.ok('events.create', {
    caseId: caseRow.id,
    kind: 'arrest',
    occurredAt: '2026-04-20T01:00:00.000Z',
    title: '统一收网',
  });
  return { caseId: caseRow.id, p: p.id, q: q.id, phone1: phone1.id, phone2: phone2.id };
}

describe('analytics.timeline', () => {
  it('draws a case: its lines and every planted mark once, in time order, links between lines', async () => {
    const ids = await seedCase();
    const result = await c.ok('analytics.timeline', { caseId: ids.caseId });
    expect(result.lines).toEqual([
      { id: ids.caseId, kind: 'case', label: 'TL-01' },
      { id: ids.q, kind: 'person', label: '李某' },
      { id: ids.p, kind: 'person', label: '王某' },
      { id: ids.phone1, kind: 'phone', label: t1 },
      { id: ids.phone2, kind: 'phone', label: t2 },
    ]);
    const line = (id: string) => result.lines.findIndex((l) => l.id === id);
    expect(
      result.marks.map((mark) => [
        mark.at,
        mark.precision,
        mark.kind,
        line(mark.lineId),
        mark.toLineId === null ? null : line(mark.toLineId),
        mark.label,
        mark.detail,
        mark.count,
      ]),
    ).toEqual([
      ['2026-03-31T16:00:00.000Z', 'day', 'status', 0, null, 'opened', null, null],
      ['2026-04-05T02:00:00.000Z', 'minute', 'call', 3, 4, t2, '60', null],
      ['2026-04-06T00:00:00.000Z', 'minute', 'sms', 3, null, x, '0', null],
      ['2026-04-07T16:00:00.000Z', 'day', 'transfer', 2, 1, '李某', '500000', 2],
      ['2026-04-09T16:00:00.000Z', 'day', 'event', 2, null, '见面交易', 'meeting', null],
      ['2026-04-19T16:00:00.000Z', 'day', 'measure', 2, null, 'detained', null, null],
      ['2026-04-20T01:00:00.000Z', 'minute', 'event', 0, null, '统一收网', 'arrest', null],
      ['2026-04-20T03:00:00.000Z', 'minute', 'seizure', 2, null, 'methamphetamine', '381 g', null],
      ['2026-04-21T03:00:00.000Z', 'minute', 'seizure', 0, null, 'heroin', '0.5 g', null],
      ['2026-04-21T16:00:00.000Z', 'day', 'caught', 1, null, 'suspect', null, null],
      ['2026-04-21T16:00:00.000Z', 'day', 'measure', 1, null, 'at_large', null, null],
    ]);
    expect(result.total).toBe(11);
    expect([result.first, result.last]).toEqual([
      '2026-03-31T16:00:00.000Z',
      '2026-04-21T16:00:00.000Z',
    ]);
  });

  it('pages: the first N marks plus the total, the next page after them', async () => {
    const ids = await seedCase();
    const first = await c.ok('analytics.timeline', { caseId: ids.caseId, limit: 3 });
    expect(first.total).toBe(11);
    expect(first.marks.map((mark) => mark.kind)).toEqual(['status', 'call', 'sms']);
    const next = await c.ok('analytics.timeline', { caseId: ids.caseId, limit: 3, offset: 3 });
    expect(next.marks.map((mark) => mark.kind)).toEqual(['transfer', 'event', 'measure']);
    expect(next.total).toBe(11);
  });

  it('filters to a period: a China calendar day, whole', async () => {
    const ids = await seedCase();
    const day = await c.ok('analytics.timeline', {
      caseId: ids.caseId,
      from: '2026-04-20',
      to: '2026-04-20',
    });
    expect(day.marks.map((mark) => [mark.at, mark.kind])).toEqual([
      ['2026-04-19T16:00:00.000Z', 'measure'],
      ['2026-04-20T01:00:00.000Z', 'event'],
      ['2026-04-20T03:00:00.000Z', 'seizure'],
    ]);
    expect(day.total).toBe(3);
    expect(day.lines).toHaveLength(5);
  });

  it('draws chosen entities only: no case line, a call to a phone off the chart has no link', async () => {
    const ids = await seedCase();
    const result = await c.ok('analytics.timeline', { entityIds: [ids.phone1] });
    expect(result.lines).toEqual([{ id: ids.phone1, kind: 'phone', label: t1 }]);
    expect(result.marks.map((mark) => [mark.kind, mark.toLineId, mark.label])).toEqual([
      ['call', null, t2],
      ['sms', null, x],
    ]);
  });

  it('refuses an unknown entity, naming it', async () => {
    await seedCase();
    expect(await c.call('analytics.timeline', { entityIds: ['no-such-entity'] })).toMatchObject({
      ok: false,
      error: { code: 'analytics.entityNotFound', details: { entity: 'no-such-entity' } },
    });
  });
});
