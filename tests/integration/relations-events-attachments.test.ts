import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { filesContaining } from '../helpers/workspace-files';

let c: TestCore;
afterEach(() => c?.dispose());

async function setup() {
  c = makeTestCore();
  const { path } = await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301-R01',
    title: '关系测试案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
  const dealer = await c.ok('entities.create', {
    entity: { kind: 'person', name: '张某龙' },
    caseId: caseRow.id,
  });
  const source = await c.ok('entities.create', {
    entity: { kind: 'person', name: '李某华' },
    caseId: caseRow.id,
  });
  const phone = await c.ok('entities.create', {
    entity: { kind: 'phone', number: '13857162094' },
    caseId: caseRow.id,
  });
  return { path, caseRow, dealer, source, phone };
}

describe('relations', () => {
  it('records supply upstream → downstream with period, amount and grading', async () => {
    const { caseRow, dealer, source } = await setup();
    const relation = await c.ok('relations.create', {
      fromEntityId: source.id,
      toEntityId: dealer.id,
      type: 'supplies',
      startedOn: '2025-12-10',
      endedOn: '2026-06-28',
      amountYuan: '845000.50',
      source: '通话记录及资金流水',
      reliability: 'A',
      credibility: 2,
      caseId: caseRow.id,
    });
    expect(relation).toMatchObject({
      fromLabel: '李某华',
      toLabel: '张某龙',
      type: 'supplies',
      directed: true,
      amountFen: 84_500_050,
      reliability: 'A',
      credibility: 2,
      caseNo: 'A3301-R01',
    });
    const listed = await c.ok('relations.list', { caseId: caseRow.id });
    expect(listed.map((row) => row.id)).toEqual([relation.id]);
    const updated = await c.ok('relations.update', {
      id: relation.id,
      relation: {
        fromEntityId: source.id,
        toEntityId: dealer.id,
        type: 'supplies',
        reliability: 'B',
        credibility: 3,
        caseId: caseRow.id,
      },
    });
    expect(updated).toMatchObject({ reliability: 'B', credibility: 3, amountFen: null });
    await c.ok('relations.delete', { id: relation.id });
    expect(await c.ok('relations.list', { caseId: caseRow.id })).toEqual([]);
    expect(
      (await c.ok('cases.auditHistory', { caseId: caseRow.id })).rows
        .slice(0, 3)
        .map((row) => row.action),
    ).toEqual(['relations.deleted', 'relations.updated', 'relations.created']);
  });

  it.each([
    ['to itself', { same: true }, 'relations.selfLink'],
    [
      'ending before it starts',
      { startedOn: '2026-05-01', endedOn: '2026-04-30' },
      'relations.invalidPeriod',
    ],
    ['with a bad amount', { amountYuan: '1.005' }, 'relations.invalidAmount'],
    ['graded 7', { credibility: 7 }, 'input.invalid'],
  ] as const)('refuses a relation %s', async (_what, change, code) => {
    const { dealer, source } = await setup();
    const { same, ...rest } = change as { same?: boolean };
    const result = await c.call('relations.create', {
      fromEntityId: source.id,
      toEntityId: same ? source.id : dealer.id,
      type: 'supplies',
      ...rest,
    } as never);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await c.ok('relations.list', { entityId: source.id })).toEqual([]);
  });
});

