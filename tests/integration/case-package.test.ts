import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

const passphrase = '协查-2026-滨江-昆明';
const stamps = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

/** A case export with the bookkeeping of who wrote each row, and when, taken out. */
function comparable(json: string, mapId: (id: string) => string, skipEntities: Set<string>) {
  const snapshot = JSON.parse(json) as Record<string, unknown>;
  const strip = (row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([key]) => !stamps.has(key))
        .map(([key, value]) => [
          key,
          /EntityId$|^entityId$|^ownerId$/.test(key) && typeof value === 'string'
            ? mapId(value)
            : value,
        ]),
    );
  const table = (name: string) =>
    (snapshot[name] as Record<string, unknown>[])
      .map(strip)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    case: strip(snapshot['case'] as Record<string, unknown>),
    entities: (
      snapshot['entities'] as {
        entity: Record<string, unknown>;
        details: Record<string, unknown>;
      }[]
    )
      .filter((item) => !skipEntities.has(item.entity['id'] as string))
      .map((item) => ({ entity: strip(item.entity), details: item.details }))
      .sort((a, b) => String(a.entity['id']).localeCompare(String(b.entity['id']))),
    caseEntities: table('caseEntities'),
    relations: table('relations'),
    seizures: table('seizures'),
    custodySteps: table('custodySteps'),
    events: table('events'),
    eventEntities: table('eventEntities'),
    attachments: table('attachments'),
  };
}

async function demoAndEmpty() {
  const source = makeTestCore();
  const target = makeTestCore();
  cores.push(source, target);
  const demo = await source.ok('workspace.openDemo', {});
  await source.ok('session.unlock', {
    path: demo.path,
    username: demo.username,
    password: demo.password,
  });
  await createTestWorkspace(target, '昆明市公安局禁毒支队');
  const caseId = (await source.ok('cases.list', { text: 'A3301052026030015' })).rows[0]!.id;
  const detail = await source.ok('cases.get', { id: caseId });
  const zhang = detail.persons.find((person) => person.name === '张某龙')!;
  return { source, target, caseId, detail, zhang };
}

