import type { z } from 'zod';
import { maxInlineAttachmentBytes } from '../../api/domain/attachment-limits';
import type { packageExportInput, packageExportOutput } from '../../api/schemas/package-schemas';
import { AppError } from '../app-error';
import { attachmentBytes } from '../attachments/attachment-service';
import { workspaceToday } from '../settings/workspace-time';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { KdfCost } from '../vault/vault-env';
import { currentAuditHead } from '../vault/workspace-audit';
import { sealPackage } from './case-package';
import { readCaseSnapshot } from './case-snapshot';
import { assertWithinRowLimits } from './package-limits';

/**
 * A case (or a set of entities) sealed under the passphrase as a case package (协查), with the
 * counts of what it carries. The export is audited with those counts and the package's size.
 */
export async function exportCasePackage(
  workspace: UnlockedWorkspace,
  input: z.output<typeof packageExportInput>,
  kdf: KdfCost | undefined,
): Promise<z.output<typeof packageExportOutput>> {
  const snapshot = readCaseSnapshot(
    workspace.db,
    input.caseId ? { caseId: input.caseId } : { entityIds: input.entityIds! },
    { now: workspace.now(), workspaceId: workspace.workspaceId },
    true,
  );
  // A package no workspace would receive is refused here, before the attachments are read.
  assertWithinRowLimits(snapshot);
  // Files kept outside the database are decrypted (and checked) into the package, which
  // carries them in memory: evidence larger than the inline limit goes by other means.
  const tooLarge = snapshot.attachments.find(
    (attachment) => attachment.sizeBytes > maxInlineAttachmentBytes,
  );
  if (tooLarge)
    throw new AppError('package.tooLarge', 'An attachment is too large for a case package', {
      attachmentId: tooLarge.id,
      sizeBytes: tooLarge.sizeBytes,
      limit: maxInlineAttachmentBytes,
    });
  for (const attachment of snapshot.attachments)
    if (attachment.storage === 'file')
      attachment.contentBase64 = (await attachmentBytes(workspace, attachment.id)).toString(
        'base64',
      );
  const sealed = await sealPackage(snapshot, input.passphrase, kdf, currentAuditHead(workspace));
  workspace.audit({
    action: 'package.exported',
    targetType: snapshot.case ? 'case' : 'workspace',
    targetId: snapshot.case?.id ?? null,
    details: {
      caseNo: snapshot.case?.caseNo ?? null,
      entities: snapshot.entities.length,
      relations: snapshot.relations.length,
      bytes: sealed.length,
    },
  });
  return {
    fileName: `${snapshot.case?.caseNo ?? 'entities'}-${workspaceToday(workspace)}.qlpkg`,
    mimeType: 'application/octet-stream',
    encoding: 'base64',
    content: sealed.toString('base64'),
    counts: {
      entities: snapshot.entities.length,
      relations: snapshot.relations.length,
      attachments: snapshot.attachments.length,
    },
  };
}
