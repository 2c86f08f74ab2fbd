import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isValidSignedHead,
  readOutsideHead,
  type SignedAuditHead,
} from '../../electron/core/audit/audit-anchor';
import { hashAuditRecord } from '../../electron/core/audit/audit-hash';
import { readBackupHeader } from '../../electron/core/backup/backup-file';
import type { AuditRecord } from '../../electron/core/db/schema';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

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
    const outside = readOutsideHead(c.env.anchorDir!, readHeader(dir).workspaceId);
    expect(outside).toMatchObject({ count: head.count, hash: head.hash });
    expect(path.relative(dir, c.env.anchorDir!).startsWith('..')).toBe(true);
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
    const rows = viewer.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<
      string,
      unknown
    >[];
    let prevHash = '0'.repeat(64);
    const update = viewer.sqlite.prepare(
      'UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?',
    );
    for (const row of rows) {
      const record = {
        seq: row['seq'],
        at: row['at'],
        userId: row['user_id'],
        username: row['username'],
        action: row['action'],
        targetType: row['target_type'],
        targetId: row['target_id'],
        result: row['result'],
        details: row['details'],
        prevHash,
      } as Omit<AuditRecord, 'hash'>;
      const hash = hashAuditRecord(record);
      update.run(prevHash, hash, record.seq);
      prevHash = hash;
    }
    const last = rows.at(-1)!;
    viewer.sqlite.close();
    editHeader(dir, (header) => {
      header['auditAnchor'] = { count: last['seq'], hash: prevHash };
    });

    const session = await c.ok('session.unlock', {
      path: dir,
      username: 'zhao',
      password: viewerPassword,
    });
    expect(session.auditIntegrity).toBe('broken');
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
