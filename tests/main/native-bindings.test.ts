import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  binaryAbi,
  binaryTarget,
  checkBindings,
  checkInput,
  hostTarget,
  napiPlatformPackage,
  readBuildTargets,
  selectTargets,
  stampPath,
  targetName,
  type BuildTarget,
  type CheckInput,
  type NativeModule,
} from '../../scripts/native-bindings';

const repo = path.resolve(__dirname, '../..');
const real = checkInput(repo);
const argon2 = real.modules.find((module) => module.name === '@node-rs/argon2') as Extract<
  NativeModule,
  { kind: 'napi' }
>;
const sqlite = real.modules.find((module) => module.kind === 'node-gyp')!;
const installedArgon2 = path.join(
  repo,
  'node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node',
);

/** A minimal ELF or PE header for a CPU, padded; `abi` adds a V8 addon's register symbol. */
function fakeBinary(target: BuildTarget, abi?: number): Buffer {
  const bytes = Buffer.alloc(1024);
  if (target.os === 'linux') {
    bytes.writeUInt32BE(0x7f454c46, 0);
    bytes[4] = 2;
    bytes[5] = 1;
    bytes.writeUInt16LE({ x64: 0x3e, arm64: 0xb7 }[target.arch as 'x64'], 18);
  } else {
    bytes.writeUInt16LE(0x5a4d, 0);
    bytes.writeUInt32LE(0x80, 0x3c);
    bytes.writeUInt32LE(0x4550, 0x80);
    bytes.writeUInt16LE({ x64: 0x8664, arm64: 0xaa64 }[target.arch as 'x64'], 0x84);
  }
  if (abi !== undefined) bytes.write(`node_register_module_v${abi}\0`, 512, 'latin1');
  return bytes;
}

describe('installer targets and their native modules', () => {
  it('reads win x64, linux x64 and linux arm64 from electron-builder.yml', () => {
    expect(real.targets.map(targetName)).toEqual(['win-x64', 'linux-x64', 'linux-arm64']);
    expect(() => readBuildTargets('linux:\n  target: [AppImage]\n')).toThrow(/explicit arch/);
  });

  it('finds the native packages the installed app loads, and only those', () => {
    expect(
      real.modules.map((module) => [module.kind, module.name, module.version, module.file]),
    ).toEqual([
      ['napi', '@node-rs/argon2', argon2.version, 'argon2.node'],
      ['node-gyp', 'better-sqlite3-multiple-ciphers', sqlite.version, 'better_sqlite3.node'],
    ]);
    expect(path.relative(repo, sqlite.dir)).toBe(path.join('node_modules', 'better-sqlite3'));
  });

  it('has a locked Argon2 platform package, with its integrity, for every target', () => {
    expect(
      real.targets.map((target) => napiPlatformPackage(argon2, target, real.lockPackages)?.name),
    ).toEqual([
      '@node-rs/argon2-win32-x64-msvc',
      '@node-rs/argon2-linux-x64-gnu',
      '@node-rs/argon2-linux-arm64-gnu',
    ]);
    for (const target of real.targets) {
      const locked = napiPlatformPackage(argon2, target, real.lockPackages)!;
      expect(locked.version).toBe(argon2.version);
      expect(locked.integrity).toMatch(/^sha512-/);
    }
  });

  it('reads the CPU and the ABI of real binaries', () => {
    expect(binaryTarget(installedArgon2)).toEqual({ os: 'linux', arch: 'x64' });
    expect(binaryAbi(installedArgon2)).toBeNull(); // Node-API: one build serves every ABI
    const nodeBuild = path.join(sqlite.dir, 'build/Release/better_sqlite3.node');
    expect(binaryTarget(nodeBuild)).toEqual({ os: 'linux', arch: 'x64' });
    // node_modules holds the Node build (tests, CLI): exactly the ABI Electron refuses.
    expect(binaryAbi(nodeBuild)).toBe(Number(process.versions.modules));
    expect(real.electronAbi).not.toBe(Number(process.versions.modules));
    const pe = writeTemp('pe.node', fakeBinary({ os: 'win', arch: 'arm64' }));
    expect(binaryTarget(pe)).toEqual({ os: 'win', arch: 'arm64' });
  });
});

