import { sql } from 'drizzle-orm';
import {
  englishChartStatusNames,
  englishRelationShortNames,
  relationShortNames,
} from '../../api/domain/chart-look';
import type { Classification } from '../../api/schemas/briefing-schemas';
import type { GraphData } from '../../api/schemas/graph-schemas';
import { AppError } from '../app-error';
import type { DocumentRenderer } from '../reports/document-renderer';
import { documentText, enumText } from '../../api/i18n/document-text';
import type { DocumentLanguage } from '../../api/i18n/chinese-format';
import { readSettings } from '../settings/settings-service';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import {
  chartSvg,
  pageSizes,
  type ChartWords,
  type PageSize,
  type Positions,
} from './chart-svg-renderer';
import { exportedEntities } from './exported-entities';
import { forceLayout } from './force-layout';
import { withPngDensity } from './png-density';
import { caseNumber, exportFileName, exportFormats } from './graph-export';
import { workspaceToday } from '../settings/workspace-time';

const chartLabels = {
  'zh-CN': {
    legend: '图例',
    caseNo: '案件编号',
    unit: '单位',
    user: '制图',
    date: '日期',
    scale: '实体 {{nodes}} 个，关系 {{edges}} 条',
    unlabelled: '另有 {{count}} 条关系未标名称',
    unnamedEntities: '另有 {{count}} 个实体未标名称',
    colon: '：',
  },
  en: {
    legend: 'Legend',
    caseNo: 'Case no.',
    unit: 'Unit',
    user: 'Drawn by',
    date: 'Date',
    scale: '{{nodes}} entities, {{edges}} relations',
    unlabelled: '{{count}} relations unnamed',
    unnamedEntities: '{{count}} entities unnamed',
    colon: ': ',
  },
} as const;

/** The words a chart drawing uses, in the document's language (kind and type names as the UI says them). */
export function chartWords(language: DocumentLanguage): ChartWords {
  const names = enumText(language);
  return {
    kindNames: names.entityKind,
    relationNames: names.relationType,
    edgeNames: language === 'zh-CN' ? relationShortNames : englishRelationShortNames,
    atLarge: names.legalStatus.at_large,
    statusNames:
      language === 'zh-CN'
        ? names.legalStatus
        : { ...names.legalStatus, ...englishChartStatusNames },
    ...chartLabels[language],
  };
}

/** Positions for every node: the chart's where given, a force layout for the rest (CLI, scripts). */
function completePositions(data: GraphData, positions: Positions): Positions {
  if (data.nodes.every((node) => positions[node.id])) return positions;
  const laidOut = forceLayout(
    data.nodes.map((node) => node.id),
    data.edges.map((edge) => [edge.from, edge.to] as [string, string]),
    data.nodes.length > 1_000 ? 60 : 300,
  );
  return { ...laidOut, ...positions };
}

/** Print resolution: 300 dots per inch from SVG's 96 CSS pixels per inch. */
const printDpi = 300;
const printScale = printDpi / 96;

/** Page box in millimetres (landscape) less the margins; the footer sits in the bottom one. */
const pageMillimetres = { A4: [297, 210], A3: [420, 297] } as const;

export function chartPdfHtml(svg: string, page: PageSize): string {
  const [width, height] = pageMillimetres[page];
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{size:${width}mm ${height}mm;margin:8mm 8mm 12mm 8mm}html,body{margin:0}svg{display:block;width:${width - 16}mm;height:${height - 21}mm}</style></head><body>${svg}</body></html>`;
}

/**
 * The chart as a picture to print or put in a report: SVG (vector), PNG at print resolution
 * or PDF (vector) on an A4/A3 landscape page, with a title block (case, unit, user, date,
 * classification mark chosen at export) and a legend. Audited like every export.
 */
export async function exportChartDocument(
  workspace: UnlockedWorkspace,
  data: GraphData,
  input: {
    format: 'svg' | 'png' | 'pdf';
    positions: Positions;
    /** The supply-chain layout's rows and tier names, as on screen (none for other layouts). */
    tiers?: { y: number; name: string }[];
    caseId?: string;
    classification: Classification;
    page: PageSize;
    language: DocumentLanguage;
  },
  renderer: DocumentRenderer | undefined,
): Promise<{ fileName: string; mimeType: string; encoding: 'utf8' | 'base64'; content: string }> {
  if (input.format !== 'svg' && !renderer)
    throw new AppError('reports.rendererUnavailable', 'No document renderer in this host');
  const caseRow = input.caseId
    ? workspace.db.get<{ case_no: string; title: string; unit: string | null }>(
        sql`SELECT case_no, title, unit FROM cases WHERE id = ${input.caseId}`,
      )
    : undefined;
  const today = workspaceToday(workspace);
  const svg = chartSvg(data, completePositions(data, input.positions), {
    ...pageSizes[input.page],
    words: chartWords(input.language),
    legend: 'right',
    tiers: input.tiers,
    title: {
      caseNo: caseRow?.case_no ?? null,
      caseTitle: caseRow?.title ?? null,
      unit: caseRow?.unit ?? readSettings(workspace.db).unitName,
      user: workspace.user.displayName,
      date: today,
      classification: documentText(input.language).classification[input.classification],
    },
  });
  let file: { encoding: 'utf8' | 'base64'; content: string };
  if (input.format === 'svg')
    file = { encoding: 'utf8', content: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}` };
  else if (input.format === 'png')
    file = {
      encoding: 'base64',
      content: withPngDensity(
        await renderer!.png(svg, pageSizes[input.page], printScale),
        printDpi,
      ).toString('base64'),
    };
  else
    file = {
      encoding: 'base64',
      content: Buffer.from(
        await renderer!.pdf(chartPdfHtml(svg, input.page), {
          footer: caseRow?.case_no ?? '',
        }),
      ).toString('base64'),
    };
  workspace.audit({
    action: 'graph.exported',
    targetType: input.caseId ? 'case' : 'graph',
    targetId: input.caseId ?? null,
    details: {
      caseId: input.caseId ?? null,
      format: input.format,
      nodes: data.nodes.length,
      edges: data.edges.length,
      classification: input.classification,
      page: input.page,
      ...exportedEntities(
        workspace.db,
        data.nodes.map((node) => node.id),
      ),
    },
  });
  return {
    fileName: exportFileName(caseNumber(workspace.db, input.caseId), today, input.format),
    mimeType: exportFormats[input.format].mimeType,
    ...file,
  };
}
