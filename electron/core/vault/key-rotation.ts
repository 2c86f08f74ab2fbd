import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../app-error';
import { newAuditSigningKey } from '../audit/audit-anchor';
import type { AuditEntry } from '../audit/audit-log';
import type { Executor } from '../db/database-types';
import { usersTable } from '../db/schema';
import { createKeySlot, openKeySlot, resealSlot } from './key-slot';
import { revocationProven } from './revocation-proof';
import { rolesAreSealed, trustedKeysOf, unprovenSlots } from './role-of-record';
import { sealedRole, sealUserSlots } from './role-seal';
import { linkSigningKey } from './signing-key-pin';
import { recordFailure, secondsLockedFor } from './lockout';
import { openDatabase } from '../db/open-database';
import { databaseFailureError } from './database-failure';
import { finishRotation, stageRekeyedCopy, writeRekeyJournal } from './rekey-journal';
import type { VaultEnv } from './vault-env';
import { databasePath } from './workspace-files';
import type { UnlockedWorkspace } from './unlocked-workspace';
import { readHeader, updateHeader, type KeySlot } from './workspace-header';
import { assertStrongPassword, writeUserSlot } from './workspace-vault';

type RotationReason = 'userDisabled' | 'userDemoted' | 'rotateKey' | 'passwordChanged';

interface RotationOptions {
  reason: RotationReason;
  /** The database change that needs the rotation (disable, demote), committed with `audit`. */
  change?: (tx: Executor) => void;
  audit: AuditEntry;
  /** The signed-in user's new password, when the rotation comes with a password change. */
  ownNewPassword?: string;
  /** With it, the user's present key pair: kept, so that the slot's role seal stays valid. */
  ownPrivateKey?: crypto.KeyObject;
}

/**
 * Replaces the data key and the audit signing key, and re-wraps every remaining slot: slots of
 * deleted accounts and of disabled ones whose revocation an administrator signed are dropped,
 * the recovery slot and every other account's slot are re-sealed to their public keys (no
 * password needed), the signing key goes to administrators' slots only, and a link signed by the
 * old key leads to the new. Afterwards the old slots, an old copy of `workspace.json` and the
 * old data key open nothing: the database is re-encrypted (`PRAGMA rekey`). Backups made
 * before still open with the key they were made with.
 *
 * Order, for crashes: the change and its audit record commit (old key); the new header goes to
 * the re-key journal; the database is re-keyed; the header is replaced; the journal removed.
 * The next unlock finishes or rolls back what a crash interrupted (`authenticate`).
 */
