import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/core/backup/backup-service';
import { restoreBackup } from '../../electron/core/backup/backup-service';
import { systemClock } from '../../electron/core/clock';
import { createWorkspace, unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  migrationsFolder,
  type TestCore,
} from '../helpers/test-core';
import { testKdf } from '../helpers/test-kdf';

let c: TestCore;
afterEach(() => c?.dispose());

const hour = 3_600_000;

describe('backup drill', () => {
  it('scheduled backups: made when due, the newest N kept', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const folder = path.join(makeTempDir('quanlian-backups-'), '备份');
    const status = await c.ok('backup.schedule', { folder, everyHours: 24, keep: 2 });
    expect([status.files, status.lastBackupAt]).toEqual([[], null]);

    // Named by the workspace's clock (Beijing): 08:00 UTC is 16:00.
    expect(await c.router.runScheduledBackup()).toBe('quanlian-20261123-160000.qlbak');
    c.clock.advance(hour);
    expect(await c.router.runScheduledBackup()).toBeNull();
    for (const day of [1, 2, 3]) {
      c.clock.advance(24 * hour);
      expect(await c.router.runScheduledBackup()).toBe(`quanlian-202611${23 + day}-170000.qlbak`);
    }
    const after = await c.ok('backup.status', {});
    expect(after.files.map((file) => file.fileName)).toEqual([
      'quanlian-20261126-170000.qlbak',
      'quanlian-20261125-170000.qlbak',
    ]);
    expect(after.lastBackupAt).toBe('2026-11-26T09:00:00.000Z');
    expect(fs.readdirSync(folder).sort()).toEqual(after.files.map((file) => file.fileName).sort());
    expect((await c.ok('audit.list', { action: 'backup.created' })).rows).toHaveLength(4);
  });

  it('after a key rotation, the older backups are replaced by one under the new key (a revoked password opens none)', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const folder = path.join(makeTempDir('quanlian-backups-'), '备份');
    await c.ok('backup.schedule', { folder, everyHours: 24, keep: 7 });
    await c.ok('backup.create', {});
    c.clock.advance(hour);
    const before = await c.ok('backup.create', {});
    expect(before.files).toHaveLength(2);
    await c.ok('users.rotateKey', {});
    c.clock.advance(hour);
    const replaced = await c.ok('backup.replaceOld', {});
    expect(replaced.removed).toEqual(before.files.map((file) => file.fileName).sort());
    const after = await c.ok('backup.status', {});
    expect(after.files.map((file) => file.fileName)).toEqual([replaced.fileName]);
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.qlbak'))).toEqual([
      replaced.fileName,
    ]);
    const audit = await c.ok('audit.list', { action: 'backup.oldReplaced', pageSize: 5 });
    expect(audit.rows.map((row) => row.details)).toEqual([
      { kept: replaced.fileName, removed: replaced.removed },
    ]);
  });

  it('restore from the settings: verified first, a wrong password changes nothing, then the backup state returns', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const folder = makeTempDir('quanlian-backups-');
    await c.ok('backup.schedule', { folder, everyHours: 24, keep: 7 });
    await c.ok('cases.create', {
      caseNo: 'BEFORE-1',
      title: '备份前',
      offenceType: 'trafficking',
      openedOn: '2026-01-01',
    });
    const { files } = await c.ok('backup.create', {});
    await c.ok('cases.create', {
      caseNo: 'AFTER-1',
      title: '备份后',
      offenceType: 'trafficking',
      openedOn: '2026-01-02',
    });

    const wrong = await c.call('backup.restore', {
      fileName: files[0]!.fileName,
      password: 'Wrong#Pass2026',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo).sort()).toEqual([
      'AFTER-1',
      'BEFORE-1',
    ]);
    const outside = await c.call('backup.restore', {
      fileName: '../../etc/passwd',
      password: adminPassword,
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'backup.invalid' } });

    const session = await c.ok('backup.restore', {
      fileName: files[0]!.fileName,
      password: adminPassword,
    });
    expect(session.user.username).toBe('admin');
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['BEFORE-1']);
    expect((await c.ok('audit.list', { action: 'backup.restored' })).rows).toHaveLength(1);
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a backup made by an older release is migrated when restored', async () => {
    // The release before: migrations up to 0002 (no call records table, nothing later).
    const older = makeTempDir('quanlian-older-migrations-');
    fs.mkdirSync(path.join(older, 'meta'));
    const journal = JSON.parse(
      fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
    ) as { entries: { tag: string }[] };
    const entries = journal.entries.filter((entry) => entry.tag < '0003');
    fs.writeFileSync(
      path.join(older, 'meta/_journal.json'),
      JSON.stringify({ ...journal, entries }),
    );
    for (const entry of entries)
      fs.copyFileSync(
        path.join(migrationsFolder, `${entry.tag}.sql`),
        path.join(older, `${entry.tag}.sql`),
      );
    // This release writes the author columns (0030) when it makes the workspace and records
    // the backup: the older schema has them only for that, and loses them again below.
    const lastOlder = path.join(older, `${entries.at(-1)!.tag}.sql`);
    fs.appendFileSync(
      lastOlder,
      '\n--> statement-breakpoint\nALTER TABLE `users` ADD `author_key` text;' +
        '--> statement-breakpoint\nALTER TABLE `audit_log` ADD `author_signature` text;',
    );

    const dir = path.join(makeTempDir(), 'old-workspace');
    const created = await createWorkspace(
      {
        dir,
        name: '旧版',
        unitName: '一大队',
        admin: { username: 'admin', displayName: 'admin', password: adminPassword },
      },
      { clock: systemClock, migrationsFolder: older, kdf: testKdf },
    );
    const tables = (sqlite: typeof created.workspace.sqlite) =>
      (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((row) => row.name);
    expect(tables(created.workspace.sqlite)).not.toContain('call_records');
    // As that release left it: the author columns go, and so does what this release would
    // write through them (the backup's own record, the lock's).
    created.workspace.sqlite.exec(
      'ALTER TABLE users DROP COLUMN author_key; ALTER TABLE audit_log DROP COLUMN author_signature;',
    );
    const { vi } = await import('vitest');
    vi.spyOn(created.workspace, 'audit').mockImplementation(() => {});
    const file = path.join(makeTempDir(), 'old.qlbak');
    createBackup(created.workspace, file);
    created.workspace.discard();

    const target = path.join(makeTempDir(), 'restored');
    await restoreBackup(file, target, 'admin', adminPassword, {
      clock: systemClock,
      migrationsFolder,
      kdf: testKdf,
    });
    const opened = await unlockWorkspace(target, 'admin', adminPassword, {
      clock: systemClock,
      migrationsFolder,
      kdf: testKdf,
    });
    try {
      expect(tables(opened.sqlite)).toEqual(
        expect.arrayContaining(['call_records', 'money_transfers']),
      );
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      opened.close('user');
    }
  });
});

