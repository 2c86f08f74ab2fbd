import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as NativeBinding from '../../electron/main/native-binding';

type NativeBindingModule = typeof NativeBinding;

/** Everything main touches in electron, recorded. */
const electron = vi.hoisted(() => {
  const calls = {
    schemes: [] as unknown[],
    handled: [] as string[],
    partitionSchemes: [] as string[],
    ipcChannels: [] as string[],
    windows: [] as { options: Record<string, unknown>; url: string }[],
    appEvents: [] as string[],
    permissionHandlers: 0,
    quit: 0,
    errorBoxes: [] as { title: string; message: string }[],
    sessionEvents: [] as string[],
  };
  class BrowserWindow {
    static instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances;
    static getFocusedWindow = () => null;
    webContents = { send: () => undefined, on: () => undefined };
    constructor(readonly options: Record<string, unknown>) {
      BrowserWindow.instances.push(this);
    }
    once = () => this;
    on = () => this;
    loadURL(url: string) {
      calls.windows.push({ options: this.options, url });
      return Promise.resolve();
    }
    isDestroyed = () => false;
    show = () => undefined;
  }
  const state = { singleInstance: true, sqliteBinding: '', logs: '' };
  return {
    calls,
    state,
    module: {
      app: {
        isPackaged: false,
        requestSingleInstanceLock: () => state.singleInstance,
        on: (event: string) => calls.appEvents.push(event),
        whenReady: () => Promise.resolve(),
        getAppPath: () => '/opt/quanlian',
        getPath: (name: string) => (name === 'logs' ? state.logs : `/home/user/${name}`),
        getVersion: () => '0.1.0',
        quit: () => (calls.quit += 1),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes),
        handle: (scheme: string) => calls.handled.push(scheme),
      },
      ipcMain: { handle: (channel: string) => calls.ipcChannels.push(channel) },
      session: {
        fromPartition: (partition: string) => ({
          protocol: {
            handle: (scheme: string) => calls.partitionSchemes.push(`${partition}:${scheme}`),
          },
          setPermissionRequestHandler: () => undefined,
        }),
        defaultSession: {
          setPermissionRequestHandler: () => (calls.permissionHandlers += 1),
          setPermissionCheckHandler: () => (calls.permissionHandlers += 1),
          setDevicePermissionHandler: () => (calls.permissionHandlers += 1),
          on: (event: string) => calls.sessionEvents.push(event),
        },
      },
      powerMonitor: { on: () => undefined },
      dialog: {
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showErrorBox: (title: string, message: string) => calls.errorBoxes.push({ title, message }),
      },
      net: { fetch: async () => new Response('') },
      BrowserWindow,
    },
  };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));
// Where main looks for the Electron build of SQLite; the Node build stands in for it here.
vi.mock('../../electron/main/native-binding', async (importOriginal) => ({
  ...(await importOriginal<NativeBindingModule>()),
  nativeBindingPath: () => electron.state.sqliteBinding,
}));

const nodeBuildOfSqlite = path.resolve(
  __dirname,
  '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
);

beforeEach(() => {
  vi.resetModules();
  electron.module.BrowserWindow.instances = [];
  Object.assign(electron.calls, {
    schemes: [],
    handled: [],
    ipcChannels: [],
    windows: [],
    appEvents: [],
    permissionHandlers: 0,
    quit: 0,
    errorBoxes: [],
  });
  electron.state.sqliteBinding = nodeBuildOfSqlite;
  electron.state.logs = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-logs-'));
});

