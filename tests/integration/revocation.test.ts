import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey } from '../../electron/core/db/open-database';
import { usersTable } from '../../electron/core/db/schema';
import { signRevocation } from '../../electron/core/vault/revocation-proof';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const wangPassword = 'Wang#Pass2026';

/** Whether a standard SQLCipher 4 open with this raw key reads the database. */
function rawOpens(dir: string, key: Buffer): boolean {
  const sqlite = new Database(path.join(dir, 'quanlian.db'), { fileMustExist: true });
  try {
    applyKey(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM cases').get();
    return true;
  } catch (error) {
    expect((error as { code?: string }).code).toBe('SQLITE_NOTADB');
    return false;
  } finally {
    sqlite.close();
  }
}

/** A workspace with an admin, a case and a second account; what that account could copy. */
async function workspaceWithInsider(role: 'investigator' | 'admin' = 'investigator') {
  c = makeTestCore();
  const created = await createTestWorkspace(c);
  const dir = created.path;
  await c.ok('cases.create', {
    caseNo: 'A3301-REV',
    title: '吊销测试案',
    offenceType: 'trafficking',
    openedOn: '2026-11-01',
  });
  const wang = await c.ok('users.create', {
    username: 'wang',
    displayName: '王',
    role,
    password: wangPassword,
  });
  await c.ok('session.lock', {});
  // What the insider takes home while still trusted: the header and the data key of his slot.
  const insider = await unlockWorkspace(dir, 'wang', wangPassword, c.env);
  const oldKey = Buffer.from(insider.dataKey());
  insider.close('user');
  const oldHeader = fs.readFileSync(path.join(dir, 'workspace.json'));
  await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
  return { dir, wang, oldKey, oldHeader, recoveryKey: created.recoveryKey };
}

describe('revocation re-keys the workspace', () => {
  it('disabling a user: his old slot, the old header and the old key open nothing', async () => {
    const { dir, wang, oldKey, oldHeader, recoveryKey } = await workspaceWithInsider();
    expect(rawOpens(dir, oldKey)).toBe(true);
    const slotsBefore = readHeader(dir).slots.length;

    await c.ok('users.disable', { userId: wang.id });
    const header = readHeader(dir);
    expect(header.slots.map((slot) => slot.username)).toEqual(['admin', null]);
    expect(header.slots.length).toBe(slotsBefore - 1);
    expect(header.keyRotatedAt).not.toBeNull();
    expect(fs.existsSync(path.join(dir, 'rekey-journal.json'))).toBe(false);
    // The session goes on with the new key.
    expect((await c.ok('cases.list', {})).rows.map((row) => row.caseNo)).toEqual(['A3301-REV']);
    const record = (await c.ok('audit.list', { action: 'users.disabled' })).rows[0]!;
    expect(record.details).toEqual({ keyRotated: 'userDisabled', revocation: expect.any(String) });
    await c.ok('session.lock', {});

    // A standard SQLCipher open with the copied key fails.
    expect(rawOpens(dir, oldKey)).toBe(false);
    // The old header put back: his slot unwraps the old key, which opens nothing.
    const current = fs.readFileSync(path.join(dir, 'workspace.json'));
    fs.writeFileSync(path.join(dir, 'workspace.json'), oldHeader);
    expect(
      await c.call('session.unlock', { path: dir, username: 'wang', password: wangPassword }),
    ).toMatchObject({ ok: false, error: { code: 'workspace.corrupt' } });
    fs.writeFileSync(path.join(dir, 'workspace.json'), current);
    expect(
      await c.call('session.unlock', { path: dir, username: 'wang', password: wangPassword }),
    ).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });

    // Everyone else, and the recovery key, still gets in.
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    await c.ok('session.lock', {});
    const signingBefore = readHeader(dir).auditSigningKey.publicKey;
    await c.ok('session.recover', {
      path: dir,
      recoveryKey,
      username: 'admin',
      newPassword: 'Admin#After2026',
    });
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
    // The recovered administrator holds the signing key: the recovery slot holds it too.
    expect(readHeader(dir).auditSigningKey.publicKey).toBe(signingBefore);
    expect((await c.call('audit.signHead', {})).ok).toBe(true);
    // The printed recovery key still opens after the rotation.
    await c.ok('session.lock', {});
    await c.ok('session.recover', {
      path: dir,
      recoveryKey,
      username: 'admin',
      newPassword: 'Admin#Again2026',
    });
  });

  it('demoting an administrator replaces the data key and the audit signing key', async () => {
    const { dir, wang, oldKey } = await workspaceWithInsider('admin');
    const before = readHeader(dir);
    expect(before.slots.filter((slot) => slot.signingKey).map((slot) => slot.username)).toEqual([
      'admin',
      null,
      'wang',
    ]);
    await c.ok('users.setRole', { userId: wang.id, role: 'viewer' });
    const after = readHeader(dir);
    expect(after.auditSigningKey.publicKey).not.toBe(before.auditSigningKey.publicKey);
    expect(after.slots.filter((slot) => slot.signingKey).map((slot) => slot.username)).toEqual([
      'admin',
      null,
    ]);
    await c.ok('session.lock', {});
    expect(rawOpens(dir, oldKey)).toBe(false);
    // He keeps read access as a viewer, through his re-sealed slot.
    const session = await c.ok('session.unlock', {
      path: dir,
      username: 'wang',
      password: wangPassword,
    });
    expect(session.user.role).toBe('viewer');
  });

  it('rotate key: admins only; afterwards the old key opens nothing', async () => {
    const { dir, oldKey } = await workspaceWithInsider();
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'wang', password: wangPassword });
    expect(await c.call('users.rotateKey', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    await c.ok('users.rotateKey', {});
    await c.ok('session.lock', {});
    expect(rawOpens(dir, oldKey)).toBe(false);
    await c.ok('session.unlock', { path: dir, username: 'wang', password: wangPassword });
    expect((await c.ok('cases.list', {})).total).toBe(1);
  });

  it('a password change with rotation: the old header with the old password is useless', async () => {
    const { dir, oldKey } = await workspaceWithInsider();
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'wang', password: wangPassword });
    const oldHeader = fs.readFileSync(path.join(dir, 'workspace.json'));
    await c.ok('session.changePassword', {
      currentPassword: wangPassword,
      newPassword: 'Wang#Newer2026',
      rotateKey: true,
    });
    await c.ok('session.lock', {});
    expect(rawOpens(dir, oldKey)).toBe(false);
    const current = fs.readFileSync(path.join(dir, 'workspace.json'));
    fs.writeFileSync(path.join(dir, 'workspace.json'), oldHeader);
    expect(
      await c.call('session.unlock', { path: dir, username: 'wang', password: wangPassword }),
    ).toMatchObject({ ok: false, error: { code: 'workspace.corrupt' } });
    fs.writeFileSync(path.join(dir, 'workspace.json'), current);
    await c.ok('session.unlock', { path: dir, username: 'wang', password: 'Wang#Newer2026' });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
  });

  it('a wrong current password counts towards the same delay as failed sign-ins', async () => {
    const { dir } = await workspaceWithInsider();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(
        await c.call('session.changePassword', {
          currentPassword: `Wrong#Pass${attempt}`,
          newPassword: 'Admin#Newer2026',
        }),
      ).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
    }
    // Locked now, even with the right password; the header keeps the delay across restarts.
    expect(
      await c.call('session.changePassword', {
        currentPassword: adminPassword,
        newPassword: 'Admin#Newer2026',
      }),
    ).toMatchObject({ ok: false, error: { code: 'auth.lockedOut', details: { seconds: 30 } } });
    expect(readHeader(dir).lockout.failures).toBe(5);
    c.clock.advance(30_001);
    await c.ok('session.changePassword', {
      currentPassword: adminPassword,
      newPassword: 'Admin#Newer2026',
    });
    expect(readHeader(dir).lockout).toMatchObject({ failures: 0, lockedUntil: null });
    expect((await c.ok('audit.list', { action: 'session.passwordChangeFailed' })).total).toBe(5);
  });

  it('a disable whose re-key a crash prevented is finished at the next administrator sign-in', async () => {
    const { dir, wang, oldKey } = await workspaceWithInsider();
    await c.ok('session.lock', {});
    // As after a kill between the committed change and the re-key: disabled with the signed
    // revocation in its record, slot still there.
    const direct = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    const slot = readHeader(dir).slots.find((one) => one.userId === wang.id)!;
    direct.write(
      (tx) => tx.update(usersTable).set({ disabled: true }).where(eq(usersTable.id, wang.id)).run(),
      {
        action: 'users.disabled',
        targetType: 'user',
        targetId: wang.id,
        details: { revocation: signRevocation(direct.workspaceId, direct.signingKey()!, slot) },
      },
    );
    direct.close('user');
    expect(readHeader(dir).slots.map((slot) => slot.username)).toContain('wang');

    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(readHeader(dir).slots.map((slot) => slot.username)).toEqual(['admin', null]);
    const rotated = (await c.ok('audit.list', { action: 'workspace.keyRotated' })).rows;
    expect(rotated.map((row) => row.details)).toEqual([
      { staleSlots: 1, keyRotated: 'userDisabled' },
    ]);
    await c.ok('session.lock', {});
    expect(rawOpens(dir, oldKey)).toBe(false);
  });
});
