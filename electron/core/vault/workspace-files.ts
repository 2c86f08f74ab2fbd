import fs from 'node:fs';
import path from 'node:path';

/** The plaintext header: key slots, lockout counter, audit anchor. No case data. */
const headerFileName = 'workspace.json';
/** The encrypted attachment files, one `<id>.qla` each. */
export const attachmentsFolderName = 'attachments';
/** The encrypted SQLite database (SQLCipher 4 scheme). */
const databaseFileName = 'quanlian.db';

export function headerPath(dir: string): string {
  return path.join(dir, headerFileName);
}

export function databasePath(dir: string): string {
  return path.join(dir, databaseFileName);
}

/** The database and the files SQLite keeps beside it. */
export function databaseFiles(dir: string): string[] {
  const db = databasePath(dir);
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}

export function looksLikeWorkspace(dir: string): boolean {
  return fs.existsSync(headerPath(dir));
}

/**
 * Owner-only access on POSIX: the workspace folder 0700, its files 0600, so other accounts on
 * the workstation cannot read or copy them. Windows has no modes: there the folder inherits
 * the ACL of the user profile it is created in (see the README's security model).
 */
export const privateFileMode = 0o600;

/**
 * Takes every permission away from group and others (never adds one: a folder made read-only
 * for a reason stays read-only). Where the mode cannot be changed (another owner, a read-only
 * medium) it is left alone; the open that follows reports what matters.
 */
function ownerOnly(file: string): void {
  try {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) fs.chmodSync(file, mode & 0o700);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM' && code !== 'EROFS') throw error;
  }
}

export function restrictFolder(dir: string): void {
  if (process.platform === 'win32') return;
  ownerOnly(dir);
}

/** Owner-only for the files that exist (the database's WAL and SHM appear and go). */
export function restrictFiles(files: string[]): void {
  if (process.platform === 'win32') return;
  for (const file of files) ownerOnly(file);
}
