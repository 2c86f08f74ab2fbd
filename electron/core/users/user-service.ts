import { and, asc, eq, ne } from 'drizzle-orm';
import type { Role } from '../../api/domain/roles';
import type { UserRow } from '../../api/schemas/user-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { usersTable, type UserRecord } from '../db/schema';
import { rotateDataKey } from '../vault/key-rotation';
import { resealSlot } from '../vault/key-slot';
import { sealRole } from '../vault/role-seal';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { VaultEnv } from '../vault/vault-env';
import { signRevocation } from '../vault/revocation-proof';
import { readHeader, updateHeader } from '../vault/workspace-header';
import { assertStrongPassword, normaliseUsername, writeUserSlot } from '../vault/workspace-vault';

function toRow(record: UserRecord): UserRow {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    disabled: record.disabled,
    createdAt: record.createdAt,
  };
}

export function listUsers(db: Executor): UserRow[] {
  return db.select().from(usersTable).orderBy(asc(usersTable.username)).all().map(toRow);
}

function getUser(db: Executor, userId: string): UserRecord {
  const user = db.select().from(usersTable).where(eq(usersTable.id, userId)).get();
  if (!user) throw new AppError('users.notFound', 'No such user');
  return user;
}

/** The workspace must keep at least one enabled administrator. */
function assertOtherAdminRemains(db: Executor, userId: string): void {
  const other = db
    .select({ id: usersTable.id })
    .from(usersTable)
    .where(
      and(eq(usersTable.role, 'admin'), eq(usersTable.disabled, false), ne(usersTable.id, userId)),
    )
    .get();
  if (!other) throw new AppError('users.lastAdmin', 'The last administrator cannot be removed');
}

