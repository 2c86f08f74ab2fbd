import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * A text is in the sender's list when sent and in the receiver's when delivered: an SMS centre
 * holding it for a phone out of reach delivers it minutes later. The sender's 12:00:00 and the
 * receiver's 12:05:00 are one text; it had been counted twice (5 texts where the lists show 4).
 * Two texts both lists show stay two, however close together.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');
const sender = '13987666001';
const receiver = '13987666002';

async function commit(importId: string, fileName: string, content: Buffer) {
  return c.ok('import.commit', {
    importId,
    fileName,
    contentBase64: content.toString('base64'),
    template: 'calls',
  });
}

async function commitFixture(importId: string, name: string) {
  return commit(importId, name, fs.readFileSync(path.join(fixtures, name)));
}

/** Each texting relation as `from>to: texts | rows, copies`, and its rows' times and copies. */
async function texts() {
  const found = await c.ok('search.query', { text: sender });
  const id = found.groups.flatMap((group) => group.hits)[0]!.id;
  const detail = await c.ok('entities.get', { id });
  const lines: string[] = [];
  for (const relation of detail.relations.filter((item) => item.type === 'calls')) {
    const records = await c.ok('import.records', { relationId: relation.id });
    lines.push(
      `${relation.fromLabel}>${relation.toLabel}: ${records.counts.messages} texts, ${records.counts.calls} calls | rows ${records.total}, copies ${records.counts.copies}`,
      ...records.rows.map((row) => `${row.at} ${row.recordKind} ${row.copy}`),
    );
  }
  return lines;
}

describe('a text delivered minutes after it was sent', () => {
  const expected = (copies: string[]) => [
    `${sender}>${receiver}: 4 texts, 0 calls | rows 8, copies 4`,
    ...copies,
  ];

  it("the sender's list first: the receiver's four rows are its four texts", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    expect(await commitFixture('imp-a', 'carrier-sms-sender.csv')).toMatchObject({ rows: 4 });
    expect(await commitFixture('imp-b', 'carrier-sms-receiver-late.csv')).toMatchObject({
      rows: 4,
      copies: 4,
    });
    expect(await texts()).toEqual(
      expected([
        '2026-04-19T02:00:00.000Z sms false',
        '2026-04-19T02:00:05.000Z sms true',
        '2026-04-19T03:00:00.000Z sms false',
        '2026-04-19T03:01:00.000Z sms true',
        '2026-04-19T04:00:00.000Z sms false',
        '2026-04-19T04:05:00.000Z sms true',
        '2026-04-19T05:00:00.000Z sms false',
        '2026-04-19T05:00:00.000Z sms true',
      ]),
    );
  });

  it("the receiver's list first: the sender's four rows are its four texts", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commitFixture('imp-b', 'carrier-sms-receiver-late.csv');
    expect(await commitFixture('imp-a', 'carrier-sms-sender.csv')).toMatchObject({
      rows: 4,
      copies: 4,
    });
    expect(await texts()).toEqual(
      expected([
        '2026-04-19T02:00:00.000Z sms true',
        '2026-04-19T02:00:05.000Z sms false',
        '2026-04-19T03:00:00.000Z sms true',
        '2026-04-19T03:01:00.000Z sms false',
        '2026-04-19T04:00:00.000Z sms true',
        '2026-04-19T04:05:00.000Z sms false',
        '2026-04-19T05:00:00.000Z sms false',
        '2026-04-19T05:00:00.000Z sms true',
      ]),
    );
  });

  it('two texts of one minute, both delivered late, stay two', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长';
    const file = (lines: string[]) => iconv.encode([header, ...lines].join('\r\n'), 'gb18030');
    await commit(
      'imp-a',
      'a.csv',
      file([
        `${sender},${receiver},短信发,2026-04-19 12:00:00,`,
        `${sender},${receiver},短信发,2026-04-19 12:00:40,`,
      ]),
    );
    expect(
      await commit(
        'imp-b',
        'b.csv',
        file([
          `${receiver},${sender},短信收,2026-04-19 12:05:00,`,
          `${receiver},${sender},短信收,2026-04-19 12:05:30,`,
        ]),
      ),
    ).toMatchObject({ copies: 2 });
    expect((await texts())[0]).toBe(`${sender}>${receiver}: 2 texts, 0 calls | rows 4, copies 2`);
  });

  it('a workspace imported before (the late texts counted twice) is marked at the next unlock', async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    await commitFixture('imp-a', 'carrier-sms-sender.csv');
    await commitFixture('imp-b', 'carrier-sms-receiver-late.csv');
    const today = await texts();
    await c.ok('session.lock', {});
    // What the version before wrote: the texts delivered over two minutes late counted again.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      UPDATE relations SET message_count = message_count + 2 WHERE type = 'calls';
      UPDATE import_relations SET message_count = message_count + 2
        WHERE import_id = 'imp-b' AND relation_id IN (SELECT id FROM relations WHERE type = 'calls');
      UPDATE call_records SET copy_of = NULL WHERE started_unix IN (
        strftime('%s', '2026-04-19T03:01:00Z'), strftime('%s', '2026-04-19T04:05:00Z'));
      UPDATE settings SET value = '10' WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await texts()).toEqual(today);
  });
});
