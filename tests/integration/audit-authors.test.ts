import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resetOutsideHead } from '../../electron/core/audit/audit-anchor';
import { applyKey } from '../../electron/core/db/open-database';
import { openKeySlot } from '../../electron/core/vault/key-slot';
import { readHeader, updateHeader } from '../../electron/core/vault/workspace-header';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { execCli } from '../helpers/run-cli';
import {
  addInsiders,
  invPassword,
  leadPassword,
  openOwnSlot,
  withOwnDataKey,
} from '../helpers/account-holder';
import { appendChained, rehashChain, type ForgedRecord } from '../helpers/forge-audit';
import { testKdf } from '../helpers/test-kdf';

let c: TestCore;
afterEach(() => c?.dispose());

/** A workspace with a lead and an investigator; the lead has opened a case. Locked. */
async function workspaceWithLeadAndInvestigator(kdf?: 'real') {
  c = makeTestCore(undefined, { kdf });
  const created = await createTestWorkspace(c);
  workspaceDir = created.path;
  const { invId, leadId } = await addInsiders(c, { lead: true });
  await c.ok('session.lock', {});
  await signIn('lead', leadPassword);
  const opened = await c.ok('cases.create', {
    caseNo: 'A3301-AU01',
    title: '作者签名测试案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
  await c.ok('session.lock', {});
  return { dir: created.path, leadId, invId, caseId: opened.id };
}

/** The workspace of the test running. */
let workspaceDir = '';

async function signIn(username: string, password: string) {
  await c.ok('session.unlock', { path: workspaceDir, username, password });
}

/** Appends a correctly chained record with the investigator's own data key; its number. */
async function appendAs(dir: string, userId: string, password: string, forged: ForgedRecord) {
  return withOwnDataKey(dir, userId, password, (sqlite) => appendChained(sqlite, forged).seq);
}

/** `audit.verify` as the administrator sees it. */
async function verifyAsAdmin() {
  await signIn('admin', adminPassword);
  const result = await c.ok('audit.verify', {});
  await c.ok('session.lock', {});
  return result;
}

const clean = { notProven: [], notProvenCount: 0, beforeSigning: 0, keysNotProven: [] };

describe('each audit record is signed by its author', () => {
  it('a lead who signs in and acts: every record of the workspace verifies', async () => {
    await workspaceWithLeadAndInvestigator();
    const result = await verifyAsAdmin();
    expect(result.ok).toBe(true);
    expect(result.authors).toEqual(clean);
  });

  it('a record the investigator appends in the lead name is named as author not proven, signed or not', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    const deleted = {
      userId: ws.leadId,
      username: 'lead',
      action: 'seizures.deleted',
      targetType: 'seizure',
      targetId: 'seizure-1',
      details: { caseId: ws.caseId },
    };
    const unsigned = await appendAs(ws.dir, ws.invId, invPassword, deleted);
    const ownKey = (await openOwnSlot(ws.dir, ws.invId, invPassword)).authorKey!;
    const signedWithHisKey = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      signWith: ownKey,
    });
    // A key of his own, introduced by a sign-in in the lead's name: sealed by no one.
    const planted = crypto.generateKeyPairSync('ed25519').privateKey;
    const plantedPublic = crypto
      .createPublicKey(planted)
      .export({ format: 'der', type: 'spki' })
      .toString('base64');
    const keyRecord = await appendAs(ws.dir, ws.invId, invPassword, {
      userId: ws.leadId,
      username: 'lead',
      action: 'session.unlocked',
      targetType: 'user',
      targetId: ws.leadId,
      details: { authorKey: plantedPublic, authorSeal: null },
      signWith: planted,
    });
    const underPlanted = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      signWith: planted,
    });
    // A record with no user is a system record only for the actions that have none.
    const noUser = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      userId: null,
      username: null,
    });
    const result = await verifyAsAdmin();
    expect(result.ok).toBe(true);
    expect(result.authors).toEqual({
      ...clean,
      notProven: [unsigned, signedWithHisKey, keyRecord, underPlanted, noUser],
      notProvenCount: 5,
    });
    // The list marks them too.
    await signIn('admin', adminPassword);
    const rows = (await c.ok('audit.list', { pageSize: 200 })).rows;
    const marks = new Map(rows.map((row) => [row.seq, row.author]));
    expect(
      [unsigned, signedWithHisKey, keyRecord, underPlanted, noUser].map((seq) => marks.get(seq)),
    ).toEqual(['notProven', 'notProven', 'notProven', 'notProven', 'notProven']);
    expect(rows.filter((row) => row.author === 'proven').length).toBe(rows.length - 5);
  });

  it('the next sign-in records the records appended since the last lock whose author is not proven, once', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    const forged = await appendAs(ws.dir, ws.invId, invPassword, {
      userId: ws.leadId,
      username: 'lead',
      action: 'seizures.deleted',
    });
    await signIn('inv', invPassword);
    await c.ok('session.lock', {});
    await signIn('admin', adminPassword);
    const found = await c.ok('audit.list', { action: 'audit.authorsNotProven' });
    expect(found.rows.map((row) => [row.username, row.result, row.details])).toEqual([
      ['inv', 'failed', { records: [forged], count: 1, keysNotProven: [] }],
    ]);
  });

  it('verify-audit names the record and exits 1', async () => {
    const ws = await workspaceWithLeadAndInvestigator('real');
    const forged = await appendAs(ws.dir, ws.invId, invPassword, {
      userId: ws.leadId,
      username: 'lead',
      action: 'seizures.deleted',
    });
    const result = await execCli(['verify-audit', '--workspace', ws.dir], {
      QUANLIAN_PASSWORD: adminPassword,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`Author NOT PROVEN for 1 records: ${forged}.`);
    expect(result.stdout).toContain('Audit chain intact');
  });

  it('the investigator appending in his own name with his own key verifies: that is the limit', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    const ownKey = (await openOwnSlot(ws.dir, ws.invId, invPassword)).authorKey!;
    await appendAs(ws.dir, ws.invId, invPassword, {
      userId: ws.invId,
      username: 'inv',
      action: 'cases.viewed',
      targetType: 'case',
      targetId: ws.caseId,
      signWith: ownKey,
    });
    expect((await verifyAsAdmin()).authors).toEqual(clean);
  });

  it('an author key swapped in the users table is found', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    const ownKey = (await openOwnSlot(ws.dir, ws.invId, invPassword)).authorKey!;
    const invPublic = crypto
      .createPublicKey(ownKey)
      .export({ format: 'der', type: 'spki' })
      .toString('base64');
    await withOwnDataKey(ws.dir, ws.invId, invPassword, (sqlite) =>
      sqlite.prepare('UPDATE users SET author_key = ? WHERE id = ?').run(invPublic, ws.leadId),
    );
    // And a record in the lead's name signed with that key: the chain's key is still the lead's.
    const forged = await appendAs(ws.dir, ws.invId, invPassword, {
      userId: ws.leadId,
      username: 'lead',
      action: 'seizures.deleted',
      signWith: ownKey,
    });
    expect((await verifyAsAdmin()).authors).toEqual({
      ...clean,
      notProven: [forged],
      notProvenCount: 1,
      keysNotProven: ['lead'],
    });
  });

  it('password change, password reset, key rotation and disabling an account keep every record proven', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    await signIn('lead', leadPassword);
    await c.ok('session.changePassword', {
      currentPassword: leadPassword,
      newPassword: 'Lead#Pass2027y',
    });
    await c.ok('session.changePassword', {
      currentPassword: 'Lead#Pass2027y',
      newPassword: 'Lead#Pass2028z',
      rotateKey: true,
    });
    await c.ok('session.lock', {});
    await signIn('lead', 'Lead#Pass2028z');
    await c.ok('cases.list', {});
    await c.ok('session.lock', {});
    await signIn('admin', adminPassword);
    await c.ok('users.resetPassword', { userId: ws.invId, password: 'Inv#Reset2026q' });
    await c.ok('users.rotateKey', {});
    await c.ok('users.disable', { userId: ws.leadId });
    await c.ok('session.lock', {});
    await signIn('inv', 'Inv#Reset2026q');
    await c.ok('cases.list', {});
    await c.ok('session.lock', {});
    const result = await verifyAsAdmin();
    expect(result.ok).toBe(true);
    expect(result.authors).toEqual(clean);
  });
});