export async function createUser(
  workspace: UnlockedWorkspace,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<UserRow> {
  assertStrongPassword(input.password);
  const username = normaliseUsername(input.username);
  const taken = workspace.db
    .select({ id: usersTable.id })
    .from(usersTable)
    .where(eq(usersTable.username, username))
    .get();
  if (taken) throw new AppError('users.duplicateUsername', 'The user name is taken');
  const now = workspace.now();
  const record: UserRecord = {
    id: newId(),
    username,
    displayName: input.displayName,
    role: input.role,
    // Set with the record that introduces it (`author-key.ts`).
    authorKey: null,
    disabled: false,
    createdAt: now,
    updatedAt: now,
    createdBy: workspace.user.id,
    updatedBy: workspace.user.id,
  };
  await writeUserSlot(
    workspace,
    record.id,
    username,
    input.password,
    {
      action: 'users.created',
      targetType: 'user',
      targetId: record.id,
      details: { username, role: input.role },
    },
    (tx) => tx.insert(usersTable).values(record).run(),
    input.role === 'admin' ? workspace.signingKey() : null,
    { role: input.role },
  );
  return toRow(record);
}

const roleRank: Record<Role, number> = { viewer: 0, investigator: 1, lead: 2, admin: 3 };

/**
 * Changes an account's role. A demotion rotates the data key and the audit signing key (what
 * the account could hold under its old role is worth nothing afterwards); a promotion to
 * administrator seals the signing key into that account's slot.
 */
export async function setUserRole(
  workspace: UnlockedWorkspace,
  userId: string,
  role: Role,
  env: VaultEnv,
): Promise<UserRow> {
  const before = getUser(workspace.db, userId);
  const change = (tx: Executor) => {
    const user = getUser(tx, userId);
    if (user.role === 'admin' && role !== 'admin') assertOtherAdminRemains(tx, userId);
    tx.update(usersTable)
      .set({ role, updatedAt: workspace.now(), updatedBy: workspace.user.id })
      .where(eq(usersTable.id, userId))
      .run();
  };
  const audit = {
    action: 'users.roleChanged',
    targetType: 'user',
    targetId: userId,
    details: { role, from: before.role },
  };
  if (roleRank[role] < roleRank[before.role]) {
    await rotateDataKey(workspace, { reason: 'userDemoted', change, audit }, env);
  } else {
    const signingKey = workspace.signingKey();
    if (!signingKey)
      throw new AppError('users.signingKeyMissing', 'This session holds no signing key', {});
    workspace.write((tx) => {
      change(tx);
      // Inside the transaction: if the header cannot be written, the change rolls back. The new
      // role is sealed into the account's slot (and a new administrator's slot gets the key).
      updateHeader(workspace.dir, (header) => ({
        ...header,
        slots: header.slots.map((slot) => {
          if (slot.kind !== 'user' || slot.userId !== userId) return slot;
          const resealed =
            role === 'admin' && before.role !== 'admin'
              ? resealSlot(
                  workspace.workspaceId,
                  slot,
                  { dataKey: workspace.dataKey(), signingKey },
                  workspace.now(),
                )
              : slot;
          return { ...resealed, roleSeal: sealRole(workspace.workspaceId, signingKey, slot, role) };
        }),
      }));
    }, audit);
  }
  return toRow(getUser(workspace.db, userId));
}

/**
 * Disables an account and rotates the data key: its slot is dropped and the database
 * re-encrypted, so neither its password nor the key it could have copied opens anything.
 */
export async function disableUser(
  workspace: UnlockedWorkspace,
  userId: string,
  env: VaultEnv,
): Promise<UserRow> {
  getUser(workspace.db, userId);
  assertOtherAdminRemainsIfAdmin(workspace.db, userId);
  const signingKey = workspace.signingKey();
  if (!signingKey)
    throw new AppError('users.signingKeyMissing', 'This session holds no signing key', {});
  // Signed, so that the flag alone (which any account holder can set) revokes no one.
  const slot = readHeader(workspace.dir).slots.find(
    (one) => one.kind === 'user' && one.userId === userId,
  );
  const revocation = slot ? signRevocation(workspace.workspaceId, signingKey, slot) : null;
  await rotateDataKey(
    workspace,
    {
      reason: 'userDisabled',
      change: (tx) => {
        assertOtherAdminRemainsIfAdmin(tx, userId);
        tx.update(usersTable)
          .set({ disabled: true, updatedAt: workspace.now(), updatedBy: workspace.user.id })
          .where(eq(usersTable.id, userId))
          .run();
      },
      audit: {
        action: 'users.disabled',
        targetType: 'user',
        targetId: userId,
        details: revocation ? { revocation } : undefined,
      },
    },
    env,
  );
  return toRow(getUser(workspace.db, userId));
}

function assertOtherAdminRemainsIfAdmin(db: Executor, userId: string): void {
  if (getUser(db, userId).role === 'admin') assertOtherAdminRemains(db, userId);
}

/** Enables an account again with a new password (its old slot was removed on disable). */
export async function enableUser(
  workspace: UnlockedWorkspace,
  userId: string,
  password: string,
): Promise<UserRow> {
  assertStrongPassword(password);
  const user = getUser(workspace.db, userId);
  await writeUserSlot(
    workspace,
    userId,
    user.username,
    password,
    { action: 'users.enabled', targetType: 'user', targetId: userId },
    (tx) =>
      tx
        .update(usersTable)
        .set({ disabled: false, updatedAt: workspace.now(), updatedBy: workspace.user.id })
        .where(eq(usersTable.id, userId))
        .run(),
    user.role === 'admin' ? workspace.signingKey() : null,
    { role: user.role },
  );
  return toRow(getUser(workspace.db, userId));
}

export async function resetUserPassword(
  workspace: UnlockedWorkspace,
  userId: string,
  password: string,
): Promise<void> {
  assertStrongPassword(password);
  const user = getUser(workspace.db, userId);
  if (user.disabled) throw new AppError('auth.userDisabled', 'The account is disabled');
  await writeUserSlot(
    workspace,
    userId,
    user.username,
    password,
    { action: 'users.passwordReset', targetType: 'user', targetId: userId },
    () => {},
    user.role === 'admin' ? workspace.signingKey() : null,
    { role: user.role },
  );
}
