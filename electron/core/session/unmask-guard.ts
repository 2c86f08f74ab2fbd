import { fullIdNumbersRole, mayExportFullIds } from '../../api/domain/roles';
import { AppError } from '../app-error';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

/**
 * Full ID numbers leave the workspace (a briefing, a chart's files) only when a lead or an
 * administrator asks for them; anyone else's request is refused before anything is made, and
 * recorded as denied like a role refusal by the router: an account probing for full numbers
 * had left no trace.
 */
export function assertMayUnmask(
  workspace: UnlockedWorkspace,
  unmaskIds: boolean,
  procedure: 'reports.briefing' | 'graph.export',
): void {
  if (!unmaskIds || mayExportFullIds(workspace.user.role)) return;
  workspace.audit({
    action: procedure,
    result: 'denied',
    details: { role: workspace.user.role, unmaskIds: true },
  });
  throw new AppError('auth.forbidden', 'Unmasked ID numbers need a lead or administrator', {
    needed: fullIdNumbersRole,
  });
}
