import type { KdfCost } from '../../electron/core/vault/vault-env';

/**
 * Argon2id at 64 KiB, one pass: milliseconds instead of 64 MiB × 3 at every create and unlock.
 * Only tests set it (through `CoreDeps.kdf` / `VaultEnv.kdf`); `vault.test.ts` keeps one
 * workspace on the real parameters.
 */
export const testKdf: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };
