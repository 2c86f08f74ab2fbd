import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { syncDirectory, writeFileAtomic } from '../durable-file';
import { workspaceHeaderSchema, writeHeader, type WorkspaceHeader } from './workspace-header';
import {
  databaseFiles,
  databasePath,
  headerPath,
  restrictFiles,
  attachmentsFolderName,
} from './workspace-files';

/**
 * A restore swaps the database and the header, two files: a crash between the two would leave
 * a header whose key slots do not open the database. So the restore first writes this journal
 * (the verified database staged beside it, the backup's header, where the replaced files go)
 * and removes it last; the next user who proves who they are finishes a restore it names.
 */
const journalName = 'restore-journal.json';

/**
 * Only names the restore itself makes are accepted: a journal planted in the folder cannot
 * move files out of the workspace or rename an outside file into the database.
 */
const restoreJournalSchema = z.object({
  staged: z.string().regex(/^\.restore-[0-9A-Za-z-]{10,64}\.db$/),
  /** The backup's attachment files, staged in a folder beside the database (absent before v2). */
  stagedAttachments: z
    .string()
    .regex(/^\.restore-[0-9A-Za-z-]{10,64}\.db-attachments$/)
    .optional(),
  replacedInto: z.string().regex(/^\.replaced-[0-9A-Za-z-]{10,64}$/),
  header: workspaceHeaderSchema,
});
type RestoreJournal = z.infer<typeof restoreJournalSchema>;

/** Step by step, each step safe to repeat after a crash. */
function complete(dir: string, journal: RestoreJournal): void {
  const staged = path.join(dir, journal.staged);
  const replaced = path.join(dir, journal.replacedInto);
  if (fs.existsSync(staged)) {
    fs.mkdirSync(replaced, { recursive: true, mode: 0o700 });
    for (const file of [headerPath(dir), ...databaseFiles(dir)]) {
      const kept = path.join(replaced, path.basename(file));
      if (fs.existsSync(file) && !fs.existsSync(kept)) fs.renameSync(file, kept);
      else fs.rmSync(file, { force: true });
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${staged}${suffix}`, { force: true });
    // The attachment files go with their database: the current ones aside, the backup's in.
    const attachments = path.join(dir, attachmentsFolderName);
    const keptAttachments = path.join(replaced, attachmentsFolderName);
    if (fs.existsSync(attachments) && !fs.existsSync(keptAttachments))
      fs.renameSync(attachments, keptAttachments);
    const stagedAttachments = journal.stagedAttachments
      ? path.join(dir, journal.stagedAttachments)
      : null;
    if (stagedAttachments && fs.existsSync(stagedAttachments))
      fs.renameSync(stagedAttachments, attachments);
    fs.renameSync(staged, databasePath(dir));
  }
  writeHeader(dir, journal.header);
  restrictFiles([databasePath(dir), headerPath(dir)]);
  syncDirectory(dir);
  fs.rmSync(path.join(dir, journalName), { force: true });
  syncDirectory(dir);
}

/** Puts a verified, staged database and its header in place; the old files are kept aside. */
export function swapInRestore(dir: string, journal: RestoreJournal): void {
  const checked = restoreJournalSchema.parse(journal);
  writeFileAtomic(path.join(dir, journalName), JSON.stringify(checked));
  complete(dir, checked);
}

/**
 * Finishes a restore that a crash interrupted. Called only after the user unlocking has been
 * authenticated. A journal with names other than a restore's own ('rejected') is removed
 * without acting on it, and the unlock records that.
 */
export function finishPendingRestore(dir: string): 'none' | 'finished' | 'rejected' {
  const file = path.join(dir, journalName);
  if (!fs.existsSync(file)) return 'none';
  let parsed: ReturnType<typeof restoreJournalSchema.safeParse>;
  try {
    parsed = restoreJournalSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    // The journal never finished being written (it is written atomically): no swap began.
    fs.rmSync(file, { force: true });
    return 'rejected';
  }
  if (!parsed.success || parsed.data.header.workspaceId !== currentWorkspaceId(dir, parsed.data)) {
    fs.rmSync(file, { force: true });
    return 'rejected';
  }
  complete(dir, parsed.data);
  return 'finished';
}

/**
 * A restore puts back a backup of the same workspace. While the swap is under way the live
 * header may already have moved aside: then it is read from where the journal put it.
 */
function currentWorkspaceId(dir: string, journal: RestoreJournal): string | null {
  for (const file of [headerPath(dir), path.join(dir, journal.replacedInto, 'workspace.json')]) {
    try {
      return (
        (JSON.parse(fs.readFileSync(file, 'utf8')) as { workspaceId?: string }).workspaceId ?? null
      );
    } catch {
      // try the next place
    }
  }
  return journal.header.workspaceId;
}

/**
 * The header to authenticate against while a restore is half done and `workspace.json` has
 * already moved aside: the replaced one (the live workspace's), else the restored one.
 */
export function headerDuringRestore(dir: string): WorkspaceHeader | null {
  let journal: RestoreJournal;
  try {
    journal = restoreJournalSchema.parse(
      JSON.parse(fs.readFileSync(path.join(dir, journalName), 'utf8')),
    );
  } catch {
    return null;
  }
  try {
    return workspaceHeaderSchema.parse(
      JSON.parse(fs.readFileSync(path.join(dir, journal.replacedInto, 'workspace.json'), 'utf8')),
    );
  } catch {
    return journal.header;
  }
}
