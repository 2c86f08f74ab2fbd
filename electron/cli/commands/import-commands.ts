import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { linesText } from '../../api/domain/file-lines';
import { planTotalsTexts } from '../../api/domain/plan-totals-text';
import { sameAccountTexts } from '../../api/domain/same-account-text';
import { importTemplates, type ImportTemplate } from '../../api/domain/import-templates';
import { textEncodings } from '../../api/domain/text-encodings';
import type { SetAsideRow } from '../../api/domain/set-aside-reasons';
import type { ImportSummary } from '../../api/schemas/import-schemas';
import { fill } from '../../api/i18n/document-text';
import { en } from '../../api/i18n/en';
import { zhCN } from '../../api/i18n/zh-CN';
import {
  describeError,
  requireOption,
  UsageError,
  type Output,
  type Secrets,
} from '../cli-context';
import { cliIo } from '../cli-io';
import { AppError } from '../../core/app-error';
import { caseIdOf, withSession, workspaceClock } from '../cli-router';
import type { CommandOptions } from '../command-options';
import { writeFileAtomic, writeNewFileAtomic } from '../../core/durable-file';
import { planAhead } from '../../core/io/import-service';

const encodings = ['auto', ...textEncodings] as const;
type Encoding = (typeof encodings)[number];

/** `--map '对方号码=counterpart,交易卡号=account'`: header text → template field. */
export function parseHeaderMap(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const entries = text
    .split(/[,，]/)
    .filter((pair) => pair.trim())
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      const header = pair.slice(0, at).trim();
      const field = pair.slice(at + 1).trim();
      if (at < 1 || !header || !field)
        throw new UsageError(`--map takes HEADER=field pairs separated by commas, not "${pair}"`);
      return [header, field] as const;
    });
  return Object.fromEntries(entries);
}

/** The rows set aside as moving no money, by line with why (the check step's table), 50 at most. */
function setAsideLines(
  rows: SetAsideRow[] | undefined,
  count: number | undefined,
  lang: string | undefined,
): string[] {
  if (!rows?.length) return [];
  const english = lang === 'en';
  const words = (english ? en : zhCN).import;
  const shown = rows.slice(0, 50);
  const all = count ?? rows.length;
  return [
    fill(words.setAsideTitle, { count: String(all) }) +
      (shown.length < all ? fill(words.setAsideFirst, { count: String(shown.length) }) : ''),
    ...shown.map((row) =>
      english
        ? `  ${linesText([row.line], 'en')}: ${words.setAsideReasons[row.reason]}`
        : `  ${linesText([row.line], 'zh')} ${words.setAsideReasons[row.reason]}`,
    ),
  ];
}

/**
 * A bill's owner known by a nickname or a name alone: said as an account of this file only, and
 * how to tie it to a real one (two people of one nickname had been one account, without a word).
 */
function nameOnlyLines(
  owner: string,
  knownBy: 'nickname' | 'name' | null,
  lang: string | undefined,
): string[] {
  if (!knownBy) return [];
  const words = (lang === 'en' ? en : zhCN).import;
  const said = fill(words.ownerNameOnly[knownBy], { owner });
  return [lang === 'en' ? `${said} ${words.ownerNameOnlyCli}` : `${said}${words.ownerNameOnlyCli}`];
}

/**
 * A problem as the import page says it, in the CLI's language: the line, the file's column,
 * what is wrong and the value ("第 3 行 呼叫类型：呼叫类型无法识别（应为 主叫/被叫…）：语音"), not
 * the codes (callType callType) a user cannot act on.
 */
function problemLine(
  problem: { line: number; field: string; problem: string; value: string; suggestions?: string[] },
  preview: { headers: string[]; mapping: Record<string, number> },
  template: ImportTemplate,
  lang: string | undefined,
): string {
  const english = lang === 'en';
  const words = english ? en : zhCN;
  const column = preview.mapping[problem.field];
  const fields: Record<string, string> = words.import.fields[template];
  const problems: Record<string, string> = words.import.problemKinds;
  const where =
    (column !== undefined ? preview.headers[column] : undefined) ??
    fields[problem.field] ??
    problem.field;
  const what = problems[problem.problem] ?? problem.problem;
  // The import page's words for the close matches (import.didYouMean).
  const guess = problem.suggestions?.length
    ? english
      ? ` (${fill(words.import.didYouMean, { names: problem.suggestions.join(', ') })})`
      : `（${fill(words.import.didYouMean, { names: problem.suggestions.join('、') })}）`
    : '';
  return english
    ? `  ${linesText([problem.line], 'en')}: ${where}: ${what}: "${problem.value}"${guess}`
    : `  ${linesText([problem.line], 'zh')} ${where}：${what}：“${problem.value}”${guess}`;
}

