import type { AreaHandlers } from '../handler-types';
import { exportAudit } from './audit-export';
import { auditUsernames, listAudit } from './audit-queries';
import { workspaceTimeZone } from '../settings/settings-service';
import { authorKeysOf, signWorkspaceHead, verifyWorkspaceAudit } from '../vault/workspace-audit';

export const auditHandlers: AreaHandlers<'audit'> = {
  'audit.list': (ctx, input) =>
    listAudit(
      ctx.workspace.db,
      input,
      workspaceTimeZone(ctx.workspace.db),
      authorKeysOf(ctx.workspace),
    ),
  'audit.users': (ctx) => auditUsernames(ctx.workspace.db),
  'audit.export': (ctx, input) =>
    exportAudit(
      ctx.workspace,
      input,
      workspaceTimeZone(ctx.workspace.db),
      authorKeysOf(ctx.workspace),
    ),
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
