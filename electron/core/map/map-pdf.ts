import type { z } from 'zod';
import type { DocumentFile } from '../../api/schemas/briefing-schemas';
import type { mapPdfInput } from '../../api/schemas/map-schemas';
import { AppError } from '../app-error';
import { assertCaseExists } from '../membership/case-guards';
import { chartPdfHtml } from '../graph/chart-document';
import { caseNumber } from '../graph/graph-export';
import type { DocumentRenderer } from '../reports/document-renderer';
import { workspaceToday } from '../settings/workspace-time';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

/**
 * ECharts writes the picture's size as width/height; the page scales it to the paper, which
 * needs a viewBox in the same units (added when the picture has none).
 */
export function withViewBox(svg: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open || /\sviewBox=/.test(open[0])) return svg;
  const width = /\swidth="([\d.]+)(?:px)?"/.exec(open[0])?.[1];
  const height = /\sheight="([\d.]+)(?:px)?"/.exec(open[0])?.[1];
  if (!width || !height) return svg;
  const tag = open[0].replace(/<svg\b/, `<svg viewBox="0 0 ${width} ${height}"`);
  return svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length);
}

/**
 * The map's page (drawn by the view for the page: title block above the map, the map fitted
 * to its area; map-page.ts) printed as a vector PDF on an A4/A3 landscape page, like the
 * chart's print. Audited like every export.
 */
export async function exportMapPdf(
  workspace: UnlockedWorkspace,
  input: z.output<typeof mapPdfInput>,
  renderer: DocumentRenderer | undefined,
): Promise<DocumentFile> {
  if (!renderer)
    throw new AppError('reports.rendererUnavailable', 'No document renderer in this host');
  if (input.caseId) assertCaseExists(workspace.db, input.caseId);
  const caseNo = caseNumber(workspace.db, input.caseId);
  const pdf = await renderer.pdf(chartPdfHtml(withViewBox(input.svg), input.page), {
    footer: caseNo ?? '',
  });
  workspace.audit({
    action: 'map.exported',
    targetType: input.caseId ? 'case' : 'workspace',
    targetId: input.caseId ?? null,
    details: {
      caseId: input.caseId ?? null,
      format: 'pdf',
      from: input.from ?? null,
      to: input.to ?? null,
      classification: input.classification,
      page: input.page,
    },
  });
  return {
    fileName: `quanlian-map-${caseNo ?? 'all'}-${workspaceToday(workspace)}.pdf`,
    mimeType: 'application/pdf',
    encoding: 'base64',
    content: Buffer.from(pdf).toString('base64'),
  };
}
