import { linkedCasesReport } from '../cases/linked-cases';
import type { AreaHandlers } from '../handler-types';
import { exportBriefing } from './briefing-export';
import {
  addBriefingItem,
  listBriefingItems,
  moveBriefingItem,
  removeBriefingItem,
} from './briefing-items';

export const reportHandlers: AreaHandlers<'reports'> = {
  'reports.linkedCases': (ctx) => linkedCasesReport(ctx.workspace.db),
  'reports.briefing': (ctx, input) => exportBriefing(ctx.workspace, input, ctx.deps.documents),
  'reports.briefingItems.list': (ctx, input) => listBriefingItems(ctx.workspace.db, input.caseId),
  'reports.briefingItems.add': (ctx, input) => addBriefingItem(ctx.workspace, input),
  'reports.briefingItems.remove': (ctx, input) => removeBriefingItem(ctx.workspace, input.id),
  'reports.briefingItems.move': (ctx, input) => moveBriefingItem(ctx.workspace, input),
};
