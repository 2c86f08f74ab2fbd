import { parseArgs } from 'node:util';
import { describeError, makeOutput, readSecrets, UsageError } from './cli-context';
import { cliIo, processIo, withCliIo, type CliIo } from './cli-io';
import type { CommandOptions } from './command-options';
// Commands are loaded when called: `--help` and a usage error never load the router.
const sessionCommands = () => import('./commands/session-commands');
const caseCommands = () => import('./commands/case-commands');
const graphCommands = () => import('./commands/graph-commands');
const reportCommands = () => import('./commands/report-commands');
const workspaceCommands = () => import('./commands/workspace-commands');

const usage = `Quanlian command line (npm run cli -- <command> [options])

Every command signs in as --user NAME (admin unless given; the demo workspace's account is
demo). Passwords: QUANLIAN_PASSWORD (and QUANLIAN_NEW_PASSWORD where a second one is needed),
or --password-stdin (first line, second line). Add --json for machine-readable output;
errors are said in Chinese, or in English with --lang en.

  init          --workspace DIR --user NAME [--name NAME] [--unit UNIT] [--display-name NAME]
                create a workspace; prints the one-time recovery key
  seed-demo     --workspace DIR            create the demo workspace (fictional data)
  add-user      --workspace DIR --name NAME --role viewer|investigator|lead|admin [--user ADMIN]
  disable-user  --workspace DIR --name NAME [--user ADMIN]   the account can no longer sign in;
                the data key is replaced, so the account's old key slot opens nothing
  rotate-key    --workspace DIR [--user ADMIN]   a fresh data key, every slot re-sealed
  audit-head    --workspace DIR [--user ADMIN]   the audit chain's head, signed, to file away
  verify-audit  --workspace DIR [--user NAME]   exit 1: chain broken, or an author not proven
  backup        --workspace DIR --out FILE [--user NAME]
  restore       --backup FILE --workspace DIR [--user NAME]   verifies before replacing anything
  export-key    --workspace DIR [--user ADMIN]   the raw SQLCipher key, audited
  stats         --workspace DIR [--user NAME]      what the workspace holds
  stats         --workspace DIR --from DATE --to DATE [--unit UNIT] [--format json|xlsx --out FILE]
                the period's figures (cases solved, suspects caught, drugs in kg, gangs, users…)
  search        --workspace DIR QUERY        names, pinyin (qmj), ID numbers, phones, plates, case numbers
  case show     --workspace DIR CASE_NO      a case with its seizure totals per drug and their tiers
  graph         --workspace DIR --case CASE_NO --format graphml|gexf|anx|json|svg|png|pdf --out FILE
                [--page A4|A3] [--classification none|internal|confidential|secret] [--lang en]
                [--unmask] (ID numbers in full, lead or admin; masked otherwise)
                the case's chart laid out: for Gephi/networkx/yEd, i2 Analyst's Notebook, or the
                printed picture of its supply chain (a row per tier, as the app's chart lays it
                out) with icons, title block and legend (audited)
  path          --workspace DIR --from ENTITY --to ENTITY [--max-hops N] [--all | --k N] [--types T,…]
                [--lang en]
                shortest path (no hop cap), k shortest, or all paths up to N hops (--all
                without --max-hops: up to 4 hops, said in the output), with each step's
                relation type and direction; ENTITY is an entity ID, or a phone, ID number,
                plate, account or name that one entity holds; exit code 1 for no path
  chain         --workspace DIR --case CASE_NO [--lang en]   supply-chain tiers upstream to downstream, sources, gaps
  brief         --workspace DIR --case CASE_NO --format pdf|docx|html --out FILE
                [--classification none|internal|confidential|secret] [--unmask] [--lang en]
                the case briefing (PDF and Word need Chromium: CHROMIUM_PATH, or the headless shell
                or chromium in /usr/bin)
  import        --workspace DIR --template persons|calls|transactions|seizures --file FILE
                [--encoding auto|utf8|gb18030|utf16le|utf16be] [--case CASE_NO] [--dry-run]
                [--map 'HEADER=field,…'] [--own-account ACC] [--own-number NUM] [--area-code 0871]
                [--direction out|in] [--sheet N]
                [--skip-invalid [--rejected FILE] [--overwrite-rejected]]
                CSV, TXT (tab, ; or | separated), XLSX or XLS (话单, 流水, Alipay/WeChat bills); every row checked first, then all
                or nothing (exit 1 on bad rows), or with --skip-invalid the valid rows and a
                rejected-rows file in the file's encoding and separator (default
                FILE.rejected.csv, .txt for a tab-separated one; a file already there refuses
                the import, nothing written, unless --overwrite-rejected); --direction says which way a
                statement's money went when the file says it nowhere (no debit/credit, no signs),
                or, for a call list without 呼叫类型, whether the own number placed (out) or
                received (in) every row
  contacts common --workspace DIR --phones P1,P2,… | --case CASE_NO [--min K] [--from D --to D]
                [--include-service] [--limit N]   话单碰撞: numbers in touch with at least K targets
  contacts top  --workspace DIR --phone P [--limit N] [--from D --to D]
                [--compare-from D --compare-to D]
                a phone's top contacts, active days, night activity; a second period compared
  contacts colocated --workspace DIR --phones P1,P2,… [--window 10m] [--min M] [--companions]
                [--limit N]   同基站伴随: phones on one base station within the window, occasions
  contacts on-cell --workspace DIR --cell LAC-CI --from T --to T [--limit N]
                who was on a base station between two instants
  money trace   --workspace DIR --account ACC [--hops H] [--direction out|in] [--from D --to D]
                [--structuring-threshold YUAN] [--limit N]
                资金穿透: every account the money reached, with hop, amount and path
  imports list  --workspace DIR            the imports, with file, rows and who made them
  imports delete --workspace DIR --id IMPORT_ID   removes exactly its records (lead or admin)
  package export --workspace DIR --case CASE_NO --out FILE
  package import --workspace DIR --file FILE [--dry-run] [--confirm-implausible]
                the case package (协查), passphrase in QUANLIAN_PACKAGE_PASSPHRASE or line 2 of stdin;
                a seizure of implausible quantity (over a tonne) refuses the package (exit 1) until
                checked with the sending unit and confirmed with --confirm-implausible, as the
                receive dialog's confirmation does (audited); the review lists each one
`;

