import { desc } from 'drizzle-orm';
import type { z } from 'zod';
import { describeAudit } from '../../api/audit-describe';
import { zonedDay, zonedParts } from '../../api/domain/time-zone';
import { en } from '../../api/i18n/en';
import { zhCN } from '../../api/i18n/zh-CN';
import type { auditExportInput } from '../../api/schemas/audit-schemas';
import type { DocumentFile } from '../../api/schemas/briefing-schemas';
import { AppError } from '../app-error';
import { auditLogTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { AuthorKeys } from './audit-author';
import { auditWhere, withNames } from './audit-queries';

/** More rows than any unit's year of work; a wider export is narrowed by the filter first. */
const maximumRows = 200_000;

/** UTC ISO → "2026-10-02 14:30:00" in the workspace's zone (China time by default). */
function zonedTime(iso: string, zone: string): string {
  const { year, month, day, hour, minute, second } = zonedParts(iso, zone);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/**
 * The filtered audit log as an XLSX sheet in words (the page's columns), for auditors, its
 * times and its file name in the workspace's zone. The export is itself audited, with the
 * filter and the number of records.
 */
export async function exportAudit(
  workspace: UnlockedWorkspace,
  input: z.output<typeof auditExportInput>,
  zone: string,
  keys: AuthorKeys,
): Promise<DocumentFile> {
  const where = auditWhere(input, zone);
  const records = workspace.db
    .select()
    .from(auditLogTable)
    .where(where)
    .orderBy(desc(auditLogTable.seq))
    .limit(maximumRows + 1)
    .all();
  if (records.length > maximumRows)
    throw new AppError('audit.exportTooLarge', 'Too many audit records for one export', {
      limit: maximumRows,
    });
  const words = input.language === 'en' ? en : zhCN;
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Quanlian';
  const sheet = workbook.addWorksheet(words.audit.title);
  sheet.addRow([
    words.audit.seq,
    words.audit.at,
    words.audit.user,
    words.audit.action,
    words.audit.details,
    words.audit.result,
    words.audit.case,
    words.audit.author,
  ]).font = { bold: true };
  for (const row of withNames(workspace.db, records, keys)) {
    const text = describeAudit(row, input.language);
    sheet.addRow([
      row.seq,
      zonedTime(row.at, zone),
      row.username ?? '',
      text.action,
      text.summary,
      words.audit.results[row.result],
      row.caseNo ?? '',
      row.author ? words.audit.authors[row.author] : '',
    ]);
  }
  for (const [column, width] of [8, 20, 14, 22, 70, 8, 22, 22].entries())
    sheet.getColumn(column + 1).width = width;
  const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  const { language, ...filter } = input;
  workspace.audit({
    action: 'audit.exported',
    details: { count: records.length, language, ...filter },
  });
  return {
    fileName: `${words.audit.title}-${zonedDay(workspace.now(), zone)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content,
  };
}
