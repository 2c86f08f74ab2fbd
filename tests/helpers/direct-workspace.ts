import { systemClock } from '../../electron/core/clock';
import type { UnlockedWorkspace } from '../../electron/core/vault/unlocked-workspace';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import type { VaultEnv } from '../../electron/core/vault/vault-env';
import { migrationsFolder } from './test-core';
import { testKdf } from './test-kdf';

export const testEnv: VaultEnv = { clock: systemClock, migrationsFolder, kdf: testKdf };

/** Unlocks without a router, for tests that reach under the API (tampering, raw SQL). */
export function openDirect(
  dir: string,
  username: string,
  password: string,
): Promise<UnlockedWorkspace> {
  return unlockWorkspace(dir, username, password, testEnv);
}
