import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../durable-file';
import type { AuditAnchor } from '../vault/workspace-header';

/**
 * The audit head: how long the chain is and the hash of its last record. It is kept in three
 * places that an account holder cannot all rewrite: the workspace header (a plain copy, which
 * anyone with file access can edit), a monotonic copy in the OS user's app data outside the
 * workspace, and heads signed with the administrators' key (exported, printed, put into every
 * backup and case package).
 */
export interface AuditHead {
  workspaceId: string;
  count: number;
  hash: string;
}

export function anchorOf(record: { seq: number; hash: string }): AuditAnchor {
  return { count: record.seq, hash: record.hash };
}

const outsideHeadSchema = z.object({
  workspaceId: z.string(),
  count: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  updatedAt: z.string(),
  /**
   * The records up to this number have had their authors checked (at an unlock, or at a lock
   * for the records a session did not write itself): the next unlock's check starts after it.
   */
  checkedUpTo: z.number().int().min(0).optional(),
});
export type OutsideHead = z.infer<typeof outsideHeadSchema>;

function outsideFile(anchorDir: string, workspaceId: string): string {
  // Workspace IDs are UUIDv7/ULID strings; anything else is hashed into a safe file name.
  const name = /^[0-9A-Za-z-]{10,64}$/.test(workspaceId)
    ? workspaceId
    : crypto.createHash('sha256').update(workspaceId).digest('hex');
  return path.join(anchorDir, `${name}.json`);
}

/**
 * The copy of a workspace's audit head outside the workspace, or null when this machine has
 * none. An unreadable copy counts as present and broken (count -1): it was there and changed.
 */
export function readOutsideHead(anchorDirs: AnchorDirs, workspaceId: string): OutsideHead | null {
  // Of several copies (the folder the app was told to use and the OS account's own), an
  // unreadable one first, else the furthest along: each must still be on the chain.
  let furthest: OutsideHead | null = null;
  for (const anchorDir of dirsOf(anchorDirs)) {
    const head = readOneHead(anchorDir, workspaceId);
    if (head && head.count < 0) return head;
    if (head && (!furthest || head.count > furthest.count)) furthest = head;
  }
  return furthest;
}

/** One folder, or several that each keep a copy. */
export type AnchorDirs = string | readonly string[];

function dirsOf(anchorDirs: AnchorDirs): readonly string[] {
  return typeof anchorDirs === 'string' ? [anchorDirs] : anchorDirs;
}

function readOneHead(anchorDir: string, workspaceId: string): OutsideHead | null {
  const file = outsideFile(anchorDir, workspaceId);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = outsideHeadSchema.safeParse(safeJson(raw));
  if (!parsed.success || parsed.data.workspaceId !== workspaceId)
    return { workspaceId, count: -1, hash: '0'.repeat(64), updatedAt: '' };
  return parsed.data;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/**
 * Moves the outside copy forward, and only along the chain it names: `holds` says whether the
 * chain still has the copy's record (its count, with its hash). A head with fewer records than
 * the copy (a rolled-back workspace or a cut-off tail), a chain that no longer holds the copy's
 * record (a tail cut and written over) and an unreadable copy are not written over: the copy is
 * the evidence, which the next unlock reports.
 */
export function writeOutsideHead(
  anchorDirs: AnchorDirs,
  head: AuditHead & { checkedUpTo?: number },
  now: string,
  holds: (anchor: AuditAnchor) => boolean,
): void {
  for (const anchorDir of dirsOf(anchorDirs)) {
    const current = readOneHead(anchorDir, head.workspaceId);
    if (current && (current.count < 0 || current.count > head.count)) continue;
    if (current && current.count > 0 && !holds(current)) continue;
    fs.mkdirSync(anchorDir, { recursive: true, mode: 0o700 });
    // Where the authors were checked up to stays as it was unless this head says.
    const checkedUpTo = head.checkedUpTo ?? current?.checkedUpTo;
    writeFileAtomic(
      outsideFile(anchorDir, head.workspaceId),
      `${JSON.stringify({ ...head, checkedUpTo, updatedAt: now })}\n`,
    );
  }
}

export type AnchorProblem = 'anchorMissing' | 'truncated' | 'forked';

/**
 * Compares the chain in the database with the header's anchor and the outside copy. The record
 * each one names must still be there with the same hash: fewer records is a cut-off tail or an
 * older database put back ('truncated'); another hash is a rewritten chain ('forked'); no
 * header anchor on a chain longer than its first record is a removed anchor ('anchorMissing').
 */
export function checkAuditHead(
  recordAt: (seq: number) => { hash: string } | undefined,
  chainLength: number,
  headerAnchor: AuditAnchor | null,
  outside: OutsideHead | null,
): AnchorProblem | null {
  if (!headerAnchor && chainLength > 1) return 'anchorMissing';
  for (const anchor of [headerAnchor, outside]) {
    if (!anchor) continue;
    if (anchor.count < 0) return 'forked';
    if (anchor.count === 0) continue;
    if (chainLength < anchor.count) return 'truncated';
    if (recordAt(anchor.count)?.hash !== anchor.hash) return 'forked';
  }
  return null;
}

/** A fresh Ed25519 key pair for signing audit heads; the private key as PKCS#8 DER. */
export function newAuditSigningKey(): { privateKey: Buffer; publicKey: string } {
  const pair = crypto.generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

export interface SignedAuditHead extends AuditHead {
  signedAt: string;
  signedBy: string;
  /** The signing key's public half (SPKI DER, base64), as in the workspace header. */
  publicKey: string;
  signature: string;
}

function signedText(head: Omit<SignedAuditHead, 'signature'>): Buffer {
  return Buffer.from(
    `quanlian-audit-head-v1|${head.workspaceId}|${head.count}|${head.hash}|${head.signedAt}|${head.signedBy}|${head.publicKey}`,
  );
}

export function signAuditHead(
  signingKey: Buffer,
  publicKey: string,
  head: AuditHead,
  signedAt: string,
  signedBy: string,
): SignedAuditHead {
  const unsigned = { ...head, signedAt, signedBy, publicKey };
  const key = crypto.createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' });
  return {
    ...unsigned,
    signature: crypto.sign(null, signedText(unsigned), key).toString('base64'),
  };
}

/** Whether a signed head was signed by the key whose public half is `publicKey`. */
export function isValidSignedHead(head: SignedAuditHead, publicKey: string): boolean {
  if (head.publicKey !== publicKey) return false;
  try {
    const key = crypto.createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return crypto.verify(null, signedText(head), key, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Puts the outside copy back to a restored backup's head. Only a restore does this, after an
 * administrator of the workspace signed in; the restore's own record keeps the replaced head.
 */
export function resetOutsideHead(anchorDirs: AnchorDirs, head: AuditHead, now: string): void {
  for (const anchorDir of dirsOf(anchorDirs)) {
    fs.mkdirSync(anchorDir, { recursive: true, mode: 0o700 });
    writeFileAtomic(
      outsideFile(anchorDir, head.workspaceId),
      `${JSON.stringify({ ...head, updatedAt: now })}\n`,
    );
  }
}
