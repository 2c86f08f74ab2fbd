import crypto from 'node:crypto';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { maxAttachmentBytes } from '../../api/domain/attachment-limits';
import type {
  AttachmentRow,
  attachmentAddInput,
  attachmentListInput,
} from '../../api/schemas/attachment-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { attachmentsTable, casesTable, seizuresTable } from '../db/schema';
import { assertLiveEntity } from '../cases/case-members';
import { assertCaseExists } from '../cases/case-service';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

const rowColumns = {
  id: attachmentsTable.id,
  ownerType: attachmentsTable.ownerType,
  ownerId: attachmentsTable.ownerId,
  caseId: attachmentsTable.caseId,
  fileName: attachmentsTable.fileName,
  mimeType: attachmentsTable.mimeType,
  sizeBytes: attachmentsTable.sizeBytes,
  sha256: attachmentsTable.sha256,
  description: attachmentsTable.description,
  createdAt: attachmentsTable.createdAt,
  createdBy: attachmentsTable.createdBy,
};

/** The case an attachment belongs to, for the case's attachment tab and history. */
function owningCase(
  tx: Executor,
  ownerType: AttachmentRow['ownerType'],
  ownerId: string,
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
  assertLiveEntity(tx, ownerId);
  return null;
}

/**
 * Stores a file as evidence: inside the encrypted database (so encrypted at rest), with its
 * SHA-256. Files over the limit, empty files and undecodable content are refused.
 */
export function addAttachment(
  workspace: UnlockedWorkspace,
  input: z.output<typeof attachmentAddInput>,
): AttachmentRow {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw new AppError('attachments.empty', 'The file is empty');
  if (content.length > maxAttachmentBytes) {
    throw new AppError('attachments.tooLarge', 'The file is larger than allowed', {
      limitBytes: maxAttachmentBytes,
      limitMiB: maxAttachmentBytes / 2 ** 20,
      sizeBytes: content.length,
    });
  }
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  return workspace.write(
    (tx) => {
      const caseId = owningCase(tx, input.ownerType, input.ownerId);
      const id = newId();
      const now = workspace.now();
      tx.insert(attachmentsTable)
        .values({
          id,
          ownerType: input.ownerType,
          ownerId: input.ownerId,
          caseId,
          fileName: input.fileName,
          mimeType: input.mimeType || 'application/octet-stream',
          sizeBytes: content.length,
          sha256,
          content,
          description: input.description ?? null,
          createdAt: now,
          createdBy: workspace.user.id,
          updatedAt: now,
          updatedBy: workspace.user.id,
        })
        .run();
      if (caseId)
        tx.update(casesTable).set({ updatedAt: now }).where(eq(casesTable.id, caseId)).run();
      return tx.select(rowColumns).from(attachmentsTable).where(eq(attachmentsTable.id, id)).get()!;
    },
    (row) => ({
      action: 'attachments.added',
      targetType: 'attachment',
      targetId: row.id,
      details: {
        caseId: row.caseId,
        ownerType: row.ownerType,
        ownerId: row.ownerId,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      },
    }),
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

/** The file itself, for preview or saving; reading evidence is audited like printing it. */
export function readAttachment(
  workspace: UnlockedWorkspace,
  id: string,
): AttachmentRow & { contentBase64: string } {
  const row = workspace.db
    .select({ ...rowColumns, content: attachmentsTable.content })
    .from(attachmentsTable)
    .where(and(eq(attachmentsTable.id, id), isNull(attachmentsTable.deletedAt)))
    .get();
  if (!row) throw new AppError('attachments.notFound', 'No such attachment');
  workspace.audit({
    action: 'attachments.viewed',
    targetType: 'attachment',
    targetId: id,
    details: { caseId: row.caseId, fileName: row.fileName },
  });
  const { content, ...rest } = row;
  return { ...rest, contentBase64: content.toString('base64') };
}

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
