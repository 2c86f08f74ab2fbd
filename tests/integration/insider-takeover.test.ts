import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { newAuditSigningKey, resetOutsideHead } from '../../electron/core/audit/audit-anchor';
import { applyKey } from '../../electron/core/db/open-database';
import { createKeySlot, openKeySlot, resealSlot } from '../../electron/core/vault/key-slot';
import { sealRole } from '../../electron/core/vault/role-seal';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../electron/core/vault/recovery-key';
import { readHeader, updateHeader, type KeySlot } from '../../electron/core/vault/workspace-header';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { addInsiders, invPassword, openOwnSlot, withOwnDataKey } from '../helpers/account-holder';
import { appendChained, rehashChain } from '../helpers/forge-audit';
import { testKdf } from '../helpers/test-kdf';

let c: TestCore;
afterEach(() => c?.dispose());

/** A workspace with an investigator `inv`, locked; its genuine recovery key. */
async function workspaceWithInvestigator() {
  c = makeTestCore();
  const created = await createTestWorkspace(c);
  const { invId } = await addInsiders(c);
  await c.ok('session.lock', {});
  return { dir: created.path, recoveryKey: created.recoveryKey, invId };
}

/** SQL on the database with the investigator's own data key, as he can do offline. */
async function sqlAs(dir: string, userId: string, password: string, sql: string): Promise<void> {
  await withOwnDataKey(dir, userId, password, (sqlite) => sqlite.prepare(sql).run());
}

async function auditSince(dir: string, count: number) {
  await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
  const rows = (await c.ok('audit.list', { pageSize: count })).rows;
  await c.ok('session.lock', {});
  return rows.map((row) => [row.action, row.username, row.result, row.details]);
}

