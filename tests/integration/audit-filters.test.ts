import { afterEach, describe, expect, it } from 'vitest';
import { describeAudit } from '../../electron/api/audit-describe';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const hour = 3_600_000;

/**
 * A day's work by two users over two China-time days, then the auditor's filters: user, kind
 * of action, case and days, server-side and paged, and the XLSX export (itself audited).
 */
async function workOfTwoDays() {
  c = makeTestCore(); // clock: 2026-11-23 16:00 China time
  const { path: dir } = await createTestWorkspace(c);
  const first = await c.ok('cases.create', {
    caseNo: 'A0001',
    title: '案件一',
    offenceType: 'trafficking',
    openedOn: '2026-11-01',
  });
  await c.ok('users.create', {
    username: 'zhangwei',
    displayName: '张伟',
    role: 'investigator',
    password: 'Role#Pass2026',
  });
  c.clock.advance(10 * hour); // 2026-11-24 02:00 China time
  await c.ok('session.lock', {});
  await c.ok('session.unlock', { path: dir, username: 'zhangwei', password: 'Role#Pass2026' });
  const second = await c.ok('cases.create', {
    caseNo: 'A0002',
    title: '案件二',
    offenceType: 'possession',
    openedOn: '2026-11-24',
  });
  const person = await c.ok('entities.create', {
    entity: { kind: 'person', name: '李某' },
    caseId: first.id,
  });
  await c.ok('seizures.create', {
    caseId: first.id,
    seizedAt: '2026-11-23T06:00:00.000Z',
    drugType: 'methamphetamine',
    quantityValue: '8',
    quantityUnit: 'g',
    fromEntityId: person.id,
  });
  await c.ok('session.lock', {});
  await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
  return { first, second, person, dir };
}

const actions = (rows: { action: string }[]) => rows.map((row) => row.action);

describe('audit log filters', () => {
  it('filters by user, kind, case and China-time days, paged, with case numbers and names', async () => {
    const { first, second } = await workOfTwoDays();
    const byUser = await c.ok('audit.list', { username: 'zhangwei', pageSize: 100 });
    expect(actions(byUser.rows)).toEqual([
      'session.locked',
      'seizures.created',
      'entities.created',
      'cases.created',
      'session.unlocked',
    ]);
    expect(await c.ok('audit.users', {})).toEqual(['admin', 'zhangwei']);

    const cases = await c.ok('audit.list', { group: 'cases', pageSize: 100 });
    expect(cases.rows.map((row) => [row.action, row.caseNo, row.username])).toEqual([
      ['cases.created', 'A0002', 'zhangwei'],
      ['cases.created', 'A0001', 'admin'],
    ]);

    // The case filter finds records about the case and records naming it (entity, seizure).
    const ofFirst = await c.ok('audit.list', { caseId: first.id, pageSize: 100 });
    expect(ofFirst.rows.map((row) => [row.action, row.caseNo, row.subject])).toEqual([
      ['seizures.created', 'A0001', null],
      ['entities.created', 'A0001', '李某'],
      ['cases.created', 'A0001', null],
    ]);
    expect(ofFirst.rows.map((row) => describeAudit(row, 'zh-CN'))).toEqual([
      { action: '登记缴获', summary: '案件 A0001 登记缴获甲基苯丙胺（冰毒） 8克' },
      { action: '新建实体', summary: '新建人员 李某' },
      { action: '新建案件', summary: '新建案件 A0001“案件一”' },
    ]);
    expect((await c.ok('audit.list', { caseId: second.id })).total).toBe(1);

    // Days in China time: 23 Nov is the admin's day, 24 Nov (from 02:00) the investigator's.
    const day23 = await c.ok('audit.list', { from: '2026-11-23', to: '2026-11-23', pageSize: 100 });
    expect(day23.rows.every((row) => row.username === 'admin')).toBe(true);
    expect(actions(day23.rows)).toEqual(['users.created', 'cases.created', 'workspace.created']);
    const day24 = await c.ok('audit.list', { from: '2026-11-24', pageSize: 100 });
    expect(day24.total).toBe(7);

    // Paged on the server: two at a time, newest first, the total counts all.
    const page2 = await c.ok('audit.list', { from: '2026-11-24', page: 2, pageSize: 2 });
    expect([page2.total, page2.rows.map((row) => row.seq)]).toEqual([
      7,
      [day24.rows[2]!.seq, day24.rows[3]!.seq],
    ]);
  });

  it('exports the filtered log to XLSX in words; the export is audited; an investigator may not', async () => {
    const { first, dir } = await workOfTwoDays();
    const file = await c.ok('audit.export', { caseId: first.id, language: 'zh-CN' });
    expect([file.fileName, file.encoding]).toEqual(['审计日志-2026-11-24.xlsx', 'base64']);
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((values) => (values as unknown[]).slice(2));
    expect(rows).toEqual([
      ['时间', '用户', '操作', '详情', '结果', '案件', '作者'],
      ['2026-11-24 02:00:00', 'zhangwei', '登记缴获', '案件 A0001 登记缴获甲基苯丙胺（冰毒） 8克', '成功', 'A0001', '作者签名有效'],
      ['2026-11-24 02:00:00', 'zhangwei', '新建实体', '新建人员 李某', '成功', 'A0001', '作者签名有效'],
      ['2026-11-23 16:00:00', 'admin', '新建案件', '新建案件 A0001“案件一”', '成功', 'A0001', '作者签名有效'],
    ]); // prettier-ignore
    const exported = await c.ok('audit.list', { action: 'audit.exported' });
    expect(exported.rows[0]).toMatchObject({
      username: 'admin',
      details: { count: 3, language: 'zh-CN', caseId: first.id },
    });
    expect(describeAudit(exported.rows[0]!, 'zh-CN').summary).toBe('导出审计日志 3 条');

    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'zhangwei', password: 'Role#Pass2026' });
    expect(await c.call('audit.export', { language: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
  });
});
