import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey } from '../../electron/core/db/open-database';
import { openDirect } from '../helpers/direct-workspace';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { filesContaining } from '../helpers/workspace-files';

let c: TestCore;
afterEach(() => c?.dispose());

const secrets = [
  '全某甲',
  'quanmoujia-alias',
  '110105194912310029',
  '绝密贩毒通道',
  'A3301-SECRET-9',
];

describe('encryption at rest', () => {
  it('no written name, ID number or title appears in the database, its WAL or the header', async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: secrets[4]!,
      title: secrets[3]!,
      offenceType: 'trafficking',
      openedOn: '2026-11-01',
      summary: `${secrets[3]} ${secrets[0]}`,
    });
    await c.ok('cases.addPerson', {
      caseId: caseRow.id,
      person: { name: secrets[0]!, aliases: [secrets[1]!], idNumber: '11010519491231002X' },
    });

    // While unlocked, the newest pages are in the WAL: it must be ciphertext too.
    expect(fs.statSync(path.join(dir, 'quanlian.db-wal')).size).toBeGreaterThan(0);
    for (const secret of [...secrets, '11010519491231002X']) {
      expect(filesContaining(dir, secret), secret).toEqual([]);
    }
    // The control: the same bytes are found when they are present (the helper works).
    expect(filesContaining(dir, 'quanlian-workspace')).toEqual(['workspace.json']);

    await c.ok('session.lock', {});
    for (const secret of [...secrets, '11010519491231002X']) {
      expect(filesContaining(dir, secret), secret).toEqual([]);
    }
    expect(
      fs.readFileSync(path.join(dir, 'quanlian.db')).subarray(0, 16).toString('latin1'),
    ).not.toBe('SQLite format 3\u0000');
  });

  it('the exported key opens the file in SQLCipher 4 mode from a fresh connection', async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    await c.ok('cases.create', {
      caseNo: 'A01',
      title: '导出密钥测试',
      offenceType: 'other',
      openedOn: '2026-11-01',
    });
    await c.ok('session.lock', {});
    const workspace = await openDirect(dir, 'admin', adminPassword);
    const { exportDataKey } = await import('../../electron/core/vault/export-key');
    const hex = exportDataKey(workspace);
    workspace.close('user');

    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    const raw = new Database(path.join(dir, 'quanlian.db'), { readonly: true });
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${hex}'"`);
    expect(raw.prepare('SELECT title FROM cases').all()).toEqual([{ title: '导出密钥测试' }]);
    raw.close();

    const unkeyed = new Database(path.join(dir, 'quanlian.db'), { readonly: true });
    expect(() => unkeyed.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
      /not a database/,
    );
    unkeyed.close();

    const wrong = new Database(path.join(dir, 'quanlian.db'), { readonly: true });
    applyKey(wrong, Buffer.alloc(32, 7));
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
      /not a database/,
    );
    wrong.close();
  });

  it('the key export is audited', async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    await c.ok('session.lock', {});
    const workspace = await openDirect(dir, 'admin', adminPassword);
    const { exportDataKey } = await import('../../electron/core/vault/export-key');
    exportDataKey(workspace);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect((await c.ok('audit.list', { action: 'workspace.keyExported' })).rows).toHaveLength(1);
  });
});
