import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as z from 'zod';
import { applyKey } from '../db/open-database';
import { newId } from '../db/ids';
import { syncDirectory, writeFileAtomic } from '../durable-file';
import { databasePath, restrictFiles } from './workspace-files';
import { workspaceHeaderSchema, writeHeader, type WorkspaceHeader } from './workspace-header';

/**
 * A key rotation changes two files: the database, re-encrypted with the new data key, and the
 * header, whose slots are re-sealed around it. `PRAGMA rekey` in place is not crash-safe (SQLite3
 * Multiple Ciphers journals only the first page: a kill while it writes leaves pages under both
 * keys), so the rotation re-keys a copy, and only once the copy is complete and on disk writes
 * this journal (the copy's name and the new header), renames the copy over the database (atomic),
 * writes the header and removes the journal. Whoever next proves who they are finishes it: their
 * slot is in both headers. The database opens with the old or the new key, never neither.
 */
const journalName = 'rekey-journal.json';

const rekeyJournalSchema = z.object({
  reason: z.string().max(40),
  startedAt: z.string(),
  /** The re-keyed copy beside the database; only a name of the rotation's own form. */
  staged: z.string().regex(/^\.rekey-[0-9A-Za-z-]{10,64}\.db$/),
  header: workspaceHeaderSchema,
});
type RekeyJournal = z.infer<typeof rekeyJournalSchema>;

function rekeyJournalPath(dir: string): string {
  return path.join(dir, journalName);
}

/** The pending rotation, 'invalid' for a journal that does not parse (ignored), or null. */
export function readRekeyJournal(dir: string): RekeyJournal | 'invalid' | null {
  let raw: string;
  try {
    raw = fs.readFileSync(rekeyJournalPath(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = rekeyJournalSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** Drops a pending rotation and its copy (the old key stays valid). */
export function abandonRotation(dir: string, journal: RekeyJournal | 'invalid'): void {
  if (journal !== 'invalid') fs.rmSync(path.join(dir, journal.staged), { force: true });
  fs.rmSync(rekeyJournalPath(dir), { force: true });
  syncDirectory(dir);
}

/**
 * Copies the database (its WAL folded in first; no write runs meanwhile) and re-encrypts the
 * copy with `newKey`. A crash here leaves only a stray copy. Returns the copy's file name.
 */
export function stageRekeyedCopy(
  dir: string,
  live: Database.Database,
  oldKey: Buffer,
  newKey: Buffer,
  nativeBinding?: string,
): string {
  // Every committed page must be in the main file, or the copy would miss them.
  const [result] = live.pragma('wal_checkpoint(TRUNCATE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  if (!result || result.busy !== 0 || result.log !== result.checkpointed)
    throw new Error('The WAL could not be folded in before the key rotation');
  const staged = `.rekey-${newId()}.db`;
  const file = path.join(dir, staged);
  fs.copyFileSync(databasePath(dir), file);
  restrictFiles([file]);
  const copy = new Database(file, { fileMustExist: true, nativeBinding });
  try {
    applyKey(copy, oldKey);
    // SQLite3 Multiple Ciphers cannot re-key in WAL mode.
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    copy.pragma('journal_mode = WAL');
  } finally {
    copy.close();
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return staged;
}

export function writeRekeyJournal(dir: string, journal: RekeyJournal): void {
  writeFileAtomic(rekeyJournalPath(dir), JSON.stringify(journal));
}

/**
 * Puts the re-keyed copy in place and installs the new header (with the live lockout and
 * anchor). Each step is safe to repeat: with the copy already renamed, only the header is left.
 * The database must not be open.
 */
export function finishRotation(
  dir: string,
  journal: RekeyJournal,
  current: WorkspaceHeader,
): WorkspaceHeader {
  const staged = path.join(dir, journal.staged);
  if (fs.existsSync(staged)) {
    // The WAL was folded in before the copy and nothing was written since: these belong to
    // the old file and would be read with the wrong key.
    for (const suffix of ['-wal', '-shm'])
      fs.rmSync(`${databasePath(dir)}${suffix}`, { force: true });
    fs.renameSync(staged, databasePath(dir));
    syncDirectory(dir);
  }
  const next = { ...journal.header, lockout: current.lockout, auditAnchor: current.auditAnchor };
  writeHeader(dir, next);
  fs.rmSync(rekeyJournalPath(dir), { force: true });
  syncDirectory(dir);
  return next;
}

/** Whether the rename already happened (the copy is gone): the database is on the new key. */
export function rotationSwapped(dir: string, journal: RekeyJournal): boolean {
  return !fs.existsSync(path.join(dir, journal.staged));
}
