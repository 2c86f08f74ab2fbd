import os from 'node:os';
import path from 'node:path';

/** package.json's productName: Electron names its user-data folder after it. */
export const appProductName = '全链 Quanlian';

/**
 * The app-data folder of the OS account running the process, from the account's own home
 * folder (the password database, not HOME, APPDATA or XDG_CONFIG_HOME, which a command line
 * sets): where the audit heads are kept whatever folder the app or the CLI was told to use, so
 * a session pointed at another folder still leaves its head here.
 */
export function ownerAppDataDir(): string {
  const home = os.userInfo().homedir;
  if (process.platform === 'win32') return path.join(home, 'AppData', 'Roaming', appProductName);
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', appProductName);
  return path.join(home, '.config', appProductName);
}