export async function rotateDataKey(
  workspace: UnlockedWorkspace,
  options: RotationOptions,
  env: VaultEnv,
): Promise<void> {
  const signingKey = workspace.signingKey();
  if (workspace.user.role !== 'admin' && options.reason !== 'passwordChanged')
    throw new AppError('auth.forbidden', 'Only an administrator may rotate the key', {
      needed: 'admin',
    });
  const now = workspace.now();
  const dataKey = crypto.randomBytes(32);
  // A password change by a non-administrator keeps the signing key it cannot see.
  const signing = signingKey || options.reason !== 'passwordChanged' ? newAuditSigningKey() : null;
  const ownSlot = options.ownNewPassword
    ? await createKeySlot(
        workspace.workspaceId,
        {
          dataKey,
          signingKey: workspace.user.role === 'admin' ? (signing?.privateKey ?? null) : null,
        },
        options.ownNewPassword,
        { kind: 'user', userId: workspace.user.id, username: workspace.user.username },
        now,
        workspace.kdf,
        options.ownPrivateKey,
        workspace.authorKey(),
      )
    : null;

  const before = readHeader(workspace.dir);
  const presentKey = workspace.signingPublicKey ?? before.auditSigningKey.publicKey;
  const trustedKeys = trustedKeysOf(workspace.db, before, presentKey);
  const unproven = unprovenSlots(workspace.db, before, trustedKeys.at(-1)!);
  const dropped = new Set(unproven.map((slot) => slot.id));
  // Roles as the seals prove them (a row an account holder changed is not sealed), except the
  // account this rotation changes; an older workspace without seals: as the table holds them.
  const provenRoles = rolesAreSealed(workspace.db, before)
    ? new Map(
        before.slots
          .filter((slot) => slot.kind === 'user' && !dropped.has(slot.id))
          .map((slot) => [
            slot.userId ?? '',
            sealedRole(before.workspaceId, trustedKeys.at(-1)!, slot),
          ]),
      )
    : null;
  const changed = options.audit.targetType === 'user' ? options.audit.targetId : null;
  // One user action, one record: the change's record says the key was rotated and why, and
  // which slots were dropped as not their account's own.
  workspace.write(
    (tx) => {
      options.change?.(tx);
    },
    {
      ...options.audit,
      details: {
        ...options.audit.details,
        keyRotated: options.reason,
        ...(unproven.length
          ? {
              droppedSlots: unproven.map((slot) => ({
                username: slot.username,
                userId: slot.userId,
              })),
            }
          : {}),
      },
    },
  );
  const current = readHeader(workspace.dir);
  const users = new Map(
    workspace.db
      .select({
        id: usersTable.id,
        username: usersTable.username,
        role: usersTable.role,
        disabled: usersTable.disabled,
      })
      .from(usersTable)
      .all()
      .map((user) => {
        const proven = user.id === changed ? null : provenRoles?.get(user.id);
        return [user.id, { ...user, role: proven ?? user.role }] as const;
      }),
  );
  const slots: KeySlot[] = [];
  for (const slot of current.slots) {
    if (slot.kind === 'recovery') {
      const resealed = resealSlot(
        workspace.workspaceId,
        slot,
        { dataKey, signingKey: signing?.privateKey ?? null },
        now,
      );
      slots.push(signing ? resealed : { ...resealed, signingKey: slot.signingKey });
      continue;
    }
    const user = users.get(slot.userId ?? '');
    if (dropped.has(slot.id)) continue;
    // Deleted accounts lose their slot, and disabled ones, where an administrator signed the
    // revocation: a flag set in the table by an account holder drops no one.
    if (!user) continue;
    if (user.disabled && revocationProven(workspace.db, workspace.workspaceId, trustedKeys, slot))
      continue;
    if (ownSlot && slot.userId === workspace.user.id) {
      // The same key pair (`ownPrivateKey`): the seal made for it still holds.
      slots.push({ ...ownSlot, roleSeal: options.ownPrivateKey ? slot.roleSeal : null });
      continue;
    }
    if (!signing) {
      // The signing key stays (a non-administrator's password change): so do the sealed copies
      // of it, which do not depend on the data key.
      slots.push({
        ...resealSlot(workspace.workspaceId, slot, { dataKey, signingKey: null }, now),
        signingKey: slot.signingKey,
      });
      continue;
    }
    slots.push(
      resealSlot(
        workspace.workspaceId,
        slot,
        { dataKey, signingKey: user.role === 'admin' ? signing.privateKey : null },
        now,
      ),
    );
  }
  // A new signing key seals every remaining account's role anew, as its seal proved it (the
  // changed account's as the database holds it after the change: a demotion's new role).
  // The new key is reached from the pinned one through a link the old key signs.
  const link =
    signing && signingKey
      ? linkSigningKey(workspace.workspaceId, signingKey, signing.publicKey)
      : null;
  const next = {
    ...current,
    slots: signing ? sealUserSlots(workspace.workspaceId, signing.privateKey, slots, users) : slots,
    signingKeyLinks: link ? [...(current.signingKeyLinks ?? []), link] : current.signingKeyLinks,
    auditSigningKey: signing
      ? { publicKey: signing.publicKey, createdAt: now }
      : current.auditSigningKey,
    keyRotatedAt: now,
  };
  const staged = stageRekeyedCopy(
    workspace.dir,
    workspace.sqlite,
    workspace.dataKey(),
    dataKey,
    env.nativeBinding,
  );
  const journal = { reason: options.reason, startedAt: now, staged, header: next };
  writeRekeyJournal(workspace.dir, journal);
  workspace.reconnect(
    dataKey,
    workspace.user.role === 'admin' ? (signing?.privateKey ?? signingKey) : null,
    (key) => {
      finishRotation(workspace.dir, journal, readHeader(workspace.dir));
      const opened = openDatabase({
        file: databasePath(workspace.dir),
        key,
        migrationsFolder: env.migrationsFolder,
        nativeBinding: env.nativeBinding,
      });
      if (!opened.ok) throw databaseFailureError(opened.failure);
      return opened;
    },
  );
  if (signing) workspace.signingPublicKey = signing.publicKey;
  if (signing && workspace.user.role !== 'admin') signing.privateKey.fill(0);
  workspace.refreshAnchor();
}

/** An administrator's "rotate key": a new data key for a suspected compromise. */
export function rotateKey(workspace: UnlockedWorkspace, env: VaultEnv): Promise<void> {
  return rotateDataKey(
    workspace,
    {
      reason: 'rotateKey',
      audit: {
        action: 'workspace.keyRotated',
        targetType: 'workspace',
        targetId: workspace.workspaceId,
      },
    },
    env,
  );
}