describe('main process start', () => {
  it('registers the app scheme, guards, IPC and one secure window', async () => {
    electron.state.singleInstance = true;
    await import('../../electron/main/index');
    // The first import transforms the whole main process: seconds on a busy 2-core machine.
    await vi.waitFor(() => expect(electron.calls.windows).toHaveLength(1), { timeout: 30_000 });
    expect(electron.calls.errorBoxes).toEqual([]);

    expect(electron.calls.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.calls.handled).toEqual(['app']);
    // Documents (PDF, Word charts) render in their own in-memory session, served from memory.
    expect(electron.calls.partitionSchemes).toEqual(['quanlian-documents:app']);
    expect(electron.calls.ipcChannels).toEqual(['quanlian:invoke']);
    expect(electron.calls.permissionHandlers).toBe(3);
    // How each file saved through the save dialog ended is told to the window (download-watch).
    expect(electron.calls.sessionEvents).toEqual(['will-download']);
    expect(electron.calls.appEvents).toEqual(
      expect.arrayContaining([
        'second-instance',
        'web-contents-created',
        'before-quit',
        'window-all-closed',
      ]),
    );
    expect(electron.calls.windows).toHaveLength(1);
    const [window] = electron.calls.windows;
    expect(window!.url).toBe('app://quanlian/index.html');
    expect(window!.options['show']).toBe(false);
    expect(window!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
    expect(String((window!.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    // Loading the main process's modules takes seconds on a busy two-core machine.
  }, 20_000);

  it('quits at once when another instance holds the lock', async () => {
    electron.state.singleInstance = false;
    await import('../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(electron.calls.quit).toBe(1);
    expect(electron.calls.windows).toEqual([]);
    expect(electron.calls.ipcChannels).toEqual([]);
  });

  it('names the missing SQLite module, the platform and the fix, logs it, and opens nothing', async () => {
    electron.state.singleInstance = true;
    electron.state.sqliteBinding = '/opt/quanlian/build/native/none/better_sqlite3.node';
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(electron.calls.quit).toBe(1));
    const target = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

    expect(electron.calls.errorBoxes).toHaveLength(1);
    const [box] = electron.calls.errorBoxes;
    expect(box!.title).toBe(
      '全链无法启动：缺少本机模块 / Quanlian cannot start: a native module is missing',
    );
    const lines = box!.message.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'better-sqlite3-multiple-ciphers (SQLite with encryption)',
      `平台 Platform: ${target}`,
      '文件 File: /opt/quanlian/build/native/none/better_sqlite3.node',
    ]);
    expect(lines[3]).toMatch(/^原因 Reason: .*better_sqlite3\.node/);
    expect(lines[4]).toContain('`npm start`');
    expect(lines).toHaveLength(5); // Argon2 loads: only SQLite is named
    expect(box!.message).not.toMatch(/internal error/i);

    const log = fs.readFileSync(path.join(electron.state.logs, 'main.log'), 'utf8');
    expect(log).toContain(`${box!.title}\n${box!.message}\n`);
    expect(logged).toHaveBeenCalledWith(`[quanlian] ${box!.title}\n${box!.message}`);
    expect(electron.calls.windows).toEqual([]);
    expect(electron.calls.ipcChannels).toEqual([]);
    expect(electron.calls.handled).toEqual([]);
    logged.mockRestore();
  });

  it('names any other start failure (a module missing from the package) instead of hanging', async () => {
    electron.state.singleInstance = true;
    vi.doMock('../../electron/main/start-app', () => ({
      startApp: () => {
        throw new Error(
          "Cannot find module 'exceljs'\nRequire stack:\n- /opt/quanlian/out/main/index.js",
        );
      },
    }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(electron.calls.quit).toBe(1));
    vi.doUnmock('../../electron/main/start-app');
    expect(electron.calls.errorBoxes).toEqual([
      {
        title: '全链无法启动 / Quanlian cannot start',
        message:
          "Cannot find module 'exceljs'\n\n请重新安装全链。 Reinstall Quanlian; if this persists, send main.log to the administrator.",
      },
    ]);
    expect(fs.readFileSync(path.join(electron.state.logs, 'main.log'), 'utf8')).toContain(
      "Cannot find module 'exceljs'",
    );
    expect(electron.calls.windows).toEqual([]);
    logged.mockRestore();
  });
});
