import { fullIdNumbersRole, mayExportFullIds } from '../../api/domain/roles';
import { AppError } from '../app-error';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

/**
 * Full ID numbers leave the workspace (a briefing, a chart's files) only when a lead or an
 * administrator asks for them; anyone else's request is refused before anything is made.
 */
export function assertMayUnmask(workspace: UnlockedWorkspace, unmaskIds: boolean): void {
  if (unmaskIds && !mayExportFullIds(workspace.user.role))
    throw new AppError('auth.forbidden', 'Unmasked ID numbers need a lead or administrator', {
      needed: fullIdNumbersRole,
    });
}
