import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function setup() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301-PF',
    title: '人员表单测试案',
    offenceType: 'trafficking',
    openedOn: '2026-11-01',
  });
  return { caseRow };
}

describe('the person form', () => {
  it('lists persons of the same name with what tells them apart, those in the case first', async () => {
    const { caseRow } = await setup();
    const other = await c.ok('cases.create', {
      caseNo: 'A3301-PF2',
      title: '另一案',
      offenceType: 'trafficking',
      openedOn: '2026-11-01',
    });
    await c.ok('cases.addPerson', {
      caseId: other.id,
      person: { name: '刘某军', idNumber: '11010519491231002X', household: '云南省临沧市' },
      roleInCase: 'witness',
    });
    const inCase = await c.ok('cases.addPerson', {
      caseId: caseRow.id,
      person: { name: '刘某军', birthDate: '1988-03-04' },
      roleInCase: 'suspect',
    });
    await c.ok('cases.addPerson', { caseId: caseRow.id, person: { name: '刘某' } });
    expect(await c.ok('persons.sameName', { name: ' 刘某军 ', caseId: caseRow.id })).toEqual([
      {
        entityId: inCase.entityId,
        name: '刘某军',
        idNumberMasked: null,
        birthYear: 1988,
        gender: 'unknown',
        household: null,
        roleInCase: 'suspect',
        caseCount: 1,
      },
      {
        entityId: expect.any(String),
        name: '刘某军',
        idNumberMasked: '1101**********002X',
        birthYear: 1949,
        gender: 'female',
        household: '云南省临沧市',
        roleInCase: null,
        caseCount: 1,
      },
    ]);
    expect(await c.ok('persons.sameName', { name: '张三' })).toEqual([]);
  });

  it('records the phones typed on the person form as 使用 relations, reusing a known number', async () => {
    const { caseRow } = await setup();
    const known = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13857162094' },
    });
    const person = await c.ok('cases.addPerson', {
      caseId: caseRow.id,
      person: { name: '王某' },
      phones: ['138 5716 2094', '+86 13912345678'],
    });
    const relations = await c.ok('relations.list', { entityId: person.entityId });
    expect(
      relations.map((relation) => [relation.type, relation.fromEntityId, relation.toLabel]).sort(),
    ).toEqual([
      ['uses', person.entityId, '13857162094'],
      ['uses', person.entityId, '13912345678'],
    ]);
    expect(relations.find((relation) => relation.toLabel === '13857162094')?.toEntityId).toBe(
      known.id,
    );
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(detail.members.map((member) => member.label).sort()).toEqual([
      '13857162094',
      '13912345678',
    ]);
  });

  it('refuses a wrong phone number and adds nobody', async () => {
    const { caseRow } = await setup();
    expect(
      await c.call('cases.addPerson', {
        caseId: caseRow.id,
        person: { name: '赵某' },
        phones: ['not-a-phone'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'entities.invalidPhone' } });
    expect((await c.ok('cases.get', { id: caseRow.id })).persons).toEqual([]);
  });
});
