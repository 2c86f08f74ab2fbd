import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

describe('one workspace, one app instance', () => {
  it('a second instance is told the workspace is in use; after the first locks, it opens', async () => {
    const first = makeTestCore();
    cores.push(first);
    const created = await createTestWorkspace(first);
    const second = makeTestCore();
    cores.push(second);
    const unlock = { path: created.path, username: 'admin', password: adminPassword };

    const refused = await second.call('session.unlock', unlock);
    expect(refused).toMatchObject({ ok: false, error: { code: 'workspace.inUse' } });
    expect(await second.ok('session.current', {})).toEqual({ session: null });
    // The first instance is unaffected.
    expect((await first.ok('cases.list', {})).total).toBe(0);

    await first.ok('session.lock', {});
    expect(fs.existsSync(path.join(created.path, 'quanlian.lock'))).toBe(false);
    expect((await second.ok('session.unlock', unlock)).user.username).toBe('admin');
    expect(fs.existsSync(path.join(created.path, 'quanlian.lock'))).toBe(true);
  });

  it('a lock left by a process that died is taken over', async () => {
    const core = makeTestCore();
    cores.push(core);
    const created = await createTestWorkspace(core);
    await core.ok('session.lock', {});
    // A process that has exited: its PID is free.
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    fs.writeFileSync(
      path.join(created.path, 'quanlian.lock'),
      JSON.stringify({
        pid: Number(dead),
        host: (await import('node:os')).hostname(),
        since: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(
      (
        await core.ok('session.unlock', {
          path: created.path,
          username: 'admin',
          password: adminPassword,
        })
      ).user.username,
    ).toBe('admin');
  });
});
