import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkNativeModules,
  describeNativeFailures,
  prepareNativeModules,
  type NativeSetup,
} from '../../electron/main/native-modules';

const realRequire = createRequire(__filename);
const nodeBuild = path.resolve(
  __dirname,
  '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
);
const target = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const unpacked: NativeSetup = {
  isPackaged: false,
  sqliteBinding: nodeBuild,
  argon2Binding: undefined,
};
const savedPath = process.env['NAPI_RS_NATIVE_LIBRARY_PATH'];
afterEach(() => {
  if (savedPath === undefined) delete process.env['NAPI_RS_NATIVE_LIBRARY_PATH'];
  else process.env['NAPI_RS_NATIVE_LIBRARY_PATH'] = savedPath;
});

/** A loader that fails for one module the way Node does when a binding is absent. */
const without = (id: string, message: string) => (request: string) => {
  if (request === id) throw new Error(message);
  return realRequire(request) as unknown;
};

describe('native modules at start', () => {
  it('loads the real SQLite with the cipher and the real Argon2', () => {
    expect(checkNativeModules(unpacked)).toEqual([]);
  });

  it('packaged: both binaries come from resources/native, Argon2 through its loader variable', () => {
    const setup = prepareNativeModules(
      true,
      '/opt/Quanlian/resources/app.asar',
      '/opt/Quanlian/resources',
    );
    expect(setup).toEqual({
      isPackaged: true,
      sqliteBinding: path.join('/opt/Quanlian/resources', 'native', 'better_sqlite3.node'),
      argon2Binding: path.join('/opt/Quanlian/resources', 'native', 'argon2.node'),
    });
    expect(process.env['NAPI_RS_NATIVE_LIBRARY_PATH']).toBe(setup.argon2Binding);
  });

  it('unpacked: SQLite from build/native/<os>-<arch>, Argon2 from node_modules', () => {
    delete process.env['NAPI_RS_NATIVE_LIBRARY_PATH'];
    expect(prepareNativeModules(false, '/src/quanlian')).toEqual({
      isPackaged: false,
      sqliteBinding: path.join('/src/quanlian', 'build', 'native', target, 'better_sqlite3.node'),
      argon2Binding: undefined,
    });
    expect(process.env['NAPI_RS_NATIVE_LIBRARY_PATH']).toBeUndefined();
  });

  it('names a missing Argon2 binding of a packaged app with the installer fix', () => {
    const failures = checkNativeModules(
      {
        isPackaged: true,
        sqliteBinding: nodeBuild,
        argon2Binding: '/opt/Quanlian/resources/native/argon2.node',
      },
      without(
        '@node-rs/argon2',
        `Cannot find native binding. npm has a bug related to optional dependencies`,
      ),
    );
    expect(failures).toEqual([
      {
        module: '@node-rs/argon2 (Argon2id key derivation)',
        binary: '/opt/Quanlian/resources/native/argon2.node',
        target,
        reason: 'Cannot find native binding. npm has a bug related to optional dependencies',
        fix:
          `此安装包缺少适用于 ${target} 的 Argon2 本机模块，请使用为 ${target} 构建的安装包重新安装（构建方用 npm run dist，它会检查每个目标的本机模块）。 ` +
          `This installer lacks the Argon2 binary for ${target}: reinstall from an installer built for ${target} (npm run dist checks every target's native code).`,
      },
    ]);
  });

  it('refuses an SQLite build without the cipher', () => {
    class PlainSqlite {
      prepare() {
        return {
          pluck: () => ({
            get: () => {
              throw new Error('no such function: sqlite3mc_version');
            },
          }),
        };
      }
      close() {}
    }
    const failures = checkNativeModules(unpacked, (id) =>
      id === 'better-sqlite3' ? PlainSqlite : realRequire(id),
    );
    expect(failures.map((failure) => [failure.module, failure.reason])).toEqual([
      [
        'better-sqlite3-multiple-ciphers (SQLite with encryption)',
        'no such function: sqlite3mc_version',
      ],
    ]);
  });

  it('reports both, one block each, when neither loads', () => {
    const failures = checkNativeModules(
      { ...unpacked, sqliteBinding: '/nowhere/better_sqlite3.node' },
      without('@node-rs/argon2', 'Cannot find module'),
    );
    const { message } = describeNativeFailures(failures);
    expect(message.split('\n\n').map((block) => block.split('\n')[0])).toEqual([
      'better-sqlite3-multiple-ciphers (SQLite with encryption)',
      '@node-rs/argon2 (Argon2id key derivation)',
    ]);
    expect(message).toContain(
      `Run \`npm install\` on this machine to install the Argon2 binding for ${target}.`,
    );
  });
});
