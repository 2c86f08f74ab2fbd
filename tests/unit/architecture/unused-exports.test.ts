import { describe, expect, it } from 'vitest';
import { scriptCheck } from './script-check';

const { check, plant } = scriptCheck('scripts/check-unused-exports.mjs', 'ql-exports-');

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