describe('case package (协查)', () => {
  it('round trip: every field and relation arrives; a person already known is matched, not duplicated', async () => {
    const { source, target, caseId, detail, zhang } = await demoAndEmpty();
    // The receiving unit already has 张某龙 under his ID number, spelt with his alias.
    const known = await target.ok('entities.create', {
      entity: { kind: 'person', name: '张龙（阿龙）', idNumber: zhang.idNumber! },
    });
    // And relations of its own: the package's relations are numbered after them (they came
    // with the source workspace's numbers and collided).
    const phones = await Promise.all(
      ['13800000010', '13800000011'].map((number) =>
        target.ok('entities.create', { entity: { kind: 'phone', number } }),
      ),
    );
    await target.ok('relations.create', {
      fromEntityId: phones[0]!.id,
      toEntityId: phones[1]!.id,
      type: 'calls',
    });
    const file = await source.ok('package.export', { caseId, passphrase });
    expect(file.fileName).toMatch(/^A3301052026030015-\d{4}-\d{2}-\d{2}\.qlpkg$/);
    expect(Buffer.from(file.content, 'base64').subarray(0, 5).toString()).toBe('QLPKG');
    // Nothing readable in the sealed bytes.
    expect(Buffer.from(file.content, 'base64').includes(Buffer.from('张某龙'))).toBe(false);

    const review = await target.ok('package.review', { contentBase64: file.content, passphrase });
    expect([review.caseNo, review.caseExists]).toEqual(['A3301052026030015', false]);
    const matched = review.entities.filter((item) => item.status === 'matched');
    expect(
      matched.map((item) => [item.label, item.existingId, item.existingLabel, item.differences]),
    ).toEqual([
      ['张某龙', known.id, '张龙（阿龙）', ['label', 'name', 'aliases', 'household', 'address']],
    ]);
    expect(review.entities.length).toBe(detail.persons.length + detail.members.length);

    const summary = await target.ok('package.import', { contentBase64: file.content, passphrase });
    expect(summary).toMatchObject({
      entitiesCreated: review.entities.length - 1,
      entitiesMatched: 1,
      relations: review.counts.relations,
      seizures: 3,
      events: review.counts.events,
    });
    const persons = await target.ok('entities.list', { kinds: ['person'], text: '张' });
    expect(persons.rows.filter((row) => row.label.includes('龙')).map((row) => row.id)).toEqual([
      known.id,
    ]);

    const mapId = (id: string) => (id === zhang.entityId ? known.id : id);
    const before = comparable(
      (await source.ok('cases.export', { id: caseId, format: 'json' })).content,
      mapId,
      new Set([zhang.entityId]),
    );
    // A workspace's relation numbers stay in it: not in the export, not in the package.
    expect(
      (
        JSON.parse((await source.ok('cases.export', { id: caseId, format: 'json' })).content) as {
          relations: object[];
        }
      ).relations.some((relation) => 'num' in relation),
    ).toBe(false);
    const after = comparable(
      (await target.ok('cases.export', { id: summary.caseId!, format: 'json' })).content,
      (id) => id,
      new Set([known.id]),
    );
    // A gang's 打掉 date is the sending unit's outcome: kept in its notes, where this unit's
    // 成绩单 does not count it (package-details.test.ts).
    const outcomes = before.entities.map((item) => {
      const broken = item.details['brokenOn'];
      if (typeof broken !== 'string') return item;
      const notes = [item.entity['notes'], `来文单位记录：已于 ${broken} 打掉`].filter(Boolean);
      return {
        entity: { ...item.entity, notes: notes.join('\n') },
        details: { ...item.details, brokenOn: null },
      };
    });
    expect(outcomes.some((item, index) => item !== before.entities[index])).toBe(true);
    expect(after).toEqual({ ...before, entities: outcomes });
    const copied = await target.ok('cases.get', { id: summary.caseId! });
    expect(copied.drugTotals).toEqual(detail.drugTotals);
    expect(copied.cashTotalFen).toBe(detail.cashTotalFen);

    expect((await source.ok('audit.list', { action: 'package.exported' })).rows).toHaveLength(1);
    const imported = (await target.ok('audit.list', { action: 'package.imported' })).rows;
    expect(imported.map((row) => row.details?.['caseNo'])).toEqual(['A3301052026030015']);

    // The same package again: the case is there, nothing is written twice.
    const stats = await target.ok('stats.summary', {});
    const again = await target.call('package.import', { contentBase64: file.content, passphrase });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'package.caseExists', details: { caseNo: 'A3301052026030015' } },
    });
    expect(await target.ok('stats.summary', {})).toMatchObject({
      entities: stats.entities,
      relations: stats.relations,
    });
  }, 60_000);

  it('a wrong passphrase, a flipped byte and a cut-off file are refused and change nothing', async () => {
    const { source, target, caseId } = await demoAndEmpty();
    const file = await source.ok('package.export', { caseId, passphrase });
    const bytes = Buffer.from(file.content, 'base64');
    const before = await target.ok('stats.summary', {});
    const attempt = (content: Buffer, secret = passphrase) =>
      target.call('package.import', {
        contentBase64: content.toString('base64'),
        passphrase: secret,
      });

    expect(await attempt(bytes, 'not the passphrase')).toMatchObject({
      ok: false,
      error: { code: 'package.wrongPassphrase' },
    });
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 100] ^= 0x01;
    expect(await attempt(flipped)).toMatchObject({ ok: false, error: { code: 'package.corrupt' } });
    const tag = Buffer.from(bytes);
    tag[bytes.length - 1] ^= 0x80;
    expect(await attempt(tag)).toMatchObject({ ok: false, error: { code: 'package.corrupt' } });
    expect(await attempt(bytes.subarray(0, bytes.length - 20))).toMatchObject({
      ok: false,
      error: { code: 'package.corrupt' },
    });
    expect(await attempt(bytes.subarray(0, 30))).toMatchObject({
      ok: false,
      error: { code: 'package.corrupt' },
    });
    expect(await attempt(Buffer.from('not a package at all'))).toMatchObject({
      ok: false,
      error: { code: 'package.corrupt' },
    });
    const header = Buffer.from(bytes);
    header[40] ^= 0x01;
    const refused = await attempt(header);
    expect(refused.ok).toBe(false);
    expect(await target.ok('stats.summary', {})).toMatchObject({
      cases: before.cases,
      entities: before.entities,
      relations: before.relations,
    });

    expect(await source.call('package.export', { caseId, passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'package.passphraseTooShort', details: { min: 10 } },
    });
  }, 60_000);

  it('a selection of entities travels without a case: the relations among them come along', async () => {
    const { source, target, detail } = await demoAndEmpty();
    const ids = detail.persons
      .filter((person) => ['李某华', '张某龙', '吴某'].includes(person.name))
      .map((person) => person.entityId);
    const file = await source.ok('package.export', { entityIds: ids, passphrase });
    const review = await target.ok('package.review', { contentBase64: file.content, passphrase });
    expect([review.caseNo, review.entities.map((item) => item.label).sort()]).toEqual([
      null,
      ['吴某', '张某龙', '李某华'],
    ]);
    const summary = await target.ok('package.import', { contentBase64: file.content, passphrase });
    expect(summary).toMatchObject({ caseId: null, entitiesCreated: 3, seizures: 0 });
    expect(summary.relations).toBe(review.counts.relations);
    expect(summary.relations).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
