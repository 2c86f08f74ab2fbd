import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliBundle } from './cli-bundle-setup';

const repo = path.resolve(__dirname, '../..');

/** The CLI's app-data folder (known workspaces, what lives outside a workspace) in tests. */
const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-cli-appdata-'));

/**
 * The app-data folder of each workspace copied by `copiedCliWorkspace`: the copy's audit head
 * is anchored there, beside no other copy of the same workspace (one folder for all would see
 * the second copy as the first rolled back).
 */
const appDataOf = new Map<string, string>();

/**
 * Runs the CLI as a user would (`quanlian …`), as its own process, and returns its output: the
 * bundle in out/cli (built before the integration tests by cli-bundle-setup when stale), not
 * tsx, which spends about 2.5 s compiling before each command.
 */
export function execCli(args: string[], env: Record<string, string> = {}, input?: string) {
  const at = args.indexOf('--workspace');
  const workspace = at >= 0 ? args[at + 1] : undefined;
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd: repo,
    env: {
      ...process.env,
      QUANLIAN_APP_DATA: (workspace && appDataOf.get(path.resolve(workspace))) ?? appData,
      ...env,
    },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export type CliTemplate = 'demo' | 'admin';

/** How each template workspace is made: by the CLI, with the production Argon2id. */
const templateCommands: Record<CliTemplate, { args: string[]; env: Record<string, string> }> = {
  /** `seed-demo`: the three demo cases; sign-in demo / Quanlian@2026. */
  demo: { args: ['seed-demo'], env: {} },
  /** `init`: an empty workspace; sign-in admin / Admin#Pass2026. */
  admin: { args: ['init', '--user', 'admin'], env: { QUANLIAN_PASSWORD: 'Admin#Pass2026' } },
};
const templates = new Map<CliTemplate, { workspace: string; appData: string }>();

/**
 * A fresh copy, at `dir`, of a workspace the CLI made once in this test file (`seed-demo` or
 * `init`, which fail the test here unless they exit 0): the files a second run would make, less
 * the seconds of the real Argon2id and the seeding. The copy has an app-data folder of its own,
 * which execCli uses for every command naming it with --workspace.
 */
export function copiedCliWorkspace(template: CliTemplate, dir: string): string {
  let made = templates.get(template);
  if (!made) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `quanlian-cli-${template}-`));
    made = { workspace: path.join(root, 'ws'), appData: path.join(root, 'appdata') };
    const { args, env } = templateCommands[template];
    const result = spawnSync(
      process.execPath,
      [cliBundle, ...args, '--workspace', made.workspace],
      {
        cwd: repo,
        env: { ...process.env, QUANLIAN_APP_DATA: made.appData, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    if (result.status !== 0) {
      throw new Error(`${args[0]} exited ${result.status}: ${result.stdout}${result.stderr}`);
    }
    templates.set(template, made);
  }
  const copyAppData = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-cli-appdata-'));
  fs.cpSync(made.appData, copyAppData, { recursive: true });
  fs.cpSync(made.workspace, dir, { recursive: true });
  appDataOf.set(path.resolve(dir), copyAppData);
  return dir;
}
