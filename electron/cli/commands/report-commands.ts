import fs from 'node:fs';
import path from 'node:path';
import {
  briefingFormats,
  briefingInput,
  classifications,
  type BriefingFormat,
  type Classification,
} from '../../api/schemas/briefing-schemas';
import { exportBriefing } from '../../core/reports/briefing-export';
import { chromiumDocuments, findChromium } from '../chromium-documents';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import type { CommandOptions } from '../command-options';
import { caseIdByNumber, readOnly } from './case-commands';

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
  const chromium = format === 'html' ? undefined : findChromium();
  const documents = chromium ? chromiumDocuments(chromium) : undefined;
  try {
    const document = await readOnly(options, secrets, (workspace) =>
      exportBriefing(
        workspace,
        briefingInput.parse({
          caseId: caseIdByNumber(workspace.db, caseNo),
          format,
          classification,
          unmaskIds: Boolean(options.unmask),
          language: options.lang === 'en' ? 'en' : 'zh-CN',
        }),
        documents,
      ),
    );
    // Owner-only: the file holds case data outside the encrypted workspace.
    fs.writeFileSync(file, Buffer.from(document.content, document.encoding), { mode: 0o600 });
    out.result({ file, format, bytes: fs.statSync(file).size }, `${document.fileName} → ${file}`);
  } finally {
    await documents?.close();
  }
}
