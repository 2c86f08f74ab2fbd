import fs from 'node:fs';
import path from 'node:path';
import { attachmentsFolderName } from '../attachments/attachment-blob';
import type { WorkspaceHeader } from './workspace-header';
import { writeHeader } from './workspace-header';
import {
  databaseFiles,
  databasePath,
  headerPath,
  syncDirectory,
  writeFileAtomic,
} from './workspace-files';

/**
 * A restore swaps the database and the header, two files: a crash between the two would leave
 * a header whose key slots do not open the database. So the restore first writes this journal
 * (the verified database staged beside it, the backup's header, where the replaced files go)
 * and removes it last; whoever opens the workspace next finishes a restore the journal names.
 */
const journalName = 'restore-journal.json';

interface RestoreJournal {
  staged: string;
  /** The backup's attachment files, staged in a folder beside the database (absent before v2). */
  stagedAttachments?: string;
  replacedInto: string;
  header: WorkspaceHeader;
}

/** Step by step, each step safe to repeat after a crash. */
function complete(dir: string, journal: RestoreJournal): void {
  const staged = path.join(dir, journal.staged);
  const replaced = path.join(dir, journal.replacedInto);
  if (fs.existsSync(staged)) {
    fs.mkdirSync(replaced, { recursive: true });
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
  syncDirectory(dir);
  fs.rmSync(path.join(dir, journalName), { force: true });
  syncDirectory(dir);
}

/** Puts a verified, staged database and its header in place; the old files are kept aside. */
export function swapInRestore(dir: string, journal: RestoreJournal): void {
  writeFileAtomic(path.join(dir, journalName), JSON.stringify(journal));
  complete(dir, journal);
}

/** Finishes a restore that a crash interrupted; called before a workspace is opened. */
export function finishPendingRestore(dir: string): boolean {
  const file = path.join(dir, journalName);
  if (!fs.existsSync(file)) return false;
  let journal: RestoreJournal;
  try {
    journal = JSON.parse(fs.readFileSync(file, 'utf8')) as RestoreJournal;
  } catch {
    // The journal never finished being written (it is written atomically): no swap began.
    fs.rmSync(file, { force: true });
    return false;
  }
  complete(dir, journal);
  return true;
}
