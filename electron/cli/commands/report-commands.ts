import fs from 'node:fs';
import path from 'node:path';
import {
  briefingFormats,
  classifications,
  type BriefingFormat,
  type Classification,
  type DocumentFile,
} from '../../api/schemas/briefing-schemas';
import { unitStatsInput } from '../../api/schemas/stats-schemas';
import { withChromiumDocuments } from '../chromium-documents';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import { caseIdOf, withSession } from '../cli-router';
import type { CommandOptions } from '../command-options';
import { writeFileAtomic } from '../../core/durable-file';

/** Writes a generated document owner-only: it holds case data outside the encrypted workspace. */
function saveDocument(file: string, document: DocumentFile): void {
  writeFileAtomic(file, Buffer.from(document.content, document.encoding));
}

/**
 * `brief --case CASE_NO --format pdf|docx|html --out FILE [--classification C] [--unmask]`:
 * the case briefing, through headless Chromium for PDF and the Word charts (audited).
 */
export async function briefCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const caseNo = requireOption(options.case, 'case');
  const format = requireOption(options.format, 'format') as BriefingFormat;
  if (!briefingFormats.includes(format))
    throw new UsageError(`--format must be one of ${briefingFormats.join(', ')}`);
  const classification = (options.classification ?? 'internal') as Classification;
  if (!classifications.includes(classification))
    throw new UsageError(`--classification must be one of ${classifications.join(', ')}`);
  const file = path.resolve(requireOption(options.out, 'out'));
  const document = await withChromiumDocuments(format !== 'html', (documents) =>
    withSession(
      options,
      secrets,
      async (client) =>
        client.call('reports.briefing', {
          caseId: await caseIdOf(client, caseNo),
          format,
          classification,
          unmaskIds: Boolean(options.unmask),
          language: options.lang === 'en' ? 'en' : 'zh-CN',
        }),
      documents,
    ),
  );
  saveDocument(file, document);
  out.result({ file, format, bytes: fs.statSync(file).size }, `${document.fileName} → ${file}`);
}

/**
 * `stats --from DATE --to DATE [--unit UNIT] [--format json|xlsx --out FILE]`: the figures a
 * team lead reports for the period; XLSX as the app exports it (audited).
 */
export async function unitStatsCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const parsed = unitStatsInput.safeParse({
    from: requireOption(options.from, 'from'),
    to: requireOption(options.to, 'to'),
    unit: options.unit,
  });
  if (!parsed.success) throw new UsageError('--from and --to must be dates (YYYY-MM-DD)');
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'xlsx') throw new UsageError('--format must be json or xlsx');
  if (format === 'xlsx') {
    const file = path.resolve(requireOption(options.out, 'out'));
    const document = await withSession(options, secrets, (client) =>
      client.call('stats.export', { ...parsed.data, format: 'xlsx' }),
    );
    saveDocument(file, document);
    out.result({ file, format }, `${document.fileName} → ${file}`);
    return;
  }
  const stats = await withSession(options, secrets, (client) =>
    client.call('stats.unit', parsed.data),
  );
  out.result(stats, stats.paragraph);
}
