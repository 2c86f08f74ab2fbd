import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';
import { verifiesUnder } from './role-seal';
import type { KeySlot } from './workspace-header';

/**
 * A revocation signed by an administrator: the `disabled` flag in the table is a bit any
 * account holder can set with the data key, so disabling an account also signs, with the audit
 * signing key, the account and the public key of the slot it loses, into the `users.disabled`
 * record. Only a flag with such a signature drops a slot or refuses a sign-in; the slot's key
 * makes it worthless for a later slot of the same account (after it is enabled again).
 */
function revocationText(workspaceId: string, slot: Pick<KeySlot, 'userId' | 'publicKey'>): Buffer {
  return Buffer.from(`quanlian-revoke-v1|${workspaceId}|${slot.userId ?? ''}|${slot.publicKey}`);
}

export function signRevocation(
  workspaceId: string,
  signingKey: Buffer,
  slot: Pick<KeySlot, 'userId' | 'publicKey'>,
): string {
  const key = crypto.createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' });
  return crypto.sign(null, revocationText(workspaceId, slot), key).toString('base64');
}

/** Whether a `users.disabled` record revokes this slot, signed by one of `publicKeys`. */
export function revocationProven(
  db: Executor,
  workspaceId: string,
  publicKeys: readonly string[],
  slot: KeySlot,
): boolean {
  const records = db
    .select({ details: auditLogTable.details })
    .from(auditLogTable)
    .where(
      and(
        eq(auditLogTable.action, 'users.disabled'),
        eq(auditLogTable.targetId, slot.userId ?? ''),
      ),
    )
    .all();
  const text = revocationText(workspaceId, slot);
  return records.some((record) => {
    let signature: unknown;
    try {
      signature = (JSON.parse(record.details ?? 'null') as { revocation?: unknown } | null)
        ?.revocation;
    } catch {
      return false;
    }
    return (
      typeof signature === 'string' &&
      publicKeys.some((publicKey) => verifiesUnder(publicKey, text, signature))
    );
  });
}
