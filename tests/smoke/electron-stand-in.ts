import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A strict stand-in for the `electron` module, for running the built main bundle under Node
 * (no Electron binary can be downloaded on the build and test machines). It models exactly
 * the calls main and the preload make; touching anything else throws, so a new Electron call
 * in main fails the smoke test until it is modelled here.
 */

type Handler = (...args: never[]) => unknown;

/** Throws on any property the stand-in does not model (except the ones JS itself probes). */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      // Symbols, `then` and `__esModule` are what promise and module interop probe for.
      if (
        typeof property === 'symbol' ||
        property === 'then' ||
        property === '__esModule' ||
        property in object
      ) {
        return Reflect.get(object, property, receiver) as unknown;
      }
      throw new Error(`electron stand-in: ${name}.${property} is not modelled`);
    },
  });
}

export interface StandInOptions {
  appPath: string;
  userData: string;
  documents: string;
  logs: string;
  isPackaged: boolean;
}

export interface StandInWindow {
  options: Record<string, unknown>;
  url: string | undefined;
  shown: boolean;
}

export interface SenderFrame {
  url: string;
  parent: null | object;
}

export function createElectronStandIn(options: StandInOptions) {
  const record = {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    partitionProtocols: [] as string[],
    ipcHandlers: new Map<string, Handler>(),
    appEvents: new Map<string, Handler[]>(),
    /** The default session's events (will-download: how each saved file ended). */
    sessionEvents: new Map<string, Handler[]>(),
    windows: [] as StandInWindow[],
    errorBoxes: [] as { title: string; message: string }[],
    permissionHandlers: [] as string[],
    exposed: new Map<string, unknown>(),
    rendererListeners: new Map<string, Handler[]>(),
    quit: 0,
  };
  const on = (events: Map<string, Handler[]>) => (event: string, handler: Handler) => {
    events.set(event, [...(events.get(event) ?? []), handler]);
  };

  class BrowserWindow {
    static readonly all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all.slice();
    static getFocusedWindow = () => BrowserWindow.all[0] ?? null;
    readonly state: StandInWindow;
    readonly webContents = strict('webContents', {
      send: (channel: string, ...args: unknown[]) => {
        for (const listener of record.rendererListeners.get(channel) ?? []) {
          (listener as (...a: unknown[]) => void)({ sender: 'main' }, ...args);
        }
      },
      // Main's close guard listens for a page that holds its close (will-prevent-unload).
      on: (event: string, handler: Handler) => on(this.contentsEvents)(event, handler),
    });
    private readonly events = new Map<string, Handler[]>();
    private readonly contentsEvents = new Map<string, Handler[]>();
    constructor(windowOptions: Record<string, unknown>) {
      this.state = { options: windowOptions, url: undefined, shown: false };
      record.windows.push(this.state);
      BrowserWindow.all.push(this);
      return strict('BrowserWindow', this);
    }
    once(event: string, handler: Handler) {
      on(this.events)(event, handler);
      return this;
    }
    on(event: string, handler: Handler) {
      on(this.events)(event, handler);
      return this;
    }
    async loadURL(url: string) {
      this.state.url = url;
      for (const handler of this.events.get('ready-to-show') ?? []) handler();
    }
    show() {
      this.state.shown = true;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => undefined;
  }

  const permissionSession = (name: string) => ({
    setPermissionRequestHandler: () => record.permissionHandlers.push(`${name}:request`),
    setPermissionCheckHandler: () => record.permissionHandlers.push(`${name}:check`),
    setDevicePermissionHandler: () => record.permissionHandlers.push(`${name}:device`),
  });

  const module = {
    app: strict('app', {
      isPackaged: options.isPackaged,
      requestSingleInstanceLock: () => true,
      on: on(record.appEvents),
      whenReady: () => Promise.resolve(),
      getAppPath: () => options.appPath,
      getPath: (name: string) => {
        const paths: Record<string, string> = {
          userData: options.userData,
          documents: options.documents,
          logs: options.logs,
        };
        if (!paths[name]) throw new Error(`electron stand-in: app.getPath('${name}')`);
        return paths[name];
      },
      getVersion: () =>
        (
          JSON.parse(fs.readFileSync(path.join(options.appPath, 'package.json'), 'utf8')) as {
            version: string;
          }
        ).version,
      quit: () => {
        record.quit += 1;
      },
    }),
    BrowserWindow,
    dialog: strict('dialog', {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
      showErrorBox: (title: string, message: string) => record.errorBoxes.push({ title, message }),
    }),
    ipcMain: strict('ipcMain', {
      handle: (channel: string, handler: Handler) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        record.ipcHandlers.set(channel, handler);
      },
    }),
    net: strict('net', {
      /** Chromium's net.fetch for the file:// URLs app:// maps to: the file, or a 404. */
      fetch: async (url: string) => {
        const file = fileURLToPath(url);
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
          return new Response('', { status: 404 });
        }
        const type = file.endsWith('.html')
          ? 'text/html'
          : file.endsWith('.js')
            ? 'text/javascript'
            : file.endsWith('.css')
              ? 'text/css'
              : 'application/octet-stream';
        return new Response(fs.readFileSync(file), { headers: { 'Content-Type': type } });
      },
    }),
    powerMonitor: strict('powerMonitor', { on: () => undefined }),
    protocol: strict('protocol', {
      registerSchemesAsPrivileged: (schemes: unknown[]) =>
        record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        record.protocolHandlers.set(scheme, handler),
    }),
    session: strict('session', {
      defaultSession: strict('defaultSession', {
        ...permissionSession('default'),
        on: on(record.sessionEvents),
      }),
      fromPartition: (partition: string) =>
        strict(`session(${partition})`, {
          ...permissionSession(partition),
          protocol: strict('session.protocol', {
            handle: (scheme: string) => record.partitionProtocols.push(`${partition}:${scheme}`),
          }),
        }),
    }),
    // What a sandboxed preload sees.
    contextBridge: strict('contextBridge', {
      exposeInMainWorld: (key: string, api: unknown) => record.exposed.set(key, api),
    }),
    ipcRenderer: null as unknown,
  };

  /** The renderer's side of IPC, wired to the handlers main registered, from a given frame. */
  const rendererIpc = (frame: SenderFrame) =>
    strict('ipcRenderer', {
      invoke: async (channel: string, ...args: unknown[]) => {
        const handler = record.ipcHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return (handler as (...a: unknown[]) => unknown)({ senderFrame: frame }, ...args);
      },
      on: (channel: string, listener: Handler) => on(record.rendererListeners)(channel, listener),
      removeListener: (channel: string, listener: Handler) =>
        record.rendererListeners.set(
          channel,
          (record.rendererListeners.get(channel) ?? []).filter((item) => item !== listener),
        ),
    });
  module.ipcRenderer = rendererIpc({ url: 'app://quanlian/index.html', parent: null });

  return { module: strict('electron', module), record, rendererIpc };
}
