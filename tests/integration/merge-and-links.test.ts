import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function twoCasesWithDuplicates() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const first = await c.ok('cases.create', {
    caseNo: 'A3301-M01',
    title: '第一案',
    offenceType: 'trafficking',
    openedOn: '2026-09-01',
  });
  const second = await c.ok('cases.create', {
    caseNo: 'A3301-M02',
    title: '第二案',
    offenceType: 'trafficking',
    openedOn: '2026-09-02',
  });
  const keep = await c.ok('entities.create', {
    entity: { kind: 'person', name: '刘某', idNumber: '11010519491231002X' },
    caseId: first.id,
  });
  const duplicate = await c.ok('entities.create', {
    entity: { kind: 'person', name: '刘三', aliases: ['刘某'] },
    caseId: second.id,
  });
  await c.ok('cases.addEntity', {
    caseId: first.id,
    entityId: duplicate.id,
    roleInCase: 'associate',
  });
  const phone = await c.ok('entities.create', {
    entity: { kind: 'phone', number: '13600579312' },
    caseId: second.id,
  });
  const buyer = await c.ok('entities.create', {
    entity: { kind: 'person', name: '何某丽' },
    caseId: second.id,
  });
  const uses = await c.ok('relations.create', {
    fromEntityId: duplicate.id,
    toEntityId: phone.id,
    type: 'uses',
    caseId: second.id,
  });
  const supplies = await c.ok('relations.create', {
    fromEntityId: duplicate.id,
    toEntityId: buyer.id,
    type: 'supplies',
    caseId: second.id,
  });
  const between = await c.ok('relations.create', {
    fromEntityId: keep.id,
    toEntityId: duplicate.id,
    type: 'kin',
    directed: false,
  });
  const event = await c.ok('events.create', {
    caseId: second.id,
    kind: 'meeting',
    occurredAt: '2026-09-05',
    title: '会面',
    entityIds: [duplicate.id, buyer.id],
  });
  const photo = await c.ok('attachments.add', {
    ownerType: 'entity',
    ownerId: duplicate.id,
    fileName: 'p.jpg',
    mimeType: 'image/jpeg',
    contentBase64: Buffer.from('jpg').toString('base64'),
  });
  return { first, second, keep, duplicate, phone, buyer, uses, supplies, between, event, photo };
}

describe('merging duplicates', () => {
  it('moves every relation, case link, timeline link and attachment, audited', async () => {
    const s = await twoCasesWithDuplicates();
    const merged = await c.ok('entities.merge', { keepId: s.keep.id, mergeId: s.duplicate.id });
    const kept = await c.ok('entities.get', { id: s.keep.id });
    expect(kept.cases.map((m) => [m.caseNo, m.roleInCase])).toEqual([
      ['A3301-M01', 'suspect'],
      ['A3301-M02', 'suspect'],
    ]);
    expect(kept.relations.map((r) => [r.id, r.fromLabel, r.toLabel])).toEqual([
      [s.supplies.id, '刘某', '何某丽'],
      [s.uses.id, '刘某', '13600579312'],
    ]);
    expect(
      (await c.ok('events.timeline', { caseId: s.second.id }))[0]?.entities.map((e) => e.label),
    ).toEqual(['何某丽', '刘某']);
    expect(
      (await c.ok('attachments.list', { ownerType: 'entity', ownerId: s.keep.id })).map(
        (a) => a.id,
      ),
    ).toEqual([s.photo.id]);
    const gone = await c.ok('entities.get', { id: s.duplicate.id });
    expect(gone).toMatchObject({ mergedIntoId: s.keep.id, cases: [], relations: [] });
    expect((await c.ok('search.query', { text: '刘三' })).groups).toEqual([]);

    const audit = (await c.ok('audit.list', { action: 'entities.merged' })).rows[0]!;
    expect(audit.seq).toBe(merged.auditSeq);
    expect(audit.details).toMatchObject({
      keepId: s.keep.id,
      mergeId: s.duplicate.id,
      relationsFrom: [s.uses.id, s.supplies.id].sort(),
      selfLoops: [s.between.id],
      caseLinksMoved: [expect.any(String)],
      caseLinksRemoved: [expect.objectContaining({ caseId: s.first.id, roleInCase: 'associate' })],
      eventLinksMoved: [s.event.id],
      attachments: [s.photo.id],
    });
  });

  it('is undone from its audit record, exactly, and only once', async () => {
    const s = await twoCasesWithDuplicates();
    const before = {
      keep: await c.ok('entities.get', { id: s.keep.id }),
      duplicate: await c.ok('entities.get', { id: s.duplicate.id }),
      timeline: await c.ok('events.timeline', { caseId: s.second.id }),
    };
    const { auditSeq } = await c.ok('entities.merge', {
      keepId: s.keep.id,
      mergeId: s.duplicate.id,
    });
    await c.ok('entities.unmerge', { auditSeq });
    const strip = (detail: typeof before.keep) => ({ ...detail, updatedAt: 'x' });
    expect(strip(await c.ok('entities.get', { id: s.keep.id }))).toEqual(strip(before.keep));
    expect(strip(await c.ok('entities.get', { id: s.duplicate.id }))).toEqual(
      strip(before.duplicate),
    );
    expect(await c.ok('events.timeline', { caseId: s.second.id })).toEqual(before.timeline);
    expect((await c.ok('search.query', { text: '刘三' })).groups.map((g) => g.type)).toEqual([
      'person',
    ]);
    expect(await c.call('entities.unmerge', { auditSeq })).toMatchObject({
      error: { code: 'entities.unmergeInvalid' },
    });
    expect(await c.call('entities.unmerge', { auditSeq: 1 })).toMatchObject({
      error: { code: 'entities.unmergeInvalid' },
    });
  });

  it('leaves a relation between the two that a user had deleted deleted, through merge and unmerge', async () => {
    const s = await twoCasesWithDuplicates();
    const deleted = await c.ok('relations.create', {
      fromEntityId: s.duplicate.id,
      toEntityId: s.keep.id,
      type: 'finances',
    });
    await c.ok('relations.delete', { id: deleted.id });
    const { auditSeq } = await c.ok('entities.merge', {
      keepId: s.keep.id,
      mergeId: s.duplicate.id,
    });
    const audit = (await c.ok('audit.list', { action: 'entities.merged' })).rows[0]!;
    expect(audit.details).toMatchObject({ selfLoops: [s.between.id] });
    expect((audit.details as { relationsFrom: string[] }).relationsFrom).not.toContain(deleted.id);
    await c.ok('entities.unmerge', { auditSeq });
    const relations = (await c.ok('entities.get', { id: s.keep.id })).relations;
    expect(relations.map((relation) => relation.id)).toEqual([s.between.id]);
  });

  it('refuses kinds that differ, an entity with itself, and investigators', async () => {
    const s = await twoCasesWithDuplicates();
    expect(
      await c.call('entities.merge', { keepId: s.keep.id, mergeId: s.phone.id }),
    ).toMatchObject({ error: { code: 'entities.mergeInvalid' } });
    expect(await c.call('entities.merge', { keepId: s.keep.id, mergeId: s.keep.id })).toMatchObject(
      { error: { code: 'entities.mergeInvalid' } },
    );
  });
});

