import crypto from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { AppError } from '../app-error';
import { newId } from '../db/ids';
import type { KdfCost } from './vault-env';
import type { KdfParams, KeySlot, SealedKey, WrappedKey } from './workspace-header';

/** Argon2id at 64 MiB, 3 passes: the floor the issue sets, and ~0.1–0.3 s on a workstation. */
export const defaultKdf: Readonly<KdfCost> = { memoryKiB: 65_536, iterations: 3, parallelism: 4 };

/**
 * The most a slot or package may ask for. Without a ceiling a planted header (300 passes,
 * 4 GiB) makes every unlock hang for minutes or exhaust memory before the password is checked.
 */
const maximumKdf: Readonly<KdfCost> = {
  memoryKiB: 262_144,
  iterations: 8,
  parallelism: 16,
};

/** The cost an environment asks for: the real parameters unless a test set cheaper ones. */
export function kdfCost(env: { kdf?: KdfCost }): KdfCost {
  return env.kdf ?? defaultKdf;
}

function newKdfParams(cost: KdfCost = defaultKdf): KdfParams {
  return { algorithm: 'argon2id', ...cost, salt: crypto.randomBytes(16).toString('base64') };
}

/**
 * Refuses parameters outside [floor, maximumKdf] before any work is done: above the ceiling an
 * unlock would hang, below the floor a slot would be cheap to guess (a header edited to weaken
 * one). The floor is the environment's cost (the real parameters outside tests).
 */
function assertKdfWithinBounds(kdf: KdfParams, floor: KdfCost = defaultKdf): void {
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

/** Binds a slot's keys to its workspace, owner and key pair, so slots cannot be swapped. */
function slotAad(
  workspaceId: string,
  slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'publicKey'>,
  part: 'private-key' | 'data-key' | 'signing-key',
): Buffer {
  return Buffer.from(
    `quanlian-slot-v2|${workspaceId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}|${slot.publicKey}|${part}`,
  );
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

function sealingKey(shared: Buffer, ephemeral: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, ephemeral, 'quanlian-seal-v1', 32));
}

/**
 * Seals a secret to a slot's public key (X25519 with a fresh ephemeral key, HKDF-SHA256,
 * AES-256-GCM). Anyone may seal, only the slot's private key opens: that is what lets an
 * administrator re-key the workspace for every remaining slot without knowing any password.
 */
