import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { importTemplates, type ImportTemplate } from '../../api/domain/import-templates';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import { caseIdOf, withSession } from '../cli-router';
import type { CommandOptions } from '../command-options';

const encodings = ['auto', 'utf8', 'gb18030'] as const;
type Encoding = (typeof encodings)[number];

/**
 * `import --template persons|calls|transactions --file FILE [--encoding auto] [--case CASE_NO]
 * [--dry-run]`: checks every row first; writes all or nothing. Exit code 1 when rows are bad.
 */
export async function importCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<boolean> {
  const template = requireOption(options.template, 'template') as ImportTemplate;
  if (!importTemplates.includes(template))
    throw new UsageError(`--template must be one of ${importTemplates.join(', ')}`);
  const encoding = (options.encoding ?? 'auto') as Encoding;
  if (!encodings.includes(encoding))
    throw new UsageError(`--encoding must be one of ${encodings.join(', ')}`);
  const filePath = path.resolve(requireOption(options.file, 'file'));
  const file = {
    fileName: path.basename(filePath),
    contentBase64: fs.readFileSync(filePath).toString('base64'),
    encoding,
    template,
  };
  return withSession(options, secrets, async (client) => {
    const preview = await client.call('import.preview', file);
    const report = {
      file: filePath,
      format: preview.format,
      encoding: preview.encoding,
      rows: preview.rowCount,
      valid: preview.validCount,
      problems: preview.problems,
    };
    if (preview.problemCount || options['dry-run']) {
      out.result(
        { ...report, imported: false },
        [
          `${preview.rowCount} rows, ${preview.validCount} valid, ${preview.problemCount} with errors${options['dry-run'] ? ' (dry run: nothing written)' : ' (nothing written)'}`,
          ...preview.problems
            .slice(0, 50)
            .map(
              (problem) =>
                `  line ${problem.line}: ${problem.field} ${problem.problem} "${problem.value}"`,
            ),
        ].join('\n'),
      );
      return preview.problemCount === 0;
    }
    const summary = await client.call('import.commit', {
      ...file,
      importId: randomUUID(),
      caseId: options.case ? await caseIdOf(client, options.case) : null,
    });
    out.result(
      { ...report, imported: true, summary },
      `${summary.rows} rows imported: ${summary.entitiesCreated} entities created, ${summary.entitiesMatched} matched, ${summary.relationsCreated} relations created, ${summary.relationsUpdated} updated (${summary.seconds} s)`,
    );
    return true;
  });
}