/**
 * Changes the signed-in user's password. Failed attempts count towards the same delay as
 * failed sign-ins (an unattended unlocked session cannot be used to guess the password).
 * With `rotate`, the data key is replaced too, so an old copy of the header with the old
 * password opens nothing; without it only the user's own slot is rewritten.
 */
export async function changeOwnPassword(
  workspace: UnlockedWorkspace,
  currentPassword: string,
  newPassword: string,
  options: { rotate?: boolean; env?: VaultEnv } = {},
): Promise<void> {
  const header = readHeader(workspace.dir);
  const seconds = secondsLockedFor(header.lockout, workspace.clock.now());
  if (seconds > 0)
    throw new AppError('auth.lockedOut', 'Too many failed attempts; wait before trying again', {
      seconds,
    });
  const slot = header.slots.find(
    (candidate) => candidate.kind === 'user' && candidate.userId === workspace.user.id,
  );
  const opened = slot
    ? await openKeySlot(header.workspaceId, slot, currentPassword, workspace.kdf)
    : null;
  const matches = opened ? crypto.timingSafeEqual(opened.dataKey, workspace.dataKey()) : false;
  opened?.dataKey.fill(0);
  opened?.signingKey?.fill(0);
  const keep = {
    role: workspace.user.role,
    keepPrivateKey: opened?.privateKey,
    keepSeal: slot?.roleSeal,
  };
  if (!matches) {
    const next = updateHeader(workspace.dir, (current) => ({
      ...current,
      // Counted, not queued: this session writes its own audit record now.
      lockout: {
        ...recordFailure(current.lockout, workspace.user.username, workspace.clock.now()),
        pending: current.lockout.pending,
      },
    }));
    workspace.audit({
      action: 'session.passwordChangeFailed',
      result: 'failed',
      targetType: 'user',
      targetId: workspace.user.id,
    });
    throw new AppError('auth.invalidCredentials', 'The current password is not correct', {
      failures: next.lockout.failures,
      lockedForSeconds: secondsLockedFor(next.lockout, workspace.clock.now()),
    });
  }
  assertStrongPassword(newPassword);
  const audit: AuditEntry = {
    action: 'session.passwordChanged',
    targetType: 'user',
    targetId: workspace.user.id,
    details: { rotated: Boolean(options.rotate) },
  };
  if (options.rotate && options.env) {
    await rotateDataKey(
      workspace,
      {
        reason: 'passwordChanged',
        audit,
        ownNewPassword: newPassword,
        ownPrivateKey: opened?.privateKey,
      },
      options.env,
    );
  } else {
    await writeUserSlot(
      workspace,
      workspace.user.id,
      workspace.user.username,
      newPassword,
      audit,
      () => {},
      workspace.signingKey(),
      keep,
    );
  }
  updateHeader(workspace.dir, (current) => ({
    ...current,
    lockout: { ...current.lockout, failures: 0, lockedUntil: null },
  }));
}

/**
 * A rotation whose database change committed but whose re-key a crash prevented leaves a slot
 * for an account that is disabled. When an administrator signs in, it is finished, but only for
 * a revocation an administrator signed (`revocation-proof.ts`): a `disabled` flag an account
 * holder set in the table drops no one. Returns whether it rotated.
 */
export async function finishInterruptedRevocation(
  workspace: UnlockedWorkspace,
  env: VaultEnv,
): Promise<boolean> {
  if (workspace.user.role !== 'admin' || !workspace.signingKey()) return false;
  const disabled = new Set(
    workspace.db
      .select({ id: usersTable.id })
      .from(usersTable)
      .where(eq(usersTable.disabled, true))
      .all()
      .map((user) => user.id),
  );
  const header = readHeader(workspace.dir);
  const trustedKeys = trustedKeysOf(
    workspace.db,
    header,
    workspace.signingPublicKey ?? header.auditSigningKey.publicKey,
  );
  const stale = header.slots.filter(
    (slot) =>
      slot.kind === 'user' &&
      disabled.has(slot.userId ?? '') &&
      revocationProven(workspace.db, workspace.workspaceId, trustedKeys, slot),
  );
  if (!stale.length) return false;
  await rotateDataKey(
    workspace,
    {
      reason: 'userDisabled',
      audit: {
        action: 'workspace.keyRotated',
        targetType: 'workspace',
        targetId: workspace.workspaceId,
        details: { staleSlots: stale.length },
      },
    },
    env,
  );
  return true;
}
