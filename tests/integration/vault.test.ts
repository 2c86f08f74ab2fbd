import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHeader } from '../../electron/core/vault/workspace-header';
import {
  adminPassword,
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

const cores: TestCore[] = [];
function core(root?: string, kdf?: 'real'): TestCore {
  const made = makeTestCore(root, { kdf });
  cores.push(made);
  return made;
}
afterEach(() => {
  for (const made of cores.splice(0)) made.dispose();
});

async function newCase(c: TestCore, caseNo = 'A3301002026110001') {
  return c.ok('cases.create', {
    caseNo,
    title: '测试贩毒案',
    offenceType: 'trafficking',
    openedOn: '2026-11-01',
  });
}

describe('workspace vault', () => {
  it('creates, locks and unlocks a workspace, keeping its data (real Argon2id parameters)', async () => {
    // The one workspace on the production cost; every other test uses the cheap test KDF.
    const c = core(undefined, 'real');
    const created = await createTestWorkspace(c);
    expect(readHeader(created.path).slots.map((slot) => slot.kdf)).toEqual([
      expect.objectContaining({ memoryKiB: 65_536, iterations: 3, parallelism: 4 }),
      expect.objectContaining({ memoryKiB: 65_536, iterations: 3, parallelism: 4 }),
    ]);
    expect(created.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(created.session.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(fs.readdirSync(created.path).sort()).toEqual(
      expect.arrayContaining(['quanlian.db', 'workspace.json']),
    );
    const row = await newCase(c);

    await c.ok('session.lock', {});
    expect((await c.call('cases.list', {})).ok).toBe(false);
    expect(await c.call('cases.list', {})).toMatchObject({
      ok: false,
      error: { code: 'session.locked' },
    });
    expect(c.events).toEqual([{ event: 'session.locked', payload: { reason: 'user' } }]);

    const session = await c.ok('session.unlock', {
      path: created.path,
      username: 'admin',
      password: adminPassword,
    });
    expect(session.workspaceName).toBe('禁毒大队测试');
    const list = await c.ok('cases.list', {});
    expect(list.rows.map((r) => r.id)).toEqual([row.id]);
  });

  it('refuses a wrong password with a clear error and delays after 5 failures, across restarts', async () => {
    const root = makeTempDir();
    const first = core(root);
    const { path: dir } = await createTestWorkspace(first);
    await first.ok('session.lock', {});

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const result = await first.call('session.unlock', {
        path: dir,
        username: 'admin',
        password: 'wrong',
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'auth.invalidCredentials',
          details: { failures: attempt, lockedForSeconds: 0 },
        },
      });
    }
    const fifth = await first.call('session.unlock', {
      path: dir,
      username: 'admin',
      password: 'wrong',
    });
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'auth.invalidCredentials', details: { failures: 5, lockedForSeconds: 30 } },
    });
    first.dispose();

    // A new process (new router, same files): the delay is still there, even for the right password.
    const second = core(root);
    second.clock.advance(10_000);
    expect(
      await second.call('session.unlock', {
        path: dir,
        username: 'admin',
        password: adminPassword,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.lockedOut', details: { seconds: 20 } },
    });
    expect(await second.ok('workspace.inspect', { path: dir })).toMatchObject({
      lockedForSeconds: 20,
      failedAttempts: 5,
    });

    // The delay doubles with the next failure.
    second.clock.advance(20_000);
    expect(
      await second.call('session.unlock', { path: dir, username: 'admin', password: 'wrong' }),
    ).toMatchObject({
      error: { details: { failures: 6, lockedForSeconds: 60 } },
    });
    second.clock.advance(60_000);
    await second.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(readHeader(dir).lockout).toEqual({ failures: 0, lockedUntil: null, pending: [] });

    // The failed attempts made while locked are in the audit log now.
    const audit = await second.ok('audit.list', { action: 'session.unlockFailed', pageSize: 50 });
    expect(audit.total).toBe(6);
    expect(audit.rows.every((row) => row.result === 'failed' && row.username === 'admin')).toBe(
      true,
    );
  });

  it('unknown user names fail like wrong passwords', async () => {
    const c = core();
    const { path: dir } = await createTestWorkspace(c);
    await c.ok('session.lock', {});
    expect(
      await c.call('session.unlock', { path: dir, username: 'nobody', password: adminPassword }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.invalidCredentials', details: { failures: 1 } },
    });
  });

  it('lets two users each unlock with their own password, and a disabled one not at all', async () => {
    const c = core();
    const { path: dir } = await createTestWorkspace(c);
    const user = await c.ok('users.create', {
      username: 'Zhangsan',
      displayName: '张三',
      role: 'investigator',
      password: 'Zhang#2026pw',
    });
    expect(user).toMatchObject({ username: 'zhangsan', role: 'investigator', disabled: false });
    expect(
      readHeader(dir)
        .slots.map((slot) => slot.kind)
        .sort(),
    ).toEqual(['recovery', 'user', 'user']);
    await c.ok('session.lock', {});

    const zhang = await c.ok('session.unlock', {
      path: dir,
      username: 'zhangsan',
      password: 'Zhang#2026pw',
    });
    expect(zhang.user).toMatchObject({ displayName: '张三', role: 'investigator' });
    await c.ok('session.lock', {});
    const admin = await c.ok('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect(admin.user.role).toBe('admin');

    await c.ok('users.disable', { userId: user.id });
    expect(readHeader(dir).slots.filter((slot) => slot.kind === 'user')).toHaveLength(1);
    await c.ok('session.lock', {});
    expect(
      await c.call('session.unlock', { path: dir, username: 'zhangsan', password: 'Zhang#2026pw' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.invalidCredentials' },
    });
  });

  it('changes a password by rewriting only that slot; the data stays', async () => {
    const c = core();
    const { path: dir } = await createTestWorkspace(c);
    const caseRow = await newCase(c);
    const before = readHeader(dir);
    const databaseBefore = fs.statSync(path.join(dir, 'quanlian.db')).ino;

    expect(
      await c.call('session.changePassword', {
        currentPassword: 'wrong',
        newPassword: 'New#Pass2026',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.invalidCredentials' },
    });
    expect(
      await c.call('session.changePassword', {
        currentPassword: adminPassword,
        newPassword: 'short',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.passwordTooWeak', details: { problem: 'tooShort' } },
    });
    await c.ok('session.changePassword', {
      currentPassword: adminPassword,
      newPassword: 'New#Pass2026',
    });

    const after = readHeader(dir);
    const recoveryBefore = before.slots.find((slot) => slot.kind === 'recovery');
    expect(after.slots.find((slot) => slot.kind === 'recovery')).toEqual(recoveryBefore);
    expect(after.slots.find((slot) => slot.kind === 'user')?.privateKey).not.toEqual(
      before.slots.find((slot) => slot.kind === 'user')?.privateKey,
    );
    expect(fs.statSync(path.join(dir, 'quanlian.db')).ino).toBe(databaseBefore);

    await c.ok('session.lock', {});
    expect(
      (await c.call('session.unlock', { path: dir, username: 'admin', password: adminPassword }))
        .ok,
    ).toBe(false);
    await c.ok('session.unlock', { path: dir, username: 'admin', password: 'New#Pass2026' });
    expect((await c.ok('cases.get', { id: caseRow.id })).caseNo).toBe('A3301002026110001');
  });

  it('opens with the recovery key and sets a new password', async () => {
    const c = core();
    const created = await createTestWorkspace(c);
    const caseRow = await newCase(c);
    await c.ok('session.lock', {});

    expect(
      await c.call('session.recover', {
        path: created.path,
        recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
        username: 'admin',
        newPassword: 'Recovered#2026',
      }),
    ).toMatchObject({ ok: false, error: { code: 'auth.recoveryKeyInvalid' } });

    // Typed in lower case, with spaces instead of dashes: still accepted.
    const typed = created.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const session = await c.ok('session.recover', {
      path: created.path,
      recoveryKey: typed,
      username: 'admin',
      newPassword: 'Recovered#2026',
    });
    expect(session.user.username).toBe('admin');
    expect((await c.ok('cases.get', { id: caseRow.id })).title).toBe('测试贩毒案');
    const recovered = await c.ok('audit.list', { action: 'session.recovered' });
    expect(recovered.total).toBe(1);

    await c.ok('session.lock', {});
    await c.ok('session.unlock', {
      path: created.path,
      username: 'admin',
      password: 'Recovered#2026',
    });
  });

  it('locks itself after the idle time and tells the renderer', async () => {
    const c = core();
    await createTestWorkspace(c);
    await c.ok('settings.update', { idleLockMinutes: 5 });
    c.clock.advance(4 * 60_000 + 59_000);
    expect(c.router.sessions.checkIdle()).toBe(false);
    await c.ok('session.activity', {});
    c.clock.advance(4 * 60_000);
    expect(c.router.sessions.checkIdle()).toBe(false);
    c.clock.advance(60_001);
    expect(c.router.sessions.checkIdle()).toBe(true);
    expect(c.events).toEqual([{ event: 'session.locked', payload: { reason: 'idle' } }]);
    expect(await c.call('cases.list', {})).toMatchObject({
      ok: false,
      error: { code: 'session.locked' },
    });
  });

  it('refuses to create a workspace over an existing one', async () => {
    const c = core();
    const { path: dir } = await createTestWorkspace(c);
    await c.ok('session.lock', {});
    const before = fs.readFileSync(path.join(dir, 'workspace.json'));
    const result = await c.call('workspace.create', {
      path: dir,
      name: 'x',
      unitName: 'y',
      adminUsername: 'admin',
      adminDisplayName: 'z',
      password: adminPassword,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'workspace.exists' } });
    expect(fs.readFileSync(path.join(dir, 'workspace.json'))).toEqual(before);
  });

  it('refuses a weak password at creation and leaves nothing behind', async () => {
    const c = core();
    const dir = path.join(c.root, 'weak');
    const result = await c.call('workspace.create', {
      path: dir,
      name: 'x',
      unitName: 'y',
      adminUsername: 'admin',
      adminDisplayName: 'z',
      password: 'password',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'auth.passwordTooWeak', details: { problem: 'tooSimple' } },
    });
    expect(fs.existsSync(path.join(dir, 'workspace.json'))).toBe(false);
  });

  it('refuses a header whose KDF parameters are out of bounds, quickly, either way', async () => {
    const c = core();
    const { path: dir } = await createTestWorkspace(c);
    await c.ok('session.lock', {});
    const original = fs.readFileSync(path.join(dir, 'workspace.json'), 'utf8');
    const withAdminKdf = (change: Record<string, number>) => {
      const header = JSON.parse(original) as { slots: { kdf: Record<string, unknown> }[] };
      header.slots[0]!.kdf = { ...header.slots[0]!.kdf, ...change };
      fs.writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify(header));
    };
    const unlock = () =>
      c.call('session.unlock', { path: dir, username: 'admin', password: adminPassword });

    // 300 passes would hold the unlock for seconds (minutes at 4 GiB): refused before deriving.
    for (const change of [
      { iterations: 300 },
      { memoryKiB: 4_194_304 },
      { parallelism: 64 },
    ] as Record<string, number>[]) {
      withAdminKdf(change);
      const started = performance.now();
      expect(await unlock()).toMatchObject({
        ok: false,
        error: { code: 'workspace.kdfOutOfBounds' },
      });
      expect(performance.now() - started).toBeLessThan(500);
    }
    // Below the environment's floor (here the test cost, 64 KiB × 1) is refused too.
    withAdminKdf({ memoryKiB: 32 });
    expect(await unlock()).toMatchObject({
      ok: false,
      error: { code: 'workspace.kdfOutOfBounds' },
    });
    fs.writeFileSync(path.join(dir, 'workspace.json'), original);
    expect((await unlock()).ok).toBe(true);
    await c.ok('session.lock', {});

    // A workspace made with the cheap test cost does not open under the production floor.
    const production = core(undefined, 'real');
    expect(
      await production.call('session.unlock', {
        path: dir,
        username: 'admin',
        password: adminPassword,
      }),
    ).toMatchObject({ ok: false, error: { code: 'workspace.kdfOutOfBounds' } });
  });
});
