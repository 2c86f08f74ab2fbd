import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function caseWithPeople() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301-J01',
    title: '机主测试案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
  const liu = await c.ok('entities.create', {
    entity: { kind: 'person', name: '刘某军', birthDate: '1988-03-04' },
    caseId: caseRow.id,
  });
  const wang = await c.ok('entities.create', {
    entity: { kind: 'person', name: '王某', birthDate: '1990-01-01' },
    caseId: caseRow.id,
  });
  return { caseRow, liu, wang };
}

async function ownsRelations(caseId: string) {
  return (await c.ok('relations.list', { caseId }))
    .filter((row) => row.type === 'owns')
    .map((row) => [row.fromLabel, row.toLabel, row.caseId === caseId]);
}

describe('owner fields link to entities', () => {
  it('a phone whose 机主 is picked records the 机主 relation and takes the owner’s name', async () => {
    const { caseRow, liu } = await caseWithPeople();
    const phone = await c.ok('entities.create', {
      entity: {
        kind: 'phone',
        number: '13912345678',
        ownerEntityId: liu.id,
        registeredName: '旧名',
      },
      caseId: caseRow.id,
    });
    expect(phone.details).toMatchObject({ registeredName: '刘某军', ownerEntityId: liu.id });
    expect(phone.owner).toEqual({ id: liu.id, kind: 'person', label: '刘某军' });
    expect(await ownsRelations(caseRow.id)).toEqual([['刘某军', '13912345678', true]]);
    // The person's page lists the phone they own.
    const person = await c.ok('entities.get', { id: liu.id });
    expect(person.relations.map((row) => [row.type, row.toLabel])).toEqual([
      ['owns', '13912345678'],
    ]);
  });

  it('changing the owner re-points the one relation; clearing it removes it; free text stays a label', async () => {
    const { caseRow, liu, wang } = await caseWithPeople();
    const account = await c.ok('entities.create', {
      entity: {
        kind: 'account',
        accountType: 'bank',
        accountNo: '6222020200112233445',
        ownerEntityId: liu.id,
      },
      caseId: caseRow.id,
    });
    const fields = {
      kind: 'account',
      accountType: 'bank',
      accountNo: '6222020200112233445',
    } as const;
    const moved = await c.ok('entities.update', {
      id: account.id,
      entity: { ...fields, ownerEntityId: wang.id },
    });
    expect(moved.details).toMatchObject({ holderName: '王某', ownerEntityId: wang.id });
    expect(await ownsRelations(caseRow.id)).toEqual([['王某', '6222020200112233445', true]]);
    // An edit without the owner field leaves the relation alone.
    await c.ok('entities.update', {
      id: account.id,
      entity: { ...fields, institution: '工商银行' },
    });
    expect(await ownsRelations(caseRow.id)).toEqual([
      ['王某', '工商银行 6222020200112233445', true],
    ]);
    // Cleared: no 机主 relation; a typed name is kept as the label of an owner not recorded.
    const cleared = await c.ok('entities.update', {
      id: account.id,
      entity: { ...fields, ownerEntityId: null, holderName: '张某（未登记）' },
    });
    expect(cleared.owner).toBeNull();
    expect(cleared.details).toMatchObject({ holderName: '张某（未登记）', ownerEntityId: null });
    expect(await ownsRelations(caseRow.id)).toEqual([]);
    const audit = await c.ok('audit.list', { page: 1, pageSize: 10 });
    const updates = audit.rows.filter((row) => row.action === 'entities.updated');
    expect(updates.length).toBe(3);
  });

  it('a vehicle’s owner is linked the same way; a phone cannot be an owner', async () => {
    const { caseRow, liu } = await caseWithPeople();
    const car = await c.ok('entities.create', {
      entity: { kind: 'vehicle', plate: '云A12345', ownerEntityId: liu.id },
      caseId: caseRow.id,
    });
    expect(car.owner).toMatchObject({ id: liu.id, label: '刘某军' });
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13912345678' },
      caseId: caseRow.id,
    });
    expect(
      await c.call('entities.update', {
        id: car.id,
        entity: { kind: 'vehicle', plate: '云A12345', ownerEntityId: phone.id },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'entities.ownerNotPerson', details: { kind: 'phone' } },
    });
    expect(await ownsRelations(caseRow.id)).toEqual([['刘某军', '云A12345', true]]);
  });
});
