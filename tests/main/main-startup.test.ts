import { beforeEach, describe, expect, it, vi } from 'vitest';

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
  };
  class BrowserWindow {
    static instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances;
    static getFocusedWindow = () => null;
    webContents = { send: () => undefined };
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
  const state = { singleInstance: true };
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
        getPath: (name: string) => `/home/user/${name}`,
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
        },
      },
      powerMonitor: { on: () => undefined },
      dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
      net: { fetch: async () => new Response('') },
      BrowserWindow,
    },
  };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

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
  });
});

describe('main process start', () => {
  it('registers the app scheme, guards, IPC and one secure window', async () => {
    electron.state.singleInstance = true;
    await import('../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(electron.calls.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.calls.handled).toEqual(['app']);
    // Documents (PDF, Word charts) render in their own in-memory session, served from memory.
    expect(electron.calls.partitionSchemes).toEqual(['quanlian-documents:app']);
    expect(electron.calls.ipcChannels).toEqual(['quanlian:invoke']);
    expect(electron.calls.permissionHandlers).toBe(3);
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
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.state.singleInstance = false;
    await import('../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(electron.calls.quit).toBe(1);
    expect(electron.calls.windows).toEqual([]);
    expect(electron.calls.ipcChannels).toEqual([]);
  });
});
