import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { maxAttachmentBytes, maxInlineAttachmentBytes } from '../../api/domain/attachment-limits';
import type {
  AttachmentRow,
  attachmentAddFileInput,
  attachmentAddInput,
  attachmentListInput,
} from '../../api/schemas/attachment-schemas';
import { AppError } from '../app-error';
import { writeFileAtomic } from '../durable-file';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { attachmentsTable, casesTable, eventsTable, seizuresTable } from '../db/schema';
import { assertCaseExists, assertLiveEntity } from '../membership/case-guards';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import {
  blobPath,
  openBlobToBuffer,
  openBlobToFile,
  sealBlob,
  type BlobIdentity,
} from './attachment-blob';

const rowColumns = {
  id: attachmentsTable.id,
  ownerType: attachmentsTable.ownerType,
  ownerId: attachmentsTable.ownerId,
  caseId: attachmentsTable.caseId,
  fileName: attachmentsTable.fileName,
  mimeType: attachmentsTable.mimeType,
  kind: attachmentsTable.kind,
  sizeBytes: attachmentsTable.sizeBytes,
  sha256: attachmentsTable.sha256,
  description: attachmentsTable.description,
  createdAt: attachmentsTable.createdAt,
  createdBy: attachmentsTable.createdBy,
};

const storedColumns = {
  ...rowColumns,
  storage: attachmentsTable.storage,
  fileSecret: attachmentsTable.fileSecret,
};
type StoredRow = AttachmentRow & { storage: 'database' | 'file'; fileSecret: Buffer | null };

/** The case an attachment belongs to, for the case's attachment tab and history. */
function owningCase(
  tx: Executor,
  ownerType: AttachmentRow['ownerType'],
  ownerId: string,
  inCase?: string,
): string | null {
  if (ownerType === 'case') {
    assertCaseExists(tx, ownerId);
    return ownerId;
  }
  if (ownerType === 'seizure') {
    const seizure = tx
      .select({ caseId: seizuresTable.caseId })
      .from(seizuresTable)
      .where(and(eq(seizuresTable.id, ownerId), isNull(seizuresTable.deletedAt)))
      .get();
    if (!seizure) throw new AppError('seizures.notFound', 'No such seizure');
    return seizure.caseId;
  }
  if (ownerType === 'event') {
    const event = tx
      .select({ caseId: eventsTable.caseId })
      .from(eventsTable)
      .where(and(eq(eventsTable.id, ownerId), isNull(eventsTable.deletedAt)))
      .get();
    if (!event) throw new AppError('events.notFound', 'No such event');
    return event.caseId;
  }
  assertLiveEntity(tx, ownerId);
  if (inCase) assertCaseExists(tx, inCase);
  return inCase ?? null;
}

function identity(
  workspace: UnlockedWorkspace,
  attachmentId: string,
  secret: Buffer | null,
): BlobIdentity {
  if (!secret) throw new AppError('attachments.missing', 'The attachment has no file key');
  return { secret, workspaceId: workspace.workspaceId, attachmentId };
}

type AddFields = Pick<
  z.output<typeof attachmentAddInput>,
  'ownerType' | 'ownerId' | 'kind' | 'mimeType' | 'description' | 'caseId'
> & { fileName: string };

/**
 * Encrypts the file into the workspace's attachment folder (outside the database), then records
 * it with its SHA-256 and the audit entry in one transaction. The owner is checked before the
 * first byte is read; if the record cannot be written the encrypted file is removed again.
 */
