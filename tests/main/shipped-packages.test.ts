import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listShippedPackages } from '../../scripts/list-shipped-packages';

const repo = path.resolve(__dirname, '../..');
const installed = (name: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

describe('the list of shipped packages for an offline advisory check', () => {
  const packages = listShippedPackages(repo);
  const find = (part: string, name: string) =>
    packages.filter((item) => item.part === part && item.name === name).map((item) => item.version);

  it('starts with Electron, the runtime, although it is a devDependency', () => {
    expect(packages[0]).toEqual({
      part: 'runtime',
      ecosystem: 'npm',
      name: 'electron',
      version: installed('electron'),
    });
  });

  it('lists the main process tree with installed versions, the native binding included', () => {
    expect(find('main', '@node-rs/argon2')).toEqual([installed('@node-rs/argon2')]);
    expect(find('main', 'better-sqlite3-multiple-ciphers')).toEqual([installed('better-sqlite3')]);
    expect(find('main', 'exceljs')).toEqual([installed('exceljs')]);
    expect(find('main', 'zod')).toEqual([installed('zod')]);
  });

  it('lists what Vite bundles into the renderer, devDependencies though they are', () => {
    for (const name of ['antd', 'react', 'echarts', 'vis-network', 'i18next']) {
      expect(find('renderer', name), name).toEqual([installed(name)]);
    }
  });

  it('names the SQLite compiled into the module, and no build tool', () => {
    const header = fs.readFileSync(
      path.join(repo, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.h'),
      'utf8',
    );
    expect(find('native', 'SQLite')).toEqual([
      /#define SQLITE_VERSION\s+"([^"]+)"/.exec(header)![1],
    ]);
    expect(find('native', 'SQLite3 Multiple Ciphers')[0]).toMatch(/^\d+\.\d+\.\d+$/);
    for (const tool of ['vitest', 'electron-builder', 'eslint', 'vite', 'drizzle-kit']) {
      expect(
        packages.filter((item) => item.name === tool),
        tool,
      ).toEqual([]);
    }
  });
});
