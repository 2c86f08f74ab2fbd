// Builds better-sqlite3 (multiple-ciphers) for Electron's ABI into build/native/electron/,
// leaving node_modules' Node build alone for tests and the CLI. Electron main loads it through
// better-sqlite3's `nativeBinding` option. Needs the Electron headers (internet) on first run;
// afterwards it is skipped while Electron and the module keep their versions.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = require('electron/package.json').version;
const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const moduleVersion = require('better-sqlite3/package.json').version;
const outDir = path.join(root, 'build/native/electron');
const output = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const stamp = JSON.stringify({
  electronVersion,
  moduleVersion,
  platform: process.platform,
  arch: process.arch,
});

if (
  fs.existsSync(output) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8') === stamp
) {
  process.exit(0);
}

const { rebuild } = await import('@electron/rebuild');
const work = path.join(root, 'build/native/work');
fs.rmSync(work, { recursive: true, force: true });
const copy = path.join(work, 'node_modules/better-sqlite3');
fs.cpSync(moduleDir, copy, {
  recursive: true,
  filter: (source) => !source.startsWith(path.join(moduleDir, 'build')),
});
fs.writeFileSync(
  path.join(work, 'package.json'),
  JSON.stringify({
    name: 'quanlian-native',
    private: true,
    dependencies: { 'better-sqlite3': moduleVersion },
  }),
);
console.log(
  `Building better-sqlite3 ${moduleVersion} for Electron ${electronVersion} (${process.arch})…`,
);
await rebuild({
  buildPath: work,
  electronVersion,
  arch: process.arch,
  onlyModules: ['better-sqlite3'],
  force: true,
});
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(copy, 'build/Release/better_sqlite3.node'), output);
fs.writeFileSync(stampFile, stamp);
fs.rmSync(work, { recursive: true, force: true });
console.log(`Electron build of better-sqlite3 written to ${path.relative(root, output)}`);
