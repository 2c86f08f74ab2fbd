import { maskResidentId } from '../../api/domain/resident-id';
import { sql } from 'drizzle-orm';
import type { GraphData } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { toAnx } from './anx-export';
import { toGexf } from './gexf-export';
import { toGraphml } from './graphml-export';
import { workspaceToday } from '../settings/workspace-time';
import { exportedEntities } from './exported-entities';

type GraphExportFormat = 'graphml' | 'gexf' | 'anx' | 'json';

export const exportFormats = {
  graphml: { extension: 'graphml', mimeType: 'application/graphml+xml' },
  gexf: { extension: 'gexf', mimeType: 'application/gexf+xml' },
  anx: { extension: 'anx', mimeType: 'application/xml' },
  json: { extension: 'json', mimeType: 'application/json' },
  svg: { extension: 'svg', mimeType: 'image/svg+xml' },
  png: { extension: 'png', mimeType: 'image/png' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
} as const;

/** The case number of a chart's case, or null for a chart outside one. */
export function caseNumber(db: Executor, caseId: string | undefined): string | null {
  if (!caseId) return null;
  return (
    db.get<{ case_no: string }>(sql`SELECT case_no FROM cases WHERE id = ${caseId}`)?.case_no ??
    null
  );
}

/**
 * `quanlian-graph-<case no>-<date>.<ext>`: the case number tells files of different cases
 * apart in a shared folder; characters file systems refuse are replaced.
 */
export function exportFileName(
  caseNo: string | null,
  date: string,
  format: keyof typeof exportFormats,
): string {
  const safeCaseNo = caseNo
    ? [...caseNo].map((char) => (char < ' ' || '\\/:*?"<>| '.includes(char) ? '_' : char)).join('')
    : null;
  return `quanlian-graph-${safeCaseNo ? `${safeCaseNo}-` : ''}${date.slice(0, 10)}.${exportFormats[format].extension}`;
}

/** Persons' ID numbers masked (1501**********1234): files leave without them unless asked. */
function withMaskedIds(data: GraphData): GraphData {
  return {
    ...data,
    nodes: data.nodes.map((node) =>
      node.kind === 'person' && node.identifier
        ? { ...node, identifier: maskResidentId(node.identifier) }
        : node,
    ),
  };
}

/**
 * A chart as a file for Gephi/networkx (GraphML, GEXF), i2 Analyst's Notebook (ANX) or
 * scripts (JSON), with positions kept. Case data leaves the workspace, so it is audited. ID
 * numbers go masked unless a lead asked for them in full (`fullIds`, checked by the caller): a
 * lead's file had carried every person's number, shown under each icon in i2.
 */
export function exportGraph(
  workspace: UnlockedWorkspace,
  chart: GraphData,
  format: GraphExportFormat,
  positions: Record<string, { x: number; y: number }>,
  caseId?: string,
  fullIds = false,
  language: 'zh-CN' | 'en' = 'zh-CN',
): { fileName: string; mimeType: string; encoding: 'utf8'; content: string } {
  const data = fullIds ? chart : withMaskedIds(chart);
  const caseNo = caseNumber(workspace.db, caseId);
  const content =
    format === 'graphml'
      ? toGraphml(data, positions, language)
      : format === 'gexf'
        ? toGexf(
            data,
            positions,
            {
              creator: 'Quanlian',
              description: caseNo ?? '',
              lastModified: workspaceToday(workspace),
            },
            language,
          )
        : format === 'anx'
          ? toAnx(data, positions, language)
          : JSON.stringify({ ...data, positions }, null, 2);
  workspace.audit({
    action: 'graph.exported',
    targetType: caseId ? 'case' : 'graph',
    targetId: caseId ?? null,
    details: {
      caseId: caseId ?? null,
      format,
      nodes: data.nodes.length,
      edges: data.edges.length,
      unmaskedIds: fullIds,
      ...exportedEntities(
        workspace.db,
        data.nodes.map((node) => node.id),
      ),
    },
  });
  return {
    fileName: exportFileName(caseNo, workspaceToday(workspace), format),
    mimeType: exportFormats[format].mimeType,
    encoding: 'utf8',
    content,
  };
}
