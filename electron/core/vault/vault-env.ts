import path from 'node:path';
import type { AnchorDirs } from '../audit/audit-anchor';
import type { Clock } from '../clock';

/** The cost of one Argon2id derivation. */
export interface KdfCost {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** What the vault needs from its surroundings; passed in, never imported. */
export interface VaultEnv {
  clock: Clock;
  migrationsFolder: string;
  /** better-sqlite3 binary built for Electron, when running inside Electron. */
  nativeBinding?: string;
  /**
   * The Argon2id cost of new key slots and packages, and the least a slot may have to be tried.
   * Unset: the real parameters (`defaultKdf`). Tests set a cheap one so that every create and
   * unlock does not pay 64 MiB × 3; a header with weaker parameters than this is refused.
   */
  kdf?: KdfCost;
  /**
   * A folder outside every workspace (the OS user's app data) holding each workspace's audit
   * head, so that rewriting the workspace folder alone is detected. Unset: no outside copy.
   */
  anchorDir?: AnchorDirs;
}

/** The vault environment of a router, from the process's dependencies. */
export function vaultEnvFor(deps: {
  clock: Clock;
  migrationsFolder: string;
  nativeBinding?: string;
  appDataDir: string;
  ownerAppDataDir?: string;
  kdf?: KdfCost;
}): VaultEnv {
  const dirs = [deps.appDataDir, deps.ownerAppDataDir ?? deps.appDataDir].map((dir) =>
    path.join(path.resolve(dir), 'audit-heads'),
  );
  return {
    clock: deps.clock,
    migrationsFolder: deps.migrationsFolder,
    nativeBinding: deps.nativeBinding,
    kdf: deps.kdf,
    anchorDir: dirs[0] === dirs[1] ? dirs[0] : dirs,
  };
}
