import fs from 'node:fs';
import * as z from 'zod';
import { roles } from '../../api/domain/roles';
import { AppError } from '../app-error';
import { writeFileAtomic } from '../durable-file';
import { headerPath } from './workspace-files';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The shape only: the bounds are checked where a key is derived (`assertKdfWithinBounds`). */
const kdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().min(1),
  iterations: z.number().int().min(1),
  parallelism: z.number().int().min(1),
  salt: base64,
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

const wrappedKeySchema = z.object({ iv: base64, ciphertext: base64, tag: base64 });
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

/** A secret sealed to a slot's X25519 public key (ephemeral key + AES-256-GCM). */
const sealedKeySchema = wrappedKeySchema.extend({ ephemeral: base64 });
export type SealedKey = z.infer<typeof sealedKeySchema>;

/**
 * One way in: an X25519 key pair whose private key is wrapped by the owner's password (or the
 * recovery key) through Argon2id, and the workspace secrets sealed to its public key. Sealing
 * needs no password, so rotating the data key re-wraps every remaining slot.
 */
/** An account's role signed by an administrator (`role-seal.ts`); absent in older headers. */
const roleSealSchema = z.object({
  role: z.enum(roles),
  /** 'active': the seal also says the account is enabled; absent in seals made before. */
  covers: z.literal('active').optional(),
  signature: base64,
});
export type RoleSeal = z.infer<typeof roleSealSchema>;

const keySlotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  /** Set for user slots; the account row in the database holds the role, `roleSeal` proves it. */
  userId: z.string().nullable(),
  username: z.string().nullable(),
  kdf: kdfParamsSchema,
  publicKey: base64,
  privateKey: wrappedKeySchema,
  dataKey: sealedKeySchema,
  /** The audit signing key, in administrators' slots only. */
  signingKey: sealedKeySchema.nullable(),
  roleSeal: roleSealSchema.nullable().optional(),
  /**
   * The account's author key (`audit-author.ts`): its public half, and its private half wrapped
   * under the slot's own private key, so only the slot's password opens it (and no one can
   * plant one: the wrap cannot be made without that key). Absent in older headers.
   */
  authorKey: z.object({ publicKey: base64, privateKey: wrappedKeySchema }).nullable().optional(),
  updatedAt: z.string(),
});
export type KeySlot = z.infer<typeof keySlotSchema>;

const lockoutSchema = z.object({
  /** Consecutive failed unlocks since the last success. */
  failures: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
  /** Failed attempts not yet in the audit log (it is encrypted: written at the next unlock). */
  pending: z.array(z.object({ at: z.string(), username: z.string() })),
});
export type LockoutState = z.infer<typeof lockoutSchema>;

/**
 * The latest audit record's count and hash. Not keyed: every account holds the data key, so a
 * MAC with it proved nothing. The copy outside the workspace (`audit-head-store.ts`) and the
 * administrators' signed head are what an account holder cannot rewrite.
 */
const auditAnchorSchema = z.object({
  count: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

const signingKeyLinkSchema = z.object({ from: base64, to: base64, signature: base64 });
export type SigningKeyLink = z.infer<typeof signingKeyLinkSchema>;

export const workspaceHeaderSchema = z.object({
  format: z.literal('quanlian-workspace'),
  version: z.literal(2),
  workspaceId: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  cipher: z.literal('sqlcipher4-rawkey'),
  slots: z.array(keySlotSchema).min(1),
  lockout: lockoutSchema,
  auditAnchor: auditAnchorSchema.nullable(),
  /** Ed25519 public key (SPKI DER) of the administrators' audit signing key. */
  auditSigningKey: z.object({ publicKey: base64, createdAt: z.string() }),
  /** When the data key was last replaced (disable, demotion, rotate-key), if ever. */
  keyRotatedAt: z.string().nullable(),
  /**
   * When an administrator first sealed every role. From then on a role without a valid seal is
   * not granted; before it (an older workspace) the row's role is taken as it was. Removing it
   * changes nothing: the `users.rolesSealed` record in the audit chain says the same.
   */
  rolesSealedAt: z.string().nullable().optional(),
  /**
   * Each replacement of the signing key, signed by the key it replaced (`signing-key-pin.ts`):
   * how a key pinned in the audit chain leads to the header's. Absent in older headers.
   */
  signingKeyLinks: z.array(signingKeyLinkSchema).max(4096).optional(),
});
export type WorkspaceHeader = z.infer<typeof workspaceHeaderSchema>;

export function readHeader(dir: string): WorkspaceHeader {
  let raw: string;
  try {
    raw = fs.readFileSync(headerPath(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('workspace.headerMissing', 'The workspace header file is missing');
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('workspace.headerInvalid', 'The workspace header is not valid JSON');
  }
  const parsed = workspaceHeaderSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('workspace.headerInvalid', 'The workspace header has an unknown format');
  }
  return parsed.data;
}

export function writeHeader(dir: string, header: WorkspaceHeader): void {
  writeFileAtomic(headerPath(dir), `${JSON.stringify(header, null, 2)}\n`);
}

/** Reads, changes and atomically rewrites the header. */
export function updateHeader(
  dir: string,
  change: (header: WorkspaceHeader) => WorkspaceHeader,
): WorkspaceHeader {
  const next = change(readHeader(dir));
  writeHeader(dir, next);
  return next;
}