/** `--sheet N`: a workbook's Nth sheet read alone. */
function sheetNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const sheet = Number(text);
  if (!Number.isInteger(sheet) || sheet < 1 || sheet > 400)
    throw new UsageError(`--sheet takes a sheet's number from 1 to 400, not "${text}"`);
  return sheet;
}

/**
 * `import --template T --file FILE [--encoding auto] [--case CASE_NO] [--map H=f,…]
 * [--own-account A] [--own-number N] [--area-code 0871] (T: persons, calls, transactions, seizures) [--skip-invalid [--rejected FILE] [--overwrite-rejected]] [--dry-run]`:
 * every row is checked first. Without --skip-invalid a bad row writes nothing (exit 1, lines
 * named); with it the valid rows are imported in one transaction and the others, with the
 * reason, go to the rejected-rows file (exit 0, both counts printed), which must not exist yet
 * unless --overwrite-rejected is given.
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
  // A file that is not there is no misuse of the command: said as the app says it, no usage.
  if (!fs.existsSync(filePath))
    throw new AppError('import.fileUnreadable', 'The file cannot be read', { path: filePath });
  const skipInvalid = Boolean(options['skip-invalid']);
  // By default beside the file: FILE.rejected.csv, or .txt as the core names a tab-separated
  // file's (the preview gives the name it will take).
  const rejectedAt = (rejectedFileName: string) =>
    path.resolve(
      options.rejected ?? `${filePath}.rejected${path.extname(rejectedFileName) || '.csv'}`,
    );
  const file = {
    fileName: path.basename(filePath),
    // Core reads the file itself (the CLI's router may read paths): no 2 GB base64 string.
    filePath,
    encoding,
    template,
    headerMap: parseHeaderMap(options.map),
    ownAccount: options['own-account'],
    direction: importDirection(options.direction),
    ownNumber: options['own-number'],
    areaCode: options['area-code'],
    sheet: sheetNumber(options.sheet),
  };
  // The file is read and checked while the password is proved; only the preview asked below,
  // through the router, takes the plan. Stopped if the sign-in fails.
  const dropPlanAhead = planAhead(file);
  try {
    return await withSession(options, secrets, async (client) => {
      // The case is read before the check: a seizure ledger finds its holders in it.
      const caseId = options.case ? await caseIdOf(client, options.case) : null;
      // The rejected-rows file comes with the check, from the plan the commit takes: it is
      // written before the import commits.
      const preview = await client.call('import.preview', {
        ...file,
        caseId,
        withRejectedFile: skipInvalid && !options['dry-run'],
      });
      const report = {
        file: filePath,
        format: preview.format,
        encoding: preview.encoding,
        // The own number or account the file's heading names (rows without the column go to it).
        owner: preview.owner,
        // 'nickname' or 'name': the owner is this file's account alone (no identifier above it).
        ownerKnownBy: preview.ownerKnownBy,
        rows: preview.rowCount,
        valid: preview.validCount,
        rejected: preview.rejectedCount,
        // A statement's rows of no money (结息 0.00, 冻结): not among the rows.
        nothingMoved: preview.nothingMoved,
        // The valid rows' totals (by direction; by kind and way), to hold against the file's 合计.
        moneyTotals: preview.moneyTotals ?? null,
        callTotals: preview.callTotals ?? null,
        // Rows that read as transfers but moved none (failed, refunded, own accounts), each with why.
        setAside: preview.setAside,
        problems: preview.problems,
        sheets: preview.sheets,
      };
      // A workbook's sheets, said whether or not anything is written: one left unread is data too.
      const ownerLines =
        preview.owner && !options['own-number'] && !options['own-account']
          ? [
              `owner from the file's heading: ${preview.owner}`,
              ...nameOnlyLines(preview.owner, preview.ownerKnownBy, options.lang),
            ]
          : [];
      const sheetLines = preview.sheets.length
        ? [
            `sheets: ${preview.sheets
              .map((sheet) =>
                sheet.read
                  ? `${sheet.name} (${sheet.rows} rows read)`
                  : sheet.unread === 'owner'
                    ? `${sheet.name} (not read: another account's bill; import it alone with --sheet ${sheet.number})`
                    : sheet.unread === 'hidden'
                      ? `${sheet.name} (not read: hidden in Excel; show it to import it)`
                      : sheet.unread === 'users'
                        ? `${sheet.name} (user information: each user's ID, login e-mail and login phone read as one Alipay account)`
                        : `${sheet.name} (not read: no header row like the sheet read; if it holds records, import it alone with --sheet ${sheet.number})`,
              )
              .join('; ')}`,
          ]
        : [];
      const refused = preview.problemCount > 0 && !skipInvalid;
      if (refused || options['dry-run']) {
        // How the columns were read and the first rows as they would be imported: what a user
        // checks before writing anything.
        const columns = Object.fromEntries(
          Object.entries(preview.mapping).map(([field, column]) => [
            field,
            preview.headers[column] ?? `#${column + 1}`,
          ]),
        );
        const sampleLines = options['dry-run']
          ? [
              `columns: ${Object.entries(columns)
                .map(([field, header]) => `${header} → ${field}`)
                .join(', ')}`,
              ...preview.sample.slice(0, 5).map(
                (row) =>
                  `  ${Object.entries(row)
                    .map(([key, value]) => `${key}=${value}`)
                    .join(' ')}`,
              ),
            ]
          : [];
        out.result(
          {
            ...report,
            imported: false,
            ...(options['dry-run'] ? { columns, sample: preview.sample } : {}),
          },
          [
            `${preview.rowCount} rows, ${preview.validCount} valid, ${preview.rejectedCount} with errors${preview.nothingMoved ? `, ${preview.nothingMoved} more that moved no money (interest 0.00, a freeze; a failed, closed or refunded payment; a move between the holder's own accounts) not imported` : ''}${options['dry-run'] ? ' (dry run: nothing written)' : ' (nothing written; --skip-invalid imports the valid rows)'}`,
            ...planTotalsTexts(preview, (line) =>
              fill((options.lang === 'en' ? en : zhCN).import[line.key], line.values),
            ),
            ...ownerLines,
            ...sheetLines,
            ...sampleLines,
            ...setAsideLines(preview.setAside, preview.setAsideCount, options.lang),
            ...preview.problems
              .slice(0, 50)
              .map((problem) => problemLine(problem, preview, template, options.lang)),
          ].join('\n'),
        );
        return !refused;
      }
      // Rows will be set aside: their file's place is checked before anything is written, so a
      // missing folder, or a file already there (a user's earlier rejected rows), refuses the
      // import rather than failing, or overwriting that file, after it is in.
      const rejectedPath = rejectedAt(preview.rejectedFileName);
      const overwrite = Boolean(options['overwrite-rejected']);
      if (preview.problemCount > 0) checkRejectedDestination(rejectedPath, overwrite, filePath);
      // Written before the commit: a file that cannot be written (open in Excel, a place the
      // system refuses) refuses the import, nothing written; a commit that fails takes it back.
      const written = preview.rejectedFile
        ? placeRejectedFile(rejectedPath, preview.rejectedFile.contentBase64, overwrite)
        : null;
      let summary: ImportSummary;
      try {
        summary = await client.call('import.commit', {
          ...file,
          importId: randomUUID(),
          skipInvalid,
          caseId,
        });
      } catch (error) {
        try {
          written?.undo();
        } catch {
          // The commit's refusal is what the user must read; a file left behind names no import.
        }
        throw error;
      }
      let rejectedFile: string | null = written ? rejectedPath : null;
      let notSaved: ReturnType<typeof describeError> | null = null;
      // The file changed between the check and the commit (read again, other rows rejected): the
      // rejected rows are the commit's.
      if (summary.rejectedFile?.contentBase64 !== preview.rejectedFile?.contentBase64) {
        rejectedFile = null;
        try {
          if (summary.rejectedFile) {
            const content = Buffer.from(summary.rejectedFile.contentBase64, 'base64');
            if (written || overwrite) writeFileAtomic(rejectedPath, content);
            else writeNewFileAtomic(rejectedPath, content);
            rejectedFile = rejectedPath;
          } else if (written) fs.rmSync(rejectedPath, { force: true });
        } catch (error) {
          // The import is in (committed): said as that, with where the file was not written.
          notSaved = describeError(
            new AppError('import.rejectedNotSaved', 'The rejected-rows file could not be written', {
              importId: summary.importId,
              rows: summary.rows,
              rejected: summary.rejectedRows,
              path: rejectedPath,
              reason: (error as { code?: unknown }).code ?? 'unknown',
            }),
            options.lang === 'en' ? 'en' : 'zh-CN',
          );
        }
      }
      const { rejectedFile: _content, ...counts } = summary;
      if (notSaved && !out.json) cliIo().stderr(`error: ${notSaved.text}\n`);
      out.result(
        {
          ...report,
          imported: true,
          summary: counts,
          rejectedFile,
          ...(notSaved ? { error: notSaved } : {}),
        },
        [
          template === 'seizures'
            ? `${summary.rows} rows imported: ${summary.seizuresCreated} seizures recorded (${summary.seconds} s)`
            : `${summary.rows} rows imported: ${summary.entitiesCreated} entities created, ${summary.entitiesMatched} matched, ${summary.relationsCreated} relations created, ${summary.relationsUpdated} updated${summary.copies ? `; ${summary.copies} rows were ${template === 'calls' ? 'calls or texts' : 'transfers'} already counted, kept and not counted again` : ''} (${summary.seconds} s)`,
          ...(summary.dataSessions
            ? [
                `mobile-data sessions (上网): ${summary.dataSessions}, kept as where and when the phone was, not counted as calls`,
              ]
            : []),
          ...(summary.withheldNumbers
            ? [
                `calls and texts with the other number unknown (隐藏号码, 未知, empty): ${summary.withheldNumbers}, kept on the phone with their direction, linked to no number`,
              ]
            : []),
          ...(summary.signals
            ? [
                `signalling (位置更新, 开机, 切换): ${summary.signals}, kept as where and when each phone was, not counted as calls`,
              ]
            : []),
          ...(summary.cellSites
            ? [
                `base stations placed by their coordinates (基站经度, 基站纬度): ${summary.cellSites}, drawn on the map`,
              ]
            : []),
          ...(summary.reversals
            ? [
                `reversals (冲正) and the transfers they undo: ${summary.reversals} pairs, kept and not counted`,
              ]
            : []),
          ...(summary.attempts
            ? [
                `${summary.attempts} attempted, not completed (失败, declined): kept with their counterpart account, not counted`,
              ]
            : []),
          ...(summary.unmatchedReversals
            ? [
                `reversals (冲正) whose transfer no imported statement holds: ${summary.unmatchedReversals}, kept and counted as no money (paired when that statement is imported)`,
              ]
            : []),
          ...(rejectedFile ? [`${summary.rejectedRows} rows rejected → ${rejectedFile}`] : []),
          ...ownerLines,
          ...sameAccountTexts(
            summary.sameAccounts,
            (line) => fill((options.lang === 'en' ? en : zhCN).import[line.key], line.values),
            options.lang === 'en' ? 'en' : 'zh',
          ),
          ...sheetLines,
          ...setAsideLines(preview.setAside, preview.setAsideCount, options.lang),
        ].join('\n'),
      );
      return !notSaved;
    });
  } finally {
    dropPlanAhead();
  }
}

/**
 * Writes the rejected-rows file before the import commits, owner-only like every export
 * (rejected rows are case data too); without --overwrite-rejected a file put there since the
 * check is not replaced either. A failure refuses the import, nothing written to the workspace.
 * `undo` takes the file back (and what it replaced) when the commit then fails.
 */
