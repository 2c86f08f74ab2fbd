import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { syncDirectory, writeFileAtomic } from './workspace-files';
import { workspaceHeaderSchema, type WorkspaceHeader } from './workspace-header';

/**
 * A key rotation changes two files: the database is re-encrypted with the new data key, and
 * the header's slots are re-sealed around it. The new header is written here first; the header
 * itself is replaced only after the re-key. Whoever unlocks next with a crash in between holds
 * the old and the new key (their slot is in both headers) and finishes or rolls back: the
 * workspace always opens with the old or the new key, never neither.
 */
const journalName = 'rekey-journal.json';

const rekeyJournalSchema = z.object({
  reason: z.string().max(40),
  startedAt: z.string(),
  header: workspaceHeaderSchema,
});
export type RekeyJournal = z.infer<typeof rekeyJournalSchema>;

export function rekeyJournalPath(dir: string): string {
  return path.join(dir, journalName);
}

export function writeRekeyJournal(dir: string, journal: RekeyJournal): void {
  writeFileAtomic(rekeyJournalPath(dir), JSON.stringify(journal));
}

/** The pending rotation, or null. A journal that does not parse is ignored (and reported). */
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

export function removeRekeyJournal(dir: string): void {
  fs.rmSync(rekeyJournalPath(dir), { force: true });
  syncDirectory(dir);
}

/**
 * Re-encrypts every page with `newKey`. SQLite3 Multiple Ciphers cannot re-key in WAL mode:
 * the WAL is folded in, the database goes to rollback-journal mode (the re-key is then one
 * transaction, rolled back from its journal after a crash), and comes back to WAL.
 */
export function rekeyDatabase(sqlite: Database.Database, newKey: Buffer): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  sqlite.pragma('journal_mode = WAL');
}

/** The header a finished rotation leaves: the journal's, with the live lockout and anchor. */
export function headerAfterRotation(
  journal: RekeyJournal,
  current: WorkspaceHeader,
): WorkspaceHeader {
  return { ...journal.header, lockout: current.lockout, auditAnchor: current.auditAnchor };
}
