import type { z } from 'zod';
import type { graphExportInput, graphImageExportInput } from '../../api/schemas/graph-schemas';
import { AppError } from '../app-error';
import { assertCaseExists } from '../membership/case-guards';
import type { DocumentRenderer } from '../reports/document-renderer';
import { assertMayUnmask } from '../session/unmask-guard';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { exportChartDocument } from './chart-document';
import { caseNumber, exportFileName, exportGraph } from './graph-export';
import { workspaceToday } from '../settings/workspace-time';
import { subgraph } from './graph-data';

/**
 * The chosen entities as a file: for other tools (GraphML, GEXF, ANX, JSON) or as a picture to
 * print (SVG, PNG, PDF). Each writer audits its own export.
 */
export function exportGraphFile(
  workspace: UnlockedWorkspace,
  input: z.output<typeof graphExportInput>,
  documents: DocumentRenderer | undefined,
) {
  // The case names the file and its title block, and its history records the export: a string
  // that names no case would file the export under nothing anyone reads.
  if (input.caseId) assertCaseExists(workspace.db, input.caseId);
  assertMayUnmask(workspace, input.unmaskIds, 'graph.export');
  if (!input.nodeIds.length)
    throw new AppError('graph.emptyChart', 'The chart has no entities to export');
  const data = subgraph(workspace.db, input.nodeIds, input.caseId);
  if (!data.nodes.length) throw new AppError('entities.notFound', 'None of these entities exist');
  const { format } = input;
  return format === 'svg' || format === 'png' || format === 'pdf'
    ? exportChartDocument(workspace, data, { ...input, format }, documents)
    : exportGraph(
        workspace,
        data,
        format,
        input.positions,
        input.caseId,
        input.unmaskIds,
        input.language,
      );
}

/** The view drew and saved the picture itself; the export is recorded here. */
export function recordGraphImageExport(
  workspace: UnlockedWorkspace,
  input: z.output<typeof graphImageExportInput>,
): { fileName: string } {
  if (input.caseId) assertCaseExists(workspace.db, input.caseId);
  workspace.audit({
    action: 'graph.imageExported',
    targetType: input.caseId ? 'case' : 'graph',
    targetId: input.caseId ?? null,
    details: { caseId: input.caseId ?? null, nodes: input.nodes, view: input.viewName ?? null },
  });
  // Named as the chart's other files are, on the workspace's day (the window's UTC date had
  // named a picture made at 01:29 China time after the day before).
  return {
    fileName: exportFileName(
      caseNumber(workspace.db, input.caseId),
      workspaceToday(workspace),
      'png',
    ),
  };
}
