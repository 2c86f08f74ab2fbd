import { linkedCasesReport } from '../cases/linked-cases';
import type { AreaHandlers } from '../handler-types';
import { exportBriefing } from './briefing-export';

export const reportHandlers: AreaHandlers<'reports'> = {
  'reports.linkedCases': (ctx) => linkedCasesReport(ctx.workspace.db),
  'reports.briefing': (ctx, input) => exportBriefing(ctx.workspace, input, ctx.deps.documents),
};
