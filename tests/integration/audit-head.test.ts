import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isValidSignedHead,
  readOutsideHead,
  type SignedAuditHead,
} from '../../electron/core/audit/audit-anchor';
import { readBackupHeader } from '../../electron/core/backup/backup-file';
import { applyKey } from '../../electron/core/db/open-database';
import { openKeySlot } from '../../electron/core/vault/key-slot';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { rehashChain } from '../helpers/forge-audit';
import { testKdf } from '../helpers/test-kdf';

let c: TestCore;
afterEach(() => c?.dispose());

const viewerPassword = 'Zhao#Pass2026';

/** A workspace with a viewer account and a few audited writes, locked. */
async function workspaceWithViewer(): Promise<string> {
  c = makeTestCore();
  const { path: dir } = await createTestWorkspace(c);
  await c.ok('users.create', {
    username: 'zhao',
    displayName: '赵',
    role: 'viewer',
    password: viewerPassword,
  });
  for (let n = 1; n <= 3; n += 1)
    await c.ok('cases.create', {
      caseNo: `A-HEAD-${n}`,
      title: `案件${n}`,
      offenceType: 'possession',
      openedOn: '2026-10-01',
    });
  await c.ok('session.lock', {});
  return dir;
}

function editHeader(dir: string, change: (header: Record<string, unknown>) => void): void {
  const file = path.join(dir, 'workspace.json');
  const header = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(header);
  fs.writeFileSync(file, JSON.stringify(header));
}

async function unlockAsAdmin(dir: string) {
  return c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
}

describe('an audit head outside the workspace', () => {
  it('keeps a monotonic copy of the head in the app data, not in the workspace', async () => {
    const dir = await workspaceWithViewer();
    const head = readHeader(dir).auditAnchor!;
    const outside = readOutsideHead(c.env.anchorDir as string, readHeader(dir).workspaceId);
    expect(outside).toMatchObject({ count: head.count, hash: head.hash });
    expect(path.relative(dir, c.env.anchorDir as string).startsWith('..')).toBe(true);
  });

  it('a null anchor is tampering: detected at unlock and by verify', async () => {
    const dir = await workspaceWithViewer();
    editHeader(dir, (header) => {
      header['auditAnchor'] = null;
    });
    expect((await unlockAsAdmin(dir)).auditIntegrity).toBe('broken');
    const mismatch = (await c.ok('audit.list', { action: 'audit.anchorMismatch' })).rows;
    expect(mismatch.map((row) => row.details?.['problem'])).toEqual(['anchorMissing']);
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false, reason: 'anchorMissing' });
  });

  it('an older header and database put back together (spliced old anchor) are detected', async () => {
    const dir = await workspaceWithViewer();
    const saved = Object.fromEntries(
      ['workspace.json', 'quanlian.db'].map((name) => [
        name,
        fs.readFileSync(path.join(dir, name)),
      ]),
    );
    await unlockAsAdmin(dir);
    await c.ok('cases.create', {
      caseNo: 'A-HEAD-LATER',
      title: '之后',
      offenceType: 'possession',
      openedOn: '2026-10-02',
    });
    await c.ok('session.lock', {});
    // Both files as they were: the header's own anchor matches the old database.
    for (const [name, bytes] of Object.entries(saved))
      fs.writeFileSync(path.join(dir, name), bytes);
    expect((await unlockAsAdmin(dir)).auditIntegrity).toBe('broken');
    const mismatch = (await c.ok('audit.list', { action: 'audit.anchorMismatch' })).rows;
    expect(mismatch.map((row) => row.details?.['problem'])).toEqual(['truncated']);
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it("a viewer's forged chain (hashes recomputed with his data key) is detected by the outside copy", async () => {
    const dir = await workspaceWithViewer();
    // The viewer opens the database with the key from his own slot, makes himself admin,
    // deletes the record of it, recomputes every hash after it and fixes the header anchor.
    const viewer = await unlockWorkspace(dir, 'zhao', viewerPassword, c.env);
    viewer.sqlite.prepare(`UPDATE users SET role = 'admin' WHERE username = 'zhao'`).run();
    viewer.sqlite.prepare(`UPDATE audit_log SET details = '{"forged":true}' WHERE seq = 3`).run();
    const last = rehashChain(viewer.sqlite);
    viewer.sqlite.close();
    editHeader(dir, (header) => {
      header['auditAnchor'] = { count: last.seq, hash: last.hash };
    });

    // The role he gave himself is not sealed: refused (role-of-record.test.ts).
    expect(
      await c.call('session.unlock', { path: dir, username: 'zhao', password: viewerPassword }),
    ).toMatchObject({ ok: false, error: { code: 'auth.roleUnverified' } });
    expect((await unlockAsAdmin(dir)).auditIntegrity).toBe('broken');
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false, reason: 'forked' });
  });

  it('an administrator exports a signed head; backups carry it; a viewer cannot sign', async () => {
    const dir = await workspaceWithViewer();
    await c.ok('session.unlock', { path: dir, username: 'zhao', password: viewerPassword });
    expect(await c.call('audit.signHead', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    await c.ok('session.lock', {});
    await unlockAsAdmin(dir);
    const signed = (await c.ok('audit.signHead', {})) as SignedAuditHead;
    const publicKey = readHeader(dir).auditSigningKey.publicKey;
    expect(isValidSignedHead(signed, publicKey)).toBe(true);
    expect(isValidSignedHead({ ...signed, count: signed.count - 1 }, publicKey)).toBe(false);
    expect(signed).toMatchObject({ signedBy: 'admin', count: readHeader(dir).auditAnchor!.count });

    await c.ok('backup.schedule', {
      folder: path.join(c.root, 'backups'),
      everyHours: 24,
      keep: 3,
    });
    await c.ok('backup.create', {});
    const [name] = fs.readdirSync(path.join(c.root, 'backups'));
    const { header } = readBackupHeader(path.join(c.root, 'backups', name!));
    expect(header.signedHead).not.toBeNull();
    expect(isValidSignedHead(header.signedHead!, publicKey)).toBe(true);
    expect(header.signedHead).toMatchObject({
      count: header.workspace.auditAnchor!.count,
      hash: header.workspace.auditAnchor!.hash,
    });
  });
});

