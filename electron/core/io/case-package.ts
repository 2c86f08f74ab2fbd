import crypto from 'node:crypto';
import zlib from 'node:zlib';
import * as z from 'zod';
import { AppError } from '../app-error';
import { defaultKdf, deriveSlotKey } from '../vault/key-slot';
import type { KdfCost } from '../vault/vault-env';
import type { CaseSnapshot } from './case-snapshot';
import { assertWithinRowLimits } from './package-limits';
import {
  describeSnapshotProblem,
  findInconsistency,
  packageSnapshotSchema,
} from './package-snapshot-schema';

/**
 * The case package (协查包): a case or a set of entities for another unit's workspace, sealed
 * with a passphrase agreed out of band. Layout: "QLPKG" 0x01, header length (u32 BE), header
 * JSON (Argon2id parameters and salt, GCM nonce, key check), then AES-256-GCM of the gzipped
 * snapshot with its 16-byte tag; the magic and header are authenticated as AAD, so changing
 * any byte, or cutting the file short, is refused.
 */
const magic = Buffer.from([0x51, 0x4c, 0x50, 0x4b, 0x47, 0x01]);
const checkLabel = 'quanlian-package-key-check-v1';

const headerSchema = z.object({
  version: z.literal(1),
  kdf: z.object({
    algorithm: z.literal('argon2id'),
    // Bounds are checked before deriving (`assertKdfWithinBounds`).
    memoryKiB: z.number().int().min(1),
    iterations: z.number().int().min(1),
    parallelism: z.number().int().min(1),
    salt: z.string().min(16).max(64),
  }),
  nonce: z.string().length(16),
  check: z.string().min(20).max(64),
  /** The exporting workspace's audit head (signed when an administrator exported). */
  auditHead: z
    .looseObject({ workspaceId: z.string().max(64), count: z.number().int(), hash: z.string() })
    .nullable()
    .optional(),
});

/**
 * The most a package may inflate to: 256 MiB, and never more than 100 times its compressed
 * size (JSON with base64 attachments compresses a few times; a gzip bomb a thousand times).
 */
const maxPackageJsonBytes = 256 * 1024 * 1024;
const maxInflationRatio = 100;

/** The head a package (or anything else leaving the workspace) carries. */
interface PackageAuditHead {
  workspaceId: string;
  count: number;
  hash: string;
  signature?: string;
}

const minPassphraseLength = 10;

function keyCheck(key: Buffer): string {
  return crypto
    .createHmac('sha256', key)
    .update(checkLabel)
    .digest()
    .subarray(0, 16)
    .toString('base64');
}

/** Seals a snapshot; `cost` is the environment's Argon2id cost (cheaper only in tests). */
export function sealPackage(
  snapshot: CaseSnapshot,
  passphrase: string,
  cost: KdfCost = defaultKdf,
  auditHead: PackageAuditHead | null = null,
): Promise<Buffer> {
  return sealCompressed(
    zlib.gzipSync(Buffer.from(JSON.stringify(snapshot))),
    passphrase,
    cost,
    auditHead,
  );
}

/** Seals already gzipped content (the package body before encryption). */
export async function sealCompressed(
  gzipped: Buffer,
  passphrase: string,
  cost: KdfCost = defaultKdf,
  auditHead: PackageAuditHead | null = null,
): Promise<Buffer> {
  if (passphrase.length < minPassphraseLength)
    throw new AppError('package.passphraseTooShort', 'The passphrase is too short', {
      min: minPassphraseLength,
    });
  const kdf = {
    algorithm: 'argon2id' as const,
    ...cost,
    salt: crypto.randomBytes(16).toString('base64'),
  };
  const key = await deriveSlotKey(passphrase, kdf, cost);
  const nonce = crypto.randomBytes(12);
  const header = Buffer.from(
    JSON.stringify({
      version: 1,
      kdf,
      nonce: nonce.toString('base64'),
      check: keyCheck(key),
      auditHead,
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.concat([magic, length, header]));
  const body = Buffer.concat([cipher.update(gzipped), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  return Buffer.concat([magic, length, header, body]);
}

/** The header's audit head of the exporting workspace, readable without the passphrase. */
export function packageAuditHead(bytes: Buffer): PackageAuditHead | null {
  const headerLength = bytes.readUInt32BE(magic.length);
  const header = headerSchema.parse(
    JSON.parse(bytes.subarray(magic.length + 4, magic.length + 4 + headerLength).toString('utf8')),
  );
  return (header.auditHead as PackageAuditHead | null | undefined) ?? null;
}

export async function openPackage(
  bytes: Buffer,
  passphrase: string,
  floor: KdfCost = defaultKdf,
): Promise<CaseSnapshot> {
  const malformed = () =>
    new AppError('package.corrupt', 'The package is damaged or not a package');
  if (bytes.length < magic.length + 4 + 16 || !bytes.subarray(0, magic.length).equals(magic))
    throw malformed();
  const headerLength = bytes.readUInt32BE(magic.length);
  const headerEnd = magic.length + 4 + headerLength;
  if (headerLength > 8_192 || bytes.length < headerEnd + 16) throw malformed();
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(
      JSON.parse(bytes.subarray(magic.length + 4, headerEnd).toString('utf8')),
    );
  } catch {
    throw malformed();
  }
  const key = await deriveSlotKey(passphrase, header.kdf, floor);
  try {
    if (keyCheck(key) !== header.check)
      throw new AppError('package.wrongPassphrase', 'The passphrase does not open this package');
    const decipher = crypto.createDecipheriv(
      'aes-256-gcm',
      key,
      Buffer.from(header.nonce, 'base64'),
    );
    decipher.setAAD(bytes.subarray(0, headerEnd));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(bytes.subarray(headerEnd, bytes.length - 16)),
        decipher.final(),
      ]);
    } catch {
      throw malformed();
    }
    let json: Buffer;
    try {
      json = zlib.gunzipSync(plain, {
        maxOutputLength: Math.min(
          maxPackageJsonBytes,
          Math.max(16 * 1024 * 1024, plain.length * maxInflationRatio),
        ),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new AppError('package.tooLarge', 'The package inflates beyond the limit', {
          limitMiB: maxPackageJsonBytes / 2 ** 20,
        });
      throw malformed();
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw malformed();
    }
    assertWithinRowLimits(parsed);
    const checked = packageSnapshotSchema.safeParse(parsed);
    if (!checked.success)
      throw new AppError('package.invalidContent', 'The package content is not valid', {
        ...describeSnapshotProblem(checked.error),
      });
    const inconsistent = findInconsistency(checked.data);
    if (inconsistent)
      throw new AppError('package.invalidContent', 'The package content is not consistent', {
        path: inconsistent,
        code: 'reference',
      });
    return checked.data as unknown as CaseSnapshot;
  } finally {
    key.fill(0);
  }
}
