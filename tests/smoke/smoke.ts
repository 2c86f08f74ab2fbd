// npm run smoke: the built bundle (out/main, out/preload, out/renderer), not the sources, run
// under Node with a strict stand-in for `electron` (tests/smoke/electron-stand-in.ts), laid out
// as a packaged app: native code from resources/native, migrations from resources/drizzle.
// Checks the window options, the preload, app:// with its CSP, IPC round trips through a real
// encrypted workspace, the sender check, that the bundle requires exactly the production
// dependencies, and (in a child process) the named error when a native module is missing.
// Needs `npm run build` first (npm test runs it after test:e2e's build).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module, { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { unpackResult, type WireResult } from '../../electron/api/wire-tables';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';
import { createElectronStandIn } from './electron-stand-in';

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'out');
const localRequire = createRequire(__filename);
const missingNative = process.argv.includes('--missing-native');

for (const file of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
  if (!fs.existsSync(path.join(out, file))) {
    console.error(`smoke: out/${file} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-smoke-'));
const resources = path.join(temp, 'resources');

/** resources/ as electron-builder lays it out, with the binaries of the runtime that runs main. */
function layOutResources(): void {
  const native = path.join(resources, 'native');
  fs.mkdirSync(native, { recursive: true });
  fs.cpSync(path.join(root, 'drizzle'), path.join(resources, 'drizzle'), { recursive: true });
  if (missingNative) return;
  // Node runs main here, so Node's build of SQLite stands where Electron's goes.
  fs.copyFileSync(
    path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    path.join(native, 'better_sqlite3.node'),
  );
  const argon2 = path.dirname(localRequire.resolve('@node-rs/argon2/package.json'));
  const platformPackage = fs
    .readdirSync(path.dirname(argon2))
    .map((name) => path.join(path.dirname(argon2), name))
    .find((dir) => dir !== argon2 && path.basename(dir).startsWith('argon2-'));
  assert.ok(platformPackage, 'the Argon2 binding of this machine is installed');
  const binary = fs.readdirSync(platformPackage).find((name) => name.endsWith('.node'));
  fs.copyFileSync(path.join(platformPackage, binary!), path.join(native, 'argon2.node'));
}

/** Makes require('electron') in the bundle return the stand-in. */
function installStandIn(standIn: unknown): void {
  const id = localRequire.resolve('electron');
  const cached = new Module(id);
  cached.exports = standIn;
  cached.loaded = true;
  localRequire.cache[id] = cached;
}

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`smoke: timed out waiting for ${what}`);
}

/** The bare package names the bundle requires at run time. */
function bundleRequires(): string[] {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.js')) {
        // require("x") and import("x") (packages loaded when first needed, e.g. exceljs).
        const source = fs.readFileSync(full, 'utf8');
        for (const match of source.matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)) {
          const id = match[1]!;
          if (id.startsWith('node:') || id === 'electron' || builtinModules.includes(id)) continue;
          names.add(
            id
              .split('/')
              .slice(0, id.startsWith('@') ? 2 : 1)
              .join('/'),
          );
        }
      }
    }
  };
  visit(path.join(out, 'main'));
  return [...names].sort();
}

async function main(): Promise<void> {
  layOutResources();
  Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
  const {
    module: electron,
    record,
    rendererIpc,
  } = createElectronStandIn({
    appPath: root,
    userData: path.join(temp, 'userData'),
    documents: path.join(temp, 'documents'),
    logs: path.join(temp, 'logs'),
    isPackaged: true,
  });
  installStandIn(electron);
  localRequire(path.join(out, 'main/index.js'));

  if (missingNative) {
    await waitFor('the app to quit', () => record.quit > 0);
    assert.equal(record.windows.length, 0, 'no window opens without the native modules');
    assert.equal(record.ipcHandlers.size, 0, 'no IPC is bound without the native modules');
    assert.equal(record.errorBoxes.length, 1);
    const [box] = record.errorBoxes;
    const target = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
    for (const expected of [
      'better-sqlite3-multiple-ciphers (SQLite with encryption)',
      '@node-rs/argon2 (Argon2id key derivation)',
      `平台 Platform: ${target}`,
      `文件 File: ${path.join(resources, 'native', 'better_sqlite3.node')}`,
      `文件 File: ${path.join(resources, 'native', 'argon2.node')}`,
      `This installer lacks the SQLite binary for ${target}`,
    ]) {
      assert.ok(box!.message.includes(expected), `the dialog says: ${expected}`);
    }
    const log = fs.readFileSync(path.join(temp, 'logs', 'main.log'), 'utf8');
    assert.ok(log.includes(box!.message), 'the dialog text is in main.log');
    console.error('smoke (missing native modules): named in a dialog and main.log; no window');
    return;
  }

  await waitFor('the main window', () => record.windows.length === 1);
  assert.deepEqual(record.errorBoxes, [], 'no native-module error at start');
  assert.equal(
    process.env['NAPI_RS_NATIVE_LIBRARY_PATH'],
    path.join(resources, 'native', 'argon2.node'),
  );
  assert.ok(
    localRequire.cache[path.join(resources, 'native', 'argon2.node')],
    'Argon2 loaded from resources/native',
  );

  // The window and its preload.
  assert.deepEqual(record.privilegedSchemes, [
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  assert.deepEqual(record.permissionHandlers, [
    'quanlian-documents:request',
    'default:request',
    'default:check',
    'default:device',
  ]);
  assert.deepEqual(record.partitionProtocols, ['quanlian-documents:app']);
  const [window] = record.windows;
  assert.equal(window!.url, 'app://quanlian/index.html');
  assert.equal(window!.shown, true, 'shown on ready-to-show');
  const preloadPath = path.join(out, 'preload/index.cjs');
  assert.deepEqual(window!.options['webPreferences'], {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
    devTools: false,
  });

  // A sandboxed preload gets a require() that knows only 'electron': the bundle must be one file.
  const sandboxRequire = (id: string) => {
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require('${id}')`);
    return electron;
  };
  const preloadModule = { exports: {} };
  vm.runInNewContext(
    `(function (require, module, exports) {${fs.readFileSync(preloadPath, 'utf8')}\n})`,
    {},
    { filename: preloadPath },
  )(sandboxRequire, preloadModule, preloadModule.exports);
  assert.deepEqual([...record.exposed.keys()], ['quanlian']);
  const bridge = record.exposed.get('quanlian') as {
    invoke(
      procedure: string,
      input: unknown,
    ): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    on(event: string, listener: (payload: unknown) => void): () => void;
  };
  assert.deepEqual(Object.keys(bridge).sort(), ['invoke', 'on']);
  // Results cross IPC packed (wire-tables.ts); the renderer's client unpacks them so.
  const call = async (procedure: string, input: unknown) =>
    unpackResult((await bridge.invoke(procedure, input)) as WireResult<unknown>) as {
      ok: boolean;
      value?: unknown;
      error?: { code: string };
    };

  // app:// serves the built renderer with the CSP, and nothing outside it.
  const serve = record.protocolHandlers.get('app')!;
  const index = await serve(new Request('app://quanlian/index.html'));
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('Content-Security-Policy'), contentSecurityPolicy);
  assert.equal(index.headers.get('X-Content-Type-Options'), 'nosniff');
  const html = await index.text();
  assert.ok(
    html.includes('http-equiv="Content-Security-Policy"'),
    'index.html carries the CSP meta',
  );
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  assert.ok(script, 'index.html loads a script');
  const asset = await serve(new Request(new URL(script, 'app://quanlian/index.html').href));
  assert.equal(asset.status, 200);
  assert.equal(asset.headers.get('Content-Security-Policy'), contentSecurityPolicy);
  for (const outside of [
    'app://quanlian/../main/index.js',
    'app://quanlian/%2e%2e/main/index.js',
    'app://quanlian/..%2f..%2fpackage.json',
    'app://other/index.html',
    'app://quanlian/missing.js',
  ]) {
    assert.equal((await serve(new Request(outside))).status, 404, outside);
  }

  // IPC round trips, down to a real encrypted workspace: SQLite and Argon2 from resources/native.
  assert.deepEqual(await call('app.info', {}), {
    ok: true,
    value: {
      version: electron.app.getVersion(),
      host: 'electron',
      canPickDirectory: true,
      canPickFile: true,
    },
  });
  const workspacePath = path.join(temp, 'documents', 'Smoke');
  const created = await call('workspace.create', {
    path: workspacePath,
    name: '冒烟测试',
    unitName: '禁毒支队',
    adminUsername: 'admin',
    adminDisplayName: '管理员',
    password: 'Qu4nlian-Smoke-7!z',
  });
  assert.equal(created.ok, true, JSON.stringify(created.error));
  assert.ok(fs.existsSync(path.join(workspacePath, 'quanlian.db')), 'the database file exists');
  const locked: unknown[] = [];
  const off = bridge.on('session.locked', (payload) => locked.push(payload));
  assert.deepEqual(await call('session.lock', {}), { ok: true, value: { ok: true } });
  assert.deepEqual(locked, [{ reason: 'user' }], 'the lock event reaches the renderer');
  off();
  const unlocked = await call('session.unlock', {
    path: workspacePath,
    username: 'admin',
    password: 'Qu4nlian-Smoke-7!z',
  });
  assert.equal(unlocked.ok, true, JSON.stringify(unlocked.error));
  assert.equal((unlocked.value as { workspaceName: string }).workspaceName, '冒烟测试');
  const wrong = await call('session.unlock', {
    path: workspacePath,
    username: 'admin',
    password: 'not-the-password',
  });
  assert.equal(wrong.ok, false);

  // Only the app's own top frame may call.
  const foreign = rendererIpc({ url: 'https://example.com/', parent: null }) as unknown as {
    invoke(channel: string, ...args: unknown[]): Promise<{ ok: boolean; error?: { code: string } }>;
  };
  const refused = await foreign.invoke('quanlian:invoke', 'app.info', {});
  assert.equal(refused.error?.code, 'ipc.senderRejected');

  // The bundle requires exactly the production dependencies: nothing renderer-only is shipped.
  const dependencies = Object.keys(
    (
      JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      }
    ).dependencies,
  ).sort();
  assert.deepEqual(bundleRequires(), dependencies);

  for (const handler of record.appEvents.get('before-quit') ?? []) handler();
  console.error(
    `smoke: bundle started as a packaged app; window, preload, app:// + CSP, ${record.ipcHandlers.size} IPC channel, workspace create/lock/unlock, ${dependencies.length} production dependencies: ok`,
  );

  // The same bundle with resources/native emptied, in a fresh process.
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--missing-native'], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  process.stderr.write(
    child.stderr
      .split('\n')
      .filter((line) => line.startsWith('smoke'))
      .join('\n') + '\n',
  );
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error('smoke: the missing-native-module start failed');
  }
}

main()
  .then(() => {
    fs.rmSync(temp, { recursive: true, force: true });
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    fs.rmSync(temp, { recursive: true, force: true });
    process.exit(1);
  });
