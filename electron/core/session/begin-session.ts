import type { SessionInfo } from '../../api/schemas/session-schemas';
import type { PublicContext } from '../handler-types';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

/** Makes an unlocked workspace the session and remembers it for the next start. */
export function beginSession(ctx: PublicContext, workspace: UnlockedWorkspace): SessionInfo {
  ctx.sessions.open(workspace);
  ctx.registry.remember({
    path: workspace.dir,
    name: workspace.name,
    isDemo: workspace.isDemo,
    lastOpenedAt: workspace.now(),
  });
  return ctx.sessions.info()!;
}
