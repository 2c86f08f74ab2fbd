import fs from 'node:fs';
import path from 'node:path';

/** The plaintext header: key slots, lockout counter, audit anchor. No case data. */
export const headerFileName = 'workspace.json';
/** The encrypted SQLite database (SQLCipher 4 scheme). */
export const databaseFileName = 'quanlian.db';

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

/** Writes a file so that a crash leaves either the old or the new content, never a mix. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncDirectory(path.dirname(file));
}

/** Makes a rename durable. Windows cannot open directories; its rename is durable enough. */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