describe('events and the timeline', () => {
  it('orders events in time, keeps day-only dates, filters by entity and kind', async () => {
    const { caseRow, dealer, source, phone } = await setup();
    await c.ok('events.create', {
      caseId: caseRow.id,
      kind: 'arrest',
      occurredAt: '2026-06-28T02:30:00+08:00',
      title: '抓获张某龙',
      entityIds: [dealer.id],
    });
    await c.ok('events.create', {
      caseId: caseRow.id,
      kind: 'delivery',
      occurredAt: '2026-03-11',
      title: '包裹寄出',
      entityIds: [],
    });
    await c.ok('events.create', {
      caseId: caseRow.id,
      kind: 'call',
      occurredAt: '2026-04-18T13:00:00Z',
      title: '通话',
      entityIds: [source.id, phone.id, dealer.id],
    });
    const all = await c.ok('events.timeline', { caseId: caseRow.id });
    expect(
      all.map((event) => [
        event.occurredAt,
        event.precision,
        event.title,
        event.entities.map((e) => e.label),
      ]),
    ).toEqual([
      ['2026-03-11', 'day', '包裹寄出', []],
      ['2026-04-18T13:00:00.000Z', 'minute', '通话', ['13857162094', '张某龙', '李某华']],
      ['2026-06-27T18:30:00.000Z', 'minute', '抓获张某龙', ['张某龙']],
    ]);
    expect(
      (await c.ok('events.timeline', { caseId: caseRow.id, entityId: source.id })).map(
        (e) => e.title,
      ),
    ).toEqual(['通话']);
    expect(
      (await c.ok('events.timeline', { caseId: caseRow.id, kinds: ['arrest', 'delivery'] })).map(
        (e) => e.title,
      ),
    ).toEqual(['包裹寄出', '抓获张某龙']);

    const call = all[1]!;
    await c.ok('events.update', {
      id: call.id,
      event: {
        caseId: caseRow.id,
        kind: 'meeting',
        occurredAt: '2026-04-18',
        title: '会面',
        entityIds: [source.id],
      },
    });
    await c.ok('events.delete', { id: all[0]!.id });
    expect(
      (await c.ok('events.timeline', { caseId: caseRow.id })).map((e) => [
        e.kind,
        e.title,
        e.entities.length,
      ]),
    ).toEqual([
      ['meeting', '会面', 1],
      ['arrest', '抓获张某龙', 1],
    ]);
  });
});

describe('attachments', () => {
  it('stores files encrypted with their SHA-256 and gives them back byte for byte', async () => {
    const { path, caseRow, dealer } = await setup();
    const content = Buffer.concat([
      Buffer.from('扣押物品清单：甲基苯丙胺 WZ-2026-0315-01\n'),
      crypto.randomBytes(64 * 1024),
    ]);
    const added = await c.ok('attachments.add', {
      ownerType: 'case',
      ownerId: caseRow.id,
      fileName: '扣押清单.txt',
      mimeType: 'text/plain',
      contentBase64: content.toString('base64'),
    });
    expect(added).toMatchObject({
      sizeBytes: content.length,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      caseId: caseRow.id,
    });
    await c.ok('attachments.add', {
      ownerType: 'entity',
      ownerId: dealer.id,
      fileName: 'photo.png',
      mimeType: 'image/png',
      contentBase64: Buffer.from('png').toString('base64'),
    });
    const back = await c.ok('attachments.get', { id: added.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);
    expect(
      (await c.ok('attachments.list', { caseId: caseRow.id })).map((row) => row.fileName),
    ).toEqual(['扣押清单.txt']);
    expect(
      (await c.ok('attachments.list', { ownerType: 'entity', ownerId: dealer.id })).map(
        (row) => row.fileName,
      ),
    ).toEqual(['photo.png']);
    expect(filesContaining(path, '扣押物品清单')).toEqual([]);
    expect((await c.ok('audit.list', { action: 'attachments.viewed' })).total).toBe(1);
    expect((await c.ok('cases.get', { id: caseRow.id })).counts.attachments).toBe(1);
  });

  it('refuses a file over the limit, or empty, and writes nothing', async () => {
    const { caseRow } = await setup();
    const tooBig = Buffer.alloc(32 * 1024 * 1024 + 1, 1).toString('base64');
    expect(
      await c.call('attachments.add', {
        ownerType: 'case',
        ownerId: caseRow.id,
        fileName: 'big.bin',
        contentBase64: tooBig,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'attachments.tooLarge',
        details: { limitBytes: 32 * 1024 * 1024, limitMiB: 32, sizeBytes: 32 * 1024 * 1024 + 1 },
      },
    });
    expect(
      await c.call('attachments.add', {
        ownerType: 'case',
        ownerId: caseRow.id,
        fileName: 'empty.txt',
        contentBase64: '',
      }),
    ).toMatchObject({
      error: { code: 'attachments.empty' },
    });
    expect(await c.ok('attachments.list', { caseId: caseRow.id })).toEqual([]);
  });
});