const liPassword = 'Li#Pass2026x';

/** The investigator's own key, taken with his password alone: no unlock, so no record. */
async function dataKeyOf(dir: string, userId: string, password: string): Promise<Buffer> {
  const header = readHeader(dir);
  const slot = header.slots.find((one) => one.kind === 'user' && one.userId === userId)!;
  const opened = await openKeySlot(header.workspaceId, slot, password, testKdf);
  return opened!.dataKey;
}

/** What a second process of the account holder does: cut every record after `count`. */
function cutTail(dir: string, key: Buffer, count: number): string[] {
  const sqlite = new Database(path.join(dir, 'quanlian.db'), { fileMustExist: true });
  try {
    applyKey(sqlite, key);
    const cut = sqlite
      .prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq')
      .all(count) as { action: string }[];
    sqlite.prepare('DELETE FROM audit_log WHERE seq > ?').run(count);
    return cut.map((row) => row.action);
  } finally {
    sqlite.close();
  }
}

function lastSeq(): { seq: number; hash: string } {
  const workspace = c.router.sessions.current()!;
  return workspace.sqlite
    .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as { seq: number; hash: string };
}

/** An investigator's session after an export, an edit and a refused call, still open. */
async function investigatorSession(ownerAppDataDir?: string) {
  c = makeTestCore(undefined, { ownerAppDataDir });
  const { path: dir } = await createTestWorkspace(c);
  const li = await c.ok('users.create', {
    username: 'li',
    displayName: '李',
    role: 'investigator',
    password: liPassword,
  });
  const fields = {
    caseNo: 'A-TAIL-1',
    title: '尾部',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  } as const;
  const created = await c.ok('cases.create', fields);
  await c.ok('session.lock', {});
  await c.ok('session.unlock', { path: dir, username: 'li', password: liPassword });
  const anchorAtUnlock = readHeader(dir).auditAnchor!;
  const unlockedAt = anchorAtUnlock.count;
  await c.ok('cases.export', { id: created.id, format: 'json' });
  await c.ok('cases.update', { id: created.id, fields: { ...fields, title: '尾部（改）' } });
  expect(await c.call('users.list', {})).toMatchObject({
    ok: false,
    error: { code: 'auth.forbidden' },
  });
  const workspaceId = readHeader(dir).workspaceId;
  const key = await dataKeyOf(dir, li.id, liPassword);
  return { dir, li, workspaceId, unlockedAt, anchorAtUnlock, key };
}

