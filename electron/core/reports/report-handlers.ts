import { linkedCasesReport } from '../cases/linked-cases';
import type { AreaHandlers } from '../handler-types';

export const reportHandlers: AreaHandlers<'reports'> = {
  'reports.linkedCases': (ctx) => linkedCasesReport(ctx.workspace.db),
};
