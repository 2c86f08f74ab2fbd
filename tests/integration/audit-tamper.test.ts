import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-verify';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { openDirect } from '../helpers/direct-workspace';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { execCli } from '../helpers/run-cli';

let c: TestCore;
afterEach(() => c?.dispose());

/** A workspace with a dozen audit records, locked, ready to be tampered with. */
async function workspaceWithHistory(kdf?: 'real'): Promise<string> {
  // The CLI unlocks with the production Argon2id parameters, never the tests' cheap ones.
  c = makeTestCore(undefined, { kdf });
  const { path: dir } = await createTestWorkspace(c);
  for (let n = 1; n <= 5; n += 1) {
    await c.ok('cases.create', {
      caseNo: `A000${n}`,
      title: `案件${n}`,
      offenceType: 'possession',
      openedOn: '2026-10-01',
    });
  }
  await c.ok('session.lock', {});
  return dir;
}

async function tamper(dir: string, sql: string): Promise<void> {
  const workspace = await openDirect(dir, 'admin', adminPassword);
  workspace.sqlite.prepare(sql).run();
  // Close without the normal lock: it would append and re-anchor, hiding a truncation.
  workspace.sqlite.close();
}

async function verify(dir: string) {
  const workspace = await openDirect(dir, 'admin', adminPassword);
  try {
    return verifyAuditChain(workspace.db, readHeader(dir).auditAnchor);
  } finally {
    workspace.sqlite.close();
  }
}

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    const dir = await workspaceWithHistory();
    // 1 creation + 5 cases + 1 lock, then the unlock that verify() itself makes.
    const result = await verify(dir);
    expect(result).toEqual({ ok: true, checked: 8, firstBrokenSeq: null, reason: null });
  });

  it.each([
    ['an altered action', `UPDATE audit_log SET action = 'cases.deleted' WHERE seq = 4`, 4, 'hash'],
    ['an altered user', `UPDATE audit_log SET username = 'someone' WHERE seq = 3`, 3, 'hash'],
    ['altered details', `UPDATE audit_log SET details = '{}' WHERE seq = 5`, 5, 'hash'],
    ['a deleted record', `DELETE FROM audit_log WHERE seq = 6`, 6, 'gap'],
    ['the first record deleted', `DELETE FROM audit_log WHERE seq = 1`, 1, 'gap'],
  ])('names the first broken record after %s', async (_what, sql, seq, reason) => {
    const dir = await workspaceWithHistory();
    await tamper(dir, sql);
    const result = await verify(dir);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: seq, reason });
  });

  it('detects a record rehashed to hide an edit, at the next record', async () => {
    const dir = await workspaceWithHistory();
    const workspace = await openDirect(dir, 'admin', adminPassword);
    const { hashAuditRecord } = await import('../../electron/core/audit/audit-hash');
    const row = workspace.sqlite.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as Record<
      string,
      unknown
    >;
    const forged = { ...row, action: 'forged', prev_hash: row['prev_hash'] };
    const hash = hashAuditRecord({
      seq: 4,
      at: String(row['at']),
      userId: row['user_id'] as string | null,
      username: row['username'] as string | null,
      action: 'forged',
      targetType: row['target_type'] as string | null,
      targetId: row['target_id'] as string | null,
      result: row['result'] as 'ok',
      details: row['details'] as string | null,
      prevHash: String(forged.prev_hash),
    });
    workspace.sqlite
      .prepare(`UPDATE audit_log SET action = 'forged', hash = ? WHERE seq = 4`)
      .run(hash);
    workspace.sqlite.close();
    expect(await verify(dir)).toMatchObject({ ok: false, firstBrokenSeq: 5, reason: 'link' });
  });

  it('detects a cut-off tail through the anchor in the header, and warns at unlock', async () => {
    const dir = await workspaceWithHistory();
    const anchorCount = readHeader(dir).auditAnchor?.count;
    expect(anchorCount).toBe(7);
    // tamper() unlocks first (record 8, anchored), then cuts records 6–8 off.
    await tamper(dir, 'DELETE FROM audit_log WHERE seq >= 6');
    expect(readHeader(dir).auditAnchor?.count).toBe(8);
    // Records 1–5 remain; verify's own unlock appends a mismatch record and its unlock (6, 7),
    // so the chain is 7 long and record 8 is missing.
    expect(await verify(dir)).toMatchObject({
      ok: false,
      checked: 7,
      firstBrokenSeq: 8,
      reason: 'truncated',
    });

    // The anchor is not rewritten after a mismatch, so every later unlock still sees it.
    const session = await c.ok('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect(session.auditIntegrity).toBe('broken');
    expect(readHeader(dir).auditAnchor?.count).toBe(8);
    expect((await c.ok('audit.list', { action: 'audit.anchorMismatch' })).total).toBe(2);
  });

  it('the verify-audit command exits 1 and names the record', async () => {
    const dir = await workspaceWithHistory('real');
    await tamper(dir, `UPDATE audit_log SET target_id = 'x' WHERE seq = 2`);
    const result = await execCli(['verify-audit', '--workspace', dir, '--json'], {
      QUANLIAN_PASSWORD: adminPassword,
    });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: 'hash',
    });
    expect(fs.existsSync(dir)).toBe(true);
  });
});
