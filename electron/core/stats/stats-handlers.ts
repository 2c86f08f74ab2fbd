import type { AreaHandlers } from '../handler-types';
import { exportUnitStats } from './stats-export';
import { unitStatistics } from './unit-statistics';
import { workspaceStats } from './workspace-stats';

export const statsHandlers: AreaHandlers<'stats'> = {
  'stats.summary': (ctx) => workspaceStats(ctx.workspace.db),
  'stats.unit': (ctx, input) => unitStatistics(ctx.workspace.db, input, input.language),
  'stats.export': (ctx, input) => exportUnitStats(ctx.workspace, input, ctx.deps.documents),
};