describe('an author key taken out of an account’s slot', () => {
  it('refuses that account’s sign-in and records it; an administrator’s reset gives a new sealed key, and every record stays proven', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    updateHeader(ws.dir, (header) => ({
      ...header,
      slots: header.slots.map(({ authorKey, ...slot }) =>
        slot.userId === ws.leadId ? slot : { ...slot, authorKey },
      ),
    }));
    const refused = await c.call('session.unlock', {
      path: ws.dir,
      username: 'lead',
      password: leadPassword,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'auth.authorKeyMissing' } });

    await signIn('admin', adminPassword);
    const recorded = (await c.ok('audit.list', { action: 'session.authorKeyMissing' })).rows;
    await c.ok('users.resetPassword', { userId: ws.leadId, password: 'Lead#NewPass2026x' });
    await c.ok('session.lock', {});
    expect(recorded.map((row) => [row.userId, row.username, row.result, row.author])).toEqual([
      [null, 'lead', 'failed', 'system'],
    ]);
    await signIn('lead', 'Lead#NewPass2026x');
    await c.ok('cases.list', {});
    await c.ok('session.lock', {});
    const result = await verifyAsAdmin();
    expect(result.authors).toEqual(clean);
  });
});

describe('a key record counts only from its account or a proven administrator, and never brings back an old key', () => {
  it('the lead’s first key and its seal, copied into new records after a reset, do not come back: his records after stay proven', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    await signIn('admin', adminPassword);
    const adminId = (await c.ok('session.current', {})).session!.user.id;
    await c.ok('users.resetPassword', { userId: ws.leadId, password: 'Lead#NewPass2026x' });
    await c.ok('session.lock', {});
    const first = await withOwnDataKey(ws.dir, ws.invId, invPassword, (sqlite) =>
      sqlite
        .prepare(
          "SELECT details FROM audit_log WHERE action = 'users.created' AND target_id = ? ORDER BY seq LIMIT 1",
        )
        .get(ws.leadId),
    );
    const { authorKey, authorSeal } = JSON.parse((first as { details: string }).details) as {
      authorKey: string;
      authorSeal: string;
    };
    const replay = {
      action: 'users.passwordReset',
      targetType: 'user',
      targetId: ws.leadId,
      details: { username: 'lead', authorKey, authorSeal },
    };
    const underMadeUp = await appendAs(ws.dir, ws.invId, invPassword, {
      ...replay,
      userId: crypto.randomUUID(),
      username: 'admin',
    });
    const underAdmin = await appendAs(ws.dir, ws.invId, invPassword, {
      ...replay,
      userId: adminId,
      username: 'admin',
    });
    const asLeadSignIn = await appendAs(ws.dir, ws.invId, invPassword, {
      ...replay,
      action: 'session.unlocked',
      userId: ws.leadId,
      username: 'lead',
    });
    await signIn('lead', 'Lead#NewPass2026x');
    await c.ok('cases.list', {});
    await c.ok('session.lock', {});
    const result = await verifyAsAdmin();
    expect(result.authors).toEqual({
      ...clean,
      notProven: [underMadeUp, underAdmin, asLeadSignIn],
      notProvenCount: 3,
    });
  });
});

