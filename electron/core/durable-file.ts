import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Durable, owner-only file writes and file hashing, below every room: the vault, the audit
// anchor, backups, attachments and every export all use them.

/** Exactly 0600: open's mode is only narrowed by the umask, and chmod makes it exact. */
const ownerOnly = 0o600;

/**
 * Writes a file whole and owner-only: into a new temporary file beside it, created exclusively
 * with mode 0600, synced, then renamed over `file`. So a crash leaves the old or the new content,
 * never a mix; the result is 0600 whatever an existing file's mode was (writing into it would have
 * kept a 0644); and a symlink at `file` is replaced, its target left untouched (rename acts on the
 * link itself, where an open follows it). Exports and the workspace's small files go through here.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  writeFileAtomicWith(file, (fd) => fs.writeFileSync(fd, content));
}

/**
 * `writeFileAtomic` that never replaces: the whole file appears at `file` only if nothing is
 * there (a hard link is made without replacing, atomically), else EEXIST is thrown and nothing
 * at `file` changes, even when another process put a file there after a check for it.
 */
export function writeNewFileAtomic(file: string, content: string | Buffer): void {
  writeFileAtomicWith(file, (fd) => fs.writeFileSync(fd, content), linkNew);
}

/** `writeFileAtomic` for content written in pieces (a backup's database and attachments). */
export function writeFileAtomicWith(
  file: string,
  write: (fd: number) => void,
  place: (temp: string, file: string) => void = renameOver,
): void {
  const temp = temporaryBeside(file);
  // 'wx' is O_CREAT|O_EXCL: a file or link already at the temporary name is refused, not used.
  const fd = fs.openSync(temp, 'wx', ownerOnly);
  try {
    if (process.platform !== 'win32') fs.fchmodSync(fd, ownerOnly);
    write(fd);
    fs.fsyncSync(fd);
  } catch (error) {
    // A full disk (or any failure) leaves no half-written file behind, and the old one intact.
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  place(temp, file);
}

/** `writeFileAtomic` for content that arrives asynchronously (a decrypted attachment). */
export async function writeFileAtomicStreamed(
  file: string,
  write: (handle: fs.promises.FileHandle) => Promise<void>,
): Promise<void> {
  const temp = temporaryBeside(file);
  const handle = await fs.promises.open(temp, 'wx', ownerOnly);
  try {
    if (process.platform !== 'win32') await handle.chmod(ownerOnly);
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close();
    fs.rmSync(temp, { force: true });
    throw error;
  }
  await handle.close();
  renameOver(temp, file);
}

/** A name no one can have prepared: random, in the same folder so that the rename is atomic. */
function temporaryBeside(file: string): string {
  return `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
}

function renameOver(temp: string, file: string): void {
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

function linkNew(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
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

/** The SHA-256 of a file, read in 1 MiB pieces. */
export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
