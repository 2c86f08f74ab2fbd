import { afterEach, describe, expect, it } from 'vitest';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { addInsiders, invPassword, openOwnSlot, withOwnDataKey } from '../helpers/account-holder';
import { appendChained } from '../helpers/forge-audit';

let c: TestCore;
afterEach(() => c?.dispose());

/**
 * An investigator drops the audit log's case index offline (it is what refuses details that
 * are not JSON) and appends a record, signed with his own key, whose details are cut short.
 */
async function workspaceWithMalformedRecord() {
  c = makeTestCore();
  const created = await createTestWorkspace(c);
  const { invId } = await addInsiders(c);
  const opened = await c.ok('cases.create', {
    caseNo: 'A3301-MF01',
    title: '格式测试案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
  await c.ok('session.lock', {});
  const ownKey = (await openOwnSlot(created.path, invId, invPassword)).authorKey!;
  const malformed = await withOwnDataKey(created.path, invId, invPassword, (sqlite) => {
    sqlite.exec('DROP INDEX audit_log_case_idx');
    return appendChained(sqlite, {
      userId: invId,
      username: 'inv',
      action: 'cases.updated',
      targetType: 'note',
      targetId: 'x',
      details: '{"caseId":',
      signWith: ownKey,
    }).seq;
  });
  return { dir: created.path, caseId: opened.id, malformed };
}

describe('a record whose details are not JSON', () => {
  it('is listed raw and flagged; the log, its export and a case’s history still answer; the dropped index is reported', async () => {
    const { dir, caseId, malformed } = await workspaceWithMalformedRecord();
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });

    const list = await c.call('audit.list', { pageSize: 200 });
    expect(list.ok).toBe(true);
    const rows = list.ok ? list.value.rows : [];
    const row = rows.find((one) => one.seq === malformed);
    expect([row?.details, row?.detailsMalformed, row?.author, row?.username]).toEqual([
      { raw: '{"caseId":' },
      true,
      'proven',
      'inv',
    ]);
    expect(
      rows
        .filter((one) => one.action === 'audit.indexesMissing')
        .map((one) => [one.result, one.details]),
    ).toEqual([['failed', { recreated: [], missing: ['audit_log_case_idx'] }]]);

    const history = await c.call('cases.auditHistory', { caseId, pageSize: 50 });
    expect(history.ok && history.value.rows.map((one) => one.action)).toEqual(['cases.created']);
    const exported = await c.call('audit.export', { language: 'en' });
    expect(exported.ok).toBe(true);
    await c.ok('session.lock', {});
  });

  it('an audit index dropped with no such record is made again at the next unlock, and reported', async () => {
    c = makeTestCore();
    const created = await createTestWorkspace(c);
    const admin = (await c.ok('session.current', {})).session!.user;
    await c.ok('session.lock', {});
    await withOwnDataKey(created.path, admin.id, adminPassword, (sqlite) =>
      sqlite.exec('DROP INDEX audit_log_action_idx'),
    );
    await c.ok('session.unlock', {
      path: created.path,
      username: 'admin',
      password: adminPassword,
    });
    const reported = (await c.ok('audit.list', { action: 'audit.indexesMissing' })).rows;
    await c.ok('session.lock', {});
    expect(reported.map((one) => one.details)).toEqual([
      { recreated: ['audit_log_action_idx'], missing: [] },
    ]);
    const indexes = await withOwnDataKey(created.path, admin.id, adminPassword, (sqlite) =>
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'")
        .all()
        .map((row) => (row as { name: string }).name)
        .sort(),
    );
    expect(indexes).toEqual(['audit_log_action_idx', 'audit_log_case_idx', 'audit_log_target_idx']);
  });
});
