import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/test-core';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'out/cli/quanlian.mjs');

/** The bundled CLI (`npm run build` makes it; package.json names it the `quanlian` bin). */
function quanlian(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    // Run from elsewhere: the bundle must find its migrations without the repository as cwd.
    cwd: makeTempDir(),
    env: { ...process.env, QUANLIAN_APP_DATA: makeTempDir(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bundled command line', () => {
  it('is the package bin, prints its usage, refuses an unknown option with exit 2', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ quanlian: 'out/cli/quanlian.mjs' });
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
    const help = quanlian(['--help']);
    expect([help.status, help.stdout.split('\n')[0]]).toEqual([
      0,
      'Quanlian command line (npm run cli -- <command> [options])',
    ]);
    const unknown = quanlian(['stats', '--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
  });

  it('creates the demo workspace and answers from it through the router', () => {
    const dir = path.join(makeTempDir(), 'demo');
    expect(quanlian(['seed-demo', '--workspace', dir]).status).toBe(0);
    const stats = quanlian(['stats', '--workspace', dir, '--user', 'demo', '--json'], {
      QUANLIAN_PASSWORD: 'Quanlian@2026',
    });
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ cases: 3, relations: 105 });
    // The chart is laid out in the bundle's layout thread (out/cli/layout-worker.mjs).
    const out = path.join(makeTempDir(), 'chart.json');
    const graph = quanlian(
      [
        'graph',
        '--workspace',
        dir,
        '--user',
        'demo',
        '--case',
        'A3301052026030015',
        '--format',
        'json',
        '--out',
        out,
        '--json',
      ],
      { QUANLIAN_PASSWORD: 'Quanlian@2026' },
    );
    expect(graph.stderr).toBe('');
    expect(JSON.parse(graph.stdout)).toEqual({ file: out, format: 'json', nodes: 50, edges: 59 });
  });
});
