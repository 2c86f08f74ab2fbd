import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey } from '../../electron/core/db/open-database';
import { openKeySlot } from '../../electron/core/vault/key-slot';
import { readHeader, updateHeader } from '../../electron/core/vault/workspace-header';
import { newAuditSigningKey, resetOutsideHead } from '../../electron/core/audit/audit-anchor';
import { sealRole } from '../../electron/core/vault/role-seal';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { rehashChain } from '../helpers/forge-audit';
import { addInsiders, invPassword, withOwnDataKey } from '../helpers/account-holder';
import { testKdf } from '../helpers/test-kdf';

let c: TestCore;
afterEach(() => c?.dispose());

/** A workspace with an investigator `inv`, locked. */
async function workspaceWithInvestigator() {
  c = makeTestCore();
  const { path: dir } = await createTestWorkspace(c);
  const { invId } = await addInsiders(c);
  await c.ok('session.lock', {});
  return { dir, invId };
}

/** What the insider does offline with his own password: SQL on the users table. */
async function asAccountHolder(dir: string, userId: string, password: string, sql: string) {
  await withOwnDataKey(dir, userId, password, (sqlite) => sqlite.prepare(sql).run());
}

async function auditActions(dir: string) {
  await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
  const rows = (await c.ok('audit.list', { pageSize: 100 })).rows;
  await c.ok('session.lock', {});
  return rows.map((row) => [row.action, row.username, row.result]);
}

describe('the role of record is sealed by an administrator', () => {
  it('an investigator who sets his own row to admin with his data key is refused, and it is recorded', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await asAccountHolder(
      dir,
      invId,
      invPassword,
      "UPDATE users SET role = 'admin' WHERE username = 'inv'",
    );

    const refused = await c.call('session.unlock', {
      path: dir,
      username: 'inv',
      password: invPassword,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'auth.roleUnverified', details: { role: 'admin', reason: 'roleDiffers' } },
    });
    expect(c.router.sessions.current()).toBeNull();
    expect((await auditActions(dir)).slice(1, 2)).toEqual([
      ['session.roleRefused', 'inv', 'failed'],
    ]);
  });

  it('a header public key swapped for the insider’s own, with his role signed by it, is refused and reported at the admin’s unlock', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await asAccountHolder(
      dir,
      invId,
      invPassword,
      "UPDATE users SET role = 'admin' WHERE username = 'inv'",
    );
    const forged = newAuditSigningKey();
    updateHeader(dir, (header) => ({
      ...header,
      auditSigningKey: { ...header.auditSigningKey, publicKey: forged.publicKey },
      slots: header.slots.map((slot) =>
        slot.userId === invId
          ? { ...slot, roleSeal: sealRole(header.workspaceId, forged.privateKey, slot, 'admin') }
          : slot,
      ),
    }));
    // His slot holds no signing key: an admin session without one is taken as the header says,
    // so the swap is what the administrator's unlock must see and undo.
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const rows = (await c.ok('audit.list', { pageSize: 100 })).rows.map((row) => row.action);
    expect(rows.slice(0, 4)).toEqual([
      'audit.signingKeyRestored',
      'session.unlocked',
      'audit.signingKeyMismatch',
      'session.locked',
    ]);
    await c.ok('session.lock', {});
    expect(readHeader(dir).auditSigningKey.publicKey).not.toBe(forged.publicKey);
    expect(
      await c.call('session.unlock', { path: dir, username: 'inv', password: invPassword }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.roleUnverified', details: { reason: 'sealInvalid' } },
    });
  });

  it('an administrator’s promotion is sealed: the promoted account signs in as lead, and changes its password', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    await c.ok('users.setRole', { userId: invId, role: 'lead' });
    await c.ok('session.lock', {});
    const session = await c.ok('session.unlock', {
      path: dir,
      username: 'inv',
      password: invPassword,
    });
    expect(session.user.role).toBe('lead');
    await c.ok('session.changePassword', {
      currentPassword: invPassword,
      newPassword: 'Inv#Pass2027y',
    });
    await c.ok('session.lock', {});
    const again = await c.ok('session.unlock', {
      path: dir,
      username: 'inv',
      password: 'Inv#Pass2027y',
    });
    expect(again.user.role).toBe('lead');
  });

  it('an older workspace (no seals) is sealed at the administrator’s first unlock; stripping the seals and the mark afterwards does not bring the old way back', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await makeLegacy(dir, invId);
    // Unsealed: the row's role is taken as it was, until an administrator signs in.
    const legacy = await c.ok('session.unlock', {
      path: dir,
      username: 'inv',
      password: invPassword,
    });
    expect([legacy.user.role, legacy.auditIntegrity]).toEqual(['investigator', 'ok']);
    await c.ok('session.lock', {});

    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const sealed = (await c.ok('audit.list', { pageSize: 1 })).rows[0]!;
    expect([sealed.action, sealed.details]).toEqual([
      'users.rolesSealed',
      {
        users: [
          { username: 'admin', role: 'admin' },
          { username: 'inv', role: 'investigator' },
        ],
      },
    ]);
    await c.ok('session.lock', {});
    const header = readHeader(dir);
    expect(header.rolesSealedAt).toBeTruthy();
    expect(
      header.slots.map((slot) => [
        slot.kind,
        slot.roleSeal?.role ?? null,
        slot.signingKey !== null,
      ]),
    ).toEqual([
      ['user', 'admin', true],
      ['recovery', null, true],
      ['user', 'investigator', false],
    ]);

    // The insider strips every seal and the header's mark, and makes himself admin.
    updateHeader(dir, (current) => ({
      ...current,
      rolesSealedAt: undefined,
      slots: current.slots.map((slot) => ({ ...slot, roleSeal: undefined })),
    }));
    await asAccountHolder(
      dir,
      invId,
      invPassword,
      "UPDATE users SET role = 'admin' WHERE username = 'inv'",
    );
    expect(
      await c.call('session.unlock', { path: dir, username: 'inv', password: invPassword }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.roleUnverified', details: { reason: 'unsealed' } },
    });
  });
});

/**
 * Puts the workspace back as a version before seals made it: no seals, no mark, a first record
 * without `rolesSealed`, the chain hashed again and both anchors moved to it.
 */
async function makeLegacy(dir: string, invId: string) {
  const before = readHeader(dir);
  const slot = before.slots.find((one) => one.userId === invId)!;
  const opened = await openKeySlot(before.workspaceId, slot, invPassword, testKdf);
  const sqlite = new Database(path.join(dir, 'quanlian.db'), { fileMustExist: true });
  let last: { seq: number; hash: string };
  try {
    applyKey(sqlite, opened!.dataKey);
    last = rehashChain(sqlite, (row) =>
      row['seq'] === 1
        ? JSON.stringify({ ...JSON.parse(row['details'] as string), rolesSealed: undefined })
        : (row['details'] as string | null),
    );
  } finally {
    sqlite.close();
  }
  updateHeader(dir, (header) => ({
    ...header,
    rolesSealedAt: undefined,
    auditAnchor: { count: last.seq, hash: last.hash },
    slots: header.slots.map((one) => ({
      ...one,
      roleSeal: undefined,
      signingKey: one.kind === 'recovery' ? null : one.signingKey,
    })),
  }));
  resetOutsideHead(
    c.env.anchorDir!,
    { workspaceId: before.workspaceId, count: last.seq, hash: last.hash },
    '2026-01-01T00:00:00.000Z',
  );
}
