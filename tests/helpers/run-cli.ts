import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliBundle } from './cli-bundle-setup';

const repo = path.resolve(__dirname, '../..');

/** The CLI's app-data folder (known workspaces, what lives outside a workspace) in tests. */
const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-cli-appdata-'));

/**
 * Runs the CLI as a user would (`quanlian …`), as its own process, and returns its output: the
 * bundle in out/cli (built before the integration tests by cli-bundle-setup when stale), not
 * tsx, which spends about 2.5 s compiling before each command.
 */
export function execCli(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd: repo,
    env: { ...process.env, QUANLIAN_APP_DATA: appData, ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
