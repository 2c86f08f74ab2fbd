import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../electron/core/backup/backup-service';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { filesContaining, fingerprint } from '../helpers/workspace-files';

let c: TestCore;
afterEach(() => c?.dispose());

async function workspaceWithBackup() {
  c = makeTestCore();
  const { path: dir } = await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301-BK',
    title: '备份测试案',
    offenceType: 'trafficking',
    openedOn: '2026-11-01',
  });
  await c.ok('cases.addPerson', {
    caseId: caseRow.id,
    person: { name: '备份人员', idNumber: '11010519491231002X' },
  });
  // Taken while the app holds the workspace open: the backup reads a consistent snapshot.
  const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
  const file = path.join(c.root, 'backup.qlbackup');
  const made = createBackup(workspace, file);
  workspace.close('user');
  return { dir, file, made, caseRow };
}

describe('backup and restore', () => {
  it('writes an encrypted backup and restores it into a new folder with every record', async () => {
    const { file, made, caseRow } = await workspaceWithBackup();
    expect(made.size).toBeGreaterThan(0);
    expect(fs.statSync(file).size).toBeGreaterThan(made.size);
    expect(filesContaining(path.dirname(file), '备份人员')).toEqual([]);

    const target = path.join(c.root, 'restored');
    const result = await restoreBackup(file, target, 'admin', adminPassword, c.env);
    expect(result).toMatchObject({ dir: target, replacedInto: null });

    c.dispose();
    c = makeTestCore();
    await c.ok('session.unlock', { path: target, username: 'admin', password: adminPassword });
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(detail.persons.map((person) => [person.name, person.idNumber])).toEqual([
      ['备份人员', '11010519491231002X'],
    ]);
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
    const actions = (await c.ok('audit.list', { pageSize: 100 })).rows.map((row) => row.action);
    expect(actions).toContain('backup.created');
    expect(actions).toContain('backup.restored');
  });

  it('restoring over a workspace keeps the replaced files aside', async () => {
    const { dir, file } = await workspaceWithBackup();
    await c.ok('cases.create', {
      caseNo: 'A3301-AFTER',
      title: '备份之后',
      offenceType: 'other',
      openedOn: '2026-11-02',
    });
    await c.ok('session.lock', {});
    const liveHead = readHeader(dir).auditAnchor!;

    const result = await restoreBackup(file, dir, 'admin', adminPassword, c.env);
    expect(result.replacedInto).not.toBeNull();
    expect(fs.readdirSync(result.replacedInto!).sort()).toEqual(['quanlian.db', 'workspace.json']);
    // The replaced database is the live one: it still opens with its case made after the backup.
    expect(filesContaining(result.replacedInto!, 'A3301-AFTER')).toEqual([]);
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['A3301-BK']);
    // The restore record keeps the head it replaced (the live chain plus the restorer's sign-in).
    const restored = (await c.ok('audit.list', { action: 'backup.restored' })).rows[0]!;
    expect(restored.details).toMatchObject({
      replacedHead: { count: liveHead.count + 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: true });
  });

  it.each([
    [
      'a flipped byte in the database',
      (file: string) => {
        const bytes = fs.readFileSync(file);
        bytes[bytes.length - 100] ^= 0xff;
        fs.writeFileSync(file, bytes);
      },
      'backup.corrupt',
    ],
    [
      'a truncated file',
      (file: string) => fs.truncateSync(file, fs.statSync(file).size - 4096),
      'backup.corrupt',
    ],
    [
      'another file type',
      (file: string) => fs.writeFileSync(file, 'PK\u0003\u0004 not a backup'),
      'backup.invalid',
    ],
    [
      'a damaged header',
      (file: string) => {
        const bytes = fs.readFileSync(file);
        bytes[20] = 0x7b;
        bytes[21] = 0x7b;
        fs.writeFileSync(file, bytes);
      },
      'backup.corrupt',
    ],
  ])('refuses %s: nothing replaced, the refusal audited', async (_what, damage, code) => {
    const { dir, file } = await workspaceWithBackup();
    await c.ok('session.lock', {});
    damage(file);
    await expect(restoreBackup(file, dir, 'admin', adminPassword, c.env)).rejects.toMatchObject({
      code,
    });
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['A3301-BK']);
    const refused = (await c.ok('audit.list', { action: 'backup.restore' })).rows;
    expect(refused.map((row) => [row.result, row.details?.['code']])).toEqual([['failed', code]]);
  });

  it('refuses a wrong password and changes nothing in the database', async () => {
    const { dir, file } = await workspaceWithBackup();
    await c.ok('session.lock', {});
    const before = fingerprint(dir)['quanlian.db'];
    await expect(restoreBackup(file, dir, 'admin', 'Wrong#Pass2026', c.env)).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
    expect(fingerprint(dir)['quanlian.db']).toEqual(before);
  });

  it('over a workspace only its administrator may restore; a viewer is refused and audited', async () => {
    const { dir, file } = await workspaceWithBackup();
    await c.ok('users.create', {
      username: 'zhao',
      displayName: '赵',
      role: 'viewer',
      password: 'Zhao#Pass2026',
    });
    await c.ok('cases.create', {
      caseNo: 'A3301-LIVE',
      title: '现行',
      offenceType: 'other',
      openedOn: '2026-11-03',
    });
    await c.ok('session.lock', {});
    await expect(restoreBackup(file, dir, 'zhao', 'Zhao#Pass2026', c.env)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo).sort()).toEqual([
      'A3301-BK',
      'A3301-LIVE',
    ]);
    const denied = (await c.ok('audit.list', { action: 'backup.restore' })).rows;
    expect(denied.map((row) => [row.username, row.result])).toEqual([['zhao', 'denied']]);
  });

  it('a planted restore journal is not acted on before sign-in, and ignored after it', async () => {
    const { dir } = await workspaceWithBackup();
    await c.ok('session.lock', {});
    const outside = path.join(c.root, 'outside.db');
    fs.writeFileSync(outside, 'not yours');
    const header = readHeader(dir);
    const before = fingerprint(dir);
    fs.writeFileSync(
      path.join(dir, 'restore-journal.json'),
      JSON.stringify({ staged: '../outside.db', replacedInto: '../moved', header }),
    );
    // Inspecting (no credentials) changes nothing.
    await c.ok('workspace.inspect', { path: dir });
    expect(fs.existsSync(path.join(dir, 'restore-journal.json'))).toBe(true);
    // A failed sign-in does not act on it either.
    await c.call('session.unlock', { path: dir, username: 'admin', password: 'Wrong#Pass2026' });
    expect(fingerprint(dir)['quanlian.db']).toBe(before['quanlian.db']);

    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(fs.readFileSync(outside, 'utf8')).toBe('not yours');
    expect(fs.existsSync(path.join(c.root, 'moved'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'restore-journal.json'))).toBe(false);
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['A3301-BK']);
    const ignored = (await c.ok('audit.list', { action: 'workspace.journalIgnored' })).rows;
    expect(ignored.map((row) => row.details)).toEqual([{ journal: 'restore' }]);
  });
});
