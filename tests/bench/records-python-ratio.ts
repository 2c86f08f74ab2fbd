import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { carrierCallList } from './records-bench';

/**
 * The CLI import of a carrier call list against the plainest load Python offers: `csv` +
 * `sqlite3` reading the same GB18030 file into one unindexed plain table in one transaction
 * (no checking, no direction, no aggregation, no encryption). Both run as processes, one
 * after the other, in the same bench run; the ratio is CLI time / Python time.
 */
const repo = path.resolve(__dirname, '../..');
const password = 'Bench#Pass2026';

const pythonLoad = `
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute('CREATE TABLE calls (seq, own, other, kind, started, seconds, lac, ci, imei)')
with open(sys.argv[1], encoding='gb18030', newline='') as f:
    rows = csv.reader(f)
    next(rows)
    with db:
        db.executemany('INSERT INTO calls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', rows)
print(db.execute('SELECT count(*) FROM calls').fetchone()[0])
`;

function timed(command: string, args: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: repo,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.slice(0, 2_000)}`);
  return { seconds, stdout: result.stdout };
}

export function benchPythonRatio(rows = 200_000) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-python-ratio-'));
  try {
    const file = path.join(tmp, 'calls.csv');
    fs.writeFileSync(file, carrierCallList(rows));
    const env = {
      QUANLIAN_PASSWORD: password,
      QUANLIAN_APP_DATA: path.join(tmp, 'app-data'),
    };
    // The built `quanlian` bin when there is one (node scripts/build-cli.mjs), as users run
    // it; else the sources through tsx, which also compiles the app on every start.
    const built = path.join(repo, 'out/cli/quanlian.mjs');
    const entry = fs.existsSync(built)
      ? [built]
      : [
          path.join(repo, 'node_modules/tsx/dist/cli.mjs'),
          path.join(repo, 'electron/cli/index.ts'),
        ];
    const cli = (args: string[]) => timed(process.execPath, [...entry, ...args], env);
    const workspace = path.join(tmp, 'ws');
    cli(['init', '--workspace', workspace, '--user', 'admin']);
    // What starting the CLI costs before any import (tsx, loading, Argon2 unlock).
    const startup = cli(['stats', '--workspace', workspace, '--json']);
    const imported = cli([
      'import',
      '--workspace',
      workspace,
      '--template',
      'calls',
      '--file',
      file,
      '--json',
    ]);
    const summary = (JSON.parse(imported.stdout) as { summary: { rows: number; seconds: number } })
      .summary;
    const script = path.join(tmp, 'load.py');
    fs.writeFileSync(script, pythonLoad);
    const python = timed('python3', [script, file, path.join(tmp, 'plain.sqlite')]);
    if (Number(python.stdout.trim()) !== rows) throw new Error('python loaded a different count');
    return {
      rows,
      cli: fs.existsSync(built) ? 'out/cli/quanlian.mjs' : 'tsx electron/cli/index.ts',
      fileMiB: fs.statSync(file).size / 2 ** 20,
      cliSeconds: imported.seconds,
      cliStartupSeconds: startup.seconds,
      cliWriteSeconds: summary.seconds,
      importedRows: summary.rows,
      pythonSeconds: python.seconds,
      ratio: imported.seconds / python.seconds,
      ratioWithoutStartup: (imported.seconds - startup.seconds) / python.seconds,
      loadAverage: os.loadavg()[0],
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('records-python-ratio.ts'))
  console.log(
    JSON.stringify(benchPythonRatio(Number(process.env['BENCH_RATIO_ROWS'] ?? 200_000)), null, 2),
  );
