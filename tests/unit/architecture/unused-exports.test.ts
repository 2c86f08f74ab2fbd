import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/check-unused-exports.mjs');
let dir: string | undefined;

function check(root?: string) {
  const run = spawnSync(process.execPath, root ? [script, root] : [script], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A throwaway repository tree with the given files (path → source). */
function plant(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-exports-'));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('check-unused-exports', () => {
  it('finds every export of the app imported somewhere', () => {
    const result = check();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^unused exports: none in \d+ files\n$/);
  }, 60_000);

  it('names exports no other file imports, types included; entry points, namespaces, dynamic imports and tests count', () => {
    const root = plant({
      'electron/core/tools.ts': [
        'export function used() { return 1; }',
        'export function onlyInside() { return 2; }',
        'export const [first, second] = [1, 2];',
        'export interface Shape { size: number }',
        'export type Unused = string;',
        'export default function main() { return onlyInside(); }',
        '',
      ].join('\n'),
      'electron/core/user.ts':
        "import { first, used, type Shape } from './tools';\nexport const x: Shape = { size: used() + first };\n",
      'electron/core/lazy.ts': 'export const loadedLater = 1;\n',
      'electron/core/whole.ts': 'export const a = 1;\nexport const b = 2;\n',
      'electron/main/index.ts':
        "import * as whole from '../core/whole';\nexport const start = () => import('../core/lazy').then(() => whole.a);\n",
      'renderer/src/main.tsx': 'export const notImportedButEntry = 1;\n',
      'tests/unit/user.test.ts': "import { x } from '../../electron/core/user';\nvoid x;\n",
    });
    expect(check(root)).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        'unused exports: 4 exported name(s) that no other file imports',
        '  electron/core/tools.ts: Unused',
        '  electron/core/tools.ts: default',
        '  electron/core/tools.ts: onlyInside',
        '  electron/core/tools.ts: second',
        '',
      ].join('\n'),
    });
  }, 30_000);
});
