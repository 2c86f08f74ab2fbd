import crypto from 'node:crypto';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { checkPasswordStrength } from '../../api/domain/password-policy';
import type { Role } from '../../api/domain/roles';
import type { SessionUser } from '../../api/schemas/session-schemas';
import { AppError } from '../app-error';
import { appendAudit, auditRecordAt, lastAuditRecord, type AuditEntry } from '../audit/audit-log';
import { ensureAuditIndexes } from '../audit/audit-indexes';
import {
  checkAuditHead,
  newAuditSigningKey,
  readOutsideHead,
  type AnchorProblem,
} from '../audit/audit-anchor';
import { isoNow } from '../clock';
import { newId } from '../db/ids';
import { ensureSearchIndexCurrent } from '../search/search-indexer';
import {
  ensureRecordCopiesMarked,
  markRecordCopiesCurrent,
} from '../records/record-copies-recount';
import { openDatabase } from '../db/open-database';
import { settingsTable, usersTable } from '../db/schema';
import { databaseFailureError } from './database-failure';
import { authorKeyDetails, newAuthorKey, recordAuthorKey } from './author-key';
import {
  createKeySlot,
  kdfCost,
  openKeySlot,
  openResealedSlot,
  wrapAuthorKey,
  type OpenedSlot,
  type SlotSecrets,
} from './key-slot';
import { emptyLockout, recordFailure, secondsLockedFor } from './lockout';
import {
  clearOutsideLockout,
  mergeLockout,
  readOutsideLockout,
  recordOutsideFailure,
} from './outside-lockout';
import { generateRecoveryKey, isWellFormedRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import {
  checkRoleOfRecord,
  trustedKeysOf,
  type AccountRow,
  sealRolesAtAdminUnlock,
  signingKeyMismatchEntry,
  type RoleCheck,
} from './role-of-record';
import { sealRole, signingPublicKey } from './role-seal';
import { UnlockedWorkspace } from './unlocked-workspace';
import type { VaultEnv } from './vault-env';
import {
  abandonRotation,
  finishRotation,
  readRekeyJournal,
  rotationSwapped,
} from './rekey-journal';
import {
  databaseFiles,
  databasePath,
  headerPath,
  privateFileMode,
  restrictFiles,
  restrictFolder,
} from './workspace-files';
import {
  readHeader,
  updateHeader,
  writeHeader,
  type KeySlot,
  type LockoutState,
  type RoleSeal,
  type WorkspaceHeader,
} from './workspace-header';
import { finishPendingRestore, headerDuringRestore } from './restore-journal';
import { authorKeysOf, authorsNotProvenEntry, verifyAuthors } from './workspace-audit';

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

interface CreateWorkspaceOptions {
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
  const signing = newAuditSigningKey();
  const adminAuthorKey = newAuthorKey();
  const adminAuthor = authorKeyDetails(workspaceId, adminId, adminAuthorKey, signing.privateKey);
  const recoveryKey = generateRecoveryKey();
  const [adminSlot, recoverySlot] = await Promise.all([
    createKeySlot(
      workspaceId,
      { dataKey, signingKey: signing.privateKey },
      options.admin.password,
      { kind: 'user', userId: adminId, username },
      now,
      kdfCost(env),
      undefined,
      adminAuthorKey,
    ),
    createKeySlot(
      workspaceId,
      // The recovery key can reset any account's password, administrators' too: it holds what
      // they hold, so that a recovered account's role can be sealed.
      { dataKey, signingKey: signing.privateKey },
      normaliseRecoveryKey(recoveryKey),
      { kind: 'recovery', userId: null, username: null },
      now,
      kdfCost(env),
    ),
  ]);

  const header: WorkspaceHeader = {
    format: 'quanlian-workspace',
    version: 2,
    workspaceId,
    name: options.name,
    isDemo: options.isDemo ?? false,
    createdAt: now,
    cipher: 'sqlcipher4-rawkey',
    slots: [
      { ...adminSlot, roleSeal: sealRole(workspaceId, signing.privateKey, adminSlot, 'admin') },
      recoverySlot,
    ],
    lockout: emptyLockout(),
    auditAnchor: null,
    auditSigningKey: { publicKey: signing.publicKey, createdAt: now },
    keyRotatedAt: null,
    rolesSealedAt: now,
  };

  let opened: ReturnType<typeof openDatabase> | undefined;
  try {
    restrictFolder(options.dir);
    writeHeader(options.dir, header);
    // Made owner-only before SQLite opens it: the WAL and SHM it creates take the same mode.
    fs.closeSync(fs.openSync(databasePath(options.dir), 'wx', privateFileMode));
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
    markRecordCopiesCurrent(db, now);
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
          authorKey: adminAuthor.authorKey,
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
      appendAudit(tx, { userId: adminId, username, authorKey: adminAuthorKey }, now, {
        action: 'workspace.created',
        targetType: 'workspace',
        targetId: workspaceId,
        details: {
          name: options.name,
          unitName: options.unitName,
          admin: username,
          isDemo: header.isDemo,
          rolesSealed: true,
          // The signing key's pin (`signing-key-pin.ts`): what every later key must lead from.
          signingKey: signing.publicKey,
          // The first administrator's author key (`audit-author.ts`), sealed by that key.
          ...adminAuthor,
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
      signingKey: signing.privateKey,
      signingPublicKey: signing.publicKey,
      user: admin,
      authorKey: adminAuthorKey,
      auditIntegrity: 'ok',
      clock: env.clock,
      kdf: env.kdf,
      anchorDir: env.anchorDir,
    });
    workspace.markAuthorsChecked();
    workspace.refreshAnchor();
    return { workspace, recoveryKey };
  } catch (error) {
    // Only files this call created are removed: the folder held no workspace before.
    if (opened?.ok) opened.sqlite.close();
    for (const file of [headerPath(options.dir), ...databaseFiles(options.dir)])
      fs.rmSync(file, { force: true });
    dataKey.fill(0);
    signing.privateKey.fill(0);
    throw error;
  }
}

/**
 * The header to sign in against, without acting on any journal (a journal is acted on only
 * after the user is authenticated): while a restore is half done, the one it will replace.
 */
export function readHeaderOf(dir: string): WorkspaceHeader {
  if (!fs.existsSync(dir))
    throw new AppError('workspace.notFound', 'The workspace folder does not exist');
  // Journals are not acted on here: only after the user has proved who they are.
  try {
    return readHeader(dir);
  } catch (error) {
    const during =
      (error as AppError).code === 'workspace.headerMissing' && headerDuringRestore(dir);
    if (during) return during;
    throw error;
  }
}

/** The header's counter, or the copy outside the workspace where that is further along. */
function lockoutOf(header: WorkspaceHeader, anchorDir: VaultEnv['anchorDir']): LockoutState {
  return mergeLockout(header.lockout, readOutsideLockout(anchorDir, header.workspaceId));
}

function assertNotLockedOut(header: WorkspaceHeader, env: VaultEnv): void {
  const seconds = secondsLockedFor(lockoutOf(header, env.anchorDir), env.clock.now());
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
  recordOutsideFailure(env.anchorDir, next.workspaceId, username, env.clock.now());
  const lockout = lockoutOf(next, env.anchorDir);
  throw new AppError(code, 'The credentials are not valid', {
    failures: lockout.failures,
    lockedForSeconds: secondsLockedFor(lockout, env.clock.now()),
  });
}

/** More slots of one user name than this are not tried: each costs an Argon2id run. */
const maximumSlotsPerName = 4;

function userSlotsNamed(header: WorkspaceHeader, username: string): KeySlot[] {
  return header.slots
    .filter((slot) => slot.kind === 'user' && slot.username === username)
    .slice(0, maximumSlotsPerName);
}

function wipe(secrets: SlotSecrets | null | undefined): void {
  secrets?.dataKey.fill(0);
  secrets?.signingKey?.fill(0);
}

interface Authenticated {
  header: WorkspaceHeader;
  slot: KeySlot;
  secrets: OpenedSlot;
  /** What happened to journals left by a crash, for the audit log. */
  notes: AuditEntry[];
}

/**
 * Opens `slot` with `secret` and settles a key rotation that a crash interrupted. The caller's
 * slot is in the old header and, re-sealed, in the new one (in the journal): with the new key
 * the rotation is finished; with only the old key (their own password changed in it) it is
 * abandoned unless the new database is already in place; an account the rotation revokes is
 * refused. Returns null when the secret opens nothing.
 */
async function authenticate(
  dir: string,
  header: WorkspaceHeader,
  slot: KeySlot,
  secret: string,
  env: VaultEnv,
): Promise<Authenticated | null> {
  const opened = await openKeySlot(header.workspaceId, slot, secret, kdfCost(env));
  const journal = readRekeyJournal(dir);
  if (!journal) return opened ? { header, slot, secrets: opened, notes: [] } : null;
  if (journal === 'invalid' || journal.header.workspaceId !== header.workspaceId) {
    if (!opened) return null;
    abandonRotation(dir, journal);
    return {
      header,
      slot,
      secrets: opened,
      notes: [
        { action: 'workspace.journalIgnored', result: 'failed', details: { journal: 'rekey' } },
      ],
    };
  }

  const nextSlot = journal.header.slots.find((candidate) =>
    slot.kind === 'recovery' ? candidate.kind === 'recovery' : candidate.userId === slot.userId,
  );
  const next =
    nextSlot && opened && nextSlot.publicKey === slot.publicKey
      ? openResealedSlot(journal.header.workspaceId, nextSlot, opened.privateKey)
      : nextSlot
        ? await openKeySlot(journal.header.workspaceId, nextSlot, secret, kdfCost(env))
        : null;
  if (!opened && !next) return null;
  const details = { reason: journal.reason };
  if (next && nextSlot) {
    wipe(opened);
    return {
      header: finishRotation(dir, journal, header),
      slot: nextSlot,
      secrets: next,
      notes: [{ action: 'workspace.keyRotationFinished', details }],
    };
  }
  wipe(next);
  if (!nextSlot) {
    // Not in the new header: this account was being revoked.
    wipe(opened);
    throw new AppError('auth.userDisabled', 'The account is disabled or unknown');
  }
  if (rotationSwapped(dir, journal)) {
    // The new database is in place: only the new password opens it now.
    wipe(opened);
    return null;
  }
  // Their own password changed in the interrupted rotation and they gave the old one: the
  // rotation is dropped, the old password and key stay valid.
  abandonRotation(dir, journal);
  return {
    header,
    slot,
    secrets: opened!,
    notes: [{ action: 'workspace.keyRotationAbandoned', result: 'failed', details }],
  };
}

/**
 * Opens the database with a key from a slot and reads who is unlocking; the role, the signing
 * key and the `disabled` flag are granted only as `checkRoleOfRecord` proves them; `via` says
 * whose slot the secrets came from.
 */
function openWith(
  dir: string,
  header: WorkspaceHeader,
  secrets: SlotSecrets,
  env: VaultEnv,
  where: { id?: string; username?: string },
  slotOf: KeySlot | undefined | ((row: AccountRow) => KeySlot | undefined),
  via: 'own slot' | 'recovery',
): { workspace: UnlockedWorkspace; problem: AnchorProblem | null; roles: RoleCheck } {
  // Owner-only, also for files an older version or a copy left readable by others.
  restrictFolder(dir);
  restrictFiles([headerPath(dir), ...databaseFiles(dir)]);
  const opened = openDatabase({
    file: databasePath(dir),
    key: secrets.dataKey,
    migrationsFolder: env.migrationsFolder,
    nativeBinding: env.nativeBinding,
  });
  if (!opened.ok) {
    wipe(secrets);
    throw databaseFailureError(opened.failure);
  }
  const row = accountRow(opened.db, where);
  let refusal: AuditEntry | null = null;
  let roles: RoleCheck;
  try {
    if (!row) throw new AppError('auth.userDisabled', 'The account is disabled or unknown');
    const slot = typeof slotOf === 'function' ? slotOf(row) : slotOf;
    roles = checkRoleOfRecord(
      opened.db,
      header,
      slot,
      row,
      secrets.signingKey,
      via,
      (entry) => (refusal = entry),
    );
  } catch (error) {
    if (!refusal || !row) {
      opened.sqlite.close();
      wipe(secrets);
      throw error;
    }
    // The refusal is recorded and anchored, then nothing stays open.
    const refusing = sessionOver(dir, header, opened, secrets, env, { ...row });
    refusing.takeAuthorKey(secrets.authorKey ?? null);
    try {
      refusing.audit(refusal);
      refusing.refreshAnchor();
    } finally {
      refusing.discard();
    }
    throw error;
  }
  ensureSearchIndexCurrent(opened.db, isoNow(env.clock));
  ensureRecordCopiesMarked(opened.db, isoNow(env.clock));
  const problem = auditHeadProblem(opened.db, header, env);
  if (!roles.signingKeyTrusted) secrets.signingKey?.fill(0);
  const workspace = new UnlockedWorkspace({
    ...sessionBase(dir, header, opened, secrets, env),
    // The signing key for administrators only, and only the one the workspace trusts.
    signingKey: roles.signingKeyTrusted ? secrets.signingKey : null,
    signingPublicKey: roles.publicKey,
    user: { id: row.id, username: row.username, displayName: row.displayName, role: roles.role },
    authorKey: secrets.authorKey ?? null,
    auditIntegrity: problem ? 'broken' : 'ok',
  });
  return { workspace, problem, roles };
}

/** What every session over an opened workspace holds, whoever it is for. */
function sessionBase(
  dir: string,
  header: WorkspaceHeader,
  opened: { db: UnlockedWorkspace['db']; sqlite: UnlockedWorkspace['sqlite'] },
  secrets: SlotSecrets,
  env: VaultEnv,
) {
  return {
    dir,
    workspaceId: header.workspaceId,
    name: header.name,
    isDemo: header.isDemo,
    db: opened.db,
    sqlite: opened.sqlite,
    dataKey: secrets.dataKey,
    clock: env.clock,
    kdf: env.kdf,
    anchorDir: env.anchorDir,
  };
}

/** A session only to record a refused unlock, with no signing key. */
function sessionOver(
  dir: string,
  header: WorkspaceHeader,
  opened: { db: UnlockedWorkspace['db']; sqlite: UnlockedWorkspace['sqlite'] },
  secrets: SlotSecrets,
  env: VaultEnv,
  user: SessionUser,
): UnlockedWorkspace {
  return new UnlockedWorkspace({
    ...sessionBase(dir, header, opened, secrets, env),
    user,
    auditIntegrity: 'ok',
  });
}

/**
 * Cheap check at unlock (the full walk is `verify-audit`): the records named by the header's
 * anchor and by the copy outside the workspace are still there with the same hashes.
 */
function auditHeadProblem(
  db: UnlockedWorkspace['db'],
  header: WorkspaceHeader,
  env: VaultEnv,
): AnchorProblem | null {
  const last = lastAuditRecord(db);
  const outside = env.anchorDir ? readOutsideHead(env.anchorDir, header.workspaceId) : null;
  return checkAuditHead(
    (seq) => auditRecordAt(db, seq),
    last?.seq ?? 0,
    header.auditAnchor,
    outside,
  );
}

function accountRow(
  db: UnlockedWorkspace['db'],
  where: { id?: string; username?: string },
): (AccountRow & { displayName: string }) | undefined {
  const condition = where.id
    ? eq(usersTable.id, where.id)
    : eq(usersTable.username, where.username ?? '');
  const row = db.select().from(usersTable).where(condition).get();
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabled,
  };
}

/** After a successful unlock: failed attempts and journal outcomes go into the log. */
function completeUnlock(
  workspace: UnlockedWorkspace,
  header: WorkspaceHeader,
  problem: AnchorProblem | null,
  roles: RoleCheck,
  action: string,
  notes: AuditEntry[],
  slotChange?: KeySlot,
  /** A new author key (in `slotChange`), sealed with `sealer` where the session has one. */
  newAuthor?: { key: crypto.KeyObject; sealer: Buffer | null },
): void {
  const lockout = lockoutOf(header, workspace.anchorDir);
  const hidden = lockout.pending.length - header.lockout.pending.length;
  // The records written since the last check (at an unlock or a lock), as the copy outside the
  // workspace says, not the header anyone can move: whose author is not proven (the full walk
  // is `verify-audit`). No copy: every record.
  const authors = verifyAuthors(workspace.db, header, authorsCheckedFrom(workspace));
  // An audit index dropped outside the app is made again, or (it cannot be) reported.
  const indexes = ensureAuditIndexes(workspace.db);
  workspace.db.transaction((tx) => {
    for (const attempt of lockout.pending) {
      appendAudit(tx, { userId: null, username: attempt.username }, attempt.at, {
        action: 'session.unlockFailed',
        result: 'failed',
        details: { recordedAt: workspace.now() },
      });
    }
    for (const note of [...notes, ...roles.tampering])
      appendAudit(tx, workspace.actor, workspace.now(), note);
    if (authors.notProvenCount || authors.keysNotProven.length)
      appendAudit(tx, workspace.actor, workspace.now(), authorsNotProvenEntry(authors));
    if (indexes.recreated.length || indexes.missing.length)
      appendAudit(tx, workspace.actor, workspace.now(), {
        action: 'audit.indexesMissing',
        result: 'failed',
        details: { ...indexes },
      });
    if (problem) {
      appendAudit(tx, workspace.actor, workspace.now(), {
        action: 'audit.anchorMismatch',
        result: 'failed',
        details: { problem, anchorCount: header.auditAnchor?.count ?? null },
      });
    }
    if (hidden > 0 || lockout.failures > header.lockout.failures)
      // The header's counter was emptied or cut back: the outside copy says by how much.
      appendAudit(tx, workspace.actor, workspace.now(), {
        action: 'session.unlockFailuresHidden',
        result: 'failed',
        details: {
          headerFailures: header.lockout.failures,
          outsideFailures: lockout.failures,
          hiddenAttempts: hidden,
        },
      });
    if (roles.signingKeyMismatch)
      appendAudit(tx, workspace.actor, workspace.now(), signingKeyMismatchEntry(header));
    // A new author key is introduced by the sign-in's own record, signed with it, and signs
    // every record after (the ones above, of an account that had none, are not signed).
    const author =
      newAuthor &&
      authorKeyDetails(workspace.workspaceId, workspace.user.id, newAuthor.key, newAuthor.sealer);
    if (newAuthor && author) {
      recordAuthorKey(tx, workspace.user.id, author.authorKey);
      workspace.takeAuthorKey(newAuthor.key);
    }
    appendAudit(tx, workspace.actor, workspace.now(), {
      action,
      targetType: 'user',
      targetId: workspace.user.id,
      ...(author ? { details: author } : {}),
    });
    updateHeader(workspace.dir, (current) => ({
      ...current,
      slots: slotChange ? replaceUserSlot(current.slots, slotChange) : current.slots,
      lockout: emptyLockout(),
    }));
    clearOutsideLockout(workspace.anchorDir, workspace.workspaceId);
  });
  workspace.markAuthorsChecked();
  sealRolesAtAdminUnlock(workspace, roles);
  workspace.refreshAnchor();
}

/** Where the unlock's check of authors starts: after the outside copy's checked point. */
function authorsCheckedFrom(workspace: UnlockedWorkspace): number {
  const outside = workspace.anchorDir
    ? readOutsideHead(workspace.anchorDir, workspace.workspaceId)
    : null;
  return outside && outside.count >= 0 && outside.checkedUpTo !== undefined
    ? Math.min(outside.checkedUpTo, outside.count) + 1
    : 1;
}

function replaceUserSlot(slots: KeySlot[], slot: KeySlot): KeySlot[] {
  return [
    ...slots.filter((existing) => !(existing.kind === 'user' && existing.userId === slot.userId)),
    slot,
  ];
}

/**
 * Phase two: everything after the key is known. Opens the database, reads the account, checks
 * the audit head, records the unlock and resets the lockout counter.
 */
export function openWithDataKey(
  dir: string,
  header: WorkspaceHeader,
  secrets: SlotSecrets | OpenedSlot | Buffer,
  userId: string,
  env: VaultEnv,
  notes: AuditEntry[] = [],
  slot = header.slots.find((each) => each.kind === 'user' && each.userId === userId),
): UnlockedWorkspace {
  const keys = Buffer.isBuffer(secrets) ? { dataKey: secrets, signingKey: null } : secrets;
  const { workspace, problem, roles } = openWith(
    dir,
    header,
    keys,
    env,
    { id: userId },
    slot,
    'own slot',
  );
  try {
    // An account from before authors signed gets its key now, wrapped under its own slot.
    const slotKey =
      !Buffer.isBuffer(secrets) && 'privateKey' in secrets
        ? (secrets as OpenedSlot).privateKey
        : null;
    if (!workspace.signsRecords && authorKeysOf(workspace).finalKeys().has(workspace.user.id))
      refuseMissingAuthorKey(workspace);
    const newAuthor = !workspace.signsRecords && slot && slotKey ? newAuthorKey() : undefined;
    const slotChange =
      newAuthor && slot && slotKey
        ? { ...slot, authorKey: wrapAuthorKey(header.workspaceId, slot, slotKey, newAuthor) }
        : undefined;
    completeUnlock(
      workspace,
      header,
      problem,
      roles,
      'session.unlocked',
      notes,
      slotChange,
      newAuthor && { key: newAuthor, sealer: workspace.signingKey() },
    );
  } catch (error) {
    // Nothing half-open is left behind: the connection closes and the key is wiped.
    workspace.discard();
    throw error;
  }
  return workspace;
}

/**
 * The chain holds a key for this account but its slot yields none: someone took it out of
 * workspace.json (or spoilt it). A new key would make every genuine record of the account look
 * forged, so the sign-in is refused and recorded; an administrator's password reset gives the
 * account a new, sealed key.
 */
function refuseMissingAuthorKey(workspace: UnlockedWorkspace): never {
  // A system record, as a failed sign-in: unsigned in the account's name it would look forged.
  workspace.db.transaction((tx) =>
    appendAudit(tx, { userId: null, username: workspace.user.username }, workspace.now(), {
      action: 'session.authorKeyMissing',
      result: 'failed',
      targetType: 'user',
      targetId: workspace.user.id,
    }),
  );
  workspace.refreshAnchor();
  throw new AppError(
    'auth.authorKeyMissing',
    'The account’s author key is missing from its slot or does not open',
  );
}

/**
 * Unlocks with user name and password: the password against the user's key slot (Argon2id,
 * then the AES-GCM check; a wrong password or unknown user counts towards the lockout delay),
 * then journals a crash left (only now, for a proven user), then the database.
 */
export async function unlockWorkspace(
  dir: string,
  rawUsername: string,
  password: string,
  env: VaultEnv,
): Promise<UnlockedWorkspace> {
  const header = readHeaderOf(dir);
  assertNotLockedOut(header, env);
  const username = normaliseUsername(rawUsername);
  // Every slot of that name is tried: one an account holder put in front of the owner's (their
  // password, the owner's name) must not make the owner's password fail. An unknown user costs
  // the same Argon2 run as a wrong password, so timing reveals nothing.
  const named = userSlotsNamed(header, username);
  let authenticated: Authenticated | null = null;
  let slot: KeySlot | undefined;
  for (const candidate of named.length ? named : [header.slots[0]!]) {
    authenticated = await authenticate(
      dir,
      header,
      candidate,
      named.length ? password : `\u0000${password}`,
      env,
    );
    if (authenticated) {
      slot = named.length ? candidate : undefined;
      break;
    }
  }
  if (!authenticated || !slot) {
    wipe(authenticated?.secrets);
    failAttempt(dir, username, env, 'auth.invalidCredentials');
  }
  const restore = finishPendingRestore(dir);
  if (restore === 'finished') {
    // The restored header is in place now: sign in against it.
    wipe(authenticated.secrets);
    return unlockWorkspace(dir, rawUsername, password, env);
  }
  const notes: AuditEntry[] =
    restore === 'rejected'
      ? [
          ...authenticated.notes,
          { action: 'workspace.journalIgnored', result: 'failed', details: { journal: 'restore' } },
        ]
      : authenticated.notes;
  return openWithDataKey(
    dir,
    authenticated.header,
    authenticated.secrets,
    slot.userId!,
    env,
    notes,
    authenticated.slot,
  );
}

/** More recovery slots than this are not tried: each costs an Argon2id run. */
const maximumRecoverySlots = 4;

/**
 * The signing key the workspace trusts: pinned in the chain and followed through the header's
 * links; the header's own for a workspace not pinned yet. Read before anyone is signed in, to
 * tell the workspace's recovery slot from one an account holder added.
 */
function trustedSigningKeyOf(
  dir: string,
  header: WorkspaceHeader,
  dataKey: Buffer,
  env: VaultEnv,
): string {
  const opened = openDatabase({
    file: databasePath(dir),
    key: dataKey,
    migrationsFolder: env.migrationsFolder,
    nativeBinding: env.nativeBinding,
  });
  // One that does not open fails again, with its own error, where the session opens it.
  if (!opened.ok) return header.auditSigningKey.publicKey;
  try {
    return trustedKeysOf(opened.db, header, header.auditSigningKey.publicKey).at(-1)!;
  } finally {
    opened.sqlite.close();
  }
}

/**
 * Tries the recovery key against every recovery slot (a planted one may stand first): the first
 * that yields the signing key the workspace trusts wins; failing that, the first that opens at
 * all, which is accepted only on a workspace whose roles are not sealed yet (`recoverWorkspace`).
 * Any account holder can add a recovery slot of their own (the data key is all it takes), but
 * not one holding the administrators' signing key.
 */
async function openRecoverySlot(
  dir: string,
  header: WorkspaceHeader,
  recoveryKey: string,
  env: VaultEnv,
): Promise<{ opened: Authenticated; proven: boolean } | null> {
  if (!isWellFormedRecoveryKey(recoveryKey)) return null;
  const candidates: Authenticated[] = [];
  const slots = header.slots.filter((slot) => slot.kind === 'recovery');
  for (const slot of slots.slice(0, maximumRecoverySlots)) {
    const opened = await authenticate(dir, header, slot, normaliseRecoveryKey(recoveryKey), env);
    if (opened) candidates.push(opened);
  }
  const first = candidates[0];
  if (!first) return null;
  const trusted = trustedSigningKeyOf(dir, first.header, first.secrets.dataKey, env);
  const proven = candidates.find(
    (candidate) =>
      candidate.secrets.signingKey !== null &&
      signingPublicKey(candidate.secrets.signingKey) === trusted,
  );
  const chosen = proven ?? first;
  for (const candidate of candidates) if (candidate !== chosen) wipe(candidate.secrets);
  return { opened: chosen, proven: proven !== undefined };
}

/**
 * Opens with the recovery key and sets a new password for one account, which is then signed in.
 * For the day a password is forgotten; the recovery slot itself stays as it is. Once roles are
 * sealed only a recovery slot holding the signing key the workspace trusts is accepted: one an account
 * holder added is refused, and the refusal recorded.
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
  const recovered = await openRecoverySlot(dir, header, recoveryKey, env);
  if (!recovered) failAttempt(dir, username, env, 'auth.recoveryKeyInvalid');
  const authenticated = recovered.opened;

  // The recovery slot holds the signing key (since roles are sealed): the new slot gets its
  // role sealed, and an administrator's the signing key. An older recovery slot has none.
  const signing =
    recovered.proven && authenticated.secrets.signingKey
      ? Buffer.from(authenticated.secrets.signingKey)
      : null;
  const { workspace, problem, roles } = openWith(
    dir,
    authenticated.header,
    authenticated.secrets,
    env,
    { username },
    // The account's own slot: its ID and name (a slot planted with the name is not its own).
    (row) =>
      authenticated.header.slots.find(
        (slot) => slot.kind === 'user' && slot.userId === row.id && slot.username === username,
      ),
    'recovery',
  );
  if (!recovered.proven && roles.sealed) {
    signing?.fill(0);
    refuseUnprovenRecovery(workspace, username);
    failAttempt(dir, username, env, 'auth.recoveryKeyInvalid');
  }
  try {
    // A new slot, a new author key (the old one is wrapped under the forgotten password).
    const newAuthor = newAuthorKey();
    const created = await createKeySlot(
      header.workspaceId,
      {
        dataKey: workspace.dataKey(),
        signingKey: workspace.user.role === 'admin' ? signing : null,
      },
      newPassword,
      { kind: 'user', userId: workspace.user.id, username },
      workspace.now(),
      workspace.kdf,
      undefined,
      newAuthor,
    );
    const slot = signing
      ? {
          ...created,
          roleSeal: sealRole(header.workspaceId, signing, created, workspace.user.role),
        }
      : created;
    completeUnlock(
      workspace,
      authenticated.header,
      problem,
      roles,
      'session.recovered',
      authenticated.notes,
      slot,
      { key: newAuthor, sealer: signing },
    );
    return workspace;
  } catch (error) {
    workspace.close('error');
    throw error;
  } finally {
    signing?.fill(0);
  }
}

/** Records a recovery through a slot the workspace did not make, then closes. */
function refuseUnprovenRecovery(workspace: UnlockedWorkspace, username: string): void {
  try {
    workspace.audit({
      action: 'session.recoveryRefused',
      result: 'failed',
      targetType: 'user',
      targetId: workspace.user.id,
      details: { username, reason: 'recoverySlotUnproven' },
    });
    workspace.refreshAnchor();
  } finally {
    workspace.discard();
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
  const opened = await openKeySlot(header.workspaceId, slot, password, workspace.kdf);
  if (!opened) return false;
  const same = crypto.timingSafeEqual(opened.dataKey, workspace.dataKey());
  wipe(opened);
  return same;
}

/** Writes (or replaces) an account's key slot together with its audit record. */
export async function writeUserSlot(
  workspace: UnlockedWorkspace,
  userId: string,
  username: string,
  password: string,
  audit: AuditEntry,
  change: (tx: Parameters<Parameters<UnlockedWorkspace['write']>[0]>[0]) => void = () => {},
  signingKey: Buffer | null = null,
  seal: { role: Role; keepPrivateKey?: crypto.KeyObject; keepSeal?: RoleSeal | null } | null = null,
): Promise<void> {
  // The user's own slot keeps their author key; a slot an administrator makes for an account
  // (new, re-enabled, password reset) gets a new one: the old one opens only with the old slot.
  const own = userId === workspace.user.id ? workspace.authorKey() : null;
  const newAuthor = own ? null : newAuthorKey();
  const created = await createKeySlot(
    workspace.workspaceId,
    { dataKey: workspace.dataKey(), signingKey },
    password,
    { kind: 'user', userId, username },
    workspace.now(),
    workspace.kdf,
    seal?.keepPrivateKey,
    own ?? newAuthor,
  );
  // An administrator seals the role; a password change keeps the key pair, so its seal holds.
  const sealer = workspace.signingKey();
  const author = newAuthor && authorKeyDetails(workspace.workspaceId, userId, newAuthor, sealer);
  const slot: KeySlot =
    seal && sealer
      ? { ...created, roleSeal: sealRole(workspace.workspaceId, sealer, created, seal.role) }
      : { ...created, roleSeal: seal?.keepPrivateKey ? (seal.keepSeal ?? null) : null };
  workspace.write(
    (tx) => {
      change(tx);
      // Inside the transaction: if the header cannot be written, the database change rolls back.
      updateHeader(workspace.dir, (header) => ({
        ...header,
        slots: replaceUserSlot(header.slots, slot),
      }));
      if (author) recordAuthorKey(tx, userId, author.authorKey);
    },
    // The action's own record introduces the account's new key (`audit-author.ts`).
    author ? { ...audit, details: { ...audit.details, ...author } } : audit,
  );
}
