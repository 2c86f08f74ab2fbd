import crypto from 'node:crypto';
import type { Role } from '../../api/domain/roles';
import type { KeySlot, RoleSeal } from './workspace-header';

/**
 * The role of record, sealed. Every account holder can obtain the data key, so the `users` row
 * alone proves nothing: an administrator signs each account's role with the audit signing key
 * (which only administrators' and the recovery slot hold), bound to the workspace, the account,
 * its user name and its slot's public key, so that a seal cannot be moved to another account or
 * to a slot someone else made for it. The seal lives in the slot, in the header.
 */
function sealText(
  workspaceId: string,
  slot: Pick<KeySlot, 'userId' | 'username' | 'publicKey'>,
  role: Role,
): Buffer {
  return Buffer.from(
    `quanlian-role-v1|${workspaceId}|${slot.userId ?? ''}|${slot.username ?? ''}|${role}|${slot.publicKey}`,
  );
}

export function sealRole(
  workspaceId: string,
  signingKey: Buffer,
  slot: Pick<KeySlot, 'userId' | 'username' | 'publicKey'>,
  role: Role,
): RoleSeal {
  const key = crypto.createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' });
  return {
    role,
    signature: crypto.sign(null, sealText(workspaceId, slot, role), key).toString('base64'),
  };
}

/** The role a slot's seal proves under the workspace's signing public key, or null. */
export function sealedRole(workspaceId: string, publicKey: string, slot: KeySlot): Role | null {
  const seal = slot.roleSeal;
  if (!seal) return null;
  try {
    const key = crypto.createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    const valid = crypto.verify(
      null,
      sealText(workspaceId, slot, seal.role),
      key,
      Buffer.from(seal.signature, 'base64'),
    );
    return valid ? seal.role : null;
  } catch {
    return null;
  }
}

/** The public half (SPKI DER, base64) of a signing key, as the header names it. */
export function signingPublicKey(signingKey: Buffer): string | null {
  try {
    const key = crypto.createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' });
    return crypto.createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
  } catch {
    return null;
  }
}

/** Every user slot sealed anew with `roles` (by user ID); slots of unknown users are left. */
export function sealUserSlots(
  workspaceId: string,
  signingKey: Buffer,
  slots: KeySlot[],
  roles: Map<string, Role>,
): KeySlot[] {
  return slots.map((slot) => {
    const role = slot.kind === 'user' ? roles.get(slot.userId ?? '') : undefined;
    return role ? { ...slot, roleSeal: sealRole(workspaceId, signingKey, slot, role) } : slot;
  });
}
