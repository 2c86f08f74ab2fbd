import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../electron/core/backup/backup-service';
import { storageError } from '../../electron/core/app-error';
import { UnlockedWorkspace } from '../../electron/core/vault/unlocked-workspace';
import {
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => {
  vi.restoreAllMocks();
  c?.dispose();
});

function callList(rows: number): string {
  const lines = ['主叫号码,被叫号码,通话时间,通话时长'];
  for (let index = 0; index < rows; index += 1)
    lines.push(
      `139${String(10_000_000 + (index % 997)).padStart(8, '0')},138${String(20_000_000 + (index % 89)).padStart(8, '0')},2026-03-05 14:${String(index % 60).padStart(2, '0')}:00,${index % 300}`,
    );
  return lines.join('\n');
}

async function counts() {
  const { auditRecords: _audit, ...rest } = await c.ok('stats.summary', {});
  return rest;
}

describe('a full disk', () => {
  it('during an import: a clear error, the database unchanged and intact; with space again the same import goes in', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const workspace = c.router.sessions.current()!;
    // SQLite's own limit on the database size: writes past it fail as on a full disk (SQLITE_FULL).
    const pages = Number(workspace.sqlite.pragma('page_count', { simple: true }));
    workspace.sqlite.pragma(`max_page_count = ${pages + 20}`);
    const before = await counts();
    const file = {
      fileName: '话单.csv',
      contentBase64: Buffer.from(callList(20_000)).toString('base64'),
      template: 'calls' as const,
    };
    const result = await c.call('import.commit', { ...file, importId: 'full-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage.full' } });
    expect(await counts()).toEqual(before);
    expect(workspace.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await c.ok('audit.verify', {})).ok).toBe(true);

    workspace.sqlite.pragma('max_page_count = 1073741823');
    const summary = await c.ok('import.commit', { ...file, importId: 'full-2' });
    expect(summary.rows).toBe(20_000);
  });

  it('during a backup: a clear error, no half-written file left, the workspace untouched', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await c.ok('cases.create', {
      caseNo: 'FULL-1',
      title: '磁盘满',
      offenceType: 'trafficking',
      openedOn: '2026-01-01',
    });
    const workspace = c.router.sessions.current()!;
    const folder = makeTempDir('quanlian-full-');
    const target = path.join(folder, 'backup.qlbak');
    const write = fs.writeSync;
    let writes = 0;
    // The disk fills up on the third write of the backup file.
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      writes += 1;
      if (writes === 3)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      return (write as (...rest: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    let failure: unknown;
    try {
      createBackup(workspace, target);
    } catch (error) {
      failure = error;
    }
    expect(storageError(failure)?.toApiError()).toEqual({
      code: 'storage.full',
      message: 'The disk is full; nothing was changed',
    });
    expect(fs.readdirSync(folder)).toEqual([]);
    vi.restoreAllMocks();
    expect(workspace.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['FULL-1']);
    const failed = await c.ok('audit.list', { action: 'backup.failed' });
    expect(failed.rows.map((row) => [row.result, row.details?.['code']])).toEqual([
      ['failed', 'ENOSPC'],
    ]);
    // With space again, the backup is written.
    expect(createBackup(workspace, target).file).toBe(target);
    expect(fs.readdirSync(folder)).toEqual(['backup.qlbak']);
  });
});

describe('a read-only workspace folder', () => {
  it('refuses to open with a clear error (the unlock must write its header), and opens once writable', async () => {
    c = makeTestCore();
    const created = await createTestWorkspace(c);
    await c.ok('session.lock', {});
    // Root ignores file permissions, so the read-only file system is injected where the header is written.
    const rename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('workspace.json'))
        throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' });
      rename(from, to);
    });
    const discard = vi.spyOn(UnlockedWorkspace.prototype, 'discard');
    const refused = await c.call('session.unlock', {
      path: created.path,
      username: 'admin',
      password: 'Admin#Pass2026',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage.readOnly' } });
    expect(await c.ok('session.current', {})).toEqual({ session: null });
    // Nothing was left open: the half-opened workspace was discarded (connection closed, key wiped).
    expect(discard).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    const session = await c.ok('session.unlock', {
      path: created.path,
      username: 'admin',
      password: 'Admin#Pass2026',
    });
    expect(session.user.username).toBe('admin');
  });
});
