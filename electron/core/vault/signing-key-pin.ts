import crypto from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';
import { sealedRole, signingPublicKey, verifiesUnder } from './role-seal';
import type { SigningKeyLink, WorkspaceHeader } from './workspace-header';

/**
 * Which audit signing key a workspace trusts is not the header's to say: any account holder can
 * write a public key of their own there and sign roles with it. The key is pinned in the audit
 * chain (its first record names it, or, for a workspace made before, the `audit.signingKeyPinned`
 * record of its first administrator's unlock since, signed by that key, which must be the one
 * that sealed the administrators' roles), which the outside head keeps an account
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

function pinText(workspaceId: string, publicKey: string): Buffer {
  return Buffer.from(`quanlian-signing-key-pin-v1|${workspaceId}|${publicKey}`);
}

/** The details of a pin record: the key, and its own signature over the pin. */
export function pinDetails(
  workspaceId: string,
  signingKey: Buffer,
): { publicKey: string; signature: string } | null {
  const publicKey = signingPublicKey(signingKey);
  if (!publicKey) return null;
  const key = crypto.createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' });
  const signature = crypto.sign(null, pinText(workspaceId, publicKey), key).toString('base64');
  return { publicKey, signature };
}

/**
 * Whether the keys reached from a pinned key seal the workspace's administrators: the first
 * administrator's slot (the chain's first record names the account), or where that slot is gone
 * any slot sealed as an administrator's. An account holder can write a pin naming a key of his
 * own, and seal his own slot with it, but not the seals the real key made.
 */
function sealsAdministrators(db: Executor, header: WorkspaceHeader, keys: string[]): boolean {
  const creator = db
    .select({ userId: auditLogTable.userId })
    .from(auditLogTable)
    .where(eq(auditLogTable.seq, 1))
    .get()?.userId;
  const admins = header.slots.filter(
    (slot) => slot.kind === 'user' && slot.roleSeal?.role === 'admin',
  );
  const first = admins.filter((slot) => slot.userId === creator);
  return (first.length ? first : admins).some((slot) =>
    keys.some((key) => sealedRole(header.workspaceId, key, slot) === 'admin'),
  );
}

interface SigningKeyPin {
  /** The pinned key, or null for a workspace not pinned yet. */
  publicKey: string | null;
  /** Pin records not counted (no signature by their key, or the key seals no administrator). */
  ignored: number[];
}

/**
 * The signing public key pinned in the chain: the first record's for a workspace made with one,
 * else the first `audit.signingKeyPinned` record signed by the key it names whose keys seal the
 * administrators; the pins before it that do not are ignored.
 */
export function signingKeyPin(db: Executor, header: WorkspaceHeader): SigningKeyPin {
  const first = db
    .select({ action: auditLogTable.action, details: auditLogTable.details })
    .from(auditLogTable)
    .where(eq(auditLogTable.seq, 1))
    .get();
  const created =
    first?.action === 'workspace.created' ? detailOf(first.details, 'signingKey') : null;
  if (created) return { publicKey: created, ignored: [] };
  const pins = db
    .select({ seq: auditLogTable.seq, details: auditLogTable.details })
    .from(auditLogTable)
    .where(eq(auditLogTable.action, signingKeyPinnedAction))
    .orderBy(asc(auditLogTable.seq))
    .all();
  const ignored: number[] = [];
  for (const pin of pins) {
    const publicKey = detailOf(pin.details, 'publicKey');
    const signature = detailOf(pin.details, 'signature');
    const valid =
      publicKey !== null &&
      signature !== null &&
      verifiesUnder(publicKey, pinText(header.workspaceId, publicKey), signature) &&
      sealsAdministrators(db, header, trustedSigningKeys(header, publicKey));
    if (valid) return { publicKey, ignored };
    ignored.push(pin.seq);
  }
  return { publicKey: null, ignored };
}

/** The signing public key pinned in the chain, or null for a workspace not pinned yet. */
export function pinnedSigningKey(db: Executor, header: WorkspaceHeader): string | null {
  return signingKeyPin(db, header).publicKey;
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