const optionSpec = {
  workspace: { type: 'string' },
  user: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  unit: { type: 'string' },
  'display-name': { type: 'string' },
  out: { type: 'string' },
  backup: { type: 'string' },
  case: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'max-hops': { type: 'string' },
  all: { type: 'boolean', default: false },
  classification: { type: 'string' },
  unmask: { type: 'boolean', default: false },
  lang: { type: 'string' },
  template: { type: 'string' },
  file: { type: 'string' },
  encoding: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'confirm-implausible': { type: 'boolean', default: false },
  map: { type: 'string' },
  'skip-invalid': { type: 'boolean', default: false },
  rejected: { type: 'string' },
  'overwrite-rejected': { type: 'boolean', default: false },
  'own-account': { type: 'string' },
  'own-number': { type: 'string' },
  'area-code': { type: 'string' },
  sheet: { type: 'string' },
  id: { type: 'string' },
  page: { type: 'string' },
  k: { type: 'string' },
  types: { type: 'string' },
  phones: { type: 'string' },
  phone: { type: 'string' },
  min: { type: 'string' },
  limit: { type: 'string' },
  window: { type: 'string' },
  companions: { type: 'boolean', default: false },
  'include-service': { type: 'boolean', default: false },
  cell: { type: 'string' },
  account: { type: 'string' },
  hops: { type: 'string' },
  direction: { type: 'string' },
  'structuring-threshold': { type: 'string' },
  'compare-from': { type: 'string' },
  'compare-to': { type: 'string' },
  json: { type: 'boolean', default: false },
  'password-stdin': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** The parsed command line, or null (after printing why, and the usage) when it is malformed. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: optionSpec });
  } catch (error) {
    // An unknown option, a missing value: the usage and exit code 2, never a stack trace.
    cliIo().stderr(`error: usage: ${(error as Error).message}\n\n${usage}`);
    return null;
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed) return 2;
  const { positionals, values } = parsed;
  const options: CommandOptions = values;
  const out = makeOutput(Boolean(values.json));
  const secrets = readSecrets(Boolean(values['password-stdin']));
  const [command] = positionals;
  if (values.help || !command) {
    cliIo().stdout(usage);
    return command || values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'init':
        await (await workspaceCommands()).initCommand(options, secrets, out);
        return 0;
      case 'seed-demo':
        await (await workspaceCommands()).seedDemoCommand(options, out);
        return 0;
      case 'add-user':
        await (await sessionCommands()).addUserCommand(options, secrets, out);
        return 0;
      case 'disable-user':
        await (await sessionCommands()).disableUserCommand(options, secrets, out);
        return 0;
      case 'rotate-key':
        await (await sessionCommands()).rotateKeyCommand(options, secrets, out);
        return 0;
      case 'audit-head':
        await (await sessionCommands()).auditHeadCommand(options, secrets, out);
        return 0;
      case 'verify-audit':
        return (await (await sessionCommands()).verifyAuditCommand(options, secrets, out)) ? 0 : 1;
      case 'backup':
        await (await sessionCommands()).backupCommand(options, secrets, out);
        return 0;
      case 'restore':
        await (await sessionCommands()).restoreCommand(options, secrets, out);
        return 0;
      case 'export-key':
        await (await sessionCommands()).exportKeyCommand(options, secrets, out);
        return 0;
      case 'stats':
        if (options.from || options.to)
          await (await reportCommands()).unitStatsCommand(options, secrets, out);
        else await (await sessionCommands()).statsCommand(options, secrets, out);
        return 0;
      case 'search':
        await (await caseCommands()).searchCommand(options, positionals[1], secrets, out);
        return 0;
      case 'case':
        if (positionals[1] !== 'show') throw new UsageError('Use: case show CASE_NO');
        await (await caseCommands()).caseShowCommand(options, positionals[2], secrets, out);
        return 0;
      case 'graph':
        await (await graphCommands()).graphCommand(options, secrets, out);
        return 0;
      case 'path':
        return (await (await graphCommands()).pathCommand(options, secrets, out)) ? 0 : 1;
      case 'chain':
        await (await graphCommands()).chainCommand(options, secrets, out);
        return 0;
      case 'package':
        await (
          await import('./commands/package-commands')
        ).packageCommand(positionals[1], options, secrets, out);
        return 0;
      case 'contacts':
        await (
          await import('./commands/analytics-commands')
        ).contactsCommand(positionals[1], options, secrets, out);
        return 0;
      case 'money':
        await (
          await import('./commands/analytics-commands')
        ).moneyCommand(positionals[1], options, secrets, out);
        return 0;
      case 'imports':
        await (
          await import('./commands/import-commands')
        ).importsCommand(positionals[1], options, secrets, out);
        return 0;
      case 'import':
        return (await (
          await import('./commands/import-commands')
        ).importCommand(options, secrets, out))
          ? 0
          : 1;
      case 'brief':
        await (await reportCommands()).briefCommand(options, secrets, out);
        return 0;
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    const described = describeError(error, values.lang === 'en' ? 'en' : 'zh-CN');
    if (out.json) cliIo().stdout(`${JSON.stringify({ ok: false, error: described }, null, 2)}\n`);
    // The sentence the window would show; the code (entities.notFound) is for --json readers.
    else {
      cliIo().stderr(`error: ${described.text ?? `${described.code}: ${described.message}`}\n`);
      // The window's sentence names its own controls; on the command line, the flag.
      const hint = cliHints[described.code]?.[values.lang === 'en' ? 'en' : 'zh'];
      if (hint) cliIo().stderr(`${hint}\n`);
    }
    if (error instanceof UsageError) {
      cliIo().stderr(`\n${usage}`);
      return 2;
    }
    return 1;
  }
}

/** What to do on the command line where the window's sentence names a control of its own. */
const cliHints: Record<string, { zh: string; en: string }> = {
  'import.rejectedExists': {
    zh: '如确要覆盖该文件，加 --overwrite-rejected 再导入；或用 --rejected 另选文件。',
    en: 'To replace that file, import again with --overwrite-rejected; or choose another file with --rejected.',
  },
  'package.implausibleQuantity': {
    zh: '与发送单位核实数量无误后，加 --confirm-implausible 再导入；--dry-run 可先列出这些缴获。',
    en: 'Once the sending unit has confirmed the quantities, import again with --confirm-implausible; --dry-run lists those seizures first.',
  },
};

/**
 * One run of the command line (`quanlian …`): its exit code. The bin (index.ts) runs it on the
 * process's arguments and streams; tests run it with their own.
 */
export function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  return withCliIo(io, () => main(argv));
}