describe('a restore cut short', () => {
  it('is finished from its journal when the workspace is next opened', async () => {
    const { vi } = await import('vitest');
    const env = { clock: systemClock, migrationsFolder, kdf: testKdf };
    const dir = path.join(makeTempDir(), 'workspace');
    const created = await createWorkspace(
      {
        dir,
        name: '中断',
        unitName: '一大队',
        admin: { username: 'admin', displayName: 'admin', password: adminPassword },
      },
      env,
    );
    const { createCase } = await import('../../electron/core/cases/case-service');
    const { caseCreateInput } = await import('../../electron/api/schemas/case-schemas');
    createCase(
      created.workspace,
      caseCreateInput.parse({
        caseNo: 'IN-BACKUP',
        title: '备份中',
        offenceType: 'trafficking',
        openedOn: '2026-01-01',
      }),
    );
    const file = path.join(makeTempDir(), 'b.qlbak');
    createBackup(created.workspace, file);
    createCase(
      created.workspace,
      caseCreateInput.parse({
        caseNo: 'AFTER',
        title: '备份后',
        offenceType: 'trafficking',
        openedOn: '2026-01-02',
      }),
    );
    created.workspace.close('user');

    // The process "dies" when it moves the staged database into place.
    const rename = fs.renameSync;
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).includes('.restore-') && String(to).endsWith('quanlian.db'))
        throw new Error('killed');
      rename(from, to);
    });
    await expect(restoreBackup(file, dir, 'admin', adminPassword, env)).rejects.toThrow('killed');
    spy.mockRestore();
    expect(fs.existsSync(path.join(dir, 'restore-journal.json'))).toBe(true);

    const opened = await unlockWorkspace(dir, 'admin', adminPassword, env);
    try {
      const cases = opened.sqlite.prepare('SELECT case_no FROM cases ORDER BY case_no').all() as {
        case_no: string;
      }[];
      expect(cases.map((row) => row.case_no)).toEqual(['IN-BACKUP']);
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      opened.close('user');
    }
    expect(fs.existsSync(path.join(dir, 'restore-journal.json'))).toBe(false);
    // The replaced files were kept aside, not deleted.
    const kept = fs.readdirSync(dir).filter((name) => name.startsWith('.replaced-'));
    expect(kept).toHaveLength(1);
    expect(fs.readdirSync(path.join(dir, kept[0]!)).sort()).toEqual(
      expect.arrayContaining(['quanlian.db', 'workspace.json']),
    );
  });
});