async function addSealed(
  workspace: UnlockedWorkspace,
  fields: AddFields,
  source: { path: string } | { bytes: Buffer },
  maxBytes: number,
): Promise<AttachmentRow> {
  owningCase(workspace.db, fields.ownerType, fields.ownerId, fields.caseId);
  const id = newId();
  const fileSecret = crypto.randomBytes(32);
  const mimeType = fields.mimeType || 'application/octet-stream';
  const sealed = await sealBlob(
    workspace.dir,
    identity(workspace, id, fileSecret),
    source,
    { fileName: fields.fileName, mimeType },
    maxBytes,
  );
  try {
    return workspace.write(
      (tx) => {
        const caseId = owningCase(tx, fields.ownerType, fields.ownerId, fields.caseId);
        const now = workspace.now();
        tx.insert(attachmentsTable)
          .values({
            id,
            ownerType: fields.ownerType,
            ownerId: fields.ownerId,
            caseId,
            fileName: fields.fileName,
            mimeType,
            kind: fields.kind,
            storage: 'file',
            sizeBytes: sealed.sizeBytes,
            sha256: sealed.sha256,
            content: Buffer.alloc(0),
            fileSecret,
            description: fields.description ?? null,
            createdAt: now,
            createdBy: workspace.user.id,
            updatedAt: now,
            updatedBy: workspace.user.id,
          })
          .run();
        if (caseId)
          tx.update(casesTable).set({ updatedAt: now }).where(eq(casesTable.id, caseId)).run();
        return tx
          .select(rowColumns)
          .from(attachmentsTable)
          .where(eq(attachmentsTable.id, id))
          .get()!;
      },
      (row) => ({
        action: 'attachments.added',
        targetType: 'attachment',
        targetId: row.id,
        details: {
          caseId: row.caseId,
          ownerType: row.ownerType,
          ownerId: row.ownerId,
          kind: row.kind,
          fileName: row.fileName,
          sizeBytes: row.sizeBytes,
          sha256: row.sha256,
        },
      }),
    );
  } catch (error) {
    fs.rmSync(blobPath(workspace.dir, id), { force: true });
    throw error;
  }
}

/** Stores a small file sent inline (base64): the renderer's upload and the browser host. */
export function addAttachment(
  workspace: UnlockedWorkspace,
  input: z.output<typeof attachmentAddInput>,
): Promise<AttachmentRow> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  return addSealed(workspace, input, { bytes }, maxInlineAttachmentBytes);
}

/**
 * Stores a file of up to `maxAttachmentBytes` read from a path, streamed: it is never held in
 * memory whole and never copied anywhere in plaintext.
 */
export function addAttachmentFile(
  workspace: UnlockedWorkspace,
  input: z.output<typeof attachmentAddFileInput>,
): Promise<AttachmentRow> {
  const fileName = input.fileName ?? path.basename(input.path);
  return addSealed(
    workspace,
    { ...input, fileName },
    { path: path.resolve(input.path) },
    maxAttachmentBytes,
  );
}

/** Attachments of an owner, or every attachment of a case (its own, its seizures'), newest first. */
export function listAttachments(
  db: Executor,
  filter: z.output<typeof attachmentListInput>,
): AttachmentRow[] {
  const conditions: SQL[] = [isNull(attachmentsTable.deletedAt)];
  if (filter.ownerType) conditions.push(eq(attachmentsTable.ownerType, filter.ownerType));
  if (filter.ownerId) conditions.push(eq(attachmentsTable.ownerId, filter.ownerId));
  if (filter.caseId) conditions.push(eq(attachmentsTable.caseId, filter.caseId));
  return db
    .select(rowColumns)
    .from(attachmentsTable)
    .where(and(...conditions))
    .orderBy(desc(attachmentsTable.createdAt))
    .all();
}

function storedRow(db: Executor, id: string): StoredRow {
  const row = db
    .select(storedColumns)
    .from(attachmentsTable)
    .where(and(eq(attachmentsTable.id, id), isNull(attachmentsTable.deletedAt)))
    .get();
  if (!row) throw new AppError('attachments.notFound', 'No such attachment');
  return row;
}

/** Bytes of an attachment kept in the database, checked against the recorded SHA-256. */
function databaseContent(db: Executor, row: StoredRow): Buffer {
  const { content } = db
    .select({ content: attachmentsTable.content })
    .from(attachmentsTable)
    .where(eq(attachmentsTable.id, row.id))
    .get()!;
  if (crypto.createHash('sha256').update(content).digest('hex') !== row.sha256)
    throw new AppError('attachments.corrupt', 'The attachment was altered', { chunk: 0 });
  return content;
}

/**
 * The whole content of an attachment in memory, checked (every chunk authenticated and the
 * SHA-256 compared): for small files only. Not audited: callers audit what they do with it.
 */
