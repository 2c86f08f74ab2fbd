import type { Clock } from '../clock';

/** What the vault needs from its surroundings; passed in, never imported. */
export interface VaultEnv {
  clock: Clock;
  migrationsFolder: string;
  /** better-sqlite3 binary built for Electron, when running inside Electron. */
  nativeBinding?: string;
}
