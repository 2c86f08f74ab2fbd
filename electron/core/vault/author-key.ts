import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { authorPublicKey, sealAuthorKey } from '../audit/audit-author';
import type { Executor } from '../db/database-types';
import { usersTable } from '../db/schema';

/** A new author key for an account (Ed25519): signs that account's audit records. */
export function newAuthorKey(): crypto.KeyObject {
  return crypto.generateKeyPairSync('ed25519').privateKey;
}

/**
 * What the record of the action that made an account's author key says of it
 * (`audit-author.ts`): the public key, sealed by the administrators' signing key where the
 * session holds one (without it, only an account's own first key counts).
 */
export function authorKeyDetails(
  workspaceId: string,
  userId: string,
  key: crypto.KeyObject,
  signingKey: Buffer | null,
): { authorKey: string; authorSeal: string | null } {
  const publicKey = authorPublicKey(key);
  return {
    authorKey: publicKey,
    authorSeal: signingKey ? sealAuthorKey(workspaceId, signingKey, userId, publicKey) : null,
  };
}

/** The account's author key in the users table, in the transaction of the record above. */
export function recordAuthorKey(tx: Executor, userId: string, publicKey: string): void {
  tx.update(usersTable).set({ authorKey: publicKey }).where(eq(usersTable.id, userId)).run();
}
