import { AppError } from '../app-error';
import type { UnlockedWorkspace } from './unlocked-workspace';

/**
 * The raw data key as hex, for recovery with standard SQLCipher 4 tools
 * (`PRAGMA key = "x'<hex>'"`). Administrators only; always audited first.
 */
export function exportDataKey(workspace: UnlockedWorkspace): string {
  if (workspace.user.role !== 'admin') {
    workspace.audit({
      action: 'workspace.keyExported',
      result: 'denied',
      targetType: 'workspace',
      targetId: workspace.workspaceId,
    });
    throw new AppError('auth.forbidden', 'Only an administrator may export the key', {
      needed: 'admin',
    });
  }
  workspace.audit({
    action: 'workspace.keyExported',
    targetType: 'workspace',
    targetId: workspace.workspaceId,
  });
  return workspace.dataKey().toString('hex');
}
