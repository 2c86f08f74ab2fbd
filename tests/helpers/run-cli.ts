import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { runCli as RunCli } from '../../electron/cli/run-cli';
import { cliBundle, cliRunner } from './cli-bundle-setup';

const repo = path.resolve(__dirname, '../..');

/** The CLI's app-data folder (known workspaces, what lives outside a workspace) in tests. */
const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-cli-appdata-'));

/**
 * The app-data folder of each workspace copied by `copiedCliWorkspace`: the copy's audit head
 * is anchored there, beside no other copy of the same workspace (one folder for all would see
 * the second copy as the first rolled back).
 */
const appDataOf = new Map<string, string>();

/** The environment a command of this test file runs with (its workspace's app-data folder). */
function cliEnv(args: string[], env: Record<string, string>): NodeJS.ProcessEnv {
  const at = args.indexOf('--workspace');
  const workspace = at >= 0 ? args[at + 1] : undefined;
  return {
    ...process.env,
    QUANLIAN_APP_DATA: (workspace && appDataOf.get(path.resolve(workspace))) ?? appData,
    ...env,
  };
}

/**
 * The bundle's runCli, loaded by Node's require (ES modules without top-level await load that
 * way since Node 20.19), past Vitest's module runner: run as built, once per worker.
 */
let runner: typeof RunCli | undefined;

/**
 * Runs a command of the bundled CLI (out/cli, built before the integration tests by
 * cli-bundle-setup when stale) with the arguments, environment and standard input a user's
 * `quanlian …` would get, and returns its exit code and output. It runs in this process: the
 * bundle's `runCli`, which the `quanlian` bin calls on the process's own arguments and streams
 * (its own process cost each command ~0.6 s of Node start and compiling; execCliProcess below
 * keeps that path tested).
 */
export async function execCli(args: string[], env: Record<string, string> = {}, input?: string) {
  const runCli = (runner ??= (createRequire(__filename)(cliRunner) as { runCli: typeof RunCli })
    .runCli);
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    env: cliEnv(args, env),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: () => input ?? '',
  });
  return { status, stdout, stderr };
}

/** The same as execCli, as its own process (`node out/cli/quanlian.mjs …`), as a user runs it. */
export function execCliProcess(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd: repo,
    env: cliEnv(args, env),
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
    const result = execCliProcess([...args, '--workspace', made.workspace], {
      QUANLIAN_APP_DATA: made.appData,
      ...env,
    });
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
