import { afterEach, describe, expect, it } from 'vitest';
import { demoMemberships } from '../../electron/core/demo/demo-cases';
import { demoPeople } from '../../electron/core/demo/demo-people';
import { parseResidentId } from '../../electron/api/domain/resident-id';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function openDemo() {
  c = makeTestCore();
  const demo = await c.ok('workspace.openDemo', {});
  await c.ok('session.unlock', {
    path: demo.path,
    username: demo.username,
    password: demo.password,
  });
}

describe('cases', () => {
  it('creates a case and adds a suspect whose birth date and sex come from the ID number', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const row = await c.ok('cases.create', {
      caseNo: 'A3301052026110001',
      title: '“11·23”贩卖毒品案',
      offenceType: 'trafficking',
      supervisionLevel: 'city',
      unit: '禁毒支队一大队',
      leadInvestigator: '陈建国',
      openedOn: '2026-11-23',
      summary: '群众举报',
    });
    expect(row).toMatchObject({ caseNo: 'A3301052026110001', status: 'filed', suspectCount: 0 });

    const person = await c.ok('cases.addPerson', {
      caseId: row.id,
      // Entered with full-width digits and a lower-case x, as an IME may produce.
      person: {
        name: '全某甲',
        aliases: ['甲哥'],
        gender: 'female',
        idNumber: '１１０１０５１９４９１２３１００２x',
      },
      roleInCase: 'suspect',
      legalStatus: 'detained',
      legalStatusOn: '2026-11-23',
    });
    expect(person).toMatchObject({
      name: '全某甲',
      aliases: ['甲哥'],
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      roleInCase: 'suspect',
      legalStatus: 'detained',
      legalStatusOn: '2026-11-23',
    });

    const detail = await c.ok('cases.get', { id: row.id });
    expect(detail.persons).toEqual([person]);
    expect(detail.suspectCount).toBe(1);
    expect((await c.ok('cases.list', {})).rows[0]?.suspectCount).toBe(1);
  });

  it('lists with filters, sorting and pages computed in SQL', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    for (let n = 1; n <= 12; n += 1) {
      await c.ok('cases.create', {
        caseNo: `A${String(n).padStart(3, '0')}`,
        title: n % 3 === 0 ? `冰毒案${n}` : `海洛因案${n}`,
        offenceType: 'trafficking',
        openedOn: `2026-10-${String(n).padStart(2, '0')}`,
      });
    }
    const page2 = await c.ok('cases.list', {
      page: 2,
      pageSize: 5,
      sort: { field: 'caseNo', order: 'asc' },
    });
    expect(page2.total).toBe(12);
    expect(page2.rows.map((row) => row.caseNo)).toEqual(['A006', 'A007', 'A008', 'A009', 'A010']);

    const meth = await c.ok('cases.list', {
      text: '冰毒',
      sort: { field: 'openedOn', order: 'desc' },
    });
    expect(meth.rows.map((row) => row.caseNo)).toEqual(['A012', 'A009', 'A006', 'A003']);

    const percent = await c.ok('cases.list', { text: '%' });
    expect(percent.total).toBe(0);

    expect((await c.ok('cases.list', { statuses: ['solved'] })).total).toBe(0);
    expect((await c.ok('cases.list', { statuses: ['filed'] })).total).toBe(12);
  });

  it('refuses to add a person to a case that does not exist', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    expect(
      await c.call('cases.addPerson', { caseId: 'missing', person: { name: '某' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'cases.notFound' },
    });
    expect((await c.ok('entities.list', {})).total).toBe(0);
    expect(await c.call('cases.get', { id: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'cases.notFound' },
    });
  });
});

describe('demo workspace', () => {
  it('holds three cases with realistic, valid data', async () => {
    await openDemo();
    const cases = await c.ok('cases.list', { sort: { field: 'caseNo', order: 'asc' } });
    const suspects = (key: string) =>
      demoMemberships.filter((m) => m.caseKey === key && m.role === 'suspect').length;
    // Regression: the suspect count subquery once compared case_entities.id with itself and said 0.
    expect(
      cases.rows.map((row) => [row.caseNo, row.status, row.supervisionLevel, row.suspectCount]),
    ).toEqual([
      ['A3301052026030015', 'solved', 'ministry', suspects('meth')],
      ['A3301062026080021', 'investigating', 'notable', suspects('heroin')],
      ['A3301082026050003', 'prosecuted', 'city', suspects('n2o')],
    ]);
    expect(suspects('meth')).toBe(15);

    const stats = await c.ok('stats.summary', {});
    expect(stats).toMatchObject({ cases: 3, seizures: 6, events: 15 });
    expect(stats.entitiesByKind.person).toBe(demoPeople.length);
    expect(demoPeople.length).toBeGreaterThanOrEqual(55);

    const persons = await c.ok('entities.list', { kinds: ['person'], pageSize: 500 });
    for (const row of persons.rows.filter((person) => person.identifier)) {
      expect(parseResidentId(row.identifier!, new Date('2026-11-23')).ok, row.label).toBe(true);
    }
  });

  it('shares one phone between the methamphetamine and heroin cases (a cross-case link)', async () => {
    await openDemo();
    const phones = await c.ok('entities.list', { kinds: ['phone'], text: '17757103386' });
    // Regression: the case count subquery once compared case_entities.id and said 0.
    expect(phones.rows.map((row) => [row.label, row.caseCount])).toEqual([['17757103386', 2]]);
  });

  it('records the seizures with exact normalised quantities', async () => {
    await openDemo();
    const seizures = await c.ok('seizures.list', { pageSize: 50 });
    const meth = seizures.rows.filter((row) => row.drugType === 'methamphetamine');
    expect(
      meth.map((row) => [row.quantityValue, row.quantityUnit, row.quantityNormalised]).sort(),
    ).toEqual([
      ['25.619', 'kg', 25_619_000],
      ['381', 'g', 381_000],
    ]);
    expect(meth.reduce((sum, row) => sum + row.quantityNormalised, 0)).toBe(26_000_000);
    const n2o = seizures.rows.find((row) => row.drugType === 'nitrous_oxide');
    expect(n2o).toMatchObject({
      quantityValue: '28',
      quantityUnit: 't',
      quantityNormalised: 28_000_000_000,
    });
  });
});
