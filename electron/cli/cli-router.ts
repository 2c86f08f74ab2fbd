import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../api/contract';
import { systemClock } from '../core/clock';
import type { DocumentRenderer } from '../core/reports/document-renderer';
import { createRouter, type Router } from '../core/router';
import { cliAppDataDir } from './cli-app-data';
import { ownerAppDataDir } from '../core/vault/owner-app-data';
import { ProcedureError, requireOption, type Secrets } from './cli-context';
import { cliIo } from './cli-io';
import type { CommandOptions } from './command-options';
import { zonedDateTime } from '../api/domain/time-zone';

/**
 * The migrations beside the code: `drizzle/` in the repository, whether this file runs from
 * electron/cli (tsx) or from a chunk of the bundle in out/cli/chunks.
 */
function findMigrationsFolder(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'drizzle');
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '../../drizzle');
  }
}

const migrationsFolder = findMigrationsFolder();

/** The CLI's side of the router: the same front door as the app, one call at a time. */
export interface CliClient {
  call<P extends ProcedureName>(
    procedure: P,
    input: ProcedureInput<P>,
  ): Promise<ProcedureOutput<P>>;
}

function openRouter(documents?: DocumentRenderer): { router: Router; client: CliClient } {
  const router = createRouter({
    version: 'cli',
    host: 'cli',
    appDataDir: cliAppDataDir(cliIo().env),
    ownerAppDataDir: ownerAppDataDir(),
    defaultWorkspaceDir: process.cwd(),
    migrationsFolder,
    clock: systemClock,
    // Progress events have nobody to show them to; the command prints the result.
    emit: () => undefined,
    documents,
    // The CLI names files on its own command line: core may read them by path.
    readsFilePaths: true,
    logError: (summary) => cliIo().stderr(`[quanlian] ${summary}\n`),
  });
  const client: CliClient = {
    async call(procedure, input) {
      const result = await router.invoke(procedure, input);
      if (!result.ok) throw new ProcedureError(result.error);
      return result.value as ProcedureOutput<typeof procedure>;
    },
  };
  return { router, client };
}

/** Runs `work` without a session (creating workspaces), then closes the router. */
export async function withRouter<T>(
  work: (client: CliClient) => Promise<T>,
  documents?: DocumentRenderer,
): Promise<T> {
  const { router, client } = openRouter(documents);
  try {
    return await work(client);
  } finally {
    router.dispose();
  }
}

/**
 * Signs in to --workspace as --user (default admin) through `session.unlock`, exactly as the app
 * does (lockout, workspace lock, audit), runs `work`, and locks again whatever happens. Roles
 * and audit are the router's: the CLI decides neither.
 */
export async function withSession<T>(
  options: CommandOptions,
  secrets: Secrets,
  work: (client: CliClient) => Promise<T>,
  documents?: DocumentRenderer,
): Promise<T> {
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  return withRouter(async (client) => {
    await client.call('session.unlock', {
      path: dir,
      username: options.user ?? 'admin',
      password: secrets.password(),
    });
    return work(client);
  }, documents);
}

/**
 * A printer of stored instants as "YYYY-MM-DD HH:mm" in the workspace's zone (a setting), so
 * the CLI says what the documents say wherever the process runs.
 */
export async function workspaceClock(client: CliClient): Promise<(iso: string) => string> {
  const zone = (await client.call('settings.get', {})).timeZone;
  return (iso) => zonedDateTime(iso, zone);
}

/** The ID of the case with this number. */
export async function caseIdOf(client: CliClient, caseNo: string): Promise<string> {
  return (await client.call('cases.findByNumber', { caseNo })).id;
}
