import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, protocol } from 'electron';
import { isAppUrl } from './app-origin';
import { registerAppScheme } from './app-protocol';
import { hardenWebContents } from './harden';
import { checkNativeModules, describeNativeFailures, prepareNativeModules } from './native-modules';

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

/** Appends to main.log in the app's log folder; stderr alone is lost on Windows. */
function writeLog(text: string): void {
  console.error(`[quanlian] ${text}`);
  try {
    const folder = app.getPath('logs');
    fs.mkdirSync(folder, { recursive: true });
    fs.appendFileSync(path.join(folder, 'main.log'), `${new Date().toISOString()} ${text}\n`);
  } catch {
    // the console line above is all there is
  }
}

/**
 * Proves SQLite (with the cipher) and Argon2 load before anything else: otherwise every
 * workspace action would fail with a bare internal error. On failure a dialog names the
 * module, the platform and the fix, the same goes to the log, and the app quits.
 */
async function start(): Promise<void> {
  const native = prepareNativeModules(app.isPackaged, app.getAppPath());
  const failures = checkNativeModules(native);
  if (failures.length > 0) {
    const { title, message } = describeNativeFailures(failures);
    writeLog(`${title}\n${message}`);
    dialog.showErrorBox(title, message);
    app.quit();
    return;
  }
  try {
    // Loaded only now: the router requires Argon2 as it loads.
    const { startApp } = await import('./start-app');
    startApp({ sqliteBinding: native.sqliteBinding, trusted, devServerUrl, mainDir: __dirname });
  } catch (error) {
    // Anything else missing from the package (a module, a file): say what, never start half-way.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    const title = '全链无法启动 / Quanlian cannot start';
    const message = `${reason}\n\n请重新安装全链。 Reinstall Quanlian; if this persists, send main.log to the administrator.`;
    writeLog(`${title}\n${message}`);
    dialog.showErrorBox(title, message);
    app.quit();
  }
}
