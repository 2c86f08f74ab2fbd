import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../electron/core/backup/backup-service';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import {
  adminPassword,
  makeTempDir,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Every entry in a folder (one level) with its permission bits. */
function modes(dir: string): Record<string, number> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => !name.endsWith('.lock'))
      .map((name) => [name, modeOf(path.join(dir, name))]),
  );
}

describe.skipIf(process.platform === 'win32')('owner-only files (POSIX)', () => {
  it('workspace folder 0700; database, WAL, SHM, header, backups, replaced files 0600', async () => {
    const previous = process.umask(0o022);
    try {
      c = makeTestCore();
      const { path: dir } = await createTestWorkspace(c);
      await c.ok('cases.create', {
        caseNo: 'A-MODE-1',
        title: '权限',
        offenceType: 'other',
        openedOn: '2026-11-01',
      });
      expect(modeOf(dir)).toBe(0o700);
      expect(modes(dir)).toEqual({
        'quanlian.db': 0o600,
        'quanlian.db-wal': 0o600,
        'quanlian.db-shm': 0o600,
        'workspace.json': 0o600,
      });

      const backups = path.join(c.root, 'backups');
      await c.ok('backup.schedule', { folder: backups, everyHours: 24, keep: 3 });
      await c.ok('backup.create', {});
      expect(modeOf(backups)).toBe(0o700);
      const [backup] = fs.readdirSync(backups);
      expect(modeOf(path.join(backups, backup!))).toBe(0o600);

      // A key rotation puts a new database file in place: owner-only too.
      await c.ok('users.rotateKey', {});
      expect(modeOf(path.join(dir, 'quanlian.db'))).toBe(0o600);

      await c.ok('session.lock', {});
      const restored = await restoreBackup(
        path.join(backups, backup!),
        dir,
        'admin',
        adminPassword,
        c.env,
      );
      expect(modeOf(restored.replacedInto!)).toBe(0o700);
      expect(modes(restored.replacedInto!)).toEqual({
        'quanlian.db': 0o600,
        'workspace.json': 0o600,
      });
      expect(modeOf(path.join(dir, 'quanlian.db'))).toBe(0o600);
      const anchorFile = path.join(
        c.env.anchorDir as string,
        `${readHeader(dir).workspaceId}.json`,
      );
      expect(modeOf(c.env.anchorDir as string)).toBe(0o700);
      expect(modeOf(anchorFile)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('files left readable by others are made owner-only at the next unlock', async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    await c.ok('session.lock', {});
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'quanlian.db'), 0o644);
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, 'quanlian.db'))).toBe(0o600);
  });

  it('a CLI export over an existing 0644 file is 0600; one through a symlink leaves its target alone', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const out = makeTempDir();
    const graph = (file: string) =>
      execCli(
        [
          'graph',
          '--workspace',
          dir,
          '--user',
          'demo',
          '--case',
          'A3301052026030015',
          '--format',
          'json',
          '--out',
          file,
        ],
        { QUANLIAN_PASSWORD: 'Quanlian@2026' },
      );
    const existing = path.join(out, 'pre.json');
    fs.writeFileSync(existing, 'old');
    fs.chmodSync(existing, 0o644);
    const victim = path.join(out, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    fs.chmodSync(victim, 0o644);
    const link = path.join(out, 'link.json');
    fs.symlinkSync(victim, link);
    for (const file of [existing, link]) expect((await graph(file)).status).toBe(0);

    expect(modeOf(existing)).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(existing, 'utf8')).nodes).toHaveLength(50);
    expect([fs.readFileSync(victim, 'utf8'), modeOf(victim)]).toEqual(['keep me', 0o644]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
    expect(modeOf(link)).toBe(0o600);
    expect(fs.readdirSync(out).sort()).toEqual(['link.json', 'pre.json', 'victim.txt']);
  }, 120_000);
});
