import { createRequire } from 'node:module';
import path from 'node:path';
import { nativeBindingPath, targetOs } from './native-binding';

/** Where main takes its native code from, for this start. */
export interface NativeSetup {
  isPackaged: boolean;
  /** better-sqlite3 built for Electron's ABI (better-sqlite3's `nativeBinding` option). */
  sqliteBinding: string;
  /** Packaged: the target's Argon2 binary in resources/native/; unpacked: node_modules'. */
  argon2Binding: string | undefined;
}

/**
 * Decides where the native binaries come from and points @node-rs/argon2 at the packaged one
 * (its loader reads NAPI_RS_NATIVE_LIBRARY_PATH). Runs before anything loads Argon2.
 */
export function prepareNativeModules(
  isPackaged: boolean,
  appPath: string,
  resourcesPath: string = process.resourcesPath,
): NativeSetup {
  const argon2Binding = isPackaged ? path.join(resourcesPath, 'native', 'argon2.node') : undefined;
  if (argon2Binding) process.env['NAPI_RS_NATIVE_LIBRARY_PATH'] = argon2Binding;
  return {
    isPackaged,
    sqliteBinding: nativeBindingPath(isPackaged, appPath, resourcesPath),
    argon2Binding,
  };
}

/** A native module main cannot use, with what the person at the machine can do about it. */
interface NativeModuleFailure {
  module: string;
  binary: string;
  target: string;
  reason: string;
  fix: string;
}

type Load = (id: string) => unknown;

interface SqliteModule {
  new (
    file: string,
    options: { nativeBinding?: string },
  ): {
    prepare(sql: string): { pluck(): { get(): unknown } };
    close(): void;
  };
}

interface Argon2Module {
  hashRawSync(password: string, options: Record<string, unknown>): Buffer;
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

/**
 * Loads SQLite (and proves it is the build with the cipher) and Argon2, the two native modules
 * every workspace action needs. An empty list means main can start.
 */
export function checkNativeModules(
  setup: NativeSetup,
  load: Load = createRequire(__filename),
): NativeModuleFailure[] {
  const target = `${targetOs(process.platform)}-${process.arch}`;
  const failures: NativeModuleFailure[] = [];
  const packagedFix = (module: string) =>
    `此安装包缺少适用于 ${target} 的 ${module} 本机模块，请使用为 ${target} 构建的安装包重新安装（构建方用 npm run dist，它会检查每个目标的本机模块）。 ` +
    `This installer lacks the ${module} binary for ${target}: reinstall from an installer built for ${target} (npm run dist checks every target's native code).`;

  try {
    const Database = load('better-sqlite3') as SqliteModule;
    const db = new Database(':memory:', { nativeBinding: setup.sqliteBinding });
    try {
      const version = db.prepare('SELECT sqlite3mc_version()').pluck().get();
      if (typeof version !== 'string') throw new Error('sqlite3mc_version() returned nothing');
    } finally {
      db.close();
    }
  } catch (error) {
    failures.push({
      module: 'better-sqlite3-multiple-ciphers (SQLite with encryption)',
      binary: setup.sqliteBinding,
      target,
      reason: firstLine(error),
      fix: setup.isPackaged
        ? packagedFix('SQLite')
        : '开发环境请用 npm start 启动（它会为 Electron 构建 SQLite 模块到 build/native/），不要直接运行 electron . ' +
          'For development start the app with `npm start`: it builds the SQLite module for Electron into build/native/. `electron .` alone does not.',
    });
  }

  try {
    const argon2 = load('@node-rs/argon2') as Argon2Module;
    const derived = argon2.hashRawSync('quanlian', {
      memoryCost: 64,
      timeCost: 1,
      parallelism: 1,
      outputLen: 32,
      salt: Buffer.alloc(16, 1),
    });
    if (derived.length !== 32) throw new Error('Argon2 returned a key of the wrong length');
  } catch (error) {
    failures.push({
      module: '@node-rs/argon2 (Argon2id key derivation)',
      binary: setup.argon2Binding ?? `node_modules/@node-rs/argon2-${target}*`,
      target,
      reason: firstLine(error),
      fix: setup.isPackaged
        ? packagedFix('Argon2')
        : `在本机运行 npm install，安装适用于 ${target} 的 Argon2 模块。 Run \`npm install\` on this machine to install the Argon2 binding for ${target}.`,
    });
  }
  return failures;
}

/** The text of the dialog and the log line: module, platform, reason and the fix, nothing else. */
export function describeNativeFailures(failures: NativeModuleFailure[]): {
  title: string;
  message: string;
} {
  return {
    title: '全链无法启动：缺少本机模块 / Quanlian cannot start: a native module is missing',
    message: failures
      .map(
        (failure) =>
          `${failure.module}\n` +
          `平台 Platform: ${failure.target}\n` +
          `文件 File: ${failure.binary}\n` +
          `原因 Reason: ${failure.reason}\n` +
          `解决 Fix: ${failure.fix}`,
      )
      .join('\n\n'),
  };
}
