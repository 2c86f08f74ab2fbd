import crypto from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';
import { signingPublicKey, verifiesUnder } from './role-seal';
import type { SigningKeyLink, WorkspaceHeader } from './workspace-header';

/**
 * Which audit signing key a workspace trusts is not the header's to say: any account holder can
 * write a public key of their own there and sign roles with it. The key is pinned in the audit
 * chain (its first record names it, or, for a workspace made before, the `audit.signingKeyPinned`
 * record of its first administrator's unlock since), which the outside head keeps an account
 * holder from rewriting unseen; every later key is reached from it through links in the header,
 * each signed by the key it replaced, which no one without that key can make.
 */
export const signingKeyPinnedAction = 'audit.signingKeyPinned';

function detailOf(details: string | null, field: string): string | null {
  try {
    const value = (JSON.parse(details ?? 'null') as Record<string, unknown> | null)?.[field];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The signing public key pinned in the chain, or null for a workspace not pinned yet. */
export function pinnedSigningKey(db: Executor): string | null {
  const first = db
    .select({ action: auditLogTable.action, details: auditLogTable.details })
    .from(auditLogTable)
    .where(eq(auditLogTable.seq, 1))
    .get();
  const created =
    first?.action === 'workspace.created' ? detailOf(first.details, 'signingKey') : null;
  if (created) return created;
  const pinned = db
    .select({ details: auditLogTable.details })
    .from(auditLogTable)
    .where(eq(auditLogTable.action, signingKeyPinnedAction))
    .orderBy(asc(auditLogTable.seq))
    .limit(1)
    .get();
  return pinned ? detailOf(pinned.details, 'publicKey') : null;
}

function linkText(workspaceId: string, from: string, to: string): Buffer {
  return Buffer.from(`quanlian-signing-key-v1|${workspaceId}|${from}|${to}`);
}

/** The link from the present signing key to its successor, signed by the present one. */
export function linkSigningKey(
  workspaceId: string,
  present: Buffer,
  successor: string,
): SigningKeyLink | null {
  const from = signingPublicKey(present);
  if (!from) return null;
  const key = crypto.createPrivateKey({ key: present, format: 'der', type: 'pkcs8' });
  const signature = crypto.sign(null, linkText(workspaceId, from, successor), key);
  return { from, to: successor, signature: signature.toString('base64') };
}

/**
 * The keys the workspace has trusted, oldest first: the pinned key, then each successor a valid
 * link names (the first valid link out of a key wins, so a second link signed later with an
 * old key leads nowhere). The last is the one trusted now.
 */
export function trustedSigningKeys(header: WorkspaceHeader, pin: string): string[] {
  const keys = [pin];
  const links = header.signingKeyLinks ?? [];
  for (let current = pin; ;) {
    const next = links.find(
      (link) =>
        link.from === current &&
        !keys.includes(link.to) &&
        verifiesUnder(current, linkText(header.workspaceId, link.from, link.to), link.signature),
    );
    if (!next) return keys;
    keys.push(next.to);
    current = next.to;
  }
}