function placeRejectedFile(file: string, contentBase64: string, overwrite: boolean) {
  const content = Buffer.from(contentBase64, 'base64');
  let before: { content: Buffer; mode: number } | null = null;
  try {
    const there = overwrite ? fs.lstatSync(file, { throwIfNoEntry: false }) : undefined;
    if (there?.isFile()) before = { content: fs.readFileSync(file), mode: there.mode & 0o777 };
    if (overwrite) writeFileAtomic(file, content);
    else writeNewFileAtomic(file, content);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST')
      throw new AppError('import.rejectedExists', 'The rejected file exists already', {
        path: file,
      });
    throw new AppError(
      'import.rejectedWriteFailed',
      'The rejected-rows file could not be written',
      {
        path: file,
        reason: typeof code === 'string' ? code : 'unknown',
      },
    );
  }
  return {
    undo(): void {
      if (!before) fs.rmSync(file, { force: true });
      else {
        writeFileAtomic(file, before.content);
        fs.chmodSync(file, before.mode);
      }
    },
  };
}

/**
 * The rejected-rows file's place, before the import: its folder exists and can be written to,
 * the name is not a folder, and no file is there unless `overwrite` (--overwrite-rejected) says
 * it may be replaced. Refused with the place named, nothing written.
 */
function checkRejectedDestination(file: string, overwrite: boolean, source: string): void {
  // A name the file system refuses (too long) is no file at all: said below, as not writable.
  const statOf = (place: string) => {
    try {
      return fs.statSync(place, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  // The file being imported, by any name (a link, another path to it): --overwrite-rejected
  // would have replaced the evidence with its own rejected rows.
  const at = statOf(file);
  const imported = statOf(source);
  if (at && imported && at.dev === imported.dev && at.ino === imported.ino)
    throw new AppError('import.rejectedIsSource', 'The rejected file is the file imported', {
      path: file,
    });
  const folder = path.dirname(file);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new AppError('import.rejectedFolderMissing', 'The rejected file’s folder is missing', {
      folder,
    });
  let writable: boolean;
  try {
    // A name the file system refuses (too long) fails here too, as a place not writable.
    writable = !fs.statSync(file, { throwIfNoEntry: false })?.isDirectory();
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable)
    throw new AppError('import.rejectedNotWritable', 'The rejected file cannot be written', {
      path: file,
    });
  // lstat: a link there, even one to nothing, is someone's too.
  if (!overwrite && fs.lstatSync(file, { throwIfNoEntry: false }))
    throw new AppError('import.rejectedExists', 'The rejected file exists already', {
      path: file,
    });
}

/** `imports list` and `imports delete --id ID` (lead or admin): the imports and their undoing. */
export async function importsCommand(
  action: string | undefined,
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  if (action === 'list') {
    const words = (options.lang === 'en' ? en : zhCN).import;
    const { imports, at } = await withSession(options, secrets, async (client) => ({
      imports: await client.call('import.list', {}),
      at: await workspaceClock(client),
    }));
    out.result(
      imports,
      imports.length
        ? imports
            .map(
              (item) =>
                `${item.id}  ${at(item.createdAt)}  ${item.template}  ${item.rowCount} rows (${item.rejectedCount} rejected${item.template === 'transactions' ? `, ${fill(words.listAttempts, { count: String(item.attemptCount) })}` : ''})  ${item.fileName}`,
            )
            .join('\n')
        : 'No imports.',
    );
    return;
  }
  if (action === 'delete') {
    const importId = requireOption(options.id, 'id');
    const result = await withSession(options, secrets, (client) =>
      client.call('import.delete', { importId }),
    );
    out.result(
      result,
      `Import ${importId} deleted: ${result.callRecords} call records, ${result.dataSessions} data sessions, ${result.withheldNumbers ? `${result.withheldNumbers} calls and texts with the other number unknown, ` : ''}${result.signals ? `${result.signals} signalling rows, ` : ''}${result.transfers} transfers, ${result.relationsDeleted} relations removed, ${result.relationsUpdated} re-aggregated, ${result.copiesCounted} copies in other imports counted again, ${result.entitiesDeleted} entities removed${result.entitiesKept ? `, ${result.entitiesKept} kept (put in a case or edited since)` : ''}.`,
    );
    return;
  }
  throw new UsageError('Use: imports list | imports delete --id IMPORT_ID');
}

/**
 * `--direction out|in`: which way a statement's money went, or whether the own number placed
 * or received a call list's rows, when the file says it nowhere.
 */
function importDirection(value: string | undefined): 'out' | 'in' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'out' && value !== 'in') throw new UsageError('--direction must be out or in');
  return value;
}
