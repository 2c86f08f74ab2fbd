import type { Contract, ParsedInput, ProcedureName, ProcedureOutput } from '../api/contract';
import type { CoreDeps } from './core-deps';
import type { SessionManager } from './session/session-manager';
import type { WorkspaceRegistry } from './session/workspace-registry';
import type { UnlockedWorkspace } from './vault/unlocked-workspace';
import type { VaultEnv } from './vault/vault-env';

export interface PublicContext {
  deps: CoreDeps;
  env: VaultEnv;
  sessions: SessionManager;
  registry: WorkspaceRegistry;
}

export interface SessionContext extends PublicContext {
  workspace: UnlockedWorkspace;
  /**
   * Runs long work that no longer touches the database (a layout in its thread) outside the
   * call queue: the calls behind this one go ahead while it runs. Refused as
   * `session.locked` if the workspace was locked or changed meanwhile.
   */
  offQueue<T>(work: () => Promise<T>): Promise<T>;
}

type Awaitable<T> = T | Promise<T>;

type HandlerFor<P extends ProcedureName> = Contract[P]['access'] extends 'public'
  ? (ctx: PublicContext, input: ParsedInput<P>) => Awaitable<ProcedureOutput<P>>
  : (ctx: SessionContext, input: ParsedInput<P>) => Awaitable<ProcedureOutput<P>>;

export type Handlers<P extends ProcedureName = ProcedureName> = { [K in P]: HandlerFor<K> };

/** The handlers of one area, e.g. `AreaHandlers<'cases'>` for every `cases.*` procedure. */
export type AreaHandlers<Area extends string> = Handlers<
  Extract<ProcedureName, `${Area}.${string}`>
>;
