import { and, eq, like, or } from 'drizzle-orm';
import type { Role } from '../../api/domain/roles';
import { AppError } from '../app-error';
import type { AuditEntry } from '../audit/audit-log';
import type { Executor } from '../db/database-types';
import { auditLogTable, usersTable } from '../db/schema';
import { resealSlot } from './key-slot';
import { revocationProven } from './revocation-proof';
import { sealedRole, sealRole, sealUserSlots, signingPublicKey } from './role-seal';
import {
  pinDetails,
  pinnedSigningKey,
  signingKeyPin,
  signingKeyPinnedAction,
  trustedSigningKeys,
} from './signing-key-pin';
import type { UnlockedWorkspace } from './unlocked-workspace';
import { readHeader, updateHeader, type KeySlot, type WorkspaceHeader } from './workspace-header';

/**
 * Whether this workspace's roles are sealed: the header says so, or the audit chain does (a
 * `users.rolesSealed` record, or a first record made by a version that sealed at creation).
 * The chain is the one an account holder cannot rewrite undetected, so stripping the header's
 * mark does not bring back the older, unsealed way.
 */
export function rolesAreSealed(db: Executor, header: WorkspaceHeader): boolean {
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

/** The account row an unlock reads, the `disabled` flag included (it is checked here). */
export interface AccountRow {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
}

export interface RoleCheck {
  /** The signing key's public half this unlock trusts (pinned, or the slot's own for an admin). */
  publicKey: string;
  /** Every key the workspace has trusted, oldest first (for signatures made before). */
  trustedKeys: string[];
  /** Whether the chain pins the signing key (false: a workspace not yet upgraded). */
  pinned: boolean;
  /** The header's signing public key is not the trusted one: someone swapped it. */
  signingKeyMismatch: boolean;
  sealed: boolean;
  /** The role granted: the proven one. */
  role: Role;
  /** Whether the slot's signing key is the trusted one and goes to the session. */
  signingKeyTrusted: boolean;
  /** Tampering found in the account's row, recorded with the unlock. */
  tampering: AuditEntry[];
}

/** The keys a workspace trusts: from the chain's pin, or (not pinned yet) `fallback`. */
export function trustedKeysOf(db: Executor, header: WorkspaceHeader, fallback: string): string[] {
  const pin = pinnedSigningKey(db, header);
  return pin ? trustedSigningKeys(header, pin) : [fallback];
}

function refuse(
  refused: (entry: AuditEntry) => void,
  slot: KeySlot | undefined,
  role: Role,
  proven: Role | null,
  reason: string,
): never {
  refused({
    action: 'session.roleRefused',
    result: 'failed',
    targetType: 'user',
    targetId: slot?.userId ?? null,
    details: { recordedRole: role, sealedRole: proven, reason },
  });
  throw new AppError(
    'auth.roleUnverified',
    'The account role is not confirmed by an administrator',
    { role, reason },
  );
}

/** Pin records already reported as ignored (each is reported once). */
function reportedPins(db: Executor): Set<number> {
  const reports = db
    .select({ details: auditLogTable.details })
    .from(auditLogTable)
    .where(eq(auditLogTable.action, 'audit.signingKeyPinIgnored'))
    .all();
  const seqs = reports.flatMap((report) => {
    try {
      const records = (JSON.parse(report.details ?? 'null') as { records?: unknown } | null)
        ?.records;
      return Array.isArray(records) ? records.filter((seq) => typeof seq === 'number') : [];
    } catch {
      return [];
    }
  });
  return new Set(seqs);
}

/**
 * Checks the account signing in against its slot, under the signing key the chain pins (an
 * older workspace: the header's, or an administrator's own). An own slot that yields the trusted
 * signing key is an administrator's (only they and the recovery slot are given it), whatever its
 * row or seal now say; a recovery through the slot holding it resets the account as its seal
 * (or, a seal re-signed by someone else, its row) says. A `disabled` flag counts only with a
 * signed revocation (`revocation-proof.ts`) or where nothing vouches for the account; otherwise
 * it is tampering, recorded, and the account signs in.
 * Throws `auth.roleUnverified` (after `refused` has recorded it) when a sealed workspace's row
 * claims a role its seal does not prove, and `auth.userDisabled` for a disabled account.
 */
export function checkRoleOfRecord(
  db: Executor,
  header: WorkspaceHeader,
  slot: KeySlot | undefined,
  row: AccountRow,
  slotSigningKey: Buffer | null,
  via: 'own slot' | 'recovery',
  refused: (entry: AuditEntry) => void,
): RoleCheck {
  const workspaceId = header.workspaceId;
  const sealed = rolesAreSealed(db, header);
  const { publicKey: pin, ignored: ignoredPins } = signingKeyPin(db, header);
  const own = slotSigningKey ? signingPublicKey(slotSigningKey) : null;
  const trustedKeys = pin
    ? trustedSigningKeys(header, pin)
    : [own && row.role === 'admin' ? own : header.auditSigningKey.publicKey];
  const publicKey = trustedKeys[trustedKeys.length - 1]!;
  // The slot yields the key the workspace trusts: an administrator's slot, or the recovery slot.
  const yieldsTrustedKey = own !== null && own === publicKey;
  const holdsKey = via === 'own slot' && pin !== null && yieldsTrustedKey;
  const recoveryProven = via === 'recovery' && yieldsTrustedKey;
  const proven = slot ? sealedRole(workspaceId, publicKey, slot) : null;
  const tampering: AuditEntry[] = [];
  const found = (details: Record<string, unknown>) =>
    tampering.push({
      action: 'users.tamperingFound',
      result: 'failed',
      targetType: 'user',
      targetId: row.id,
      details: { username: row.username, ...details },
    });
  const unreported = ignoredPins.filter((seq) => !reportedPins(db).has(seq));
  if (unreported.length)
    tampering.push({
      action: 'audit.signingKeyPinIgnored',
      result: 'failed',
      targetType: 'workspace',
      targetId: workspaceId,
      details: { records: unreported },
    });
  const sealProblem = () => (slot?.roleSeal ? 'sealInvalid' : 'unsealed');
  // A slot is its account's only with the account's ID and user name (one made with another
  // account's ID and a name of one's own is someone else's way in).
  if (slot && (slot.userId !== row.id || slot.username !== row.username))
    refuse(refused, slot, row.role, null, 'slotMismatch');
  if (row.disabled) {
    const revoked = !slot || revocationProven(db, workspaceId, trustedKeys, slot);
    // Only a seal that says the account is enabled contradicts the flag (an older one does not).
    const vouched =
      holdsKey || recoveryProven || (proven !== null && slot?.roleSeal?.covers === 'active');
    if (revoked || !vouched)
      throw new AppError('auth.userDisabled', 'The account is disabled or unknown');
    found({ disabled: true });
  }
  let role = row.role;
  if (holdsKey) {
    role = 'admin';
    if (row.role !== 'admin') found({ role: row.role });
    else if (sealed && proven !== 'admin') found({ roleSeal: sealProblem() });
  } else if (sealed && slot && proven !== row.role) {
    const reason = !slot.roleSeal ? 'unsealed' : proven === null ? 'sealInvalid' : 'roleDiffers';
    if (!recoveryProven) refuse(refused, slot, row.role, proven, reason);
    // The workspace's own recovery key resets the account as its seal has it, or (a seal
    // someone re-signed) as the table has it: either way the difference is recorded.
    role = proven ?? row.role;
    found(proven ? { role: row.role } : { roleSeal: sealProblem() });
  }
  return {
    publicKey,
    trustedKeys,
    pinned: pin !== null,
    signingKeyMismatch: publicKey !== header.auditSigningKey.publicKey,
    sealed,
    role,
    signingKeyTrusted: role === 'admin' && own !== null && (pin === null || own === publicKey),
    tampering,
  };
}

/** Slots whose seal predates `covers: 'active'`, valid under `publicKey`, of enabled accounts. */
function olderSeals(
  header: WorkspaceHeader,
  publicKey: string,
  enabled: Map<string, string>,
): KeySlot[] {
  return header.slots.filter(
    (slot) =>
      slot.kind === 'user' &&
      slot.roleSeal &&
      slot.roleSeal.covers !== 'active' &&
      enabled.get(slot.userId ?? '') === slot.username &&
      sealedRole(header.workspaceId, publicKey, slot) !== null,
  );
}

/** Rows flagged disabled that a valid seal vouches for and no signed revocation backs. */
function unprovenDisables(
  workspace: UnlockedWorkspace,
  header: WorkspaceHeader,
  check: RoleCheck,
): { id: string; username: string }[] {
  const disabled = workspace.db
    .select({ id: usersTable.id, username: usersTable.username })
    .from(usersTable)
    .where(eq(usersTable.disabled, true))
    .all();
  return disabled.filter((user) => {
    const slot = header.slots.find(
      (one) => one.kind === 'user' && one.userId === user.id && one.username === user.username,
    );
    return (
      slot?.roleSeal?.covers === 'active' &&
      sealedRole(header.workspaceId, check.publicKey, slot) !== null &&
      !revocationProven(workspace.db, header.workspaceId, check.trustedKeys, slot)
    );
  });
}

/**
 * An administrator's unlock seals what is not sealed yet: on an older workspace every account's
 * role as the database holds it now (listed in the record for review), the signing key into the
 * recovery slot (which can reset any account, so holds what an administrator holds), the key
 * itself into the chain (`audit.signingKeyPinned`), and seals of enabled accounts made before
 * they covered the enabled state anew (`users.sealsRenewed`, same roles). Also puts back a
 * swapped header public key, and clears a `disabled` flag that a valid seal contradicts and no
 * signed revocation backs (`users.disabledRestored`). Only with an intact audit chain.
 */
export function sealRolesAtAdminUnlock(workspace: UnlockedWorkspace, check: RoleCheck): void {
  const signingKey = workspace.signingKey();
  if (!signingKey || workspace.user.role !== 'admin' || workspace.auditIntegrity !== 'ok') return;
  const before = readHeader(workspace.dir);
  const users = workspace.db
    .select({ id: usersTable.id, username: usersTable.username, role: usersTable.role })
    .from(usersTable)
    .where(eq(usersTable.disabled, false))
    .all();
  const enabled = new Map(users.map((user) => [user.id, user.username] as const));
  const renew = check.sealed ? olderSeals(before, check.publicKey, enabled) : [];
  const restore = unprovenDisables(workspace, before, check);
  if (check.sealed && !check.signingKeyMismatch && check.pinned && !renew.length && !restore.length)
    return;
  const accounts = new Map(users.map((user) => [user.id, user] as const));
  const renewed = new Set(renew.map((slot) => slot.id));
  const entries: AuditEntry[] = [];
  const ws = { targetType: 'workspace', targetId: workspace.workspaceId };
  if (check.signingKeyMismatch) entries.push({ action: 'audit.signingKeyRestored', ...ws });
  // The pin is signed by the key it names (`signing-key-pin.ts`).
  const pin = check.pinned ? null : pinDetails(workspace.workspaceId, signingKey);
  if (pin) entries.push({ action: signingKeyPinnedAction, ...ws, details: pin });
  if (restore.length)
    entries.push({
      action: 'users.disabledRestored',
      result: 'failed',
      ...ws,
      details: { users: restore.map((user) => user.username) },
    });
  if (renew.length)
    entries.push({
      action: 'users.sealsRenewed',
      ...ws,
      details: { users: renew.map((slot) => slot.username) },
    });
  if (!check.sealed)
    entries.push({
      action: 'users.rolesSealed',
      ...ws,
      details: { users: users.map((user) => ({ username: user.username, role: user.role })) },
    });
  workspace.write((tx) => {
    for (const user of restore)
      tx.update(usersTable)
        .set({ disabled: false, updatedAt: workspace.now(), updatedBy: workspace.user.id })
        .where(eq(usersTable.id, user.id))
        .run();
    updateHeader(workspace.dir, (header) => {
      const slots = check.sealed
        ? header.slots.map((slot) =>
            renewed.has(slot.id) && slot.roleSeal
              ? {
                  ...slot,
                  roleSeal: sealRole(header.workspaceId, signingKey, slot, slot.roleSeal.role),
                }
              : slot,
          )
        : sealUserSlots(header.workspaceId, signingKey, header.slots, accounts);
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
  }, entries);
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

/**
 * The user slots a key rotation must not carry over: those not proven to be their account's own
 * (sealed by the trusted key, on a sealed workspace), those whose user name is not the account's
 * (or whose account is gone), and any second slot of one account. A slot an account holder made
 * with another account's ID would otherwise be re-wrapped with the new key and sealed as that
 * account.
 */
export function unprovenSlots(db: Executor, header: WorkspaceHeader, publicKey: string): KeySlot[] {
  const usernames = new Map(
    db
      .select({ id: usersTable.id, username: usersTable.username })
      .from(usersTable)
      .all()
      .map((user) => [user.id, user.username] as const),
  );
  const sealed = rolesAreSealed(db, header);
  const kept = new Set<string>();
  return header.slots.filter((slot) => {
    if (slot.kind !== 'user') return false;
    const proven =
      slot.userId !== null &&
      !kept.has(slot.userId) &&
      usernames.get(slot.userId) === slot.username &&
      (!sealed || sealedRole(header.workspaceId, publicKey, slot) !== null);
    if (proven) kept.add(slot.userId!);
    return !proven;
  });
}
