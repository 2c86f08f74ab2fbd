import fs from 'node:fs';
import path from 'node:path';
import type * as argon2 from '@node-rs/argon2';
import { hashRaw } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageCommand } from '../../electron/cli/commands/package-commands';
import { withRouter } from '../../electron/cli/cli-router';
import { openPackage } from '../../electron/core/io/case-package';
import { makeTempDir } from '../helpers/test-core';

// Every Argon2id derivation goes through hashRaw: counting its calls counts the key derivations.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof argon2>();
  return { ...real, hashRaw: vi.fn(real.hashRaw) };
});

const passphrase = '协查口令-2026-11';
const root = makeTempDir();
const dir = path.join(root, 'demo');
const file = path.join(root, 'case.qlpkg');
let password = '';
let appDataBefore: string | undefined;

beforeAll(async () => {
  appDataBefore = process.env['QUANLIAN_APP_DATA'];
  process.env['QUANLIAN_APP_DATA'] = path.join(root, 'appdata');
  // The CLI's router runs the real Argon2id parameters, as a user's would.
  password = (await withRouter((client) => client.call('workspace.createDemo', { path: dir })))
    .password;
}, 60_000);

afterAll(() => {
  if (appDataBefore === undefined) delete process.env['QUANLIAN_APP_DATA'];
  else process.env['QUANLIAN_APP_DATA'] = appDataBefore;
});

describe('CLI package export', () => {
  it('derives two keys (the sign-in and the seal) and takes the counts from the export, not a second open', async () => {
    vi.mocked(hashRaw).mockClear();
    const printed: unknown[] = [];
    await packageCommand(
      'export',
      { workspace: dir, user: 'demo', case: 'A3301052026030015', out: file },
      { password: () => password, newPassword: () => '', passphrase: () => passphrase },
      { json: true, result: (value) => printed.push(value) },
    );
    expect(vi.mocked(hashRaw)).toHaveBeenCalledTimes(2);

    const snapshot = await openPackage(fs.readFileSync(file), passphrase);
    expect(printed).toEqual([
      {
        file,
        bytes: fs.statSync(file).size,
        entities: snapshot.entities.length,
        relations: snapshot.relations.length,
        attachments: snapshot.attachments.length,
      },
    ]);
    expect(snapshot.case?.caseNo).toBe('A3301052026030015');
    expect(snapshot.entities.length).toBeGreaterThan(0);
    expect(snapshot.relations.length).toBeGreaterThan(0);
  }, 60_000);
});
