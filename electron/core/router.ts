import path from 'node:path';
import * as z from 'zod';
import { contract, isProcedureName, type ProcedureName } from '../api/contract';
import { roleAllows } from '../api/domain/roles';
import type { ApiError, ApiResult } from '../api/result';
import { AppError, isAppError, storageError } from './app-error';
import { analyticsHandlers } from './analytics/analytics-handlers';
import { attachmentHandlers } from './attachments/attachment-handlers';
import { auditHandlers } from './audit/audit-handlers';
import type { AuditEntry } from './audit/audit-log';
import { readAuditOf, readRepeats } from './audit/read-audit';
import { caseHandlers } from './cases/case-handlers';
import type { CoreDeps } from './core-deps';
import type { UnlockedWorkspace } from './vault/unlocked-workspace';
import { entityHandlers } from './entities/entity-handlers';
import { eventHandlers } from './events/event-handlers';
import { graphHandlers } from './graph/graph-handlers';
import { personHandlers } from './entities/person-handlers';
import { mapHandlers } from './map/map-handlers';
import { relationHandlers } from './relations/relation-handlers';
import { reportHandlers } from './reports/report-handlers';
import { importHandlers } from './io/import-handlers';
import { packageHandlers } from './io/package-handlers';
import { forgetPlan } from './io/plan-cache';
import { forgetCaseGraph } from './graph/case-graph-cache';
import { forgetLayoutsAhead } from './graph/layout-ahead';
import { backupHandlers } from './backup/backup-handlers';
import { backupIfDue } from './backup/backup-schedule';
import { searchHandlers } from './search/search-handlers';
import type { Handlers, PublicContext, SessionContext } from './handler-types';
import { seizureHandlers } from './seizures/seizure-handlers';
import { SessionManager, type Emit } from './session/session-manager';
import { sessionHandlers } from './session/session-handlers';
import { WorkspaceRegistry } from './session/workspace-registry';
import { settingsHandlers } from './settings/settings-handlers';
import { statsHandlers } from './stats/stats-handlers';
import { userHandlers } from './users/user-handlers';
import { vaultEnvFor, type VaultEnv } from './vault/vault-env';
import { workspaceHandlers } from './workspaces/workspace-handlers';

export interface Router {
  /** Validates, checks the session and role, runs the handler; never throws. */
  invoke(procedure: unknown, input: unknown): Promise<ApiResult<unknown>>;
  sessions: SessionManager;
  registry: WorkspaceRegistry;
  /** Makes the scheduled backup if one is due (also every minute by itself); its file name. */
  runScheduledBackup(): Promise<string | null>;
  /** Locks the session and stops timers (app quit, test teardown). */
  dispose(): void;
}

const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.deps.version,
    host: ctx.deps.host,
    canPickDirectory: Boolean(ctx.deps.pickDirectory),
    canPickFile: Boolean(ctx.deps.pickFile),
  }),
  ...workspaceHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...userHandlers,
  ...caseHandlers,
  ...entityHandlers,
  ...personHandlers,
  ...seizureHandlers,
  ...relationHandlers,
  ...eventHandlers,
  ...attachmentHandlers,
  ...searchHandlers,
  ...graphHandlers,
  ...reportHandlers,
  ...importHandlers,
  ...packageHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...statsHandlers,
  ...mapHandlers,
  ...analyticsHandlers,
};

/** SQLite errors that mean the file itself is damaged, as opposed to a bug or bad input. */
const corruptionCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

function toApiError(error: unknown, deps: CoreDeps): ApiError {
  if (isAppError(error)) return error.toApiError();
  if (error instanceof z.ZodError) {
    return {
      code: 'input.invalid',
      message: 'The input does not match the procedure schema',
      details: {
        issues: error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })),
      },
    };
  }
  const storage = storageError(error);
  if (storage) return storage.toApiError();
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && corruptionCodes.has(code)) {
    return { code: 'workspace.corrupt', message: 'The workspace database is damaged' };
  }
  // The message may quote data; only the error's name, code and stack frames are logged.
  const stack =
    error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 6).join('\n') : '';
  deps.logError?.(
    `${error instanceof Error ? error.name : typeof error} ${typeof code === 'string' ? code : ''}\n${stack}`,
  );
  return { code: 'internal', message: 'An internal error occurred' };
}

/**
 * The one entry point to core, used by Electron main, the browser host, the CLI and tests.
 * Calls run one at a time: a desktop has one user, and it keeps a lock from closing the
 * database under a running call. Long work that no longer needs the database (a chart's layout) leaves
 * the queue through `offQueue`, so reads never wait behind it.
 */
