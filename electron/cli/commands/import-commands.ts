import fs from 'node:fs';
import path from 'node:path';
import { importTemplates, type ImportTemplate } from '../../api/domain/import-templates';
import { newId } from '../../core/db/ids';
import { planImport } from '../../core/io/import-plan';
import { commitImport } from '../../core/io/import-writer';
import { readTableFile } from '../../core/io/table-file';
import type { TextEncoding } from '../../core/io/text-decoding';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import type { CommandOptions } from '../command-options';
import { caseIdByNumber, readOnly } from './case-commands';

const encodings = ['auto', 'utf8', 'gb18030'];

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
  const encoding = options.encoding ?? 'auto';
  if (!encodings.includes(encoding))
    throw new UsageError(`--encoding must be one of ${encodings.join(', ')}`);
  const filePath = path.resolve(requireOption(options.file, 'file'));
  const file = await readTableFile(
    new Uint8Array(fs.readFileSync(filePath)),
    encoding as TextEncoding | 'auto',
  );
  const plan = planImport(file, template);
  const report = {
    file: filePath,
    format: file.format,
    encoding: file.encoding,
    rows: plan.rowCount,
    valid: plan.data.records.length,
    problems: plan.problems,
  };
  if (plan.problems.length || options['dry-run']) {
    out.result(
      { ...report, imported: false },
      [
        `${plan.rowCount} rows, ${plan.data.records.length} valid, ${plan.problems.length} with errors${options['dry-run'] ? ' (dry run: nothing written)' : ' (nothing written)'}`,
        ...plan.problems
          .slice(0, 50)
          .map(
            (problem) =>
              `  line ${problem.line}: ${problem.field} ${problem.problem} "${problem.value}"`,
          ),
      ].join('\n'),
    );
    return plan.problems.length === 0;
  }
  const summary = await readOnly(options, secrets, (workspace) =>
    commitImport(workspace, plan, {
      importId: newId(),
      fileName: path.basename(filePath),
      caseId: options.case ? caseIdByNumber(workspace.db, options.case) : null,
      onProgress: () => undefined,
      isCancelled: () => false,
    }),
  );
  out.result(
    { ...report, imported: true, summary },
    `${summary.rows} rows imported: ${summary.entitiesCreated} entities created, ${summary.entitiesMatched} matched, ${summary.relationsCreated} relations created, ${summary.relationsUpdated} updated (${summary.seconds} s)`,
  );
  return true;
}
