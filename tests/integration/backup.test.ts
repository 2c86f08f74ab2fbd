import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../electron/core/backup/backup-service';
import { openDirect, testEnv } from '../helpers/direct-workspace';
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
  const workspace = await openDirect(dir, 'admin', adminPassword);
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
    const result = await restoreBackup(file, target, 'admin', adminPassword, testEnv);
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
    const before = fingerprint(dir);

    const result = await restoreBackup(file, dir, 'admin', adminPassword, testEnv);
    expect(result.replacedInto).not.toBeNull();
    expect(fingerprint(result.replacedInto!)).toEqual(
      Object.fromEntries(
        Object.entries(before).filter(
          ([name]) => name !== 'quanlian.db-shm' && name !== 'quanlian.db-wal',
        ),
      ),
    );
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['A3301-BK']);
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
  ])('refuses %s and changes nothing', async (_what, damage, code) => {
    const { dir, file } = await workspaceWithBackup();
    await c.ok('session.lock', {});
    damage(file);
    const before = fingerprint(dir);
    await expect(restoreBackup(file, dir, 'admin', adminPassword, testEnv)).rejects.toMatchObject({
      code,
    });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses a wrong password and changes nothing', async () => {
    const { dir, file } = await workspaceWithBackup();
    await c.ok('session.lock', {});
    const before = fingerprint(dir);
    await expect(
      restoreBackup(file, dir, 'admin', 'Wrong#Pass2026', testEnv),
    ).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
    expect(fingerprint(dir)).toEqual(before);
  });
});