export function createRouter(deps: CoreDeps): Router {
  const env: VaultEnv = vaultEnvFor(deps);
  // A lock also drops what the session held in memory outside the database: the rows of a
  // previewed file kept for its commit, the last case chart read, the layouts started ahead.
  const emit: Emit = (event, payload) => {
    if (event === 'session.locked') {
      forgetPlan();
      forgetCaseGraph();
      forgetLayoutsAhead();
    }
    deps.emit(event, payload);
  };
  const sessions = new SessionManager(deps.clock, emit);
  const registry = new WorkspaceRegistry(path.join(deps.appDataDir, 'workspaces.json'));
  const publicContext: PublicContext = { deps, env, sessions, registry };
  let queue: Promise<unknown> = Promise.resolve();

  // 查询留痕 (read-audit): per open workspace, the reads recorded lately and those waiting for
  // an import's transaction to end.
  const reads = new WeakMap<
    UnlockedWorkspace,
    { repeats: ReturnType<typeof readRepeats>; waiting: AuditEntry[] }
  >();
  function recordRead(
    workspace: UnlockedWorkspace,
    name: ProcedureName,
    input: unknown,
    result: 'ok' | 'failed',
  ) {
    let state = reads.get(workspace);
    if (!state) {
      state = { repeats: readRepeats(() => deps.clock.now().getTime()), waiting: [] };
      reads.set(workspace, state);
    }
    const read = readAuditOf(name, input);
    const entry = read && { ...read, result };
    if (entry && state.repeats.isNew(workspace.user.id, entry)) state.waiting.push(entry);
    // A read made while an import holds its transaction open (off the queue) is recorded after
    // it: inside, a cancelled import would roll the record back with its rows.
    if (workspace.sqlite.inTransaction) return;
    for (const waiting of state.waiting.splice(0)) workspace.audit(waiting);
  }

  async function run(
    name: ProcedureName,
    rawInput: unknown,
    release: () => void,
  ): Promise<unknown> {
    const spec = contract[name];
    if (spec.access === 'public') {
      const handler = handlers[name] as (ctx: PublicContext, input: unknown) => unknown;
      return spec.output.parse(await handler(publicContext, spec.input.parse(rawInput ?? {})));
    }
    // Session and role come before the input is read: a refused call is refused (and audited)
    // whatever it carries, so probing with malformed input leaves a trace too.
    const workspace = sessions.current();
    if (!workspace) throw new AppError('session.locked', 'The workspace is locked');
    if (!roleAllows(workspace.user.role, spec.access)) {
      workspace.audit({ action: name, result: 'denied', details: { role: workspace.user.role } });
      throw new AppError('auth.forbidden', 'The role of this account does not allow this', {
        needed: spec.access,
      });
    }
    const input = spec.input.parse(rawInput ?? {});
    sessions.touch();
    const handler = handlers[name] as (ctx: SessionContext, input: unknown) => unknown;
    const offQueue = async <T>(work: () => Promise<T>): Promise<T> => {
      release();
      const value = await work();
      if (sessions.current() !== workspace)
        throw new AppError('session.locked', 'The workspace is locked');
      return value;
    };
    try {
      const output = spec.output.parse(
        await handler({ ...publicContext, workspace, offQueue }, input),
      );
      recordRead(workspace, name, input, 'ok');
      return output;
    } catch (error) {
      // A lookup that finds nothing (a number not in the workspace) is still a lookup.
      if (isAppError(error)) recordRead(workspace, name, input, 'failed');
      throw error;
    } finally {
      // A service that appends to the chain in its own transaction (a merge) is anchored here.
      workspace.anchorOutside();
    }
  }

  async function settle(
    procedure: unknown,
    input: unknown,
    release: () => void = () => undefined,
  ): Promise<ApiResult<unknown>> {
    if (!isProcedureName(procedure)) {
      return { ok: false, error: { code: 'procedure.unknown', message: 'Unknown procedure' } };
    }
    try {
      return { ok: true, value: await run(procedure, input, release) };
    } catch (error) {
      return { ok: false, error: toApiError(error, deps) };
    }
  }

  function invoke(procedure: unknown, input: unknown): Promise<ApiResult<unknown>> {
    // Cancelling must reach the import it stops, which holds the queue; it only flips a flag
    // (or stops a package's checking thread).
    if (procedure === 'import.cancel' || procedure === 'package.cancel')
      return settle(procedure, input);
    // The next call starts when this one has settled, or when it moved its long work off the
    // queue (SessionContext.offQueue).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const result = queue.then(() => settle(procedure, input, release));
    queue = Promise.race([result, released]);
    return result;
  }

  /**
   * The scheduled backup, when one is due, in the call queue (never beside an import's
   * transaction). Failures go to the error log: the next check tries again.
   */
  function runScheduledBackup(): Promise<string | null> {
    const result = queue.then(() => {
      const workspace = sessions.current();
      if (!workspace) return null;
      try {
        return backupIfDue(workspace);
      } catch (error) {
        deps.logError?.(`scheduled backup failed: ${(error as { code?: string }).code ?? 'error'}`);
        return null;
      }
    });
    queue = result;
    return result;
  }
  const backupTimer = setInterval(() => void runScheduledBackup(), 60_000);
  backupTimer.unref?.();

  return {
    invoke,
    sessions,
    registry,
    runScheduledBackup,
    dispose() {
      clearInterval(backupTimer);
      sessions.stopIdleTimer();
      sessions.lock('user');
    },
  };
}
