// Native code for every installer target. electron-builder.yml names the targets (win x64,
// linux x64 and arm64); every native package in the production dependency tree needs a binary
// for each of them, staged in build/native/<os>-<arch>/ and packed into resources/native/:
// - N-API packages built by napi-rs (@node-rs/argon2) publish one npm package per platform.
//   npm installs only the build machine's, so `stage` fetches each target's package with
//   `npm pack` (registry or the npm cache) and checks it against package-lock.json's integrity.
// - node-gyp packages (better-sqlite3-multiple-ciphers) must be compiled for Electron's ABI and
//   the target's CPU. No prebuilt binary is published for this Electron, so `stage` builds the
//   build machine's own target; another architecture is built on a host of that architecture
//   (see README, "Installers") and its folder copied into build/native/.
// `check` fails, naming the module, the target and the fix, when any binary is missing, stale or
// built for the wrong CPU; `npm run dist` runs it before electron-builder.
//
//   tsx scripts/native-bindings.ts stage        fetch/build what this machine can
//   tsx scripts/native-bindings.ts check        exit 1 unless every target has every binary
//   tsx scripts/native-bindings.ts dist [flags]  stage + check the targets the electron-builder
//                                               flags select, then run electron-builder
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';

export type TargetOs = 'win' | 'linux' | 'mac';
export type TargetArch = 'x64' | 'arm64' | 'ia32' | 'armv7l';

/** One installer target, named as electron-builder's `${os}-${arch}` macros name it. */
export interface BuildTarget {
  os: TargetOs;
  arch: TargetArch;
}

export const targetName = (target: BuildTarget) => `${target.os}-${target.arch}`;

const nodePlatform: Record<TargetOs, NodeJS.Platform> = {
  win: 'win32',
  linux: 'linux',
  mac: 'darwin',
};

export function hostTarget(): BuildTarget {
  const entry = Object.entries(nodePlatform).find(([, platform]) => platform === process.platform);
  if (!entry) throw new Error(`Unsupported build platform ${process.platform}`);
  return { os: entry[0] as TargetOs, arch: process.arch as TargetArch };
}

/** The targets electron-builder.yml builds: every (os, arch) pair, once. */
export function readBuildTargets(configText: string): BuildTarget[] {
  const config = yaml.load(configText) as Record<string, unknown>;
  const targets = new Map<string, BuildTarget>();
  for (const targetOs of ['win', 'linux', 'mac'] as const) {
    const section = config[targetOs] as { target?: unknown } | undefined;
    if (!section?.target) continue;
    const entries = Array.isArray(section.target) ? section.target : [section.target];
    for (const entry of entries) {
      const archs = (entry as { arch?: unknown }).arch;
      if (archs === undefined || typeof entry === 'string') {
        throw new Error(`electron-builder.yml: give every ${targetOs} target an explicit arch`);
      }
      for (const arch of Array.isArray(archs) ? archs : [archs]) {
        const target = { os: targetOs, arch: arch as TargetArch };
        targets.set(targetName(target), target);
      }
    }
  }
  return [...targets.values()];
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  napi?: { binaryName?: string };
  gypfile?: boolean;
}