export async function attachmentBytes(
  workspace: UnlockedWorkspace,
  rowOrId: StoredRow | string,
): Promise<Buffer> {
  const row = typeof rowOrId === 'string' ? storedRow(workspace.db, rowOrId) : rowOrId;
  if (row.storage === 'database') return databaseContent(workspace.db, row);
  return openBlobToBuffer(workspace.dir, identity(workspace, row.id, row.fileSecret), row);
}

/** The file itself as base64, for preview or saving a small file; reading evidence is audited. */
export async function readAttachment(
  workspace: UnlockedWorkspace,
  id: string,
): Promise<AttachmentRow & { contentBase64: string }> {
  const stored = storedRow(workspace.db, id);
  const { storage: _storage, fileSecret: _secret, ...row } = stored;
  if (row.sizeBytes > maxInlineAttachmentBytes)
    throw new AppError('attachments.tooLargeToInline', 'Save this file to a folder instead', {
      limitMiB: maxInlineAttachmentBytes / 2 ** 20,
    });
  const content = await attachmentBytes(workspace, stored);
  workspace.audit({
    action: 'attachments.viewed',
    targetType: 'attachment',
    targetId: id,
    details: { caseId: row.caseId, fileName: row.fileName },
  });
  return { ...row, contentBase64: content.toString('base64') };
}

/** Anything at the path, a dangling link included (exists() follows links). */
function pathTaken(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

/** A failure to create, write or rename the chosen file (or its temporary twin), as a code the UI words. */
function unwritableTarget(error: unknown, out: string): unknown {
  const failedPath = (error as NodeJS.ErrnoException).path;
  return typeof failedPath === 'string' && failedPath.startsWith(out)
    ? new AppError('attachments.targetUnwritable', 'The file cannot be written there')
    : error;
}

/**
 * Decrypts an attachment, streamed, into a new file the user chose. Every chunk is checked
 * before it is written; on a damaged chunk the partial file is removed and the error names the
 * chunk. Audited as an export, with the SHA-256 of what was handed over.
 */
export async function saveAttachmentTo(
  workspace: UnlockedWorkspace,
  id: string,
  target: string,
  /** Replace an existing file (the user confirmed it in the native save dialog). */
  overwrite = false,
): Promise<{ path: string; sizeBytes: number; sha256: string }> {
  const row = storedRow(workspace.db, id);
  const out = path.resolve(target);
  const details = { caseId: row.caseId, fileName: row.fileName, sha256: row.sha256 };
  try {
    // Checked before writing: the write replaces whatever is there (a file, or a link, never
    // followed), so "do not overwrite" is this check.
    if (!overwrite && pathTaken(out))
      throw new AppError('attachments.targetExists', 'A file of that name already exists');
    try {
      if (row.storage === 'database') writeFileAtomic(out, databaseContent(workspace.db, row));
      else
        await openBlobToFile(workspace.dir, identity(workspace, row.id, row.fileSecret), row, out);
    } catch (error) {
      throw unwritableTarget(error, out);
    }
  } catch (error) {
    workspace.audit({
      action: 'attachments.saveFailed',
      result: 'failed',
      targetType: 'attachment',
      targetId: id,
      details: { ...details, code: (error as { code?: string }).code ?? null },
    });
    throw error;
  }
  workspace.audit({
    action: 'attachments.saved',
    targetType: 'attachment',
    targetId: id,
    details: { ...details, file: path.basename(out) },
  });
  return { path: out, sizeBytes: row.sizeBytes, sha256: row.sha256 };
}

/** Soft delete: the record is hidden, the encrypted file stays (it is evidence). */
export function deleteAttachment(workspace: UnlockedWorkspace, id: string): void {
  let before: AttachmentRow | undefined;
  workspace.write(
    (tx) => {
      before = tx
        .select(rowColumns)
        .from(attachmentsTable)
        .where(and(eq(attachmentsTable.id, id), isNull(attachmentsTable.deletedAt)))
        .get();
      if (!before) throw new AppError('attachments.notFound', 'No such attachment');
      tx.update(attachmentsTable)
        .set({
          deletedAt: workspace.now(),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(attachmentsTable.id, id))
        .run();
    },
    () => ({
      action: 'attachments.deleted',
      targetType: 'attachment',
      targetId: id,
      details: {
        caseId: before?.caseId ?? null,
        fileName: before?.fileName,
        sha256: before?.sha256,
      },
    }),
  );
}
