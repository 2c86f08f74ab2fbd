import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { sha256File } from '../durable-file';
import { blobPath } from './attachment-blob';

/**
 * The encrypted attachment files a backup must carry: every file-stored attachment of the
 * database snapshot (deleted ones too: they are evidence), with the size and SHA-256 of its
 * ciphertext. Files never change once written, so the snapshot and the files agree.
 */
export function backupAttachmentList(
  snapshot: Database.Database,
  workspaceDir: string,
): { name: string; size: number; sha256: string }[] {
  // A workspace not yet migrated to file attachments has none to carry.
  const columns = snapshot.prepare('PRAGMA table_info(attachments)').all() as { name: string }[];
  if (!columns.some((column) => column.name === 'storage')) return [];
  const ids = snapshot
    .prepare("SELECT id FROM attachments WHERE storage = 'file' ORDER BY id")
    .pluck()
    .all() as string[];
  return ids
    .filter((id) => fs.existsSync(blobPath(workspaceDir, id)))
    .map((id) => {
      const file = blobPath(workspaceDir, id);
      return { name: `${id}.qla`, size: fs.statSync(file).size, sha256: sha256File(file) };
    });
}