/** A package in the production tree that carries compiled code. */
export type NativeModule =
  | {
      kind: 'napi';
      name: string;
      /** Where it is installed (an alias installs under another name). */
      dir: string;
      version: string;
      /** The staged file name, e.g. argon2.node. */
      file: string;
      optionalDependencies: Record<string, string>;
    }
  | { kind: 'node-gyp'; name: string; dir: string; version: string; file: string };

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function packageDir(name: string, fromDir: string): string {
  // Walk up node_modules folders as Node does; works for packages without a package.json export.
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (from ${fromDir})`);
  }
}

/**
 * Every native package the installed app loads: the production dependency tree (dependencies
 * and installed optional dependencies, never devDependencies) walked from package.json.
 */
export function findNativeModules(root: string): NativeModule[] {
  const found = new Map<string, NativeModule>();
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = readJson<PackageJson>(path.join(dir, 'package.json'));
    const isRoot = dir === root;
    if (!isRoot && pkg.napi && pkg.optionalDependencies) {
      found.set(pkg.name, {
        kind: 'napi',
        name: pkg.name,
        dir,
        version: pkg.version,
        file: `${pkg.napi.binaryName ?? pkg.name.replace(/^@.*\//, '')}.node`,
        optionalDependencies: pkg.optionalDependencies,
      });
      return; // its platform packages are what we stage; do not walk into them
    }
    const gyp = path.join(dir, 'binding.gyp');
    if (!isRoot && pkg.gypfile !== false && fs.existsSync(gyp)) {
      const targetNameMatch = /'target_name'\s*:\s*'([^']+)'/.exec(fs.readFileSync(gyp, 'utf8'));
      found.set(pkg.name, {
        kind: 'node-gyp',
        name: pkg.name,
        dir,
        version: pkg.version,
        file: `${targetNameMatch?.[1] ?? pkg.name}.node`,
      });
    }
    for (const name of Object.keys(pkg.dependencies ?? {})) visit(packageDir(name, dir));
    for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
      try {
        visit(packageDir(name, dir));
      } catch {
        // an optional dependency npm skipped on this machine
      }
    }
  };
  visit(root);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  resolved?: string;
  integrity?: string;
}

/** The napi-rs platform package for a target, from the lockfile's records of the optional dependencies. */
export function napiPlatformPackage(
  module: Extract<NativeModule, { kind: 'napi' }>,
  target: BuildTarget,
  lockPackages: Record<string, LockEntry>,
): { name: string; version: string; integrity: string | undefined } | null {
  const platform = nodePlatform[target.os];
  for (const [name, range] of Object.entries(module.optionalDependencies)) {
    const entry = lockPackages[`node_modules/${name}`];
    if (!entry?.os?.includes(platform) || !entry.cpu?.includes(target.arch)) continue;
    // The Linux targets are glibc desktops (Kylin, UOS, Debian): never the musl build.
    if (target.os === 'linux' && entry.libc && !entry.libc.includes('glibc')) continue;
    if (target.os === 'win' && !name.endsWith('-msvc')) continue;
    return { name, version: entry.version ?? range, integrity: entry.integrity };
  }
  return null;
}

