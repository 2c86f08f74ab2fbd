import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import type { z } from 'zod';
import type { briefingInput, DocumentFile } from '../../api/schemas/briefing-schemas';
import { AppError } from '../app-error';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { BriefingDocument } from './BriefingDocument';
import { briefingDocx } from './briefing-docx';
import { buildBriefingModel, type BriefingModel } from './briefing-model';
import { svgSize } from './chart-svg';
import type { DocumentRenderer } from './document-renderer';
import { assertMayUnmask } from '../session/unmask-guard';

function briefingHtml(model: BriefingModel): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(createElement(BriefingDocument, { model }))}`;
}

const mimeTypes = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

async function rasterise(renderer: DocumentRenderer, svg: string) {
  const size = svgSize(svg);
  return { png: await renderer.png(svg, size, 2), ...size };
}

/**
 * A case briefing as HTML (preview, print), PDF or DOCX. Case data leaves the workspace, so
 * every one is audited, with the options that matter (format, marking, unmasked IDs).
 */
export async function exportBriefing(
  workspace: UnlockedWorkspace,
  input: z.output<typeof briefingInput>,
  renderer: DocumentRenderer | undefined,
): Promise<DocumentFile> {
  assertMayUnmask(workspace, input.unmaskIds, 'reports.briefing');
  if (input.format !== 'html' && !renderer)
    throw new AppError('reports.rendererUnavailable', 'No document renderer in this host');
  const model = buildBriefingModel(workspace.db, {
    ...input,
    author: workspace.user.displayName,
    now: workspace.now(),
  });
  const html = briefingHtml(model);
  let file: Omit<DocumentFile, 'fileName' | 'mimeType'>;
  if (input.format === 'html') file = { encoding: 'utf8', content: html };
  else if (input.format === 'pdf') {
    const pdf = await renderer!.pdf(html, { footer: model.caseNo });
    file = { encoding: 'base64', content: Buffer.from(pdf).toString('base64') };
  } else {
    const docx = await briefingDocx(model, {
      gang: await rasterise(renderer!, model.gangChart.svg),
      chain: await rasterise(renderer!, model.supplyChain.svg),
    });
    file = { encoding: 'base64', content: Buffer.from(docx).toString('base64') };
  }
  workspace.audit({
    action: input.format === 'html' ? 'briefing.previewed' : 'briefing.exported',
    targetType: 'case',
    targetId: input.caseId,
    details: {
      caseId: input.caseId,
      format: input.format,
      classification: input.classification,
      unmaskedIds: input.unmaskIds,
      viewId: input.viewId ?? null,
    },
  });
  return {
    fileName: `${model.text.briefingTitle}-${model.caseNo}-${model.day}.${input.format}`,
    mimeType: mimeTypes[input.format],
    ...file,
  };
}
