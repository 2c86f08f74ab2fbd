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
import { appEntryUrl, isAppUrl } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { denyAllPermissions, hardenWebContents } from './harden';
import { bindInvokeChannel, broadcast } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { electronDocuments } from './electron-documents';
import { nativeBindingPath } from './native-binding';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const trusted = (url: string | undefined) => isAppUrl(url, devServerUrl);

// One instance per machine user: a second start focuses the first instead of opening the
// same workspace twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trusted));
  void app.whenReady().then(start);
}

function start(): void {
  const appPath = app.getAppPath();
  const router = createRouter({
    version: app.getVersion(),
    host: 'electron',
    appDataDir: app.getPath('userData'),
    defaultWorkspaceDir: path.join(app.getPath('documents'), 'Quanlian'),
    migrationsFolder: app.isPackaged
      ? path.join(process.resourcesPath, 'drizzle')
      : path.join(appPath, 'drizzle'),
    nativeBinding: nativeBindingPath(app.isPackaged, appPath),
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
  serveRenderer(protocol, net, path.join(__dirname, '../renderer'));
  bindInvokeChannel(ipcMain, router, trusted);

  // Lock when the operating system locks or sleeps: the workstation is shared.
  powerMonitor.on('lock-screen', () => router.sessions.lock('idle'));
  powerMonitor.on('suspend', () => router.sessions.lock('idle'));

  const open = () =>
    createMainWindow({
      preloadPath: path.join(__dirname, '../preload/index.cjs'),
      url: devServerUrl ?? appEntryUrl,
      devTools: !app.isPackaged,
    });
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
