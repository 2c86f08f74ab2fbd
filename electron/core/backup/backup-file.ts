import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../app-error';
import { signedAuditHeadSchema } from '../../api/schemas/audit-schemas';
import { workspaceHeaderSchema } from '../vault/workspace-header';

/**
 * A backup is one file: a magic string, a JSON header (the workspace header with its key slots,
 * and the database's size and SHA-256), then the encrypted database itself. Nothing in it is
 * plaintext case data: the key slots are as safe as in workspace.json.
 */
const magic = Buffer.from('QLBACKUP', 'ascii');
const formatVersion = 1;
const prefixLength = magic.length + 8;

export const backupHeaderSchema = z.object({
  format: z.literal('quanlian-backup'),
  version: z.literal(formatVersion),
  createdAt: z.string(),
  createdBy: z.string(),
  appliedMigrations: z.number().int(),
  workspace: workspaceHeaderSchema,
  /** The snapshot's audit head signed by the administrator who made the backup, if one did. */
  signedHead: signedAuditHeadSchema.nullable(),
  database: z.object({ size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

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

/** Writes header + database into `out` (through a temporary file, then renamed). */
export function writeBackupFile(out: string, header: BackupHeader, databaseFile: string): void {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(prefixLength);
  magic.copy(prefix, 0);
  prefix.writeUInt32LE(formatVersion, magic.length);
  prefix.writeUInt32LE(json.length, magic.length + 4);
  const temp = `${out}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, prefix);
    fs.writeSync(fd, json);
    const source = fs.openSync(databaseFile, 'r');
    try {
      const buffer = Buffer.alloc(1 << 20);
      for (let read = fs.readSync(source, buffer); read > 0; read = fs.readSync(source, buffer)) {
        fs.writeSync(fd, buffer, 0, read);
      }
    } finally {
      fs.closeSync(source);
    }
    fs.fsyncSync(fd);
  } catch (error) {
    // A full disk (or any write failure) leaves no half-written backup behind.
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, out);
}

/** Reads and checks a backup's header; the database bytes start at `databaseOffset`. */
export function readBackupHeader(file: string): { header: BackupHeader; databaseOffset: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new AppError('backup.invalid', 'The backup file cannot be read');
  }
  try {
    const size = fs.fstatSync(fd).size;
    const prefix = Buffer.alloc(prefixLength);
    if (size < prefixLength || fs.readSync(fd, prefix, 0, prefixLength, 0) !== prefixLength) {
      throw new AppError('backup.invalid', 'Not a Quanlian backup');
    }
    if (!prefix.subarray(0, magic.length).equals(magic))
      throw new AppError('backup.invalid', 'Not a Quanlian backup');
    if (prefix.readUInt32LE(magic.length) !== formatVersion)
      throw new AppError('backup.invalid', 'Unknown backup version');
    const jsonLength = prefix.readUInt32LE(magic.length + 4);
    if (jsonLength > 1 << 24 || prefixLength + jsonLength > size)
      throw new AppError('backup.corrupt', 'The backup header is cut off');
    const json = Buffer.alloc(jsonLength);
    fs.readSync(fd, json, 0, jsonLength, prefixLength);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw new AppError('backup.corrupt', 'The backup header is damaged');
    }
    const header = backupHeaderSchema.safeParse(parsed);
    if (!header.success) throw new AppError('backup.corrupt', 'The backup header is damaged');
    const databaseOffset = prefixLength + jsonLength;
    if (size - databaseOffset !== header.data.database.size) {
      throw new AppError('backup.corrupt', 'The backup is truncated or has extra bytes');
    }
    return { header: header.data, databaseOffset };
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the database bytes out of a backup into `target`, checking their SHA-256. */
export function extractBackupDatabase(
  file: string,
  databaseOffset: number,
  expectedSha256: string,
  target: string,
): void {
  const hash = crypto.createHash('sha256');
  const input = fs.openSync(file, 'r');
  const output = fs.openSync(target, 'wx', 0o600);
  try {
    const buffer = Buffer.alloc(1 << 20);
    let position = databaseOffset;
    for (
      let read = fs.readSync(input, buffer, 0, buffer.length, position);
      read > 0;
      read = fs.readSync(input, buffer, 0, buffer.length, position)
    ) {
      hash.update(buffer.subarray(0, read));
      fs.writeSync(output, buffer, 0, read);
      position += read;
    }
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
  if (hash.digest('hex') !== expectedSha256) {
    fs.rmSync(target, { force: true });
    throw new AppError('backup.corrupt', 'The backup database does not match its checksum');
  }
}
