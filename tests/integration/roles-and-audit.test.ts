import { afterEach, describe, expect, it } from 'vitest';
import type { ProcedureName } from '../../electron/api/contract';
import { contract } from '../../electron/api/contract';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function signInAs(role: 'viewer' | 'investigator' | 'lead') {
  c = makeTestCore();
  const { path: dir } = await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A0001',
    title: '案件一',
    offenceType: 'possession',
    openedOn: '2026-10-01',
  });
  await c.ok('users.create', {
    username: role,
    displayName: role,
    role,
    password: 'Role#Pass2026',
  });
  await c.ok('session.lock', {});
  await c.ok('session.unlock', { path: dir, username: role, password: 'Role#Pass2026' });
  return { dir, caseRow };
}

describe('roles', () => {
  it('a viewer reads but cannot write; the refusal is audited and nothing is written', async () => {
    const { dir, caseRow } = await signInAs('viewer');
    expect((await c.ok('cases.list', {})).total).toBe(1);

    const refused = await c.call('cases.create', {
      caseNo: 'A0002',
      title: '不应写入',
      offenceType: 'possession',
      openedOn: '2026-10-02',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden', details: { needed: 'investigator' } },
    });
    const addPerson = await c.call('cases.addPerson', {
      caseId: caseRow.id,
      person: { name: '某人' },
    });
    expect(addPerson).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await c.call('users.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(await c.call('audit.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });

    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['A0001']);
    const denied = await c.ok('audit.list', { pageSize: 100 });
    expect(
      denied.rows.filter((row) => row.result === 'denied').map((row) => [row.action, row.username]),
    ).toEqual([
      ['audit.list', 'viewer'],
      ['users.list', 'viewer'],
      ['cases.addPerson', 'viewer'],
      ['cases.create', 'viewer'],
    ]);
  });

  it('an investigator writes cases but cannot manage users or read the audit log', async () => {
    await signInAs('investigator');
    await c.ok('cases.create', {
      caseNo: 'A0002',
      title: '案件二',
      offenceType: 'trafficking',
      openedOn: '2026-10-02',
    });
    expect(
      await c.call('users.create', {
        username: 'x1',
        displayName: 'x',
        role: 'admin',
        password: 'Role#Pass2026',
      }),
    ).toMatchObject({
      error: { code: 'auth.forbidden' },
    });
    expect(await c.call('settings.update', { idleLockMinutes: 1 })).toMatchObject({
      error: { code: 'auth.forbidden' },
    });
  });

  it('the role is checked before the input: a viewer probing with malformed input is refused and audited', async () => {
    const { dir } = await signInAs('viewer');
    // Malformed on purpose: before the role came first these were input.invalid, unaudited.
    for (const [procedure, input] of [
      ['backup.restore', { fileName: 42 }],
      ['import.commit', 'not an object'],
      ['users.disable', { userId: null }],
    ] as const) {
      expect(await c.router.invoke(procedure, input)).toMatchObject({
        ok: false,
        error: { code: 'auth.forbidden' },
      });
    }
    // A well-formed call the role allows still validates its input.
    expect(await c.router.invoke('cases.get', { id: 7 })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const denied = await c.ok('audit.list', { pageSize: 100 });
    expect(
      denied.rows.filter((row) => row.result === 'denied').map((row) => [row.action, row.username]),
    ).toEqual([
      ['users.disable', 'viewer'],
      ['import.commit', 'viewer'],
      ['backup.restore', 'viewer'],
    ]);
  });

  it('full ID numbers leave the workspace only for a lead or admin: case export masks them, packages need a lead', async () => {
    const idNumber = '11010519491231002X';
    const masked = '1101**********002X';
    const { dir, caseRow } = await signInAs('investigator');
    await c.ok('cases.addPerson', { caseId: caseRow.id, person: { name: '甲某', idNumber } });
    const exportedIds = async () => {
      const file = await c.ok('cases.export', { id: caseRow.id, format: 'json' });
      const snapshot = JSON.parse(file.content) as {
        entities: { details: Record<string, unknown> }[];
      };
      return snapshot.entities.flatMap((item) =>
        typeof item.details['idNumber'] === 'string' ? [item.details['idNumber']] : [],
      );
    };
    expect(await exportedIds()).toEqual([masked]);
    const nodeIdsOfCase = async () =>
      (await c.ok('graph.case', { caseId: caseRow.id })).nodes.map((node) => node.id);
    const graphFiles = async (unmaskIds = false) => {
      const nodeIds = await nodeIdsOfCase();
      return Promise.all(
        (['graphml', 'gexf', 'anx', 'json'] as const).map(
          async (format) =>
            (await c.ok('graph.export', { format, nodeIds, caseId: caseRow.id, unmaskIds }))
              .content,
        ),
      );
    };
    for (const content of await graphFiles()) {
      expect(content).toContain(masked);
      expect(content).not.toContain(idNumber);
    }
    // i2 takes one Identity for one entity: a masked number (many people's) is not used as one.
    const [, , anx] = await graphFiles();
    expect(anx).not.toContain(`Identity="${masked}"`);
    expect(
      await c.call('graph.export', {
        format: 'graphml',
        nodeIds: await nodeIdsOfCase(),
        caseId: caseRow.id,
        unmaskIds: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    const xlsx = await c.ok('cases.export', { id: caseRow.id, format: 'xlsx' });
    expect(Buffer.from(xlsx.content, 'base64').includes(Buffer.from(idNumber))).toBe(false);
    expect(
      await c.call('package.export', { caseId: caseRow.id, passphrase: 'Long enough 2026' }),
    ).toMatchObject({ ok: false, error: { code: 'auth.forbidden', details: { needed: 'lead' } } });
    expect(
      await c.call('reports.briefing', {
        caseId: caseRow.id,
        format: 'html',
        unmaskIds: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });

    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await exportedIds()).toEqual([idNumber]);
    // Chart files leave the workstation (i2, Gephi, another unit): masked for an admin too,
    // unless asked for in full.
    for (const content of await graphFiles()) expect(content).not.toContain(idNumber);
    for (const content of await graphFiles(true)) expect(content).toContain(idNumber);
    const exports = await c.ok('audit.list', { action: 'cases.exported', pageSize: 10 });
    expect(
      exports.rows.map((row) => [
        row.username,
        (row.details as { unmaskedIds: boolean }).unmaskedIds,
      ]),
    ).toEqual([
      ['admin', true],
      ['investigator', false],
      ['investigator', false],
    ]);
  });

  it('a lead reads and verifies the audit log', async () => {
    await signInAs('lead');
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
  });

  it('every procedure is either public or needs a role', () => {
    const access = Object.fromEntries(
      Object.entries(contract).map(([name, spec]) => [name, spec.access]),
    );
    const publicOnes = Object.entries(access)
      .filter(([, level]) => level === 'public')
      .map(([name]) => name);
    expect(publicOnes.sort()).toEqual([
      'app.info',
      'session.current',
      'session.recover',
      'session.unlock',
      'workspace.create',
      'workspace.createDemo',
      'workspace.forget',
      'workspace.inspect',
      'workspace.list',
      'workspace.openDemo',
      'workspace.pickDirectory',
    ] satisfies ProcedureName[]);
  });
});

describe('audit of writes', () => {
  it('every write leaves exactly one audit record, in order, with who and what', async () => {
    c = makeTestCore();
    const created = await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'a3301-001',
      title: '审计测试案',
      offenceType: 'trafficking',
      supervisionLevel: 'city',
      openedOn: '2026-11-01',
    });
    const person = await c.ok('cases.addPerson', {
      caseId: caseRow.id,
      person: { name: '审计人', idNumber: '11010519491231002X' },
      legalStatus: 'detained',
      legalStatusOn: '2026-11-02',
    });
    const user = await c.ok('users.create', {
      username: 'li',
      displayName: '李',
      role: 'lead',
      password: 'Li#Pass20261',
    });
    await c.ok('users.setRole', { userId: user.id, role: 'investigator' });
    await c.ok('settings.update', { idleLockMinutes: 15 });

    const audit = await c.ok('audit.list', { pageSize: 100 });
    const trail = audit.rows
      .slice()
      .reverse()
      .map((row) => [row.seq, row.action, row.username, row.targetId, row.result]);
    expect(trail).toEqual([
      [1, 'workspace.created', 'admin', expect.any(String), 'ok'],
      [2, 'cases.created', 'admin', caseRow.id, 'ok'],
      [3, 'cases.personAdded', 'admin', caseRow.id, 'ok'],
      [4, 'users.created', 'admin', user.id, 'ok'],
      [5, 'users.roleChanged', 'admin', user.id, 'ok'],
      [6, 'settings.updated', 'admin', null, 'ok'],
    ]);
    expect(audit.rows.find((row) => row.action === 'cases.created')?.details).toEqual({
      caseNo: 'A3301-001',
      title: '审计测试案',
    });
    expect(audit.rows.find((row) => row.action === 'cases.personAdded')?.details).toEqual({
      entityId: person.entityId,
      roleInCase: 'suspect',
      legalStatus: 'detained',
      newPerson: true,
    });
    expect(created.session.auditIntegrity).toBe('ok');
  });

  it('records never carry passwords or keys', async () => {
    c = makeTestCore();
    const created = await createTestWorkspace(c);
    await c.ok('users.create', {
      username: 'li',
      displayName: '李',
      role: 'lead',
      password: 'Li#Pass20261',
    });
    await c.ok('session.changePassword', {
      currentPassword: adminPassword,
      newPassword: 'Changed#2026',
    });
    const audit = await c.ok('audit.list', { pageSize: 100 });
    const text = JSON.stringify(audit.rows);
    for (const secret of [adminPassword, 'Li#Pass20261', 'Changed#2026', created.recoveryKey]) {
      expect(text).not.toContain(secret);
    }
  });
});