describe('an account holder cannot take over the administrator', () => {
  it('a recovery slot planted first with his own key is refused for the admin and recorded; the genuine key still recovers', async () => {
    const { dir, recoveryKey, invId } = await workspaceWithInvestigator();
    const opened = await openOwnSlot(dir, invId, invPassword);
    const planted = generateRecoveryKey();
    const header = readHeader(dir);
    const slot = await createKeySlot(
      header.workspaceId,
      { dataKey: opened.dataKey, signingKey: null },
      normaliseRecoveryKey(planted),
      { kind: 'recovery', userId: null, username: null },
      '2026-03-01T00:00:00.000Z',
      testKdf,
    );
    updateHeader(dir, (current) => ({ ...current, slots: [slot, ...current.slots] }));

    const taken = await c.call('session.recover', {
      path: dir,
      recoveryKey: planted,
      username: 'admin',
      newPassword: 'Taken#Admin2026x',
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'auth.recoveryKeyInvalid' } });
    expect(c.router.sessions.current()).toBeNull();
    expect(
      await c.call('session.unlock', {
        path: dir,
        username: 'admin',
        password: 'Taken#Admin2026x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });

    const recovered = await c.ok('session.recover', {
      path: dir,
      recoveryKey,
      username: 'admin',
      newPassword: 'Back#Admin2026x',
    });
    expect(recovered.user.role).toBe('admin');
    await c.ok('session.lock', {});
    const after = readHeader(dir);
    // No new signing key was minted: the header still names the one the workspace was made with.
    expect(after.auditSigningKey.publicKey).toBe(header.auditSigningKey.publicKey);
    await c.ok('session.unlock', { path: dir, username: 'admin', password: 'Back#Admin2026x' });
    const rows = (await c.ok('audit.list', { pageSize: 8 })).rows;
    await c.ok('session.lock', {});
    expect(rows.map((row) => [row.action, row.username, row.result])).toEqual([
      ['session.unlocked', 'admin', 'ok'],
      ['session.locked', 'admin', 'ok'],
      ['session.recovered', 'admin', 'ok'],
      // The refusal was written by no signed-in session (unsigned): the recovery's check, which
      // starts where the last check ended, names it.
      ['audit.authorsNotProven', 'admin', 'failed'],
      ['session.unlockFailed', 'admin', 'failed'],
      ['session.unlockFailed', 'admin', 'failed'],
      ['session.recoveryRefused', 'admin', 'failed'],
      ['session.locked', 'admin', 'ok'],
    ]);
    expect(rows[3]!.details).toMatchObject({ records: [rows[6]!.seq], count: 1 });
    expect(rows[6]!.details).toEqual({ username: 'admin', reason: 'recoverySlotUnproven' });
  });

  it('administrators marked disabled in the table still sign in; the flag is reported and cleared', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await sqlAs(dir, invId, invPassword, "UPDATE users SET disabled = 1 WHERE role = 'admin'");

    const session = await c.ok('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect([session.user.role, session.auditIntegrity]).toEqual(['admin', 'ok']);
    const users = (await c.ok('users.list', {})).map((user) => [user.username, user.disabled]);
    expect(users).toEqual([
      ['admin', false],
      ['inv', false],
    ]);
    await c.ok('session.lock', {});
    expect(readHeader(dir).slots.map((slot) => slot.username)).toEqual(['admin', null, 'inv']);
    const rows = await auditSince(dir, 6);
    expect(rows.slice(2)).toEqual([
      ['users.disabledRestored', 'admin', 'failed', { users: ['admin'] }],
      ['session.unlocked', 'admin', 'ok', null],
      ['users.tamperingFound', 'admin', 'failed', { username: 'admin', disabled: true }],
      ['session.locked', 'admin', 'ok', { reason: 'user' }],
    ]);
  });

  it('a swapped signing key with every role re-sealed by it and the admins marked disabled: the investigator is refused, the genuine recovery key recovers the admin and the key is put back', async () => {
    const { dir, recoveryKey, invId } = await workspaceWithInvestigator();
    const roleRefused = { recordedRole: 'admin', sealedRole: null, reason: 'sealInvalid' };
    const genuine = readHeader(dir).auditSigningKey.publicKey;
    // What /tmp/t4/attack-escalate-admin.ts does with his own password and file access.
    await sqlAs(dir, invId, invPassword, "UPDATE users SET disabled = 1 WHERE role = 'admin'");
    await sqlAs(dir, invId, invPassword, `UPDATE users SET role = 'admin' WHERE id = '${invId}'`);
    const opened = await openOwnSlot(dir, invId, invPassword);
    const forged = newAuditSigningKey();
    updateHeader(dir, (header) => ({
      ...header,
      auditSigningKey: { ...header.auditSigningKey, publicKey: forged.publicKey },
      slots: header.slots.map((slot) => {
        const own =
          slot.userId === invId
            ? resealSlot(
                header.workspaceId,
                slot,
                { dataKey: opened.dataKey, signingKey: forged.privateKey },
                '2026-03-01T00:00:00.000Z',
              )
            : slot;
        return slot.kind === 'user'
          ? { ...own, roleSeal: sealRole(header.workspaceId, forged.privateKey, own, 'admin') }
          : own;
      }),
    }));

    expect(
      await c.call('session.unlock', { path: dir, username: 'inv', password: invPassword }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.roleUnverified', details: { role: 'admin', reason: 'sealInvalid' } },
    });
    expect(readHeader(dir).slots.map((slot) => slot.username)).toEqual(['admin', null, 'inv']);

    const recovered = await c.ok('session.recover', {
      path: dir,
      recoveryKey,
      username: 'admin',
      newPassword: 'Back#Admin2026x',
    });
    expect(recovered.user.role).toBe('admin');
    await c.ok('session.lock', {});
    expect(readHeader(dir).auditSigningKey.publicKey).toBe(genuine);
    expect(
      await c.call('session.unlock', { path: dir, username: 'inv', password: invPassword }),
    ).toMatchObject({ ok: false, error: { code: 'auth.roleUnverified' } });

    await c.ok('session.unlock', { path: dir, username: 'admin', password: 'Back#Admin2026x' });
    const rows = (await c.ok('audit.list', { pageSize: 11 })).rows.map((row) => [
      row.action,
      row.username,
      row.result,
      row.details,
    ]);
    await c.ok('session.lock', {});
    expect(rows.slice(1)).toEqual([
      ['session.roleRefused', 'inv', 'failed', roleRefused],
      ['session.locked', 'admin', 'ok', { reason: 'user' }],
      ['users.disabledRestored', 'admin', 'failed', { users: ['admin'] }],
      ['audit.signingKeyRestored', 'admin', 'ok', null],
      // The recovered account's new author key, sealed by the genuine signing key.
      [
        'session.recovered',
        'admin',
        'ok',
        { authorKey: expect.any(String), authorSeal: expect.any(String) },
      ],
      [
        'audit.signingKeyMismatch',
        'admin',
        'failed',
        { headerPublicKey: forged.publicKey.slice(-16) },
      ],
      ['users.tamperingFound', 'admin', 'failed', { username: 'admin', roleSeal: 'sealInvalid' }],
      ['users.tamperingFound', 'admin', 'failed', { username: 'admin', disabled: true }],
      ['session.roleRefused', 'inv', 'failed', roleRefused],
      ['session.locked', 'admin', 'ok', { reason: 'user' }],
    ]);
  });

  it('a workspace sealed by the version before (role-only seals, no pinned key) is upgraded at the admin’s sign-in, with nobody locked out', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await makeOlderVersion(dir);
    const inv = await c.ok('session.unlock', { path: dir, username: 'inv', password: invPassword });
    expect([inv.user.role, inv.auditIntegrity]).toEqual(['investigator', 'ok']);
    await c.ok('session.lock', {});

    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const rows = (await c.ok('audit.list', { pageSize: 3 })).rows;
    await c.ok('session.lock', {});
    const publicKey = readHeader(dir).auditSigningKey.publicKey;
    expect(rows.map((row) => [row.action, row.details])).toEqual([
      ['users.sealsRenewed', { users: ['admin', 'inv'] }],
      ['audit.signingKeyPinned', { publicKey, signature: expect.any(String) }],
      ['session.unlocked', null],
    ]);
    expect(readHeader(dir).slots.map((slot) => [slot.username, slot.roleSeal?.covers])).toEqual([
      ['admin', 'active'],
      [null, undefined],
      ['inv', 'active'],
    ]);
    const again = await c.ok('session.unlock', {
      path: dir,
      username: 'inv',
      password: invPassword,
    });
    expect(again.user.role).toBe('investigator');
    await c.ok('session.lock', {});

    // Upgraded: the admins' flag set in the table no longer keeps them out.
    await sqlAs(dir, invId, invPassword, "UPDATE users SET disabled = 1 WHERE role = 'admin'");
    const admin = await c.ok('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect(admin.user.role).toBe('admin');
    await c.ok('session.lock', {});
  });

  it('a slot planted with the admin’s ID and a name of his own is dropped by the next rotation, not sealed as admin; a row changed to admin is not sealed either', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const lead = await c.ok('users.create', {
      username: 'lead',
      displayName: '主办',
      role: 'lead',
      password: 'Lead#Pass2026x',
    });
    const viewer = await c.ok('users.create', {
      username: 'viewer',
      displayName: '查看',
      role: 'viewer',
      password: 'View#Pass2026x',
    });
    const adminId = (await c.ok('users.list', {})).find((user) => user.username === 'admin')!.id;
    await c.ok('session.lock', {});
    const opened = await openOwnSlot(dir, invId, invPassword);
    const header = readHeader(dir);
    const ghost = await createKeySlot(
      header.workspaceId,
      { dataKey: opened.dataKey, signingKey: null },
      'Ghost#Pass2026x',
      { kind: 'user', userId: adminId, username: 'ghost' },
      '2026-03-01T00:00:00.000Z',
      testKdf,
    );
    updateHeader(dir, (current) => ({ ...current, slots: [...current.slots, ghost] }));
    // With his own key he also makes the viewer's row say admin before the admin's next rotation.
    await sqlAs(
      dir,
      invId,
      invPassword,
      `UPDATE users SET role = 'admin' WHERE id = '${viewer.id}'`,
    );

    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    await c.ok('users.disable', { userId: invId });
    const disabled = (await c.ok('audit.list', { action: 'users.disabled' })).rows[0]!;
    expect(disabled.details).toEqual({
      keyRotated: 'userDisabled',
      revocation: expect.any(String),
      droppedSlots: [{ username: 'ghost', userId: adminId }],
    });
    await c.ok('session.lock', {});
    expect(
      readHeader(dir).slots.map((slot) => [slot.username, slot.roleSeal?.role ?? null]),
    ).toEqual([
      ['admin', 'admin'],
      [null, null],
      ['lead', 'lead'],
      ['viewer', 'viewer'],
    ]);
    expect(
      await c.call('session.unlock', { path: dir, username: 'ghost', password: 'Ghost#Pass2026x' }),
    ).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
    expect(
      await c.call('session.unlock', { path: dir, username: 'viewer', password: 'View#Pass2026x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.roleUnverified', details: { role: 'admin', reason: 'roleDiffers' } },
    });
    // Through the new key's link from the pinned one, the others sign in as before.
    const asLead = await c.ok('session.unlock', {
      path: dir,
      username: 'lead',
      password: 'Lead#Pass2026x',
    });
    expect([asLead.user.id, asLead.user.role]).toEqual([lead.id, 'lead']);
    await c.ok('session.lock', {});
    const asAdmin = await c.ok('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect(asAdmin.user.role).toBe('admin');
    await c.ok('session.lock', {});
  });

  it('a slot planted in front under the admin’s own name does not make the admin’s password fail, and his own password gets a refusal', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    const opened = await openOwnSlot(dir, invId, invPassword);
    const header = readHeader(dir);
    const admin = header.slots.find((slot) => slot.username === 'admin')!;
    const planted = await createKeySlot(
      header.workspaceId,
      { dataKey: opened.dataKey, signingKey: null },
      'Mole#Pass2026x',
      { kind: 'user', userId: admin.userId, username: 'admin' },
      '2026-03-01T00:00:00.000Z',
      testKdf,
    );
    updateHeader(dir, (current) => ({ ...current, slots: [planted, ...current.slots] }));
    expect(
      await c.call('session.unlock', { path: dir, username: 'admin', password: 'Mole#Pass2026x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.roleUnverified', details: { role: 'admin', reason: 'unsealed' } },
    });
    const session = await c.ok('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect(session.user.role).toBe('admin');
    await c.ok('session.lock', {});
  });

  it('failed guesses wiped from workspace.json keep their delay and reach the audit log from the copy outside the workspace', async () => {
    const { dir } = await workspaceWithInvestigator();
    for (const guess of ['Guess#1aaaa', 'Guess#2aaaa', 'Guess#3aaaa', 'Guess#4aaaa', 'Guess#5aaaa'])
      await c.call('session.unlock', { path: dir, username: 'admin', password: guess });
    expect(readHeader(dir).lockout.failures).toBe(5);
    updateHeader(dir, (header) => ({
      ...header,
      lockout: { failures: 0, lockedUntil: null, pending: [] },
    }));

    expect(
      await c.call('session.unlock', { path: dir, username: 'admin', password: adminPassword }),
    ).toMatchObject({ ok: false, error: { code: 'auth.lockedOut', details: { seconds: 30 } } });
    c.clock.advance(31_000);
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const failed = (await c.ok('audit.list', { action: 'session.unlockFailed' })).rows;
    const hidden = (await c.ok('audit.list', { action: 'session.unlockFailuresHidden' })).rows;
    await c.ok('session.lock', {});
    expect(failed.map((row) => [row.username, row.result])).toEqual(
      Array.from({ length: 5 }, () => ['admin', 'failed']),
    );
    expect(hidden.map((row) => row.details)).toEqual([
      { headerFailures: 0, outsideFailures: 5, hiddenAttempts: 5 },
    ]);
    // Recorded once: the next unlock finds both counters empty.
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect((await c.ok('audit.list', { action: 'session.unlockFailed' })).rows).toHaveLength(5);
    await c.ok('session.lock', {});
  });

  it('on a workspace not pinned yet, a pin he writes naming (and signed by) a key of his own, sealed into his slot, is ignored and reported: he stays an investigator, the admin signs in and pins the real key', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await makeOlderVersion(dir);
    const header = readHeader(dir);
    const own = crypto.generateKeyPairSync('ed25519');
    const ownPublic = own.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const pinText = `quanlian-signing-key-pin-v1|${header.workspaceId}|${ownPublic}`;
    const forged = await withOwnDataKey(dir, invId, invPassword, (sqlite) =>
      appendChained(sqlite, {
        userId: crypto.randomUUID(),
        username: 'admin',
        action: 'audit.signingKeyPinned',
        targetType: 'workspace',
        targetId: header.workspaceId,
        details: {
          publicKey: ownPublic,
          signature: crypto.sign(null, Buffer.from(pinText), own.privateKey).toString('base64'),
        },
      }),
    );
    const secrets = await openOwnSlot(dir, invId, invPassword);
    const ownDer = own.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
    updateHeader(dir, (current) => ({
      ...current,
      slots: current.slots.map((slot) =>
        slot.userId === invId
          ? resealSlot(
              current.workspaceId,
              slot,
              { dataKey: secrets.dataKey, signingKey: ownDer },
              '2026-10-03T02:00:00.000Z',
            )
          : slot,
      ),
    }));

    const inv = await c.ok('session.unlock', { path: dir, username: 'inv', password: invPassword });
    expect(inv.user.role).toBe('investigator');
    await c.ok('session.lock', {});
    const admin = await c.call('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect(admin).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
    const ignored = (await c.ok('audit.list', { action: 'audit.signingKeyPinIgnored' })).rows;
    const pins = (await c.ok('audit.list', { action: 'audit.signingKeyPinned' })).rows;
    await c.ok('session.lock', {});
    expect(ignored.map((row) => [row.username, row.result, row.details])).toEqual([
      ['inv', 'failed', { records: [forged.seq] }],
    ]);
    expect(pins.map((row) => [row.seq, (row.details as { publicKey: string }).publicKey])).toEqual([
      [pins[0]!.seq, header.auditSigningKey.publicKey],
      [forged.seq, ownPublic],
    ]);
    // The admin's pin counts from now on: the investigator's own key gives him nothing.
    const again = await c.ok('session.unlock', {
      path: dir,
      username: 'inv',
      password: invPassword,
    });
    expect(again.user.role).toBe('investigator');
    await c.ok('session.lock', {});
  });

  it('on a workspace sealed by the version before, a disabled flag is kept: its role-only seal does not say the account is enabled', async () => {
    const { dir, invId } = await workspaceWithInvestigator();
    await makeOlderVersion(dir);
    // As a disable of that version left it when a crash stopped its re-key: flag set, slot kept.
    await sqlAs(dir, invId, invPassword, `UPDATE users SET disabled = 1 WHERE id = '${invId}'`);
    expect(
      await c.call('session.unlock', { path: dir, username: 'inv', password: invPassword }),
    ).toMatchObject({ ok: false, error: { code: 'auth.userDisabled' } });
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const users = (await c.ok('users.list', {})).map((user) => [user.username, user.disabled]);
    const restored = (await c.ok('audit.list', { action: 'users.disabledRestored' })).rows;
    await c.ok('session.lock', {});
    expect([users, restored.length]).toEqual([
      [
        ['admin', false],
        ['inv', true],
      ],
      0,
    ]);
  });
});

/** Role-only seals as the version before made them (`quanlian-role-v1`). */
function olderSeal(workspaceId: string, signingKey: Buffer, slot: KeySlot) {
  const role = slot.roleSeal!.role;
  const text = `quanlian-role-v1|${workspaceId}|${slot.userId ?? ''}|${slot.username ?? ''}|${role}|${slot.publicKey}`;
  const key = crypto.createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' });
  return { role, signature: crypto.sign(null, Buffer.from(text), key).toString('base64') };
}

/**
 * Puts the workspace back as the version before this one left it: seals over the role only, no
 * signing key named in the first record (the chain hashed again, both anchors moved to it).
 */
async function makeOlderVersion(dir: string) {
  const before = readHeader(dir);
  const adminSlot = before.slots.find((one) => one.username === 'admin')!;
  const opened = (await openKeySlot(before.workspaceId, adminSlot, adminPassword, testKdf))!;
  const sqlite = new Database(path.join(dir, 'quanlian.db'), { fileMustExist: true });
  let last: { seq: number; hash: string };
  try {
    applyKey(sqlite, opened.dataKey);
    last = rehashChain(sqlite, (row) =>
      row['seq'] === 1
        ? JSON.stringify({ ...JSON.parse(row['details'] as string), signingKey: undefined })
        : (row['details'] as string | null),
    );
  } finally {
    sqlite.close();
  }
  updateHeader(dir, (header) => ({
    ...header,
    auditAnchor: { count: last.seq, hash: last.hash },
    slots: header.slots.map((one) =>
      one.roleSeal
        ? { ...one, roleSeal: olderSeal(header.workspaceId, opened.signingKey!, one) }
        : one,
    ),
  }));
  resetOutsideHead(
    c.env.anchorDir!,
    { workspaceId: before.workspaceId, count: last.seq, hash: last.hash },
    '2026-01-01T00:00:00.000Z',
  );
}