let temp: string;
const writeTemp = (name: string, bytes: Buffer) => {
  const file = path.join(temp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
};
beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-native-test-'));
});
afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('the binding check npm run dist runs before electron-builder', () => {
  const input = (): CheckInput => ({ ...real, nativeDir: temp });
  const stage = (
    target: string,
    module: NativeModule,
    bytes: Buffer,
    stamp: Record<string, unknown> = {},
  ) => {
    const file = writeTemp(path.join(target, module.file), bytes);
    fs.writeFileSync(
      stampPath(file),
      JSON.stringify({
        module: module.name,
        version: module.version,
        target,
        ...(module.kind === 'node-gyp' ? { electronVersion: real.electronVersion } : {}),
        ...stamp,
      }),
    );
  };
  const stageAll = () => {
    for (const target of real.targets) {
      stage(targetName(target), argon2, fakeBinary(target));
      stage(targetName(target), sqlite, fakeBinary(target, real.electronAbi));
    }
  };

  it('fails for every target and module while nothing is staged, naming the arm64 build host', () => {
    const problems = checkBindings(input());
    expect(problems.map((item) => `${item.target} ${item.module}`)).toEqual([
      'win-x64 @node-rs/argon2',
      'win-x64 better-sqlite3-multiple-ciphers',
      'linux-x64 @node-rs/argon2',
      'linux-x64 better-sqlite3-multiple-ciphers',
      'linux-arm64 @node-rs/argon2',
      'linux-arm64 better-sqlite3-multiple-ciphers',
    ]);
    expect(problems[5]!.problem).toBe(
      `${path.relative(repo, path.join(temp, 'linux-arm64/better_sqlite3.node'))} is missing`,
    );
    expect(problems[5]!.fix).toMatch(/on a Linux arm64 machine .*build\/native\/linux-arm64\//);
    expect(problems[4]!.fix).toBe('run `npm run native:stage`');
  });

  it('passes when every target has both binaries for its CPU and the right versions', () => {
    stageAll();
    expect(checkBindings(input())).toEqual([]);
  });

  it('refuses the x64 Argon2 binding staged for linux arm64 (the crash at start on Kylin/UOS)', () => {
    stageAll();
    stage('linux-arm64', argon2, fs.readFileSync(installedArgon2));
    expect(checkBindings(input())).toEqual([
      {
        module: '@node-rs/argon2',
        target: 'linux-arm64',
        problem: 'argon2.node is built for linux-x64',
        fix: 'run `npm run native:stage`',
      },
    ]);
  });

  it("refuses SQLite compiled against Node's ABI, another Electron, or another module version", () => {
    stageAll();
    stage('linux-x64', sqlite, fakeBinary({ os: 'linux', arch: 'x64' }, 115));
    stage('win-x64', sqlite, fakeBinary({ os: 'win', arch: 'x64' }, real.electronAbi), {
      electronVersion: '44.0.0',
    });
    stage('linux-arm64', sqlite, fakeBinary({ os: 'linux', arch: 'arm64' }, real.electronAbi), {
      version: '12.0.0',
    });
    expect(checkBindings(input()).map((item) => `${item.target}: ${item.problem}`)).toEqual([
      `win-x64: better_sqlite3.node is built for NODE_MODULE_VERSION ${real.electronAbi} (Electron 44.0.0); Electron ${real.electronVersion} needs ${real.electronAbi}`,
      `linux-x64: better_sqlite3.node is built for NODE_MODULE_VERSION 115 (Electron ${real.electronVersion}); Electron ${real.electronVersion} needs ${real.electronAbi}`,
      `linux-arm64: better_sqlite3.node is not from better-sqlite3-multiple-ciphers ${sqlite.version}`,
    ]);
  });

  it('fails when the lockfile has no platform package for a target', () => {
    stageAll();
    const lockPackages = { ...real.lockPackages };
    delete lockPackages['node_modules/@node-rs/argon2-linux-arm64-gnu'];
    expect(checkBindings({ ...input(), lockPackages })).toMatchObject([
      {
        module: '@node-rs/argon2',
        target: 'linux-arm64',
        problem: 'no platform package in package-lock.json',
      },
    ]);
  });

  it('packs build/native/<os>-<arch>/ as resources/native and rebuilds nothing while packaging', () => {
    const config = fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/- from: build\/native\/\$\{os\}-\$\{arch\}\n\s+to: native\n/);
    expect(config).toMatch(/\nnpmRebuild: false\n/);
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['dist']).toBe('npm run build && tsx scripts/native-bindings.ts dist');
  });

  it('stages and checks exactly the targets an electron-builder command line builds', () => {
    const names = (args: string[]) => selectTargets(real.targets, args).map(targetName);
    expect(names(['--win'])).toEqual(['win-x64']);
    expect(names(['--linux', '--arm64'])).toEqual(['linux-arm64']);
    expect(names(['-l'])).toEqual(['linux-x64', 'linux-arm64']);
    expect(names(['--win', '--linux', '--x64'])).toEqual(['win-x64', 'linux-x64']);
    // No platform flag: electron-builder builds for the machine it runs on.
    expect(names([])).toEqual(
      real.targets.filter((target) => target.os === hostTarget().os).map(targetName),
    );
  });
});
