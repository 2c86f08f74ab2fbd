import { afterEach, describe, expect, it } from 'vitest';
import { createKeySlot, openKeySlot } from '../../electron/core/vault/key-slot';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../electron/core/vault/recovery-key';
import { readHeader, updateHeader } from '../../electron/core/vault/workspace-header';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { testKdf } from '../helpers/test-kdf';

let c: TestCore;
afterEach(() => c?.dispose());

const invPassword = 'Inv#Pass2026x';

/** A workspace with an investigator `inv`, locked; its genuine recovery key. */
async function workspaceWithInvestigator() {
  c = makeTestCore();
  const created = await createTestWorkspace(c);
  const inv = await c.ok('users.create', {
    username: 'inv',
    displayName: '调查员',
    role: 'investigator',
    password: invPassword,
  });
  await c.ok('session.lock', {});
  return { dir: created.path, recoveryKey: created.recoveryKey, invId: inv.id };
}

/** The investigator's own secrets, as he gets them offline with his password. */
async function openAs(dir: string, userId: string, password: string) {
  const header = readHeader(dir);
  const slot = header.slots.find((one) => one.kind === 'user' && one.userId === userId)!;
  return (await openKeySlot(header.workspaceId, slot, password, testKdf))!;
}

describe('an account holder cannot take over the administrator', () => {
  it('a recovery slot planted first with his own key is refused for the admin and recorded; the genuine key still recovers', async () => {
    const { dir, recoveryKey, invId } = await workspaceWithInvestigator();
    const opened = await openAs(dir, invId, invPassword);
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
      ['session.unlockFailed', 'admin', 'failed'],
      ['session.unlockFailed', 'admin', 'failed'],
      ['session.recoveryRefused', 'admin', 'failed'],
      ['session.locked', 'admin', 'ok'],
      ['users.created', 'admin', 'ok'],
    ]);
    expect(rows[5]!.details).toEqual({ username: 'admin', reason: 'recoverySlotUnproven' });
  });
});
