import { maxInlineAttachmentBytes } from '../../api/domain/attachment-limits';
import { AppError } from '../app-error';
import { attachmentBytes } from '../attachments/attachment-service';
import { currentAuditHead } from '../audit/audit-verify';
import type { AreaHandlers } from '../handler-types';
import { openPackage, sealPackage } from './case-package';
import { readCaseSnapshot } from './case-snapshot';
import { importPackage, reviewPackage } from './package-import';
import { workspaceToday } from '../settings/workspace-time';

export const packageHandlers: AreaHandlers<'package'> = {
  'package.export': async (ctx, input) => {
    const { workspace } = ctx;
    const snapshot = readCaseSnapshot(
      workspace.db,
      input.caseId ? { caseId: input.caseId } : { entityIds: input.entityIds! },
      { now: workspace.now(), workspaceId: workspace.workspaceId },
      true,
    );
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
    const sealed = await sealPackage(
      snapshot,
      input.passphrase,
      ctx.env.kdf,
      currentAuditHead(workspace),
    );
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
      encoding: 'base64' as const,
      content: sealed.toString('base64'),
    };
  },
  'package.review': async (ctx, input) =>
    reviewPackage(
      ctx.workspace.db,
      await openPackage(Buffer.from(input.contentBase64, 'base64'), input.passphrase, ctx.env.kdf),
    ),
  'package.import': async (ctx, input) =>
    importPackage(
      ctx.workspace,
      await openPackage(Buffer.from(input.contentBase64, 'base64'), input.passphrase, ctx.env.kdf),
    ),
};
