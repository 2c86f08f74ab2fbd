import crypto from 'node:crypto';
import type { Role } from '../../api/domain/roles';
import type { KeySlot, RoleSeal } from './workspace-header';

/**
 * The role of record, sealed. Every account holder can obtain the data key, so the `users` row
 * alone proves nothing: an administrator signs each account's role with the audit signing key
 * (which only administrators' and the recovery slot hold), bound to the workspace, the account,
 * its user name and its slot's public key, so that a seal cannot be moved to another account or
 * to a slot someone else made for it. The seal lives in the slot, in the header. A seal made by
 * this version also says the account is enabled (`covers: 'active'`): the `disabled` flag in the
 * table is then no more trusted than the role (an older seal covers the role only).
 */
function sealText(
  workspaceId: string,
  slot: Pick<KeySlot, 'userId' | 'username' | 'publicKey'>,
  role: Role,
  coversActive: boolean,
): Buffer {
  const who = `${workspaceId}|${slot.userId ?? ''}|${slot.username ?? ''}|${role}`;
  return Buffer.from(
    coversActive
      ? `quanlian-role-v2|${who}|active|${slot.publicKey}`
      : `quanlian-role-v1|${who}|${slot.publicKey}`,
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
    covers: 'active',
    signature: crypto.sign(null, sealText(workspaceId, slot, role, true), key).toString('base64'),
  };
}

/** Whether `signature` over `text` verifies under a public key (SPKI DER, base64). */
export function verifiesUnder(publicKey: string, text: Buffer, signature: string): boolean {
  try {
    const key = crypto.createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return crypto.verify(null, text, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The role a slot's seal proves under the workspace's signing public key, or null. */
export function sealedRole(workspaceId: string, publicKey: string, slot: KeySlot): Role | null {
  const seal = slot.roleSeal;
  if (!seal) return null;
  const text = sealText(workspaceId, slot, seal.role, seal.covers === 'active');
  return verifiesUnder(publicKey, text, seal.signature) ? seal.role : null;
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

/**
 * Every user slot sealed anew with its account's role (by user ID), where the slot's user name is
 * the account's: a slot someone made with another account's ID and a name of their own is not
 * sealed as that account. Other slots are left as they are.
 */
export function sealUserSlots(
  workspaceId: string,
  signingKey: Buffer,
  slots: KeySlot[],
  accounts: Map<string, { role: Role; username: string }>,
): KeySlot[] {
  return slots.map((slot) => {
    const account = slot.kind === 'user' ? accounts.get(slot.userId ?? '') : undefined;
    return account && account.username === slot.username
      ? { ...slot, roleSeal: sealRole(workspaceId, signingKey, slot, account.role) }
      : slot;
  });
}
