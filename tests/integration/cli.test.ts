import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

describe('command line', () => {
  it('init prints the recovery key once; add-user and stats work with the password from stdin', () => {
    const dir = path.join(makeTempDir(), 'ws');
    const init = execCli(
      ['init', '--workspace', dir, '--user', 'chief', '--name', '禁毒大队', '--json'],
      {
        QUANLIAN_PASSWORD: 'Chief#Pass2026',
      },
    );
    expect(init.status).toBe(0);
    const created = JSON.parse(init.stdout);
    expect(created).toMatchObject({ workspace: dir, admin: 'chief' });
    expect(created.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(fs.readFileSync(path.join(dir, 'workspace.json'), 'utf8')).not.toContain(
      created.recoveryKey,
    );

    const add = execCli(
      [
        'add-user',
        '--workspace',
        dir,
        '--user',
        'chief',
        '--name',
        'wang',
        '--role',
        'investigator',
        '--password-stdin',
        '--json',
      ],
      {},
      'Chief#Pass2026\nWang#Pass2026\n',
    );
    expect(add.status).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'wang', role: 'investigator' });

    const stats = execCli(['stats', '--workspace', dir, '--user', 'wang', '--json'], {
      QUANLIAN_PASSWORD: 'Wang#Pass2026',
    });
    expect(JSON.parse(stats.stdout)).toMatchObject({ cases: 0, users: 2 });

    const forbidden = execCli(['export-key', '--workspace', dir, '--user', 'wang'], {
      QUANLIAN_PASSWORD: 'Wang#Pass2026',
    });
    expect(forbidden.status).toBe(1);
    expect(forbidden.stderr).toContain('auth.forbidden');
  });

  it('explains a wrong password and a missing option', () => {
    const dir = path.join(makeTempDir(), 'ws');
    execCli(['init', '--workspace', dir, '--user', 'admin'], {
      QUANLIAN_PASSWORD: 'Admin#Pass2026',
    });
    const wrong = execCli(['stats', '--workspace', dir], { QUANLIAN_PASSWORD: 'nope' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('error: auth.invalidCredentials: The credentials are not valid\n');
    const usage = execCli(['backup', '--workspace', dir], { QUANLIAN_PASSWORD: 'Admin#Pass2026' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--out is required');
  });
});
