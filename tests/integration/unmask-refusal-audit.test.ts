import { afterEach, describe, expect, it } from 'vitest';
import { describeAudit } from '../../electron/api/audit-describe';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * A viewer who asks for full ID numbers (a briefing, a chart's files) is refused, and the
 * refusal is in the audit log like a role refusal by the router. Before, the refusal was
 * thrown without a record: the log showed only the viewer's sign-in and sign-out.
 */
let c: TestCore;
afterEach(() => c?.dispose());

describe('refused requests for full ID numbers', () => {
  it("records a viewer's refused unmaskIds in a briefing and a chart export as denied", async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    const theCase = await c.ok('cases.create', {
      caseNo: 'A0001',
      title: '案件一',
      offenceType: 'trafficking',
      openedOn: '2026-11-01',
    });
    await c.ok('entities.create', { entity: { kind: 'person', name: '李某' }, caseId: theCase.id });
    await c.ok('users.create', {
      username: 'guest',
      displayName: '查看员',
      role: 'viewer',
      password: 'Role#Pass2026',
    });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'guest', password: 'Role#Pass2026' });
    const nodeIds = (await c.ok('graph.case', { caseId: theCase.id })).nodes.map((n) => n.id);
    const refused = [
      await c.call('reports.briefing', { caseId: theCase.id, format: 'html', unmaskIds: true }),
      await c.call('graph.export', {
        format: 'json',
        nodeIds,
        caseId: theCase.id,
        unmaskIds: true,
      }),
    ];
    expect(refused.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual([
      'auth.forbidden',
      'auth.forbidden',
    ]);
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const log = await c.ok('audit.list', { username: 'guest', pageSize: 100 });
    const denied = log.rows
      .filter((row) => row.result === 'denied')
      .reverse()
      .map((row) => ({
        action: row.action,
        details: row.details,
        text: describeAudit(row, 'en').summary,
      }));
    expect(denied).toEqual([
      {
        action: 'reports.briefing',
        details: { role: 'viewer', unmaskIds: true },
        text: 'Refused, not allowed: reports.briefing (role: Viewer)',
      },
      {
        action: 'graph.export',
        details: { role: 'viewer', unmaskIds: true },
        text: 'Refused, not allowed: graph.export (role: Viewer)',
      },
    ]);
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
  });
});
