import type { Clock } from './clock';
import type { Emit } from './session/session-manager';

/** Everything core needs from the process it runs in (Electron main, the browser host, tests, CLI). */
export interface CoreDeps {
  version: string;
  host: 'electron' | 'browser-host' | 'test';
  /** Where this installation keeps its list of workspaces and the demo workspace. */
  appDataDir: string;
  /** Where new workspaces go when the user does not choose a folder. */
  defaultWorkspaceDir: string;
  migrationsFolder: string;
  nativeBinding?: string;
  clock: Clock;
  emit: Emit;
  /** A native folder picker, when the host has one. */
  pickDirectory?: () => Promise<string | null>;
  /** Receives internal failures: error name, code and stack only, never inputs. */
  logError?: (summary: string) => void;
}
