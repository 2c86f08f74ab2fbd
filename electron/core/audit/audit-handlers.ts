import type { AreaHandlers } from '../handler-types';
import { listAudit } from './audit-queries';
import { signWorkspaceHead, verifyWorkspaceAudit } from '../vault/workspace-audit';

export const auditHandlers: AreaHandlers<'audit'> = {
  'audit.list': (ctx, input) => listAudit(ctx.workspace.db, input),
  'audit.signHead': (ctx) => signWorkspaceHead(ctx.workspace),
  'audit.verify': (ctx) => {
    const result = verifyWorkspaceAudit(ctx.workspace);
    ctx.workspace.audit({
      action: 'audit.verified',
      result: result.ok ? 'ok' : 'failed',
      details: { ...result },
    });
    return result;
  },
};
