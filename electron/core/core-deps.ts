import type { Clock } from './clock';
import type { DocumentRenderer } from './reports/document-renderer';
import type { Emit } from './session/session-manager';
import type { KdfCost } from './vault/vault-env';

/** Everything core needs from the process it runs in (Electron main, the browser host, tests, CLI). */
export interface CoreDeps {
  version: string;
  host: 'electron' | 'browser-host' | 'cli' | 'test';
  /** Where this installation keeps its list of workspaces and the demo workspace. */
  appDataDir: string;
  /**
   * The OS account's own app-data folder (`ownerAppDataDir`), where audit heads are kept too
   * whatever `appDataDir` was set to (the app and the CLI; tests keep to their folder).
   */
  ownerAppDataDir?: string;
  /** Where new workspaces go when the user does not choose a folder. */
  defaultWorkspaceDir: string;
  migrationsFolder: string;
  nativeBinding?: string;
  clock: Clock;
  emit: Emit;
  /** Cheaper Argon2id for tests only (see `VaultEnv.kdf`); unset everywhere else. */
  kdf?: KdfCost;
  /** A native folder picker, when the host has one. */
  pickDirectory?: () => Promise<string | null>;
  /** A native file picker: a file to open, or where to save one (`suggestedName`). */
  pickFile?: (mode: 'open' | 'save', suggestedName?: string) => Promise<string | null>;
  /** PDF and PNG from HTML/SVG (Electron's Chromium in the app, headless Chromium elsewhere). */
  documents?: DocumentRenderer;
  /**
   * Whether import procedures may read a file by its path on disk (the CLI; Electron main for a
   * file its own open dialog returned). Off where the caller is a web page; on in tests.
   */
  readsFilePaths?: boolean;
  /** Receives internal failures: error name, code and stack only, never inputs. */
  logError?: (summary: string) => void;
}