describe('cross-case links (串并案)', () => {
  it('the demo workspace: the meth and heroin cases share the phone 17757103386', async () => {
    c = makeTestCore();
    const demo = await c.ok('workspace.openDemo', {});
    await c.ok('session.unlock', {
      path: demo.path,
      username: demo.username,
      password: demo.password,
    });
    const meth = (await c.ok('cases.list', { text: 'A3301052026030015' })).rows[0]!;
    const linked = await c.ok('cases.linked', { id: meth.id });
    expect(
      linked.map((link) => [
        link.caseNo,
        link.shared.map((shared) => `${shared.kind}:${shared.label}:${shared.via}`),
      ]),
    ).toEqual([['A3301062026080021', ['phone:17757103386:member']]]);
    const report = await c.ok('reports.linkedCases', {});
    expect(
      report.map((pair) => [
        [pair.a.caseNo, pair.b.caseNo].sort().join(' ~ '),
        pair.shared.map((s) => s.label),
      ]),
    ).toEqual([['A3301052026030015 ~ A3301062026080021', ['17757103386']]]);
  });

  it('finds an identifier used by people in two cases even when it is in neither', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const a = await c.ok('cases.create', {
      caseNo: 'A-L1',
      title: '甲案',
      offenceType: 'trafficking',
      openedOn: '2026-09-01',
    });
    const b = await c.ok('cases.create', {
      caseNo: 'A-L2',
      title: '乙案',
      offenceType: 'trafficking',
      openedOn: '2026-09-01',
    });
    const x = await c.ok('entities.create', {
      entity: { kind: 'person', name: '甲某' },
      caseId: a.id,
    });
    const y = await c.ok('entities.create', {
      entity: { kind: 'person', name: '乙某' },
      caseId: b.id,
    });
    const car = await c.ok('entities.create', { entity: { kind: 'vehicle', plate: '浙A12345' } });
    await c.ok('relations.create', { fromEntityId: x.id, toEntityId: car.id, type: 'uses' });
    await c.ok('relations.create', { fromEntityId: y.id, toEntityId: car.id, type: 'owns' });
    expect((await c.ok('cases.linked', { id: a.id })).map((l) => [l.caseNo, l.shared])).toEqual([
      ['A-L2', [{ entityId: car.id, kind: 'vehicle', label: '浙A12345', via: 'identifier' }]],
    ]);
  });
});
