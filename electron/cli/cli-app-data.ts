import os from 'node:os';
import path from 'node:path';
import { appProductName } from '../core/vault/owner-app-data';

/**
 * The folder the desktop app keeps its own files in (Electron's `userData`): the list of known
 * workspaces and what must live outside a workspace. The CLI uses the same one, so both see the
 * same installation; QUANLIAN_APP_DATA overrides it (tests, portable installs).
 */
export function cliAppDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['QUANLIAN_APP_DATA'];
  if (override) return path.resolve(override);
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), appProductName);
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', appProductName);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), appProductName);
}
