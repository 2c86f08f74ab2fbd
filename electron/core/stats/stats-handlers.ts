import type { AreaHandlers } from '../handler-types';
import { unitStatistics } from './unit-statistics';
import { workspaceStats } from './workspace-stats';

export const statsHandlers: AreaHandlers<'stats'> = {
  'stats.summary': (ctx) => workspaceStats(ctx.workspace.db),
  'stats.unit': (ctx, input) => unitStatistics(ctx.workspace.db, input, input.language),
  // React's server renderer loads with the first export (see report-handlers).
  'stats.export': async (ctx, input) =>
    (await import('./stats-export')).exportUnitStats(ctx.workspace, input, ctx.deps.documents),
};
