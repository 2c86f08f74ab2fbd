import crypto from 'node:crypto';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { checkPasswordStrength } from '../../api/domain/password-policy';
import type { SessionUser } from '../../api/schemas/session-schemas';
import { AppError } from '../app-error';
import { appendAudit } from '../audit/audit-log';
import { isAuthenticAnchor } from '../audit/audit-anchor';
import { isoNow } from '../clock';
import { newId } from '../db/ids';
import { ensureSearchIndexCurrent } from '../search/search-indexer';
import { openDatabase } from '../db/open-database';
import { auditLogTable, settingsTable, usersTable } from '../db/schema';
import { databaseFailureError } from './database-failure';
import { createKeySlot, kdfCost, openKeySlot } from './key-slot';
import { emptyLockout, recordFailure, secondsLockedFor } from './lockout';
import { generateRecoveryKey, isWellFormedRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import { UnlockedWorkspace } from './unlocked-workspace';
import type { VaultEnv } from './vault-env';
import { databaseFiles, databasePath, headerPath } from './workspace-files';
import {
  readHeader,
  updateHeader,
  writeHeader,
  type KeySlot,
  type WorkspaceHeader,
} from './workspace-header';
import { finishPendingRestore } from './restore-journal';

export const defaultIdleLockMinutes = 10;

export function assertStrongPassword(password: string): void {
  const problem = checkPasswordStrength(password);
  if (problem) {
    throw new AppError('auth.passwordTooWeak', 'The password does not meet the policy', {
      problem,
    });
  }
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export interface CreateWorkspaceOptions {
  dir: string;
  name: string;
  unitName: string;
  admin: { username: string; displayName: string; password: string };
  isDemo?: boolean;
}

/**
 * Creates a workspace: a random data key, a key slot for the first administrator and one for
 * a recovery key, the encrypted database with its schema, and the first audit record.
 * Returns it unlocked, with the recovery key to show once.
 */
export async function createWorkspace(
  options: CreateWorkspaceOptions,
  env: VaultEnv,
): Promise<{ workspace: UnlockedWorkspace; recoveryKey: string }> {
  assertStrongPassword(options.admin.password);
  fs.mkdirSync(options.dir, { recursive: true });
  if (fs.existsSync(headerPath(options.dir)) || fs.existsSync(databasePath(options.dir))) {
    throw new AppError('workspace.exists', 'The folder already holds a workspace');
  }

  const now = isoNow(env.clock);
  const workspaceId = newId();
  const adminId = newId();
  const username = normaliseUsername(options.admin.username);
  const dataKey = crypto.randomBytes(32);
  const recoveryKey = generateRecoveryKey();
  const [adminSlot, recoverySlot] = await Promise.all([
    createKeySlot(
      workspaceId,
      dataKey,
      options.admin.password,
      { kind: 'user', userId: adminId, username },
      now,
      kdfCost(env),
    ),
    createKeySlot(
      workspaceId,
      dataKey,
      normaliseRecoveryKey(recoveryKey),
      { kind: 'recovery', userId: null, username: null },
      now,
      kdfCost(env),
    ),
  ]);

  const header: WorkspaceHeader = {
    format: 'quanlian-workspace',
    version: 1,
    workspaceId,
    name: options.name,
    isDemo: options.isDemo ?? false,
    createdAt: now,
    cipher: 'sqlcipher4-rawkey',
    slots: [adminSlot, recoverySlot],
    lockout: emptyLockout(),
    auditAnchor: null,
  };

  let opened: ReturnType<typeof openDatabase> | undefined;
  try {
    writeHeader(options.dir, header);
    opened = openDatabase({
      file: databasePath(options.dir),
      key: dataKey,
      migrationsFolder: env.migrationsFolder,
      nativeBinding: env.nativeBinding,
      create: true,
    });
    if (!opened.ok) throw databaseFailureError(opened.failure);
    const { db } = opened;
    ensureSearchIndexCurrent(db, now);
    const admin = {
      id: adminId,
      username,
      displayName: options.admin.displayName,
      role: 'admin' as const,
    };
    db.transaction((tx) => {
      tx.insert(usersTable)
        .values({
          ...admin,
          disabled: false,
          createdAt: now,
          updatedAt: now,
          createdBy: adminId,
          updatedBy: adminId,
        })
        .run();
      tx.insert(settingsTable)
        .values([
          {
            key: 'unitName',
            value: JSON.stringify(options.unitName),
            updatedAt: now,
            updatedBy: adminId,
          },
          {
            key: 'idleLockMinutes',
            value: JSON.stringify(defaultIdleLockMinutes),
            updatedAt: now,
            updatedBy: adminId,
          },
        ])
        .run();
      appendAudit(tx, { userId: adminId, username }, now, {
        action: 'workspace.created',
        targetType: 'workspace',
        targetId: workspaceId,
        details: {
          name: options.name,
          unitName: options.unitName,
          admin: username,
          isDemo: header.isDemo,
        },
      });
    });
    const workspace = new UnlockedWorkspace({
      dir: options.dir,
      workspaceId,
      name: options.name,
      isDemo: header.isDemo,
      db,
      sqlite: opened.sqlite,
      dataKey,
      user: admin,
      auditIntegrity: 'ok',
      clock: env.clock,
      kdf: env.kdf,
      anchorDir: env.anchorDir,
    });
    workspace.refreshAnchor();
    return { workspace, recoveryKey };
  } catch (error) {
    // Only files this call created are removed: the folder held no workspace before.
    if (opened?.ok) opened.sqlite.close();
    for (const file of [headerPath(options.dir), ...databaseFiles(options.dir)])
      fs.rmSync(file, { force: true });
    dataKey.fill(0);
    throw error;
  }
}

function readHeaderOf(dir: string): WorkspaceHeader {
  if (!fs.existsSync(dir))
    throw new AppError('workspace.notFound', 'The workspace folder does not exist');
  finishPendingRestore(dir);
  return readHeader(dir);
}

function assertNotLockedOut(header: WorkspaceHeader, env: VaultEnv): void {
  const seconds = secondsLockedFor(header.lockout, env.clock.now());
  if (seconds > 0) {
    throw new AppError('auth.lockedOut', 'Too many failed attempts; wait before trying again', {
      seconds,
    });
  }
}

function failAttempt(
  dir: string,
  username: string,
  env: VaultEnv,
  code: 'auth.invalidCredentials' | 'auth.recoveryKeyInvalid',
): never {
  const next = updateHeader(dir, (header) => ({
    ...header,
    lockout: recordFailure(header.lockout, username, env.clock.now()),
  }));
  throw new AppError(code, 'The credentials are not valid', {
    failures: next.lockout.failures,
    lockedForSeconds: secondsLockedFor(next.lockout, env.clock.now()),
  });
}

function findUserSlot(header: WorkspaceHeader, username: string): KeySlot | undefined {
  return header.slots.find((slot) => slot.kind === 'user' && slot.username === username);
}

/** Opens the database with a key from a slot and reads who is unlocking. */
function openWith(
  dir: string,
  header: WorkspaceHeader,
  dataKey: Buffer,
  env: VaultEnv,
  findUser: (db: UnlockedWorkspace['db']) => SessionUser | undefined,
): { workspace: UnlockedWorkspace; anchorOk: boolean } {
  const opened = openDatabase({
    file: databasePath(dir),
    key: dataKey,
    migrationsFolder: env.migrationsFolder,
    nativeBinding: env.nativeBinding,
  });
  if (!opened.ok) {
    dataKey.fill(0);
    throw databaseFailureError(opened.failure);
  }
  const user = findUser(opened.db);
  if (!user) {
    opened.sqlite.close();
    dataKey.fill(0);
    throw new AppError('auth.userDisabled', 'The account is disabled or unknown');
  }
  ensureSearchIndexCurrent(opened.db, isoNow(env.clock));
  const anchorOk = isAnchorConsistent(opened.db, header, dataKey);
  const workspace = new UnlockedWorkspace({
    dir,
    workspaceId: header.workspaceId,
    name: header.name,
    isDemo: header.isDemo,
    db: opened.db,
    sqlite: opened.sqlite,
    dataKey,
    user,
    auditIntegrity: anchorOk ? 'ok' : 'broken',
    clock: env.clock,
    kdf: env.kdf,
    anchorDir: env.anchorDir,
  });
  return { workspace, anchorOk };
}

/** Cheap check at unlock (the full walk is `verify-audit`): the anchored record is still there. */
function isAnchorConsistent(
  db: UnlockedWorkspace['db'],
  header: WorkspaceHeader,
  dataKey: Buffer,
): boolean {
  const anchor = header.auditAnchor;
  if (!anchor) return true;
  if (!isAuthenticAnchor(dataKey, header.workspaceId, anchor)) return false;
  const record = db
    .select({ hash: auditLogTable.hash })
    .from(auditLogTable)
    .where(eq(auditLogTable.seq, anchor.count))
    .get();
  return record?.hash === anchor.hash;
}

function activeUser(
  db: UnlockedWorkspace['db'],
  where: { id?: string; username?: string },
): SessionUser | undefined {
  const condition = where.id
    ? eq(usersTable.id, where.id)
    : eq(usersTable.username, where.username ?? '');
  const row = db.select().from(usersTable).where(condition).get();
  if (!row || row.disabled) return undefined;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

/** After a successful unlock: failed attempts go into the log, the counter resets. */
function completeUnlock(
  workspace: UnlockedWorkspace,
  header: WorkspaceHeader,
  anchorOk: boolean,
  action: string,
  slotChange?: KeySlot,
): void {
  workspace.db.transaction((tx) => {
    for (const attempt of header.lockout.pending) {
      appendAudit(tx, { userId: null, username: attempt.username }, attempt.at, {
        action: 'session.unlockFailed',
        result: 'failed',
        details: { recordedAt: workspace.now() },
      });
    }
    if (!anchorOk) {
      appendAudit(tx, workspace.actor, workspace.now(), {
        action: 'audit.anchorMismatch',
        result: 'failed',
        details: { anchorCount: header.auditAnchor?.count ?? null },
      });
    }
    appendAudit(tx, workspace.actor, workspace.now(), {
      action,
      targetType: 'user',
      targetId: workspace.user.id,
    });
    updateHeader(workspace.dir, (current) => ({
      ...current,
      slots: slotChange ? replaceUserSlot(current.slots, slotChange) : current.slots,
      lockout: emptyLockout(),
    }));
  });
  workspace.refreshAnchor();
}

export function replaceUserSlot(slots: KeySlot[], slot: KeySlot): KeySlot[] {
  return [
    ...slots.filter((existing) => !(existing.kind === 'user' && existing.userId === slot.userId)),
    slot,
  ];
}

/**
 * Phase one of unlocking: the password against the user's key slot (Argon2id, then the AES-GCM
 * check). A wrong password or unknown user counts towards the lockout delay.
 */
async function unwrapForUser(
  dir: string,
  header: WorkspaceHeader,
  username: string,
  password: string,
  env: VaultEnv,
): Promise<{ dataKey: Buffer; userId: string }> {
  const slot = findUserSlot(header, username);
  // An unknown user costs the same Argon2 run as a wrong password, so timing reveals nothing.
  const dataKey = await openKeySlot(
    header.workspaceId,
    slot ?? header.slots[0]!,
    slot ? password : `\u0000${password}`,
    kdfCost(env),
  );
  if (!dataKey || !slot) {
    dataKey?.fill(0);
    failAttempt(dir, username, env, 'auth.invalidCredentials');
  }
  return { dataKey, userId: slot.userId! };
}

/**
 * Phase two: everything after the key is known. Opens the database, reads the account, checks
 * the audit anchor, records the unlock and resets the lockout counter.
 */
export function openWithDataKey(
  dir: string,
  header: WorkspaceHeader,
  dataKey: Buffer,
  userId: string,
  env: VaultEnv,
): UnlockedWorkspace {
  const { workspace, anchorOk } = openWith(dir, header, dataKey, env, (db) =>
    activeUser(db, { id: userId }),
  );
  try {
    completeUnlock(workspace, header, anchorOk, 'session.unlocked');
  } catch (error) {
    // Nothing half-open is left behind: the connection closes and the key is wiped.
    workspace.discard();
    throw error;
  }
  return workspace;
}

/** Unlocks with user name and password. */
export async function unlockWorkspace(
  dir: string,
  rawUsername: string,
  password: string,
  env: VaultEnv,
): Promise<UnlockedWorkspace> {
  const header = readHeaderOf(dir);
  assertNotLockedOut(header, env);
  const { dataKey, userId } = await unwrapForUser(
    dir,
    header,
    normaliseUsername(rawUsername),
    password,
    env,
  );
  return openWithDataKey(dir, header, dataKey, userId, env);
}

/**
 * Opens with the recovery key and sets a new password for one account, which is then signed in.
 * For the day a password is forgotten; the recovery slot itself stays as it is.
 */
export async function recoverWorkspace(
  dir: string,
  recoveryKey: string,
  rawUsername: string,
  newPassword: string,
  env: VaultEnv,
): Promise<UnlockedWorkspace> {
  assertStrongPassword(newPassword);
  const header = readHeaderOf(dir);
  assertNotLockedOut(header, env);
  const username = normaliseUsername(rawUsername);
  const recoverySlot = header.slots.find((slot) => slot.kind === 'recovery');
  const dataKey =
    recoverySlot && isWellFormedRecoveryKey(recoveryKey)
      ? await openKeySlot(
          header.workspaceId,
          recoverySlot,
          normaliseRecoveryKey(recoveryKey),
          kdfCost(env),
        )
      : null;
  if (!dataKey) failAttempt(dir, username, env, 'auth.recoveryKeyInvalid');

  const { workspace, anchorOk } = openWith(dir, header, dataKey, env, (db) =>
    activeUser(db, { username }),
  );
  try {
    const slot = await createKeySlot(
      header.workspaceId,
      workspace.dataKey(),
      newPassword,
      { kind: 'user', userId: workspace.user.id, username },
      workspace.now(),
      workspace.kdf,
    );
    completeUnlock(workspace, header, anchorOk, 'session.recovered', slot);
    return workspace;
  } catch (error) {
    workspace.close('error');
    throw error;
  }
}

/** Checks a password against the signed-in user's own slot, without touching the lockout. */
export async function passwordOpensOwnSlot(
  workspace: UnlockedWorkspace,
  password: string,
): Promise<boolean> {
  const header = readHeader(workspace.dir);
  const slot = header.slots.find(
    (candidate) => candidate.kind === 'user' && candidate.userId === workspace.user.id,
  );
  if (!slot) return false;
  const key = await openKeySlot(header.workspaceId, slot, password, workspace.kdf);
  if (!key) return false;
  const same = crypto.timingSafeEqual(key, workspace.dataKey());
  key.fill(0);
  return same;
}

/**
 * Changes the signed-in user's password by rewriting only their key slot. The header is
 * replaced atomically, so after a crash either the old or the new password works.
 */
export async function changeOwnPassword(
  workspace: UnlockedWorkspace,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  if (!(await passwordOpensOwnSlot(workspace, currentPassword))) {
    workspace.audit({
      action: 'session.passwordChangeFailed',
      result: 'failed',
      targetType: 'user',
      targetId: workspace.user.id,
    });
    throw new AppError('auth.invalidCredentials', 'The current password is not correct');
  }
  assertStrongPassword(newPassword);
  await writeUserSlot(workspace, workspace.user.id, workspace.user.username, newPassword, {
    action: 'session.passwordChanged',
    targetType: 'user',
    targetId: workspace.user.id,
  });
}

/** Writes (or replaces) an account's key slot together with its audit record. */
export async function writeUserSlot(
  workspace: UnlockedWorkspace,
  userId: string,
  username: string,
  password: string,
  audit: Parameters<UnlockedWorkspace['write']>[1],
  change: (tx: Parameters<Parameters<UnlockedWorkspace['write']>[0]>[0]) => void = () => {},
): Promise<void> {
  const slot = await createKeySlot(
    workspace.workspaceId,
    workspace.dataKey(),
    password,
    { kind: 'user', userId, username },
    workspace.now(),
    workspace.kdf,
  );
  workspace.write((tx) => {
    change(tx);
    // Inside the transaction: if the header cannot be written, the database change rolls back.
    updateHeader(workspace.dir, (header) => ({
      ...header,
      slots: replaceUserSlot(header.slots, slot),
    }));
  }, audit);
}

/** Removes an account's key slot (on disable): that password no longer opens the workspace. */
export function removeUserSlot(dir: string, userId: string): void {
  updateHeader(dir, (header) => ({
    ...header,
    slots: header.slots.filter((slot) => !(slot.kind === 'user' && slot.userId === userId)),
  }));
}
