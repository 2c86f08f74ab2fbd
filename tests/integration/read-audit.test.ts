import { afterEach, describe, expect, it } from 'vitest';
import { describeAudit } from '../../electron/api/audit-describe';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * 查询留痕: a viewer who opens a case, a person's page, the source records of a relation, the
 * chart, searches for a number or runs an analysis leaves a record of it in the audit chain,
 * once per ten minutes for the same read. Before, reads left nothing but the unlock.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const minute = 60_000;

async function reads() {
  const list = await c.ok('audit.list', { group: 'reads', pageSize: 100 });
  return list.rows
    .map((row) => ({
      user: row.username,
      action: row.action,
      result: row.result,
      text: describeAudit(row, 'zh-CN').summary,
    }))
    .reverse();
}

describe('reads leave a trace', () => {
  it("records a viewer's looks at a case, a person, a search and an analysis, a repeat once per ten minutes", async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    const theCase = await c.ok('cases.create', {
      caseNo: 'A0001',
      title: '案件一',
      offenceType: 'trafficking',
      openedOn: '2026-11-01',
    });
    const person = await c.ok('entities.create', {
      entity: { kind: 'person', name: '李某' },
      caseId: theCase.id,
    });
    await c.ok('users.create', {
      username: 'guest',
      displayName: '查看员',
      role: 'viewer',
      password: 'Role#Pass2026',
    });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'guest', password: 'Role#Pass2026' });
    await c.ok('cases.get', { id: theCase.id });
    await c.ok('cases.get', { id: theCase.id });
    await c.ok('entities.get', { id: person.id });
    await c.ok('search.query', { text: '13987650001' });
    await c.ok('graph.case', { caseId: theCase.id });
    // A number that is not in the workspace: the lookup is recorded all the same.
    expect((await c.call('analytics.contactProfile', { phone: '13987650001' })).ok).toBe(false);
    // Refreshed within ten minutes: no second record; after, a new one.
    c.clock.advance(9 * minute);
    await c.ok('cases.get', { id: theCase.id });
    c.clock.advance(2 * minute);
    await c.ok('cases.get', { id: theCase.id });
    // A read the role refuses is recorded as denied, not as a read.
    expect((await c.call('users.list', {})).ok).toBe(false);
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await reads()).toEqual([
      { user: 'guest', action: 'cases.viewed', result: 'ok', text: '查看案件 A0001' },
      { user: 'guest', action: 'entities.viewed', result: 'ok', text: '查看 李某 的资料' },
      { user: 'guest', action: 'search.queried', result: 'ok', text: '检索“13987650001”' },
      { user: 'guest', action: 'graph.caseViewed', result: 'ok', text: '查看案件 A0001 的关系图' },
      {
        user: 'guest',
        action: 'analytics.profiled',
        result: 'failed',
        text: '对 13987650001 做话单画像',
      },
      { user: 'guest', action: 'cases.viewed', result: 'ok', text: '查看案件 A0001' },
    ]);
    // The case's history tab (a viewer reads it) lists the changes, not who looked.
    const history = await c.ok('cases.auditHistory', { caseId: theCase.id });
    expect(history.rows.map((row) => row.action).sort()).toEqual([
      'cases.created',
      'entities.created',
    ]);
    // The chain still verifies with the reads in it.
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
  });

  it('records a viewer who reads a whole case through its lists, chart, timeline and map, once per procedure and case', async () => {
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
    const caseId = (await c.ok('cases.findByNumber', { caseNo: 'A0001' })).id;
    await c.ok('cases.row', { id: caseId });
    await c.ok('relations.list', { caseId });
    await c.ok('seizures.list', { caseId, pageSize: 200 });
    // The next page of the same list is the same read.
    await c.ok('seizures.list', { caseId, page: 2, pageSize: 200 });
    await c.ok('events.timeline', { caseId });
    await c.ok('graph.chain', { caseId });
    const people = await c.ok('entities.list', { pageSize: 200, kinds: ['person'] });
    await c.ok('graph.subgraph', { entityIds: people.rows.map((row) => row.id), caseId });
    await c.ok('analytics.timeline', { caseId });
    await c.ok('map.data', { caseId });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await reads()).toEqual(
      [
        '查阅按编号查找的案件（案件 A0001）',
        '查阅案件基本信息（案件 A0001）',
        '查阅关系列表（案件 A0001）',
        '查阅缴获物品（案件 A0001）',
        '查阅事件时间线（案件 A0001）',
        '查阅供应链（案件 A0001）',
        '查阅人员与实体列表',
        '查阅关系图（选定实体）（案件 A0001）',
        '查阅时间线分析（案件 A0001）',
        '查阅地图数据（案件 A0001）',
      ].map((text) => ({ user: 'guest', action: 'data.read', result: 'ok', text })),
    );
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
  });
});
