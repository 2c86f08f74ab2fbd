import { and, eq, like, or } from 'drizzle-orm';
import type { Role } from '../../api/domain/roles';
import { AppError } from '../app-error';
import type { AuditEntry } from '../audit/audit-log';
import type { Executor } from '../db/database-types';
import { auditLogTable, usersTable } from '../db/schema';
import { resealSlot } from './key-slot';
import { sealedRole, sealUserSlots, signingPublicKey } from './role-seal';
import type { UnlockedWorkspace } from './unlocked-workspace';
import { updateHeader, type KeySlot, type WorkspaceHeader } from './workspace-header';

/**
 * Whether this workspace's roles are sealed: the header says so, or the audit chain does (a
 * `users.rolesSealed` record, or a first record made by a version that sealed at creation).
 * The chain is the one an account holder cannot rewrite undetected, so stripping the header's
 * mark does not bring back the older, unsealed way.
 */
function rolesAreSealed(db: Executor, header: WorkspaceHeader): boolean {
  if (header.rolesSealedAt) return true;
  const record = db
    .select({ seq: auditLogTable.seq })
    .from(auditLogTable)
    .where(
      or(
        eq(auditLogTable.action, 'users.rolesSealed'),
        and(
          eq(auditLogTable.seq, 1),
          eq(auditLogTable.action, 'workspace.created'),
          like(auditLogTable.details, '%"rolesSealed":true%'),
        ),
      ),
    )
    .limit(1)
    .get();
  return Boolean(record);
}

export interface RoleCheck {
  /** The signing key's public half this unlock trusts (the slot's own key, for an admin). */
  publicKey: string;
  /** The header's signing public key differs from the signing key in this admin's slot. */
  signingKeyMismatch: boolean;
  sealed: boolean;
}

/**
 * Checks the role of record of the account signing in against its slot's seal. An
 * administrator's slot holds the signing key itself: when the header names another public key,
 * someone swapped it (to sign roles of their own) and the slot's key is the one trusted.
 * Throws `auth.roleUnverified` (after `refused` has recorded it) when a sealed workspace's row
 * claims a role its seal does not prove.
 */
export function checkRoleOfRecord(
  db: Executor,
  header: WorkspaceHeader,
  slot: KeySlot | undefined,
  role: Role,
  signingKey: Buffer | null,
  refused: (entry: AuditEntry) => void,
): RoleCheck {
  const own = signingKey ? signingPublicKey(signingKey) : null;
  const publicKey = own ?? header.auditSigningKey.publicKey;
  const check = {
    publicKey,
    signingKeyMismatch: own !== null && own !== header.auditSigningKey.publicKey,
    sealed: rolesAreSealed(db, header),
  };
  if (!check.sealed || !slot) return check;
  const proven = sealedRole(header.workspaceId, publicKey, slot);
  if (proven === role) return check;
  const reason = !slot.roleSeal ? 'unsealed' : proven === null ? 'sealInvalid' : 'roleDiffers';
  refused({
    action: 'session.roleRefused',
    result: 'failed',
    targetType: 'user',
    targetId: slot.userId,
    details: { recordedRole: role, sealedRole: proven, reason },
  });
  throw new AppError(
    'auth.roleUnverified',
    'The account role is not confirmed by an administrator',
    { role, reason },
  );
}

/**
 * An administrator's unlock seals what is not sealed yet: on an older workspace every account's
 * role as the database holds it now (listed in the record for review), and the signing key into
 * the recovery slot (which can reset any account, so holds what an administrator holds). Also
 * puts back a swapped header public key. Only with an intact audit chain.
 */
export function sealRolesAtAdminUnlock(workspace: UnlockedWorkspace, check: RoleCheck): void {
  const signingKey = workspace.signingKey();
  if (!signingKey || workspace.user.role !== 'admin' || workspace.auditIntegrity !== 'ok') return;
  if (check.sealed && !check.signingKeyMismatch) return;
  const users = workspace.db
    .select({ id: usersTable.id, username: usersTable.username, role: usersTable.role })
    .from(usersTable)
    .where(eq(usersTable.disabled, false))
    .all();
  const roles = new Map(users.map((user) => [user.id, user.role] as const));
  workspace.write(
    () => {
      updateHeader(workspace.dir, (header) => {
        const slots = check.sealed
          ? header.slots
          : sealUserSlots(header.workspaceId, signingKey, header.slots, roles);
        return {
          ...header,
          slots: slots.map((slot) =>
            slot.kind === 'recovery' && !slot.signingKey
              ? resealSlot(
                  header.workspaceId,
                  slot,
                  { dataKey: workspace.dataKey(), signingKey },
                  workspace.now(),
                )
              : slot,
          ),
          auditSigningKey: check.signingKeyMismatch
            ? { publicKey: check.publicKey, createdAt: workspace.now() }
            : header.auditSigningKey,
          rolesSealedAt: header.rolesSealedAt ?? workspace.now(),
        };
      });
    },
    check.sealed
      ? {
          action: 'audit.signingKeyRestored',
          targetType: 'workspace',
          targetId: workspace.workspaceId,
        }
      : {
          action: 'users.rolesSealed',
          targetType: 'workspace',
          targetId: workspace.workspaceId,
          details: { users: users.map((user) => ({ username: user.username, role: user.role })) },
        },
  );
}

/** The audit record of a swapped header public key, written at the admin's unlock. */
export function signingKeyMismatchEntry(header: WorkspaceHeader): AuditEntry {
  return {
    action: 'audit.signingKeyMismatch',
    result: 'failed',
    targetType: 'workspace',
    targetId: header.workspaceId,
    details: { headerPublicKey: header.auditSigningKey.publicKey.slice(-16) },
  };
}
