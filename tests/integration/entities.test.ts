import { afterEach, describe, expect, it } from 'vitest';
import type { EntityInput } from '../../electron/api/schemas/entity-schemas';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function withCase() {
  c = makeTestCore();
  await createTestWorkspace(c);
  return c.ok('cases.create', {
    caseNo: 'A3301-E01',
    title: '实体测试案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
}

const samples: [EntityInput, string, string | null][] = [
  [
    { kind: 'person', name: '全某甲', aliases: ['甲哥'], idNumber: '11010519491231002X' },
    '全某甲',
    '11010519491231002X',
  ],
  [{ kind: 'organisation', name: '某某贩毒团伙', orgType: 'gang' }, '某某贩毒团伙', null],
  [
    {
      kind: 'organisation',
      name: '滨江某化工有限公司',
      orgType: 'company',
      creditCode: '91330108ma2h7k3q51',
      licenceNumbers: ['浙危化经字〔2024〕1号'],
    },
    '滨江某化工有限公司',
    '91330108MA2H7K3Q51',
  ],
  [
    {
      kind: 'location',
      name: '城东仓库',
      locationType: 'stash_house',
      address: '滨江市城东区物流园',
    },
    '城东仓库',
    '滨江市城东区物流园',
  ],
  [
    { kind: 'phone', number: '+86 138-0013-8000', carrier: '中国移动' },
    '13800138000',
    '13800138000',
  ],
  [{ kind: 'phone', number: '0571-88887777' }, '057188887777', '057188887777'],
  [{ kind: 'vehicle', plate: '浙a·7m2q8' }, '浙A7M2Q8', '浙A7M2Q8'],
  [{ kind: 'vehicle', plate: '粤BD12345' }, '粤BD12345', '粤BD12345'],
  [
    {
      kind: 'account',
      accountType: 'bank',
      accountNo: '6228 4803 9827 1645 312',
      institution: '中国农业银行',
      holderName: '全某甲',
    },
    '中国农业银行 6228480398271645312',
    '6228480398271645312',
  ],
  [
    { kind: 'parcel', waybillNo: 'sf1402938475621', carrier: '顺丰速运' },
    '顺丰速运 SF1402938475621',
    'SF1402938475621',
  ],
];

describe('entities of every kind', () => {
  it.each(samples)(
    'creates %o into a case, normalised, with an audit record',
    async (entity, label, identifier) => {
      const caseRow = await withCase();
      const created = await c.ok('entities.create', { entity, caseId: caseRow.id });
      expect(created).toMatchObject({ kind: entity.kind, label, identifier, deleted: false });
      expect(created.cases.map((membership) => [membership.caseId, membership.roleInCase])).toEqual(
        [[caseRow.id, entity.kind === 'person' ? 'suspect' : 'involved']],
      );
      const audit = await c.ok('audit.list', { action: 'entities.created' });
      expect(audit.rows.map((row) => [row.targetId, row.details])).toEqual([
        [created.id, { kind: entity.kind, label, caseId: caseRow.id }],
      ]);
      const detail = await c.ok('cases.get', { id: caseRow.id });
      const inCase =
        entity.kind === 'person'
          ? detail.persons.map((p) => p.entityId)
          : detail.members.map((m) => m.entityId);
      expect(inCase).toEqual([created.id]);
    },
  );

  it.each([
    [{ kind: 'phone', number: '1380013800' }, 'entities.invalidPhone'],
    [{ kind: 'phone', number: '12800138000' }, 'entities.invalidPhone'],
    [{ kind: 'vehicle', plate: '浙AI2345' }, 'entities.invalidPlate'],
    [{ kind: 'vehicle', plate: '浙A12345O' }, 'entities.invalidPlate'],
    [{ kind: 'vehicle', plate: 'XA12345' }, 'entities.invalidPlate'],
    [{ kind: 'person', name: '某', idNumber: '110105194912310021' }, 'persons.invalidIdNumber'],
  ] as [EntityInput, string][])('refuses %o with %s and writes nothing', async (entity, code) => {
    const caseRow = await withCase();
    expect(await c.call('entities.create', { entity, caseId: caseRow.id })).toMatchObject({
      ok: false,
      error: { code },
    });
    expect((await c.ok('entities.list', {})).total).toBe(0);
    expect((await c.ok('cases.get', { id: caseRow.id })).members).toEqual([]);
    expect((await c.ok('audit.list', { action: 'entities.created' })).total).toBe(0);
  });

  it('warns about an identifier already recorded and names the entity to use instead', async () => {
    await withCase();
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13800138000' },
    });
    expect(
      await c.call('entities.create', { entity: { kind: 'phone', number: '138 0013 8000' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'entities.duplicateIdentifier',
        details: { entityId: phone.id, name: '13800138000', kind: 'phone' },
      },
    });
    const car = await c.ok('entities.create', { entity: { kind: 'vehicle', plate: '云A5K392' } });
    expect(
      await c.call('entities.create', { entity: { kind: 'vehicle', plate: '云A·5K392' } }),
    ).toMatchObject({
      error: { code: 'entities.duplicateIdentifier', details: { entityId: car.id } },
    });
    // The same number as a different account type is a different account.
    await c.ok('entities.create', {
      entity: { kind: 'account', accountType: 'bank', accountNo: '622848' },
    });
    await c.ok('entities.create', {
      entity: { kind: 'account', accountType: 'alipay', accountNo: '622848' },
    });
    expect(
      await c.call('entities.create', {
        entity: { kind: 'account', accountType: 'bank', accountNo: '622 848' },
      }),
    ).toMatchObject({
      error: { code: 'entities.duplicateIdentifier' },
    });
  });

  it('refuses a credit code whose check character does not match; takes one typed full-width or in lower case', async () => {
    await withCase();
    const company = (creditCode: string) => ({
      entity: {
        kind: 'organisation' as const,
        name: '某贸易有限公司',
        orgType: 'company' as const,
        creditCode,
      },
    });
    expect(await c.call('entities.create', company('91330100716105852G'))).toMatchObject({
      ok: false,
      error: { code: 'entities.invalidCreditCode' },
    });
    const created = await c.ok('entities.create', company('９１３３０１００716105852f'));
    expect(created.details).toMatchObject({ creditCode: '91330100716105852F' });
  });

  it('updates fields (the kind stays) and deletes softly, hiding the entity', async () => {
    const caseRow = await withCase();
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13800138000' },
      caseId: caseRow.id,
    });
    const updated = await c.ok('entities.update', {
      id: phone.id,
      entity: { kind: 'phone', number: '13900139000', carrier: '中国电信' },
    });
    expect(updated).toMatchObject({
      label: '13900139000',
      identifier: '13900139000',
      details: { number: '13900139000', carrier: '中国电信' },
    });
    expect(
      await c.call('entities.update', {
        id: phone.id,
        entity: { kind: 'vehicle', plate: '浙A7M2Q8' },
      }),
    ).toMatchObject({
      error: { code: 'entities.kindMismatch' },
    });
    const audit = await c.ok('audit.list', { action: 'entities.updated' });
    expect(audit.rows[0]?.details).toMatchObject({
      before: { number: '13800138000' },
      after: { number: '13900139000' },
    });

    await c.ok('entities.delete', { id: phone.id });
    expect((await c.ok('entities.list', {})).total).toBe(0);
    expect((await c.ok('cases.get', { id: caseRow.id })).members).toEqual([]);
    expect((await c.ok('entities.get', { id: phone.id })).deleted).toBe(true);
    expect(await c.call('entities.delete', { id: phone.id })).toMatchObject({
      error: { code: 'entities.notFound' },
    });
  });

  it('an entity lives once and belongs to many cases; its page lists them and its relations', async () => {
    const first = await withCase();
    const second = await c.ok('cases.create', {
      caseNo: 'A3301-E02',
      title: '第二案',
      offenceType: 'possession',
      openedOn: '2026-10-02',
    });
    const person = await c.ok('entities.create', {
      entity: { kind: 'person', name: '钱某' },
      caseId: first.id,
    });
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13700137000' },
      caseId: first.id,
    });
    await c.ok('cases.addEntity', {
      caseId: second.id,
      entityId: person.id,
      roleInCase: 'witness',
    });
    await c.ok('relations.create', {
      fromEntityId: person.id,
      toEntityId: phone.id,
      type: 'uses',
      caseId: first.id,
    });
    const detail = await c.ok('entities.get', { id: person.id });
    expect(detail.cases.map((m) => [m.caseNo, m.roleInCase])).toEqual([
      ['A3301-E01', 'suspect'],
      ['A3301-E02', 'witness'],
    ]);
    expect(detail.relations.map((r) => [r.fromLabel, r.type, r.toLabel, r.caseNo])).toEqual([
      ['钱某', 'uses', '13700137000', 'A3301-E01'],
    ]);
    expect((await c.ok('entities.list', { kinds: ['person'] })).rows[0]).toMatchObject({
      label: '钱某',
      caseCount: 2,
    });
  });
});
