import { and, asc, eq, ne } from 'drizzle-orm';
import type { Role } from '../../api/domain/roles';
import type { UserRow } from '../../api/schemas/user-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { usersTable, type UserRecord } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import {
  assertStrongPassword,
  normaliseUsername,
  removeUserSlot,
  writeUserSlot,
} from '../vault/workspace-vault';

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
  );
  return toRow(record);
}

export function setUserRole(workspace: UnlockedWorkspace, userId: string, role: Role): UserRow {
  return workspace.write(
    (tx) => {
      const user = getUser(tx, userId);
      if (user.role === 'admin' && role !== 'admin') assertOtherAdminRemains(tx, userId);
      tx.update(usersTable)
        .set({ role, updatedAt: workspace.now(), updatedBy: workspace.user.id })
        .where(eq(usersTable.id, userId))
        .run();
      return toRow(getUser(tx, userId));
    },
    { action: 'users.roleChanged', targetType: 'user', targetId: userId, details: { role } },
  );
}

/** Disables an account and removes its key slot, so its password no longer opens anything. */
export function disableUser(workspace: UnlockedWorkspace, userId: string): UserRow {
  return workspace.write(
    (tx) => {
      getUser(tx, userId);
      assertOtherAdminRemainsIfAdmin(tx, userId);
      tx.update(usersTable)
        .set({ disabled: true, updatedAt: workspace.now(), updatedBy: workspace.user.id })
        .where(eq(usersTable.id, userId))
        .run();
      removeUserSlot(workspace.dir, userId);
      return toRow(getUser(tx, userId));
    },
    { action: 'users.disabled', targetType: 'user', targetId: userId },
  );
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
  await writeUserSlot(workspace, userId, user.username, password, {
    action: 'users.passwordReset',
    targetType: 'user',
    targetId: userId,
  });
}
