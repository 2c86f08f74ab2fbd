import crypto from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { AppError } from '../app-error';
import { newId } from '../db/ids';
import type { KdfCost } from './vault-env';
import type { KdfParams, KeySlot, WrappedKey } from './workspace-header';

/** Argon2id at 64 MiB, 3 passes: the floor the issue sets, and ~0.1–0.3 s on a workstation. */
export const defaultKdf: Readonly<KdfCost> = { memoryKiB: 65_536, iterations: 3, parallelism: 4 };

/**
 * The most a slot or package may ask for. Without a ceiling a planted header (300 passes,
 * 4 GiB) makes every unlock hang for minutes or exhaust memory before the password is checked.
 */
export const maximumKdf: Readonly<KdfCost> = {
  memoryKiB: 262_144,
  iterations: 8,
  parallelism: 16,
};

/** The cost an environment asks for: the real parameters unless a test set cheaper ones. */
export function kdfCost(env: { kdf?: KdfCost }): KdfCost {
  return env.kdf ?? defaultKdf;
}

export function newKdfParams(cost: KdfCost = defaultKdf): KdfParams {
  return { algorithm: 'argon2id', ...cost, salt: crypto.randomBytes(16).toString('base64') };
}

/**
 * Refuses parameters outside [floor, maximumKdf] before any work is done: above the ceiling an
 * unlock would hang, below the floor a slot would be cheap to guess (a header edited to weaken
 * one). The floor is the environment's cost (the real parameters outside tests).
 */
export function assertKdfWithinBounds(kdf: KdfParams, floor: KdfCost = defaultKdf): void {
  const salt = Buffer.from(kdf.salt, 'base64');
  const within =
    kdf.memoryKiB >= floor.memoryKiB &&
    kdf.memoryKiB <= maximumKdf.memoryKiB &&
    kdf.iterations >= floor.iterations &&
    kdf.iterations <= maximumKdf.iterations &&
    kdf.parallelism >= 1 &&
    kdf.parallelism <= maximumKdf.parallelism &&
    kdf.memoryKiB >= 8 * kdf.parallelism &&
    salt.length >= 16 &&
    salt.length <= 64;
  if (!within)
    throw new AppError(
      'workspace.kdfOutOfBounds',
      'The key derivation parameters are outside the accepted bounds',
    );
}

/**
 * Derives the 256-bit key-encryption key for a slot. Passwords are NFKC-normalised so that a
 * full-width character typed through an IME matches its half-width form.
 */
export async function deriveSlotKey(
  secret: string,
  kdf: KdfParams,
  floor: KdfCost = defaultKdf,
): Promise<Buffer> {
  assertKdfWithinBounds(kdf, floor);
  return hashRaw(secret.normalize('NFKC'), {
    // Algorithm.Argon2id; the enum is `const` and cannot be imported under verbatimModuleSyntax.
    algorithm: 2,
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

/** Binds a wrapped key to its workspace and slot, so slots cannot be swapped between users. */
function slotAad(workspaceId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'userId'>): Buffer {
  return Buffer.from(`quanlian-slot|${workspaceId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}`);
}

export function wrapDataKey(dataKey: Buffer, slotKey: Buffer, aad: Buffer): WrappedKey {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', slotKey, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or null when the slot key is wrong (the GCM tag does not verify). */
export function unwrapDataKey(wrapped: WrappedKey, slotKey: Buffer, aad: Buffer): Buffer | null {
  try {
    const decipher = crypto.createDecipheriv(
      'aes-256-gcm',
      slotKey,
      Buffer.from(wrapped.iv, 'base64'),
    );
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(wrapped.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}

export interface SlotOwner {
  kind: KeySlot['kind'];
  userId: string | null;
  username: string | null;
}

/** Makes a key slot: derives a key from the secret and wraps the data key with it. */
export async function createKeySlot(
  workspaceId: string,
  dataKey: Buffer,
  secret: string,
  owner: SlotOwner,
  now: string,
  cost: KdfCost = defaultKdf,
): Promise<KeySlot> {
  const kdf = newKdfParams(cost);
  const slotKey = await deriveSlotKey(secret, kdf, cost);
  const slot = { id: newId(), ...owner, kdf, updatedAt: now };
  try {
    return { ...slot, wrapped: wrapDataKey(dataKey, slotKey, slotAad(workspaceId, slot)) };
  } finally {
    slotKey.fill(0);
  }
}

/** Tries a secret against a slot; the data key on success, null on a wrong secret. */
export async function openKeySlot(
  workspaceId: string,
  slot: KeySlot,
  secret: string,
  floor: KdfCost = defaultKdf,
): Promise<Buffer | null> {
  const slotKey = await deriveSlotKey(secret, slot.kdf, floor);
  try {
    return unwrapDataKey(slot.wrapped, slotKey, slotAad(workspaceId, slot));
  } finally {
    slotKey.fill(0);
  }
}