describe('a record counts as an account’s only under its ID and its user name', () => {
  it('records in the lead’s name under made-up IDs, his own ID or a look-alike ID are not proven, not “before signing”', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    const deleted = {
      username: 'lead',
      action: 'seizures.deleted',
      targetType: 'seizure',
      targetId: 'seizure-1',
      details: { caseId: ws.caseId },
    };
    // A made-up account given a first key, unsealed, by a sign-in record in its own name.
    const ghost = crypto.randomUUID();
    const ghostKey = crypto.generateKeyPairSync('ed25519').privateKey;
    const ghostPublic = crypto
      .createPublicKey(ghostKey)
      .export({ format: 'der', type: 'spki' })
      .toString('base64');
    const ghostKeyRecord = await appendAs(ws.dir, ws.invId, invPassword, {
      userId: ghost,
      username: 'lead',
      action: 'session.unlocked',
      targetType: 'user',
      targetId: ghost,
      details: { authorKey: ghostPublic, authorSeal: null },
      signWith: ghostKey,
    });
    const underGhost = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      userId: ghost,
      signWith: ghostKey,
    });
    const unsignedMadeUp = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      userId: crypto.randomUUID(),
    });
    const ownKey = (await openOwnSlot(ws.dir, ws.invId, invPassword)).authorKey!;
    const ownIdLeadName = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      userId: ws.invId,
      signWith: ownKey,
    });
    const lookAlike = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      userId: `${ws.leadId} `,
    });
    const forged = [ghostKeyRecord, underGhost, unsignedMadeUp, ownIdLeadName, lookAlike];

    const result = await verifyAsAdmin();
    expect(result.authors).toEqual({ ...clean, notProven: forged, notProvenCount: 5 });
    await signIn('admin', adminPassword);
    const rows = (await c.ok('audit.list', { pageSize: 200 })).rows;
    await c.ok('session.lock', {});
    const marks = new Map(rows.map((row) => [row.seq, row.author]));
    expect(forged.map((seq) => marks.get(seq))).toEqual(Array(5).fill('notProven'));
    expect(rows.filter((row) => row.author === 'beforeSigning')).toEqual([]);
  });
});

