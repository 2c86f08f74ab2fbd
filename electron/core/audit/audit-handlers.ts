import type { AreaHandlers } from '../handler-types';
import { readHeader } from '../vault/workspace-header';
import { listAudit } from './audit-queries';
import { verifyAuditChain } from './audit-verify';

export const auditHandlers: AreaHandlers<'audit'> = {
  'audit.list': (ctx, input) => listAudit(ctx.workspace.db, input),
  'audit.verify': (ctx) => {
    const result = verifyAuditChain(ctx.workspace.db, readHeader(ctx.workspace.dir).auditAnchor);
    ctx.workspace.audit({
      action: 'audit.verified',
      result: result.ok ? 'ok' : 'failed',
      details: { ...result },
    });
    return result;
  },
};
