import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../electron/api/contract';
import type { EventName, EventPayload } from '../../electron/api/events';
import type { ApiResult } from '../../electron/api/result';
import { createRouter, type Router } from '../../electron/core/router';
import type { CoreDeps } from '../../electron/core/core-deps';
import { vaultEnvFor, type KdfCost, type VaultEnv } from '../../electron/core/vault/vault-env';
import { FakeClock } from './fake-clock';
import { testKdf } from './test-kdf';

export const migrationsFolder = path.resolve(__dirname, '../../drizzle');

/** A fresh folder, inside the run's own (tests/helpers/temp-root-setup.ts) when there is one. */
export function makeTempDir(prefix = 'quanlian-test-'): string {
  return fs.mkdtempSync(path.join(process.env['QUANLIAN_TEST_TMP'] ?? os.tmpdir(), prefix));
}

export interface TestCore {
  router: Router;
  clock: FakeClock;
  root: string;
  events: { event: EventName; payload: unknown }[];
  /** The router's own vault environment, for tests that reach under the API. */
  env: VaultEnv;
  /** Calls a procedure and returns the raw result. */
  call<P extends ProcedureName>(
    procedure: P,
    input: ProcedureInput<P>,
  ): Promise<ApiResult<ProcedureOutput<P>>>;
  /** Calls a procedure and returns its value, failing the test on an error result. */
  ok<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>): Promise<ProcedureOutput<P>>;
  dispose(): void;
}

/**
 * A router over real encrypted files in a fresh temporary folder, with a hand-moved clock and
 * the cheap test Argon2id (`kdf: 'real'` for the production parameters).
 */
export function makeTestCore(
  root = makeTempDir(),
  extra: Partial<Pick<CoreDeps, 'documents' | 'host' | 'pickFile' | 'ownerAppDataDir'>> & {
    kdf?: KdfCost | 'real';
  } = {},
): TestCore {
  const clock = new FakeClock();
  const events: TestCore['events'] = [];
  const deps: CoreDeps = {
    version: 'test',
    appDataDir: path.join(root, 'appdata'),
    defaultWorkspaceDir: path.join(root, 'workspaces'),
    migrationsFolder,
    kdf: extra.kdf === 'real' ? undefined : (extra.kdf ?? testKdf),
    clock,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      events.push({ event, payload }),
    documents: extra.documents,
    host: extra.host ?? 'test',
    pickFile: extra.pickFile,
    ownerAppDataDir: extra.ownerAppDataDir,
  };
  const router = createRouter(deps);
  const call = <P extends ProcedureName>(procedure: P, input: ProcedureInput<P>) =>
    router.invoke(procedure, input) as Promise<ApiResult<ProcedureOutput<P>>>;
  return {
    router,
    clock,
    root,
    events,
    env: vaultEnvFor(deps),
    call,
    async ok(procedure, input) {
      const result = await call(procedure, input);
      if (!result.ok)
        throw new Error(`${procedure} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    dispose() {
      router.dispose();
    },
  };
}

export const adminPassword = 'Admin#Pass2026';

/** Creates a workspace through the router; the admin is signed in afterwards. */
export async function createTestWorkspace(core: TestCore, name = '禁毒大队测试') {
  return core.ok('workspace.create', {
    name,
    unitName: '滨江市公安局禁毒支队一大队',
    adminUsername: 'admin',
    adminDisplayName: '管理员',
    password: adminPassword,
  });
}

/** The demo case most tests read: 滨江 methamphetamine supply (three seizures, a cross-case phone). */
export const demoCaseNo = 'A3301052026030015';

/** Opens the demo workspace, signs in as its user, and returns the demo case's ID. */
export async function signInToDemo(core: TestCore): Promise<string> {
  const demo = await core.ok('workspace.openDemo', {});
  await core.ok('session.unlock', {
    path: demo.path,
    username: demo.username,
    password: demo.password,
  });
  return (await core.ok('cases.list', { text: demoCaseNo })).rows[0]!.id;
}
