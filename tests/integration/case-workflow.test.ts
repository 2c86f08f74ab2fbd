import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const fields = {
  caseNo: 'A3301-W01',
  title: '流程测试案',
  offenceType: 'trafficking' as const,
  openedOn: '2026-10-01',
};

async function withCase() {
  c = makeTestCore();
  await createTestWorkspace(c);
  return c.ok('cases.create', fields);
}

describe('case workflow', () => {
  it('moves 立案 → 侦查 → 破案 → 移送起诉 → 结案, dating each step', async () => {
    const caseRow = await withCase();
    expect((await c.ok('cases.get', { id: caseRow.id })).allowedTransitions).toEqual([
      'investigating',
      'withdrawn',
      'merged',
    ]);
    await c.ok('cases.transition', { id: caseRow.id, to: 'investigating', on: '2026-10-02' });
    await c.ok('cases.transition', { id: caseRow.id, to: 'solved', on: '2026-10-20' });
    await c.ok('cases.transition', { id: caseRow.id, to: 'prosecuted', on: '2026-11-05' });
    await c.ok('cases.transition', { id: caseRow.id, to: 'closed', on: '2026-11-20' });
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(detail).toMatchObject({
      status: 'closed',
      solvedOn: '2026-10-20',
      prosecutedOn: '2026-11-05',
      closedOn: '2026-11-20',
      // Only a correction can reopen a closed case.
      allowedTransitions: ['prosecuted'],
    });
    const history = await c.ok('cases.auditHistory', { caseId: caseRow.id });
    expect(
      history.rows
        .filter((row) => row.action === 'cases.statusChanged')
        .map((row) => [row.details?.['from'], row.details?.['to']]),
    ).toEqual([
      ['prosecuted', 'closed'],
      ['solved', 'prosecuted'],
      ['investigating', 'solved'],
      ['filed', 'investigating'],
    ]);
  });

  it('steps back only with a reason: 退回补充侦查 keeps the 破案 and 移送起诉 dates, and the audit keeps it', async () => {
    const caseRow = await withCase();
    await c.ok('cases.transition', { id: caseRow.id, to: 'investigating', on: '2026-10-02' });
    await c.ok('cases.transition', { id: caseRow.id, to: 'solved', on: '2026-10-20' });
    await c.ok('cases.transition', { id: caseRow.id, to: 'prosecuted', on: '2026-11-05' });
    expect(
      await c.call('cases.transition', { id: caseRow.id, to: 'solved', on: '2026-11-10' }),
    ).toMatchObject({ ok: false, error: { code: 'cases.reasonRequired' } });
    expect((await c.ok('cases.get', { id: caseRow.id })).status).toBe('prosecuted');
    await c.ok('cases.transition', {
      id: caseRow.id,
      to: 'solved',
      on: '2026-11-10',
      reason: 'returned_for_supplementary_investigation',
      note: '证据不足，退回补充侦查',
    });
    expect(await c.ok('cases.get', { id: caseRow.id })).toMatchObject({
      status: 'solved',
      solvedOn: '2026-10-20',
      prosecutedOn: '2026-11-05',
    });
    const history = await c.ok('cases.auditHistory', { caseId: caseRow.id });
    expect(history.rows[0]?.details).toMatchObject({
      from: 'prosecuted',
      to: 'solved',
      on: '2026-11-10',
      reason: 'returned_for_supplementary_investigation',
      note: '证据不足，退回补充侦查',
    });
    // Back to 侦查 for more investigation, solved and sent again: the first dates are the case's.
    await c.ok('cases.transition', {
      id: caseRow.id,
      to: 'investigating',
      on: '2026-11-11',
      reason: 'returned_for_supplementary_investigation',
    });
    expect(await c.ok('cases.get', { id: caseRow.id })).toMatchObject({
      status: 'investigating',
      solvedOn: '2026-10-20',
      prosecutedOn: '2026-11-05',
    });
    // A month on (no date after today is taken).
    c.clock.advance(31 * 86_400_000);
    await c.ok('cases.transition', { id: caseRow.id, to: 'solved', on: '2026-12-01' });
    await c.ok('cases.transition', { id: caseRow.id, to: 'prosecuted', on: '2026-12-10' });
    expect(await c.ok('cases.get', { id: caseRow.id })).toMatchObject({
      status: 'prosecuted',
      solvedOn: '2026-10-20',
      prosecutedOn: '2026-11-05',
    });
    // October's 成绩单 counts it, and December's does not count it again.
    const counted = async (from: string, to: string) =>
      (await c.ok('stats.unit', { from, to })).casesSolved;
    expect([await counted('2026-10-01', '2026-10-31'), await counted('2026-12-01', '2026-12-31')]).toEqual([1, 0]); // prettier-ignore
    await c.ok('cases.transition', {
      id: caseRow.id,
      to: 'solved',
      on: '2026-12-11',
      reason: 'correction',
    });
    // 更正: a case marked solved by mistake goes back to 侦查 and loses its 破案 date.
    await c.ok('cases.transition', {
      id: caseRow.id,
      to: 'investigating',
      on: '2026-12-12',
      reason: 'correction',
    });
    expect(await c.ok('cases.get', { id: caseRow.id })).toMatchObject({
      status: 'investigating',
      solvedOn: null,
      prosecutedOn: null,
    });
  });

  it('marks a gang broken with a date (audited), refuses a company, and lists the date on the member', async () => {
    const caseRow = await withCase();
    const gang = await c.ok('entities.create', {
      entity: { kind: 'organisation', name: '丁团伙', orgType: 'gang' },
      caseId: caseRow.id,
    });
    const company = await c.ok('entities.create', {
      entity: { kind: 'organisation', name: '戊公司', orgType: 'company' },
      caseId: caseRow.id,
    });
    expect(
      await c.call('cases.markOutcome', { entityId: company.id, on: '2026-10-03' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'cases.notAnOutcomeEntity' },
    });
    await c.ok('cases.markOutcome', { entityId: gang.id, on: '2026-10-03' });
    const members = (await c.ok('cases.get', { id: caseRow.id })).members;
    expect(members.map((m) => [m.label, m.markable, m.outcomeOn])).toEqual([
      ['丁团伙', true, '2026-10-03'],
      ['戊公司', false, null],
    ]);
    const audit = await c.ok('audit.list', { action: 'entities.gangBroken' });
    expect(audit.rows.map((row) => row.details)).toEqual([
      { entityId: gang.id, from: null, to: '2026-10-03', caseIds: [caseRow.id] },
    ]);
    // The case's history shows it.
    const history = await c.ok('audit.list', { caseId: caseRow.id, action: 'entities.gangBroken' });
    expect(history.rows.map((row) => row.targetId)).toEqual([gang.id]);
  });

  it('refuses to mark broken a gang in no case, and the 成绩单 counts no such gang', async () => {
    const caseRow = await withCase();
    const period = { from: '2026-01-01', to: '2026-12-31' } as const;
    const inCase = await c.ok('entities.create', {
      entity: { kind: 'organisation', name: '己团伙', orgType: 'gang' },
      caseId: caseRow.id,
    });
    await c.ok('cases.markOutcome', { entityId: inCase.id, on: '2026-10-03' });
    const phantom = await c.ok('entities.create', {
      entity: { kind: 'organisation', name: '虚构团伙', orgType: 'gang' },
    });
    const den = await c.ok('entities.create', {
      entity: { kind: 'location', name: '虚构窝点', locationType: 'stash_house' },
    });
    for (const entityId of [phantom.id, den.id])
      expect(await c.call('cases.markOutcome', { entityId, on: '2026-10-04' })).toMatchObject({
        ok: false,
        error: { code: 'cases.outcomeWithoutCase' },
      });
    // One marked before the rule, or whose case was deleted since: still not counted.
    const dropped = await c.ok('entities.create', {
      entity: { kind: 'organisation', name: '庚团伙', orgType: 'gang' },
      caseId: caseRow.id,
    });
    await c.ok('cases.markOutcome', { entityId: dropped.id, on: '2026-10-05' });
    const member = (await c.ok('cases.get', { id: caseRow.id })).members.find(
      (one) => one.entityId === dropped.id,
    )!;
    await c.ok('cases.removeMember', { caseEntityId: member.caseEntityId });
    const stats = await c.ok('stats.unit', period);
    expect([stats.gangsBroken, stats.densDestroyed]).toEqual([1, 0]);
  });

  it.each([
    ['filed', 'solved'],
    ['filed', 'closed'],
    ['filed', 'filed'],
  ] as const)('refuses %s → %s and changes nothing', async (_from, to) => {
    const caseRow = await withCase();
    expect(
      await c.call('cases.transition', { id: caseRow.id, to, on: '2026-10-05' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'cases.invalidTransition', details: { from: 'filed', to } },
    });
    expect((await c.ok('cases.get', { id: caseRow.id })).status).toBe('filed');
  });

  it('refuses a date before the case was opened, and a 并案 without its target', async () => {
    const caseRow = await withCase();
    expect(
      await c.call('cases.transition', { id: caseRow.id, to: 'investigating', on: '2026-09-30' }),
    ).toMatchObject({
      error: {
        code: 'cases.dateBeforeFiling',
        details: { from: 'filed', to: 'investigating', on: '2026-09-30', openedOn: '2026-10-01' },
      },
    });
    expect(
      await c.call('cases.transition', { id: caseRow.id, to: 'merged', on: '2026-10-05' }),
    ).toMatchObject({
      error: { code: 'cases.mergeTargetMissing', details: { from: 'filed', to: 'merged' } },
    });
    const other = await c.ok('cases.create', { ...fields, caseNo: 'A3301-W02' });
    await c.ok('cases.transition', {
      id: caseRow.id,
      to: 'merged',
      on: '2026-10-05',
      mergedIntoCaseId: other.id,
    });
    expect(await c.ok('cases.get', { id: caseRow.id })).toMatchObject({
      status: 'merged',
      mergedIntoCaseId: other.id,
      closedOn: '2026-10-05',
    });
  });

  it('refuses a date after today (a case solved, a suspect caught, drugs seized next year) and 立案 moved after 破案; nothing changes', async () => {
    const caseRow = await withCase();
    const future = { code: 'input.futureDate', details: { today: '2026-11-23' } };
    // Today is 2026-11-23 (China time); a day's slack for a workstation's clock.
    await c.ok('cases.transition', { id: caseRow.id, to: 'investigating', on: '2026-11-24' });
    expect(
      await c.call('cases.transition', { id: caseRow.id, to: 'solved', on: '2027-06-30' }),
    ).toMatchObject({ ok: false, error: { ...future, details: { on: '2027-06-30' } } });
    const person = await c.ok('cases.addPerson', { caseId: caseRow.id, person: { name: '孙某' } });
    expect(
      await c.call('cases.updateMember', {
        caseEntityId: person.caseEntityId,
        roleInCase: 'suspect',
        legalStatus: 'detained',
        legalStatusOn: '2027-01-05',
        caughtOn: '2026-11-20',
      }),
    ).toMatchObject({ ok: false, error: future });
    expect(
      await c.call('seizures.create', {
        caseId: caseRow.id,
        seizedAt: '2027-03-01T02:00:00.000Z',
        drugType: 'heroin',
        quantityValue: '900',
        quantityUnit: 'g',
      }),
    ).toMatchObject({ ok: false, error: future });
    expect(
      await c.call('cases.create', { ...fields, caseNo: 'A3301-W03', openedOn: '2027-01-01' }),
    ).toMatchObject({ ok: false, error: future });
    await c.ok('cases.transition', { id: caseRow.id, to: 'solved', on: '2026-11-10' });
    expect(
      await c.call('cases.update', {
        id: caseRow.id,
        fields: { ...fields, openedOn: '2026-11-20' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'cases.dateBeforeFiling',
        details: { to: 'solved', on: '2026-11-10', openedOn: '2026-11-20' },
      },
    });
    expect(await c.ok('cases.get', { id: caseRow.id })).toMatchObject({
      status: 'solved',
      openedOn: '2026-10-01',
      solvedOn: '2026-11-10',
      counts: { seizures: 0 },
    });
  });

  it('edits fields with the changes in the audit record; a taken case number is refused', async () => {
    const caseRow = await withCase();
    await c.ok('cases.create', { ...fields, caseNo: 'A3301-W09' });
    await c.ok('cases.update', {
      id: caseRow.id,
      fields: { ...fields, title: '改名后的案件', supervisionLevel: 'city' },
    });
    const history = await c.ok('cases.auditHistory', { caseId: caseRow.id });
    expect(history.rows[0]).toMatchObject({
      action: 'cases.updated',
      details: {
        changes: {
          title: { from: '流程测试案', to: '改名后的案件' },
          supervisionLevel: { from: 'ordinary', to: 'city' },
        },
      },
    });
    expect(
      await c.call('cases.update', { id: caseRow.id, fields: { ...fields, caseNo: 'a3301-w09' } }),
    ).toMatchObject({
      error: { code: 'cases.duplicateCaseNo' },
    });
  });

  it('keeps members: role, legal status and its date, chain tier; removal keeps the entity', async () => {
    const caseRow = await withCase();
    const person = await c.ok('cases.addPerson', { caseId: caseRow.id, person: { name: '孙某' } });
    await c.ok('cases.updateMember', {
      caseEntityId: person.caseEntityId,
      roleInCase: 'suspect',
      legalStatus: 'arrested',
      legalStatusOn: '2026-10-09',
      chainTier: 'distribution',
    });
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(detail.persons[0]).toMatchObject({
      legalStatus: 'arrested',
      legalStatusOn: '2026-10-09',
    });
    await c.ok('cases.removeMember', { caseEntityId: person.caseEntityId });
    expect((await c.ok('cases.get', { id: caseRow.id })).persons).toEqual([]);
    expect((await c.ok('entities.get', { id: person.entityId })).deleted).toBe(false);
    expect(await c.call('cases.removeMember', { caseEntityId: person.caseEntityId })).toMatchObject(
      { error: { code: 'cases.memberNotFound' } },
    );
  });

  it('filters the list by unit, lead investigator and date ranges', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const make = (caseNo: string, unit: string, lead: string, openedOn: string) =>
      c.ok('cases.create', {
        caseNo,
        title: caseNo,
        offenceType: 'trafficking',
        unit,
        leadInvestigator: lead,
        openedOn,
      });
    await make('A001', '一大队', '陈建国', '2026-01-10');
    await make('A002', '二大队', '李志明', '2026-03-15');
    await make('A003', '一大队', '李志明', '2026-06-01');
    const list = async (input: Parameters<TestCore['ok']>[1]) =>
      (
        await c.ok('cases.list', { ...(input as object), sort: { field: 'caseNo', order: 'asc' } })
      ).rows.map((row) => row.caseNo);
    expect(await list({ unit: '一大队' })).toEqual(['A001', 'A003']);
    expect(await list({ leadInvestigator: '李志明' })).toEqual(['A002', 'A003']);
    expect(await list({ opened: { from: '2026-02-01', to: '2026-06-01' } })).toEqual([
      'A002',
      'A003',
    ]);
    expect(await list({ unit: '一大队', opened: { to: '2026-05-31' } })).toEqual(['A001']);
  });
});
