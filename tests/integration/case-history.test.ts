import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

describe('cases.auditHistory', () => {
  it("a viewer reads a case's records, and no user's or entity's trail through it", async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    const admin = (await c.ok('session.current', {})).session!.user;
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A-HIST-1',
      title: '历史案件',
      offenceType: 'possession',
      openedOn: '2026-10-01',
    });
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13800138000' },
    });
    await c.ok('entities.update', {
      id: phone.id,
      entity: { kind: 'phone', number: '13800138001' },
    });
    const viewer = await c.ok('users.create', {
      username: 'viewer',
      displayName: '查看员',
      role: 'viewer',
      password: 'Role#Pass2026',
    });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'viewer', password: 'Role#Pass2026' });

    for (const id of [admin.id, viewer.id, phone.id, 'no-such-case']) {
      expect(await c.call('cases.auditHistory', { caseId: id })).toMatchObject({
        ok: false,
        error: { code: 'cases.notFound' },
      });
    }
    const history = await c.ok('cases.auditHistory', { caseId: caseRow.id });
    expect(history.total).toBe(1);
    expect(history.rows.map((row) => [row.action, row.username, row.targetId])).toEqual([
      ['cases.created', 'admin', caseRow.id],
    ]);
  });
});
