import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { addInsiders, invPassword, withOwnDataKey } from '../helpers/account-holder';
import { appendChained } from '../helpers/forge-audit';

let c: TestCore;
afterEach(() => c?.dispose());

/** A workspace with a lead and an investigator, locked. */
async function workspaceWithLeadAndInvestigator() {
  c = makeTestCore();
  const created = await createTestWorkspace(c);
  const { invId, leadId } = await addInsiders(c, { lead: true });
  await c.ok('session.lock', {});
  return { dir: created.path, leadId, invId };
}

/** A record in the lead's real name, unsigned, appended with the investigator's data key. */
async function recordInLeadsName(dir: string, leadId: string, invId: string) {
  return withOwnDataKey(dir, invId, invPassword, (sqlite) =>
    appendChained(sqlite, {
      userId: leadId,
      username: 'lead',
      action: 'seizures.deleted',
      targetType: 'seizure',
      targetId: 'seizure-1',
    }),
  );
}

/** The authorsNotProven records as the admin sees them: the records each names. */
async function reportedAsAdmin(dir: string) {
  await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
  const rows = (await c.ok('audit.list', { action: 'audit.authorsNotProven' })).rows;
  await c.ok('session.lock', {});
  return rows.map((row) => [row.username, row.details?.['records']]);
}

describe('the check of records written outside the app starts where the last check ended', () => {
  it('a header anchor moved past a forged record does not hide it from the next unlock', async () => {
    const { dir, leadId, invId } = await workspaceWithLeadAndInvestigator();
    const forged = await recordInLeadsName(dir, leadId, invId);
    const file = path.join(dir, 'workspace.json');
    const header = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(
      file,
      JSON.stringify({ ...header, auditAnchor: { count: forged.seq, hash: forged.hash } }),
    );
    expect(await reportedAsAdmin(dir)).toEqual([['admin', [forged.seq]]]);
  });

  it('a record inserted through a second connection during his own session is found when he locks', async () => {
    const { dir, leadId, invId } = await workspaceWithLeadAndInvestigator();
    await c.ok('session.unlock', { path: dir, username: 'inv', password: invPassword });
    const forged = await recordInLeadsName(dir, leadId, invId);
    await c.ok('session.lock', {});
    expect(await reportedAsAdmin(dir)).toEqual([['inv', [forged.seq]]]);
  });
});
