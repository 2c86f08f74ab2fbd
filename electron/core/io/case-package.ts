import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../app-error';
import { defaultKdf, deriveSlotKey } from '../vault/key-slot';
import type { KdfCost } from '../vault/vault-env';
import type { CaseSnapshot } from './case-snapshot';

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
});

export const minPassphraseLength = 10;

function keyCheck(key: Buffer): string {
  return crypto
    .createHmac('sha256', key)
    .update(checkLabel)
    .digest()
    .subarray(0, 16)
    .toString('base64');
}

/** Seals a snapshot; `cost` is the environment's Argon2id cost (cheaper only in tests). */
export async function sealPackage(
  snapshot: CaseSnapshot,
  passphrase: string,
  cost: KdfCost = defaultKdf,
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
    JSON.stringify({ version: 1, kdf, nonce: nonce.toString('base64'), check: keyCheck(key) }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.concat([magic, length, header]));
  const body = Buffer.concat([
    cipher.update(zlib.gzipSync(Buffer.from(JSON.stringify(snapshot)))),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  key.fill(0);
  return Buffer.concat([magic, length, header, body]);
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
  if (headerLength > 4_096 || bytes.length < headerEnd + 16) throw malformed();
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
    const snapshot = JSON.parse(zlib.gunzipSync(plain).toString('utf8')) as CaseSnapshot;
    if (snapshot.format !== 'quanlian-case/1') throw malformed();
    return snapshot;
  } finally {
    key.fill(0);
  }
}
