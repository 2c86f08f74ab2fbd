import { linkedCasesReport } from '../cases/linked-cases';
import type { AreaHandlers } from '../handler-types';
import {
  addBriefingItem,
  listBriefingItems,
  moveBriefingItem,
  removeBriefingItem,
} from './briefing-items';

export const reportHandlers: AreaHandlers<'reports'> = {
  'reports.linkedCases': (ctx) => linkedCasesReport(ctx.workspace.db),
  // The document renderers (React's server renderer, docx, the chart's layout) load when a
  // briefing is first made, not with every start of the app and the command line.
  'reports.briefing': async (ctx, input) =>
    (await import('./briefing-export')).exportBriefing(ctx.workspace, input, ctx.deps.documents),
  'reports.briefingItems.list': (ctx, input) => listBriefingItems(ctx.workspace.db, input.caseId),
  'reports.briefingItems.add': (ctx, input) => addBriefingItem(ctx.workspace, input),
  'reports.briefingItems.remove': (ctx, input) => removeBriefingItem(ctx.workspace, input.id),
  'reports.briefingItems.move': (ctx, input) => moveBriefingItem(ctx.workspace, input),
};
