import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');

/** The CLI's app-data folder (known workspaces, what lives outside a workspace) in tests. */
const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-cli-appdata-'));

/** Runs the CLI as a user would (`npm run cli -- …`), through tsx, and returns its output. */
export function execCli(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(repo, 'node_modules/tsx/dist/cli.mjs'),
      path.join(repo, 'electron/cli/index.ts'),
      ...args,
    ],
    {
      cwd: repo,
      env: { ...process.env, QUANLIAN_APP_DATA: appData, ...env },
      input,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
