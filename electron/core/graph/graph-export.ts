import type { GraphData } from '../../api/schemas/graph-schemas';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { toAnx } from './anx-export';
import { toGraphml } from './graphml-export';

export type GraphExportFormat = 'graphml' | 'anx' | 'json';

const exportFormats = {
  graphml: { extension: 'graphml', mimeType: 'application/graphml+xml' },
  anx: { extension: 'anx', mimeType: 'application/xml' },
  json: { extension: 'json', mimeType: 'application/json' },
} as const;

/**
 * A chart as a file for Gephi/networkx (GraphML), i2 Analyst's Notebook (ANX) or scripts
 * (JSON), with positions kept. Case data leaves the workspace, so it is audited.
 */
export function exportGraph(
  workspace: UnlockedWorkspace,
  data: GraphData,
  format: GraphExportFormat,
  positions: Record<string, { x: number; y: number }>,
  caseId?: string,
): { fileName: string; mimeType: string; content: string } {
  const content =
    format === 'graphml'
      ? toGraphml(data, positions)
      : format === 'anx'
        ? toAnx(data, positions)
        : JSON.stringify({ ...data, positions }, null, 2);
  workspace.audit({
    action: 'graph.exported',
    targetType: caseId ? 'case' : 'graph',
    targetId: caseId ?? null,
    details: { caseId: caseId ?? null, format, nodes: data.nodes.length, edges: data.edges.length },
  });
  const { extension, mimeType } = exportFormats[format];
  return {
    fileName: `quanlian-graph-${workspace.now().slice(0, 10)}.${extension}`,
    mimeType,
    content,
  };
}