/** What a binary file is compiled for, read from its ELF, PE or Mach-O header. */
export function binaryTarget(file: string): BuildTarget | null {
  const header = Buffer.alloc(512);
  const fd = fs.openSync(file, 'r');
  const length = fs.readSync(fd, header, 0, header.length, 0);
  fs.closeSync(fd);
  if (length >= 20 && header.readUInt32BE(0) === 0x7f454c46) {
    const little = header[5] === 1;
    const machine = little ? header.readUInt16LE(18) : header.readUInt16BE(18);
    const arch = ({ 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'armv7l' } as const)[
      machine as 0x3e
    ];
    return arch ? { os: 'linux', arch } : null;
  }
  if (length >= 64 && header.readUInt16LE(0) === 0x5a4d) {
    const pe = header.readUInt32LE(0x3c);
    if (pe + 6 > length || header.readUInt32LE(pe) !== 0x4550) return null;
    const machine = header.readUInt16LE(pe + 4);
    const arch = ({ 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' } as const)[machine as 0x8664];
    return arch ? { os: 'win', arch } : null;
  }
  if (length >= 8 && header.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = header.readUInt32LE(4);
    const arch = ({ 0x01000007: 'x64', 0x0100000c: 'arm64' } as const)[cpu as 0x01000007];
    return arch ? { os: 'mac', arch } : null;
  }
  return null;
}

/** The NODE_MODULE_VERSION a V8 addon was compiled for (null for Node-API addons). */
export function binaryAbi(file: string): number | null {
  const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : null;
}

/** Electron's NODE_MODULE_VERSION, from the node-abi table that @electron/rebuild builds with. */
export function electronAbi(root: string, electronVersion: string): number {
  const require = createRequire(path.join(root, 'node_modules/@electron/rebuild/package.json'));
  const nodeAbi = require('node-abi') as { getAbi(target: string, runtime: string): string };
  return Number(nodeAbi.getAbi(electronVersion, 'electron'));
}

/** Written next to every staged binary: what it is, so a stale one is never packed. */
export interface BindingStamp {
  module: string;
  version: string;
  /** For node-gyp modules: the Electron version whose ABI it was compiled for. */
  electronVersion?: string;
  target: string;
}

export const stampPath = (binary: string) => `${binary}.json`;

export interface BindingProblem {
  module: string;
  target: string;
  problem: string;
  fix: string;
}

function buildHostAdvice(target: BuildTarget): string {
  const host =
    target.os === 'linux' && target.arch === 'arm64'
      ? 'a Linux arm64 machine (a Kylin/UOS workstation, or Debian bullseye arm64; glibc no newer than the targets)'
      : `a ${target.os === 'win' ? 'Windows' : target.os === 'mac' ? 'macOS' : 'Linux'} ${target.arch} machine`;
  return `run \`npm run native:stage\` on ${host} with this checkout, then copy its build/native/${targetName(target)}/ here`;
}

export interface CheckInput {
  root: string;
  targets: BuildTarget[];
  modules: NativeModule[];
  lockPackages: Record<string, LockEntry>;
  electronVersion: string;
  /** Electron's NODE_MODULE_VERSION: what node-gyp modules must be compiled against. */
  electronAbi: number;
  nativeDir: string;
}

/** Every missing, stale or wrong-CPU binary, for every target and native module. Empty = ready. */
export function checkBindings(input: CheckInput): BindingProblem[] {
  const problems: BindingProblem[] = [];
  const napiCount = input.modules.filter((module) => module.kind === 'napi').length;
  if (napiCount > 1) {
    // Main points NAPI_RS_NATIVE_LIBRARY_PATH at the one staged napi-rs binary.
    problems.push({
      module: input.modules.map((module) => module.name).join(', '),
      target: 'all',
      problem: 'more than one napi-rs package; NAPI_RS_NATIVE_LIBRARY_PATH can serve only one',
      fix: 'give each napi-rs package its own loader path in electron/main/native-modules.ts',
    });
  }
  for (const target of input.targets) {
    const name = targetName(target);
    for (const module of input.modules) {
      const report = (problem: string, fix: string) =>
        problems.push({ module: module.name, target: name, problem, fix });
      if (module.kind === 'napi' && !napiPlatformPackage(module, target, input.lockPackages)) {
        report(
          'no platform package in package-lock.json',
          `npm install ${module.name}@${module.version} on a machine with the registry so the lockfile records every platform package`,
        );
        continue;
      }
      const binary = path.join(input.nativeDir, name, module.file);
      const fix =
        module.kind === 'napi' || targetName(hostTarget()) === name
          ? 'run `npm run native:stage`'
          : buildHostAdvice(target);
      if (!fs.existsSync(binary)) {
        report(`${path.relative(input.root, binary)} is missing`, fix);
        continue;
      }
      const built = binaryTarget(binary);
      if (!built || targetName(built) !== name) {
        report(`${module.file} is built for ${built ? targetName(built) : 'an unknown CPU'}`, fix);
        continue;
      }
      const stamp = fs.existsSync(stampPath(binary))
        ? readJson<BindingStamp>(stampPath(binary))
        : null;
      if (!stamp || stamp.version !== module.version || stamp.target !== name) {
        report(`${module.file} is not from ${module.name} ${module.version}`, fix);
        continue;
      }
      if (module.kind !== 'node-gyp') continue;
      const abi = binaryAbi(binary);
      if (stamp.electronVersion !== input.electronVersion || abi !== input.electronAbi) {
        report(
          `${module.file} is built for ${abi === null ? 'no known ABI' : `NODE_MODULE_VERSION ${abi}`} (Electron ${stamp.electronVersion ?? '?'}); Electron ${input.electronVersion} needs ${input.electronAbi}`,
          fix,
        );
      }
    }
  }
  return problems;
}

export function checkInput(root: string): CheckInput {
  const lock = readJson<{ packages: Record<string, LockEntry> }>(
    path.join(root, 'package-lock.json'),
  );
  const electronVersion = readJson<PackageJson>(
    path.join(root, 'node_modules/electron/package.json'),
  ).version;
  return {
    root,
    targets: readBuildTargets(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')),
    modules: findNativeModules(root),
    lockPackages: lock.packages,
    electronVersion,
    electronAbi: electronAbi(root, electronVersion),
    nativeDir: path.join(root, 'build/native'),
  };
}

function writeStamp(binary: string, stamp: BindingStamp): void {
  fs.writeFileSync(stampPath(binary), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Fetches a napi-rs platform package with npm (registry or cache) and checks its integrity. */
function stageNapi(
  module: Extract<NativeModule, { kind: 'napi' }>,
  target: BuildTarget,
  input: CheckInput,
): void {
  const platformPackage = napiPlatformPackage(module, target, input.lockPackages);
  if (!platformPackage) return;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-native-'));
  try {
    const spec = `${platformPackage.name}@${platformPackage.version}`;
    execFileSync('npm', ['pack', spec, '--prefer-offline', '--pack-destination', work], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    const [tarball] = fs.readdirSync(work).filter((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${spec} wrote no tarball`);
    const bytes = fs.readFileSync(path.join(work, tarball));
    const integrity = `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`;
    if (platformPackage.integrity && integrity !== platformPackage.integrity) {
      throw new Error(`${spec} does not match package-lock.json's integrity`);
    }
    execFileSync('tar', ['-xzf', tarball], { cwd: work });
    const main = readJson<{ main: string }>(path.join(work, 'package/package.json')).main;
    const binary = path.join(input.nativeDir, targetName(target), module.file);
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.copyFileSync(path.join(work, 'package', main), binary);
    writeStamp(binary, {
      module: module.name,
      version: module.version,
      target: targetName(target),
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Builds a node-gyp module for Electron's ABI on this machine, for this machine's target. */
async function stageNodeGyp(
  module: Extract<NativeModule, { kind: 'node-gyp' }>,
  target: BuildTarget,
  input: CheckInput,
): Promise<void> {
  const binary = path.join(input.nativeDir, targetName(target), module.file);
  if (checkBindings({ ...input, targets: [target], modules: [module] }).length === 0) return;
  const { rebuild } = await import('@electron/rebuild');
  // npm passes its `nodedir` setting on to node-gyp, which would then compile against this
  // Node's headers (a binary Electron refuses): Electron's headers are wanted here.
  delete process.env['npm_config_nodedir'];
  delete process.env['NPM_CONFIG_NODEDIR'];
  const moduleDir = module.dir;
  const installName = path.relative(path.join(input.root, 'node_modules'), moduleDir);
  const work = path.join(input.root, 'build/native/work');
  fs.rmSync(work, { recursive: true, force: true });
  // Build a copy: node_modules keeps the Node build that the tests and the CLI load.
  const copy = path.join(work, 'node_modules', installName);
  fs.cpSync(moduleDir, copy, {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(moduleDir, 'build')),
  });
  fs.writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({
      name: 'quanlian-native',
      private: true,
      dependencies: { [installName]: module.version },
    }),
  );
  console.error(
    `Building ${module.name} ${module.version} for Electron ${input.electronVersion} (${targetName(target)})…`,
  );
  await rebuild({
    buildPath: work,
    electronVersion: input.electronVersion,
    arch: target.arch,
    onlyModules: [installName],
    force: true,
    // Offline build hosts: a mirror of Electron's headers (README, "Offline build machines").
    headerURL: process.env['ELECTRON_REBUILD_DIST_URL'] ?? process.env['npm_config_disturl'],
  });
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.copyFileSync(path.join(copy, 'build/Release', module.file), binary);
  writeStamp(binary, {
    module: module.name,
    version: module.version,
    electronVersion: input.electronVersion,
    target: targetName(target),
  });
  fs.rmSync(work, { recursive: true, force: true });
}

/**
 * Stages what this machine can: every napi package for every target, node-gyp modules for its
 * own target. `host` (npm start): only the node-gyp modules for this machine, which is all that
 * an unpacked app loads from build/native/ (napi packages come from node_modules there).
 */
export async function stage(input: CheckInput, only?: 'host'): Promise<void> {
  const host = targetName(hostTarget());
  for (const module of input.modules) {
    if (module.kind !== 'napi' || only === 'host') continue;
    for (const target of input.targets) {
      if (checkBindings({ ...input, targets: [target], modules: [module] }).length > 0) {
        stageNapi(module, target, input);
      }
    }
  }
  const target =
    only === 'host'
      ? hostTarget()
      : input.targets.find((candidate) => targetName(candidate) === host);
  for (const module of input.modules) {
    if (module.kind !== 'node-gyp' || !target) continue;
    await stageNodeGyp(module, target, input);
  }
}

/**
 * The targets an electron-builder command line builds, as electron-builder reads it: platform
 * flags pick platforms (none: this machine's), arch flags replace the configured archs.
 */
export function selectTargets(targets: BuildTarget[], args: string[]): BuildTarget[] {
  const platformFlags: Record<string, TargetOs> = {
    '--win': 'win',
    '-w': 'win',
    '--windows': 'win',
    '--linux': 'linux',
    '-l': 'linux',
    '--mac': 'mac',
    '-m': 'mac',
    '--macos': 'mac',
  };
  const oses = new Set(args.flatMap((arg) => platformFlags[arg] ?? []));
  if (oses.size === 0) oses.add(hostTarget().os);
  const archs = new Set(
    args.filter((arg) => /^--(x64|arm64|ia32|armv7l)$/.test(arg)).map((arg) => arg.slice(2)),
  );
  return targets.filter(
    (target) => oses.has(target.os) && (archs.size === 0 || archs.has(target.arch)),
  );
}

export function formatProblems(problems: BindingProblem[]): string {
  return problems
    .map((item) => `  ${item.target}: ${item.module}: ${item.problem}\n    fix: ${item.fix}`)
    .join('\n');
}

async function main(): Promise<void> {
  // npm runs scripts from the repository root.
  const root = process.cwd();
  const [command, option] = process.argv.slice(2);
  const input = checkInput(root);
  if (command === 'dist') {
    // npm run dist -- --linux --arm64: stage and check what this command line builds, then
    // hand the same arguments to electron-builder.
    const builderArgs = process.argv.slice(3);
    const selected = { ...input, targets: selectTargets(input.targets, builderArgs) };
    if (selected.targets.length === 0) throw new Error('No electron-builder.yml target selected');
    await stage(selected);
    const problems = checkBindings(selected);
    if (problems.length > 0) {
      console.error(`Not packaging: native code missing.\n${formatProblems(problems)}`);
      process.exit(1);
    }
    execFileSync('electron-builder', ['--config', 'electron-builder.yml', ...builderArgs], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    return;
  }
  if (command === 'stage') {
    await stage(input, option === '--host' ? 'host' : undefined);
    if (option === '--host') return;
  } else if (command !== 'check') {
    console.error(
      'usage: tsx scripts/native-bindings.ts stage [--host] | check | dist [electron-builder flags]',
    );
    process.exit(2);
  }
  const problems = checkBindings(input);
  if (problems.length > 0) {
    console.error(
      `Native bindings missing for the installer targets:\n${formatProblems(problems)}`,
    );
    if (command === 'check') process.exit(1);
  }
}

if (process.argv[1] && path.basename(process.argv[1]) === 'native-bindings.ts') {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