function sealToPublicKey(secret: Buffer, publicKey: string, aad: Buffer): SealedKey {
  const recipient = crypto.createPublicKey({
    key: Buffer.from(publicKey, 'base64'),
    format: 'der',
    type: 'spki',
  });
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const key = sealingKey(shared, ephemeralDer);
  try {
    return { ephemeral: ephemeralDer.toString('base64'), ...wrapDataKey(secret, key, aad) };
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

function openSealed(sealed: SealedKey, privateKey: crypto.KeyObject, aad: Buffer): Buffer | null {
  try {
    const ephemeralDer = Buffer.from(sealed.ephemeral, 'base64');
    const ephemeral = crypto.createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
    const shared = crypto.diffieHellman({ privateKey, publicKey: ephemeral });
    const key = sealingKey(shared, ephemeralDer);
    shared.fill(0);
    try {
      return unwrapDataKey(sealed, key, aad);
    } finally {
      key.fill(0);
    }
  } catch {
    return null;
  }
}

interface SlotOwner {
  kind: KeySlot['kind'];
  userId: string | null;
  username: string | null;
}

/** What a slot gives its owner: the data key, and for administrators the audit signing key. */
export interface SlotSecrets {
  dataKey: Buffer;
  /** Ed25519 private key (PKCS#8 DER) that signs audit heads; only administrators' slots. */
  signingKey: Buffer | null;
  /** The owner's author key (Ed25519), which signs their audit records; user slots only. */
  authorKey?: crypto.KeyObject | null;
}

/** The key that wraps a slot's author key: from the slot's private key, so from its password. */
function authorWrapKey(slotPrivateKey: crypto.KeyObject, slotPublicKey: string): Buffer {
  const der = slotPrivateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    return Buffer.from(
      crypto.hkdfSync(
        'sha256',
        der,
        Buffer.from(slotPublicKey, 'base64'),
        'quanlian-author-key-v1',
        32,
      ),
    );
  } finally {
    der.fill(0);
  }
}

function authorAad(
  workspaceId: string,
  slot: Pick<KeySlot, 'userId' | 'publicKey'>,
  authorPublic: string,
) {
  return Buffer.from(
    `quanlian-author-key-v1|${workspaceId}|${slot.userId ?? ''}|${slot.publicKey}|${authorPublic}`,
  );
}

/** The author key wrapped for a slot whose private key is `slotPrivateKey`. */
export function wrapAuthorKey(
  workspaceId: string,
  slot: Pick<KeySlot, 'userId' | 'publicKey'>,
  slotPrivateKey: crypto.KeyObject,
  authorKey: crypto.KeyObject,
): NonNullable<KeySlot['authorKey']> {
  const publicKey = crypto
    .createPublicKey(authorKey)
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
  const key = authorWrapKey(slotPrivateKey, slot.publicKey);
  const der = authorKey.export({ format: 'der', type: 'pkcs8' });
  try {
    return {
      publicKey,
      privateKey: wrapDataKey(der, key, authorAad(workspaceId, slot, publicKey)),
    };
  } finally {
    key.fill(0);
    der.fill(0);
  }
}

function unwrapAuthorKey(
  workspaceId: string,
  slot: KeySlot,
  slotPrivateKey: crypto.KeyObject,
): crypto.KeyObject | null {
  if (!slot.authorKey) return null;
  const key = authorWrapKey(slotPrivateKey, slot.publicKey);
  const der = unwrapDataKey(
    slot.authorKey.privateKey,
    key,
    authorAad(workspaceId, slot, slot.authorKey.publicKey),
  );
  key.fill(0);
  if (!der) return null;
  try {
    return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  } finally {
    der.fill(0);
  }
}

/**
 * Seals the secrets to an existing slot's public key: no password needed. Used by key
 * rotation to re-wrap every remaining slot around a new data key.
 */
export function resealSlot(
  workspaceId: string,
  slot: KeySlot,
  secrets: SlotSecrets,
  now: string,
): KeySlot {
  return {
    ...slot,
    dataKey: sealToPublicKey(
      secrets.dataKey,
      slot.publicKey,
      slotAad(workspaceId, slot, 'data-key'),
    ),
    signingKey: secrets.signingKey
      ? sealToPublicKey(
          secrets.signingKey,
          slot.publicKey,
          slotAad(workspaceId, slot, 'signing-key'),
        )
      : null,
    updatedAt: now,
  };
}

/**
 * Makes a key slot: a new X25519 key pair whose private key is wrapped with a key derived from
 * the secret (Argon2id), and the workspace secrets sealed to its public key.
 */
export async function createKeySlot(
  workspaceId: string,
  secrets: SlotSecrets,
  secret: string,
  owner: SlotOwner,
  now: string,
  cost: KdfCost = defaultKdf,
  /** The owner's present key pair, kept by a password change so its role seal stays valid. */
  keepPrivateKey?: crypto.KeyObject,
  /** The owner's author key, wrapped into the slot (`wrapAuthorKey`). */
  authorKey?: crypto.KeyObject | null,
): Promise<KeySlot> {
  const kdf = newKdfParams(cost);
  const slotKey = await deriveSlotKey(secret, kdf, cost);
  const pair = keepPrivateKey
    ? { privateKey: keepPrivateKey, publicKey: crypto.createPublicKey(keepPrivateKey) }
    : crypto.generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const privateDer = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const base = { id: newId(), ...owner, kdf, publicKey, updatedAt: now };
  try {
    const privateKey = wrapDataKey(privateDer, slotKey, slotAad(workspaceId, base, 'private-key'));
    const author = authorKey ? wrapAuthorKey(workspaceId, base, pair.privateKey, authorKey) : null;
    return resealSlot(
      workspaceId,
      {
        ...base,
        privateKey,
        dataKey: privateKey,
        signingKey: null,
        ...(author ? { authorKey: author } : {}),
      } as KeySlot,
      secrets,
      now,
    );
  } finally {
    slotKey.fill(0);
    privateDer.fill(0);
  }
}

/**
 * Tries a secret against a slot: its secrets on success, null on a wrong secret (the AES-GCM
 * unwrap of the private key fails before anything else is touched).
 */
export async function openKeySlot(
  workspaceId: string,
  slot: KeySlot,
  secret: string,
  floor: KdfCost = defaultKdf,
): Promise<OpenedSlot | null> {
  const slotKey = await deriveSlotKey(secret, slot.kdf, floor);
  let privateDer: Buffer | null = null;
  try {
    privateDer = unwrapDataKey(slot.privateKey, slotKey, slotAad(workspaceId, slot, 'private-key'));
    if (!privateDer) return null;
    const privateKey = crypto.createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
    return openResealedSlot(workspaceId, slot, privateKey);
  } finally {
    slotKey.fill(0);
    privateDer?.fill(0);
  }
}

export interface OpenedSlot extends SlotSecrets {
  /** The slot's private key: opens the same slot re-sealed by a rotation, without Argon2id. */
  privateKey: crypto.KeyObject;
}

/** Opens a slot's sealed secrets with its private key; null when they do not open. */
export function openResealedSlot(
  workspaceId: string,
  slot: KeySlot,
  privateKey: crypto.KeyObject,
): OpenedSlot | null {
  const dataKey = openSealed(slot.dataKey, privateKey, slotAad(workspaceId, slot, 'data-key'));
  if (!dataKey) return null;
  const signingKey = slot.signingKey
    ? openSealed(slot.signingKey, privateKey, slotAad(workspaceId, slot, 'signing-key'))
    : null;
  const authorKey = unwrapAuthorKey(workspaceId, slot, privateKey);
  return { dataKey, signingKey, privateKey, authorKey };
}
