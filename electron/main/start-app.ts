import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  powerMonitor,
  protocol,
  session,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { systemClock } from '../core/clock';
import { createRouter } from '../core/router';
import { ownerAppDataDir } from '../core/vault/owner-app-data';
import { appEntryUrl } from './app-origin';
import { serveRenderer } from './app-protocol';
import { askBeforeClosing } from './close-guard';
import { electronDocuments } from './electron-documents';
import { watchDownloads } from './download-watch';
import { denyAllPermissions } from './harden';
import { bindInvokeChannel, broadcast } from './ipc-bridge';
import { createMainWindow } from './main-window';

export interface StartOptions {
  /** better-sqlite3 built for Electron, already proven to load (native-modules.ts). */
  sqliteBinding: string;
  trusted: (url: string | undefined) => boolean;
  devServerUrl: string | undefined;
  /**
   * The folder of the main bundle's entry (out/main). Passed in because this module is a
   * separate chunk (out/main/chunks/) with its own __dirname.
   */
  mainDir: string;
}

/**
 * Everything after the native modules are known to load: the router (which loads SQLite and
 * Argon2), the app:// protocol, IPC and the window. index.ts imports this module only then.
 */
export function startApp({ sqliteBinding, trusted, devServerUrl, mainDir }: StartOptions): void {
  const appPath = app.getAppPath();
  const router = createRouter({
    version: app.getVersion(),
    host: 'electron',
    appDataDir: app.getPath('userData'),
    ownerAppDataDir: ownerAppDataDir(),
    defaultWorkspaceDir: path.join(app.getPath('documents'), 'Quanlian'),
    migrationsFolder: app.isPackaged
      ? path.join(process.resourcesPath, 'drizzle')
      : path.join(appPath, 'drizzle'),
    nativeBinding: sqliteBinding,
    clock: systemClock,
    emit: (event, payload) => broadcast(() => BrowserWindow.getAllWindows(), event, payload),
    documents: electronDocuments(),
    pickDirectory: async () => {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickFile: async (mode, suggestedName) => {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      if (mode === 'save') {
        const options: SaveDialogOptions = { defaultPath: suggestedName };
        const result = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        return result.canceled ? null : (result.filePath ?? null);
      }
      const options: OpenDialogOptions = { properties: ['openFile'] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    logError: (summary) => console.error(`[quanlian] ${summary}`),
  });
  router.sessions.startIdleTimer();

  denyAllPermissions(session.defaultSession);
  watchDownloads(session.defaultSession, (payload) =>
    broadcast(() => BrowserWindow.getAllWindows(), 'download.finished', payload),
  );
  serveRenderer(protocol, net, path.join(mainDir, '../renderer'));
  bindInvokeChannel(ipcMain, router, trusted);

  // Lock when the operating system locks or sleeps: the workstation is shared.
  powerMonitor.on('lock-screen', () => router.sessions.lock('idle'));
  powerMonitor.on('suspend', () => router.sessions.lock('idle'));

  const open = () =>
    askBeforeClosing(
      createMainWindow({
        preloadPath: path.join(mainDir, '../preload/index.cjs'),
        url: devServerUrl ?? appEntryUrl,
        devTools: !app.isPackaged,
      }),
      dialog,
    );
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('before-quit', () => router.dispose());
  app.on('window-all-closed', () => {
    router.sessions.lock('user');
    if (process.platform !== 'darwin') app.quit();
  });
}
