import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { AppError } from '../app-error';
import { writeFileAtomicWith } from '../durable-file';
import { signedAuditHeadSchema } from '../../api/schemas/audit-schemas';
import { workspaceHeaderSchema } from '../vault/workspace-header';

/**
 * A backup is one file: a magic string, a JSON header (the workspace header with its key slots,
 * and the database's size and SHA-256), then the encrypted database itself, then (version 2)
 * the encrypted attachment files one after another, as listed in the header. Nothing in it is
 * plaintext case data: the key slots are as safe as in workspace.json.
 */
const magic = Buffer.from('QLBACKUP', 'ascii');
const formatVersion = 2;
const readableVersions = new Set([1, 2]);
const prefixLength = magic.length + 8;

const backupHeaderSchema = z.object({
  format: z.literal('quanlian-backup'),
  version: z.union([z.literal(1), z.literal(formatVersion)]),
  createdAt: z.string(),
  createdBy: z.string(),
  appliedMigrations: z.number().int(),
  workspace: workspaceHeaderSchema,
  /** The snapshot's audit head signed by the administrator who made the backup, if one did. */
  signedHead: signedAuditHeadSchema.nullable(),
  database: z.object({ size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** The encrypted attachment files that follow the database, in order (absent in version 1). */
  attachments: z
    .array(
      z.object({
        name: z.string().regex(/^[0-9A-Za-z_-]{1,64}\.qla$/),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(10_000_000)
    .optional(),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

function appendFile(fd: number, file: string): void {
  const source = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let read = fs.readSync(source, buffer); read > 0; read = fs.readSync(source, buffer)) {
      fs.writeSync(fd, buffer, 0, read);
    }
  } finally {
    fs.closeSync(source);
  }
}

/**
 * Writes header + database (+ the attachment files named in the header, read from
 * `attachmentsDir`) into `out`, through a temporary file, then renamed.
 */
export function writeBackupFile(
  out: string,
  header: BackupHeader,
  databaseFile: string,
  attachmentsDir?: string,
): void {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(prefixLength);
  magic.copy(prefix, 0);
  prefix.writeUInt32LE(formatVersion, magic.length);
  prefix.writeUInt32LE(json.length, magic.length + 4);
  writeFileAtomicWith(out, (fd) => {
    fs.writeSync(fd, prefix);
    fs.writeSync(fd, json);
    appendFile(fd, databaseFile);
    for (const attachment of header.attachments ?? [])
      appendFile(fd, path.join(attachmentsDir!, attachment.name));
  });
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
    if (!readableVersions.has(prefix.readUInt32LE(magic.length)))
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
    const attachmentBytes = (header.data.attachments ?? []).reduce(
      (sum, attachment) => sum + attachment.size,
      0,
    );
    if (size - databaseOffset !== header.data.database.size + attachmentBytes) {
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
  /** The database's size: attachment files may follow it. */
  size = Number.MAX_SAFE_INTEGER,
): void {
  const hash = crypto.createHash('sha256');
  const input = fs.openSync(file, 'r');
  const output = fs.openSync(target, 'wx', 0o600);
  try {
    const buffer = Buffer.alloc(1 << 20);
    let position = databaseOffset;
    const end = databaseOffset + size;
    for (
      let read = fs.readSync(input, buffer, 0, Math.min(buffer.length, end - position), position);
      read > 0;
      read = fs.readSync(input, buffer, 0, Math.min(buffer.length, end - position), position)
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

/**
 * Copies the attachment files out of a backup into `targetDir` (created, owner-only), checking
 * each one's SHA-256; on a mismatch the folder is removed and the backup called corrupt.
 */
export function extractBackupAttachments(
  file: string,
  header: BackupHeader,
  databaseOffset: number,
  targetDir: string,
): void {
  fs.mkdirSync(targetDir, { recursive: true, mode: 0o700 });
  const input = fs.openSync(file, 'r');
  try {
    let position = databaseOffset + header.database.size;
    const buffer = Buffer.alloc(1 << 20);
    for (const attachment of header.attachments ?? []) {
      const hash = crypto.createHash('sha256');
      const output = fs.openSync(path.join(targetDir, attachment.name), 'wx', 0o600);
      try {
        let left = attachment.size;
        while (left > 0) {
          const read = fs.readSync(input, buffer, 0, Math.min(buffer.length, left), position);
          if (read === 0) throw new AppError('backup.corrupt', 'The backup is truncated');
          hash.update(buffer.subarray(0, read));
          fs.writeSync(output, buffer, 0, read);
          position += read;
          left -= read;
        }
        fs.fsyncSync(output);
      } finally {
        fs.closeSync(output);
      }
      if (hash.digest('hex') !== attachment.sha256)
        throw new AppError(
          'backup.corrupt',
          'An attachment in the backup does not match its checksum',
        );
    }
  } catch (error) {
    fs.rmSync(targetDir, { recursive: true, force: true });
    throw error;
  } finally {
    fs.closeSync(input);
  }
}