describe("a session's records anchored outside as they are written", () => {
  it('moves the outside head with every audited write, export and refusal; the header at unlock and lock', async () => {
    const { dir, workspaceId, unlockedAt } = await investigatorSession();
    const last = lastSeq();
    expect(last.seq).toBe(unlockedAt + 3);
    expect(readOutsideHead(c.env.anchorDir as string, workspaceId)).toMatchObject({
      count: last.seq,
      hash: last.hash,
    });
    expect(readHeader(dir).auditAnchor).toMatchObject({ count: unlockedAt });
  });

  it("a killed session's tail cut with the holder's own key is truncation at the next unlock", async () => {
    const { dir, key, workspaceId, unlockedAt } = await investigatorSession();
    const outsideBefore = readOutsideHead(c.env.anchorDir as string, workspaceId)!;
    // The app is killed: nothing is recorded or anchored at the end.
    c.router.sessions.current()!.discard();
    c.router.sessions.lock('user');
    expect(cutTail(dir, key, unlockedAt)).toEqual([
      'cases.exported',
      'cases.updated',
      'users.list',
    ]);
    expect((await unlockAsAdmin(dir)).auditIntegrity).toBe('broken');
    const mismatch = (await c.ok('audit.list', { action: 'audit.anchorMismatch' })).rows;
    expect(mismatch.map((row) => row.details?.['problem'])).toEqual(['truncated']);
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false, reason: 'truncated' });
    // The evidence stays: the outside head is not moved back or over.
    await c.ok('session.lock', {});
    expect(readOutsideHead(c.env.anchorDir as string, workspaceId)).toEqual(outsideBefore);
  });

  it("a session run with its app data pointed elsewhere (QUANLIAN_APP_DATA) still leaves its head in the OS account's own folder: its tail cut and the header put back is truncation", async () => {
    const owner = path.join(makeTempDir(), 'owner-app-data');
    const { dir, key, workspaceId, unlockedAt, anchorAtUnlock } = await investigatorSession(owner);
    const told = c.env.anchorDir as readonly string[];
    expect(told).toEqual([
      path.join(c.root, 'appdata', 'audit-heads'),
      path.join(owner, 'audit-heads'),
    ]);
    await c.ok('session.lock', {});
    expect(cutTail(dir, key, unlockedAt)).toEqual([
      'cases.exported',
      'cases.updated',
      'users.list',
      'session.locked',
    ]);
    // The folder the session was told to use was a throwaway; the header is put back.
    fs.rmSync(path.join(told[0]!, `${workspaceId}.json`));
    editHeader(dir, (header) => {
      header['auditAnchor'] = anchorAtUnlock;
    });
    expect((await unlockAsAdmin(dir)).auditIntegrity).toBe('broken');
    const mismatch = (await c.ok('audit.list', { action: 'audit.anchorMismatch' })).rows;
    expect(mismatch.map((row) => row.details?.['problem'])).toEqual(['truncated']);
  });

  it('a tail cut by a second process while the session runs on and locks normally is a fork at the next unlock', async () => {
    const { dir, key, workspaceId, unlockedAt, li } = await investigatorSession();
    const outsideBefore = readOutsideHead(c.env.anchorDir as string, workspaceId)!;
    expect(cutTail(dir, key, unlockedAt)).toHaveLength(3);
    // The session goes on over the shortened chain, past the outside head's count, and locks.
    for (let n = 2; n <= 5; n += 1)
      await c.ok('cases.create', {
        caseNo: `A-TAIL-${n}`,
        title: `之后${n}`,
        offenceType: 'trafficking',
        openedOn: '2026-10-02',
      });
    await c.ok('session.lock', {});
    expect(readHeader(dir).auditAnchor!.count).toBe(unlockedAt + 5);
    expect(readOutsideHead(c.env.anchorDir as string, workspaceId)).toEqual(outsideBefore);
    expect((await unlockAsAdmin(dir)).auditIntegrity).toBe('broken');
    const mismatch = (await c.ok('audit.list', { action: 'audit.anchorMismatch' })).rows;
    expect(mismatch.map((row) => row.details?.['problem'])).toEqual(['forked']);
    expect(li.username).toBe('li');
  });
});
