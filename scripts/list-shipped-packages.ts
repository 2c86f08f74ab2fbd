// Lists every third-party component an installer ships, with its version, for an advisory
// check on a machine without `npm audit` (the registry here does not answer it): compare the
// list with an offline advisory database (e.g. OSV's npm export with osv-scanner --offline, or
// GitHub's advisory database checked out) on a connected machine.
// - runtime: Electron itself (a devDependency, but its Chromium and Node are what users run);
// - main: the production dependency tree, which electron-builder copies into app.asar;
// - renderer: packages the renderer imports and their dependencies, bundled by Vite into
//   out/renderer (devDependencies, yet shipped);
// - native: the SQLite and SQLite3 Multiple Ciphers versions compiled into the SQLite module.
//
//   tsx scripts/list-shipped-packages.ts          a table
//   tsx scripts/list-shipped-packages.ts --json   [{ part, ecosystem, name, version }]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ShippedPackage {
  part: 'runtime' | 'main' | 'renderer' | 'native';
  ecosystem: 'npm' | 'C';
  name: string;
  version: string;
}

interface LsNode {
  version?: string;
  dependencies?: Record<string, LsNode>;
}

function npmLs(root: string, omitDev: boolean): LsNode {
  const args = ['ls', '--all', '--json', ...(omitDev ? ['--omit=dev'] : [])];
  // npm ls exits 1 on peer-dependency warnings but still prints the tree.
  let text: string;
  try {
    text = execFileSync('npm', args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
      shell: process.platform === 'win32',
    });
  } catch (error) {
    text = (error as { stdout?: string }).stdout ?? '';
  }
  return JSON.parse(text) as LsNode;
}

/** Every name@version under the given top-level packages, deduped entries resolved. */
function closure(tree: LsNode, roots: string[]): Map<string, string> {
  const full = new Map<string, Record<string, LsNode>>();
  const index = (node: LsNode) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      const key = `${name}@${child.version}`;
      if (child.dependencies && !full.has(key)) full.set(key, child.dependencies);
      index(child);
    }
  };
  index(tree);
  const found = new Map<string, string>();
  const visit = (name: string, node: LsNode | undefined) => {
    if (!node?.version) return; // not installed (an optional dependency of another platform)
    const key = `${name}@${node.version}`;
    if (found.has(key)) return;
    found.set(key, name);
    for (const [childName, child] of Object.entries(node.dependencies ?? full.get(key) ?? {})) {
      visit(childName, child);
    }
  };
  for (const name of roots) visit(name, tree.dependencies?.[name]);
  return found;
}

/** Bare package names imported anywhere under renderer/src. */
function rendererImports(root: string): string[] {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|tsx|css)$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        for (const match of text.matchAll(/(?:from|import)\s+'([^'.][^']*)'/g)) {
          const id = match[1]!;
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
  visit(path.join(root, 'renderer/src'));
  return [...names].sort();
}

/** The registry name behind an npm alias (better-sqlite3 is better-sqlite3-multiple-ciphers). */
function realName(root: string, name: string, version: string): string {
  const file = path.join(root, 'node_modules', name, 'package.json');
  if (!fs.existsSync(file)) return name;
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
  return pkg.version === version && pkg.name ? pkg.name : name;
}

function sqliteVersions(root: string): ShippedPackage[] {
  const header = fs.readFileSync(
    path.join(root, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.h'),
    'utf8',
  );
  const define = (name: string) => new RegExp(`#define ${name}\\s+"?([^"\\s]+)`).exec(header)?.[1];
  const mc = ['MAJOR', 'MINOR', 'RELEASE'].map((part) => define(`SQLITE3MC_VERSION_${part}`));
  return [
    { part: 'native', ecosystem: 'C', name: 'SQLite', version: define('SQLITE_VERSION') ?? '?' },
    { part: 'native', ecosystem: 'C', name: 'SQLite3 Multiple Ciphers', version: mc.join('.') },
  ];
}

export function listShippedPackages(root: string): ShippedPackage[] {
  const electron = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  const production = npmLs(root, true);
  const all = npmLs(root, false);
  const main = closure(production, Object.keys(production.dependencies ?? {}));
  const renderer = closure(all, rendererImports(root));
  const packages: ShippedPackage[] = [
    { part: 'runtime', ecosystem: 'npm', name: 'electron', version: electron.version },
  ];
  for (const [part, found] of [
    ['main', main],
    ['renderer', renderer],
  ] as const) {
    for (const [key, name] of found) {
      const version = key.slice(name.length + 1);
      packages.push({ part, ecosystem: 'npm', name: realName(root, name, version), version });
    }
  }
  packages.push(...sqliteVersions(root));
  const order = ['runtime', 'main', 'renderer', 'native'];
  return packages.sort(
    (a, b) =>
      order.indexOf(a.part) - order.indexOf(b.part) ||
      a.name.localeCompare(b.name) ||
      a.version.localeCompare(b.version),
  );
}

if (process.argv[1] && path.basename(process.argv[1]) === 'list-shipped-packages.ts') {
  const packages = listShippedPackages(process.cwd());
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(packages, null, 2)}\n`);
  } else {
    process.stdout.write(
      packages.map((item) => `${item.part}\t${item.name}\t${item.version}`).join('\n') + '\n',
    );
  }
}