/**
 * Makes the workspace look as one from before authors were signed: no signatures, no author
 * keys in the users table, the slots or the chain (taken out of the records' details, the chain
 * re-hashed and re-anchored, as the older version would have left it).
 */
async function asBeforeAuthorsSigned(dir: string) {
  const header = readHeader(dir);
  const adminSlot = header.slots.find((one) => one.username === 'admin')!;
  const opened = (await openKeySlot(header.workspaceId, adminSlot, adminPassword, testKdf))!;
  const sqlite = new Database(path.join(dir, 'quanlian.db'), { fileMustExist: true });
  let last: { seq: number; hash: string };
  try {
    applyKey(sqlite, opened.dataKey);
    sqlite.prepare('UPDATE users SET author_key = NULL').run();
    last = rehashChain(
      sqlite,
      (row) => {
        const {
          authorKey: _key,
          authorSeal: _seal,
          ...rest
        } = JSON.parse((row['details'] as string | null) ?? '{}') as Record<string, unknown>;
        return Object.keys(rest).length ? JSON.stringify(rest) : null;
      },
      { dropSignatures: true },
    );
  } finally {
    sqlite.close();
  }
  updateHeader(dir, (current) => ({
    ...current,
    auditAnchor: { count: last.seq, hash: last.hash },
    slots: current.slots.map(({ authorKey: _dropped, ...slot }) => slot),
  }));
  resetOutsideHead(
    c.env.anchorDir!,
    { workspaceId: header.workspaceId, count: last.seq, hash: last.hash },
    '2026-01-01T00:00:00.000Z',
  );
  return last.seq;
}

describe('an older workspace', () => {
  it('after its upgrade, unsigned records in the name of an account not signed in since, or of a made-up one, are not proven', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    await asBeforeAuthorsSigned(ws.dir);
    await signIn('admin', adminPassword);
    await c.ok('session.lock', {});
    const deleted = {
      username: 'lead',
      action: 'seizures.deleted',
      targetType: 'seizure',
      targetId: 'seizure-1',
      details: { caseId: ws.caseId },
    };
    const leadUnsigned = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      userId: ws.leadId,
    });
    const madeUp = await appendAs(ws.dir, ws.invId, invPassword, {
      ...deleted,
      userId: crypto.randomUUID(),
    });
    const result = await verifyAsAdmin();
    expect([result.authors.notProven, result.authors.notProvenCount]).toEqual([
      [leadUnsigned, madeUp],
      2,
    ]);
  });

  it('keeps its records, marked as written before authors were signed; each user gets a key at the next sign-in and signs from then on', async () => {
    const ws = await workspaceWithLeadAndInvestigator();
    const older = await asBeforeAuthorsSigned(ws.dir);
    await signIn('inv', invPassword);
    await c.ok('cases.list', {});
    await c.ok('session.lock', {});
    const result = await verifyAsAdmin();
    expect(result.ok).toBe(true);
    expect(result.authors).toEqual({ ...clean, beforeSigning: older });
    await signIn('admin', adminPassword);
    const rows = (await c.ok('audit.list', { pageSize: 200 })).rows;
    expect(rows.filter((row) => row.author === 'beforeSigning').map((row) => row.seq)).toEqual(
      Array.from({ length: older }, (_, index) => older - index),
    );
    // The investigator's and the administrator's keys were introduced by their sign-ins (the
    // administrator's sealed, the investigator's his own first key).
    expect(
      rows
        .filter((row) => row.details?.['authorKey'])
        .map((row) => [row.action, row.username, row.author, row.details?.['authorSeal'] === null]),
    ).toEqual([
      ['session.unlocked', 'admin', 'proven', false],
      ['session.unlocked', 'inv', 'proven', true],
    ]);
  });
});
