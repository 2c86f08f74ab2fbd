import { afterEach, describe, expect, it } from 'vitest';
import { describeAudit } from '../../electron/api/audit-describe';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

describe('measure history of a person in a case', () => {
  it('lists 刑拘 → 逮捕 → 移送起诉 newest first; stepping back restores the one before, audited with its reason', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A5301-M01',
      title: '措施测试案',
      offenceType: 'trafficking',
      openedOn: '2026-10-01',
    });
    const person = await c.ok('cases.addPerson', { caseId: caseRow.id, person: { name: '孙某' } });
    const move = (legalStatus: 'detained' | 'arrested' | 'prosecuted', legalStatusOn: string) =>
      c.ok('cases.updateMember', {
        caseEntityId: person.caseEntityId,
        roleInCase: 'suspect',
        legalStatus,
        legalStatusOn,
      });
    // Four months on (no date after today is taken).
    c.clock.advance(120 * 86_400_000);
    await move('detained', '2026-12-28');
    await move('arrested', '2027-01-05');
    await move('prosecuted', '2027-03-01');
    const history = await c.ok('cases.measures', { caseEntityId: person.caseEntityId });
    expect(history.map((item) => [item.measure, item.takenOn, item.recordedBy])).toEqual([
      ['prosecuted', '2027-03-01', 'admin'],
      ['arrested', '2027-01-05', 'admin'],
      ['detained', '2026-12-28', 'admin'],
    ]);

    expect(
      await c.ok('cases.stepBackMeasure', {
        caseEntityId: person.caseEntityId,
        reason: 'supplementaryInvestigation',
      }),
    ).toEqual({ legalStatus: 'arrested', legalStatusOn: '2027-01-05' });
    expect((await c.ok('cases.get', { id: caseRow.id })).persons[0]).toMatchObject({
      legalStatus: 'arrested',
      legalStatusOn: '2027-01-05',
    });
    expect(
      (await c.ok('cases.measures', { caseEntityId: person.caseEntityId })).map((m) => m.measure),
    ).toEqual(['arrested', 'detained']);
    const audited = await c.ok('audit.list', { action: 'cases.measureSteppedBack' });
    expect(audited.rows[0]).toMatchObject({
      caseNo: 'A5301-M01',
      subject: '孙某',
      details: { from: 'prosecuted', to: 'arrested', reason: 'supplementaryInvestigation' },
    });
    expect(describeAudit(audited.rows[0]!, 'zh-CN').summary).toBe(
      '撤回 孙某 在案件 A5301-M01 的“起诉”，恢复为“逮捕”（退回补充侦查）',
    );

    await c.ok('cases.stepBackMeasure', {
      caseEntityId: person.caseEntityId,
      reason: 'correction',
    });
    await c.ok('cases.stepBackMeasure', {
      caseEntityId: person.caseEntityId,
      reason: 'correction',
    });
    expect((await c.ok('cases.get', { id: caseRow.id })).persons[0]).toMatchObject({
      legalStatus: 'none',
      legalStatusOn: null,
    });
    expect(
      await c.call('cases.stepBackMeasure', {
        caseEntityId: person.caseEntityId,
        reason: 'correction',
      }),
    ).toMatchObject({ ok: false, error: { code: 'cases.noMeasure' } });
  });
});
