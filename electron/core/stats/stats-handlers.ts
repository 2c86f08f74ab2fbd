import type { AreaHandlers } from '../handler-types';
import { workspaceStats } from './workspace-stats';

export const statsHandlers: AreaHandlers<'stats'> = {
  'stats.summary': (ctx) => workspaceStats(ctx.workspace.db),
};
