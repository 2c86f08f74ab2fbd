import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { z } from 'zod';
import type { DocumentFile } from '../../api/schemas/briefing-schemas';
import type { unitStatsExportInput } from '../../api/schemas/stats-schemas';
import { AppError } from '../app-error';
import type { DocumentRenderer } from '../reports/document-renderer';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { StatsDocument } from './StatsDocument';
import { statsRows, type StatsRows } from './stats-rows';
import { unitStatistics } from './unit-statistics';
import { readSettings } from '../settings/settings-service';

async function workbookOf(rows: StatsRows): Promise<Uint8Array> {
  // Loaded when a workbook is made: exceljs alone takes ~200 ms to load, on every start otherwise.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Quanlian';
  const summary = workbook.addWorksheet(rows.language === 'zh-CN' ? '成绩单' : 'Summary');
  if (rows.classification) summary.addRow([rows.classification]).font = { bold: true };
  summary.addRow([rows.title]).font = { bold: true, size: 14 };
  summary.addRow([rows.subtitle]);
  summary.addRow([rows.masthead.join('    ')]);
  for (const [label, value, rule] of rows.figures) summary.addRow([label, value, rule]);
  summary.addRow([]);
  summary.addRow([rows.paragraph]);
  for (const note of rows.incomplete) summary.addRow([note]);
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 18;
  summary.getColumn(3).width = 60;
  const drugs = workbook.addWorksheet(rows.language === 'zh-CN' ? '缴获毒品' : 'Drugs');
  drugs.addRow(rows.drugHead).font = { bold: true };
  for (const row of rows.drugs) drugs.addRow(row);
  drugs.getColumn(1).width = 26;
  if (rows.others.length) {
    const others = workbook.addWorksheet(
      rows.language === 'zh-CN' ? '其他缴获物品' : 'Other seized',
    );
    others.addRow([rows.otherTitle]).font = { bold: true };
    others.addRow(rows.otherHead).font = { bold: true };
    for (const row of rows.others) others.addRow(row);
    others.getColumn(1).width = 26;
  }
  const months = workbook.addWorksheet(rows.language === 'zh-CN' ? '按月' : 'By month');
  months.addRow(rows.monthHead).font = { bold: true };
  for (const row of rows.months) months.addRow(row);
  // Kilograms stay text: exact decimals (25.619001) that a float cell could round.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const mimeTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
  pdf: 'application/pdf',
} as const;

/** Unit statistics as XLSX, a printable page (HTML) or PDF; audited like every export. */
export async function exportUnitStats(
  workspace: UnlockedWorkspace,
  input: z.output<typeof unitStatsExportInput>,
  renderer: DocumentRenderer | undefined,
): Promise<DocumentFile> {
  if (input.format === 'pdf' && !renderer)
    throw new AppError('reports.rendererUnavailable', 'No document renderer in this host');
  const settings = readSettings(workspace.db);
  const rows = statsRows(unitStatistics(workspace.db, input, input.language), input.language, {
    unitName: settings.unitName,
    preparedBy: workspace.user.displayName,
    now: workspace.now(),
    zone: settings.timeZone,
    classification: input.classification,
  });
  const html = `<!DOCTYPE html>${renderToStaticMarkup(createElement(StatsDocument, { rows }))}`;
  let file: Pick<DocumentFile, 'encoding' | 'content'>;
  if (input.format === 'html') file = { encoding: 'utf8', content: html };
  else if (input.format === 'pdf')
    file = {
      encoding: 'base64',
      content: Buffer.from(await renderer!.pdf(html, { footer: rows.subtitle })).toString('base64'),
    };
  else
    file = { encoding: 'base64', content: Buffer.from(await workbookOf(rows)).toString('base64') };
  workspace.audit({
    action: 'stats.exported',
    details: {
      from: input.from,
      to: input.to,
      unit: input.unit ?? null,
      format: input.format,
      classification: input.classification,
    },
  });
  return {
    fileName: `${rows.title}-${input.from}-${input.to}.${input.format}`,
    mimeType: mimeTypes[input.format],
    ...file,
  };
}
