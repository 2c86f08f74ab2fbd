import type { AreaHandlers } from '../handler-types';
import { locatePlace, mapData, recordMapExport } from './map-service';

export const mapHandlers: AreaHandlers<'map'> = {
  'map.data': (ctx, input) => mapData(ctx.workspace.db, input),
  'map.locatePlace': (ctx, input) => locatePlace(ctx.workspace, input),
  'map.recordExport': (ctx, input) => recordMapExport(ctx.workspace, input),
  'map.exportPdf': async (ctx, input) =>
    (await import('./map-pdf')).exportMapPdf(ctx.workspace, input, ctx.deps.documents),
};
