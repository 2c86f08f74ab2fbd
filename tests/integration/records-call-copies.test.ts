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
 * One call in two lists: the caller's and the callee's lists (two carriers, clocks seconds
 * apart), a list exported twice over overlapping periods, both lists merged in one file. Every
 * row is kept for the drill-down; every call is counted once; deleting an import makes the
 * copies it held up count again.
 */
let c: TestCore;
afterEach(() => c?.dispose());

/** A new workspace for the test (or for the next round of one), the admin signed in. */
async function fresh() {
  c?.dispose();
  c = makeTestCore();
  return await createTestWorkspace(c);
}

const a = '13900000001';
const b = '13900000002';
const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长';

/** A's list (China Mobile): a call to B, a call from B, a text to B in two parts, a call to C. */
const listA = [
  header,
  `${a},${b},主叫,2026-04-01 10:00:00,60`,
  `${a},${b},被叫,2026-04-01 12:00:00,30`,
  `${a},${b},短信发,2026-04-01 13:00:00,0`,
  `${a},${b},短信发,2026-04-01 13:00:00,0`,
  `${a},13700000009,主叫,2026-04-01 14:00:00,20`,
];
/** B's list (another carrier, its clock two seconds on, a second more of talk): the same calls, and one more on the next day. */
const listB = [
  header,
  `${b},${a},被叫,2026-04-01 10:00:02,61`,
  `${b},${a},主叫,2026-04-01 12:00:01,30`,
  `${b},${a},短信收,2026-04-01 13:00:01,0`,
  `${b},${a},短信收,2026-04-01 13:00:01,0`,
  `${b},${a},主叫,2026-04-02 09:00:00,15`,
];

async function importList(importId: string, fileName: string, lines: string[]) {
  return await c.ok('import.commit', {
    importId,
    fileName,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'calls',
  });
}

async function phoneId(number: string) {
  const found = await c.ok('search.query', { text: number });
  return found.groups.flatMap((group) => group.hits)[0]!.id;
}

/** A's call relations as `from>to: calls seconds` and the drill-down's counts. */
async function callsOfA() {
  const detail = await c.ok('entities.get', { id: await phoneId(a) });
  const relations = detail.relations.filter((relation) => relation.type === 'calls');
  const lines: string[] = [];
  for (const relation of relations) {
    const records = await c.ok('import.records', { relationId: relation.id });
    lines.push(
      `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.durationSeconds}` +
        ` | rows ${records.total}, calls ${records.counts.calls}, texts ${records.counts.messages}, copies ${records.counts.copies}`,
    );
  }
  return lines.sort();
}

describe('one call in two lists is counted once', () => {
  it("the callee's list adds only the calls the caller's list lacks", async () => {
    await fresh();
    expect(await importList('imp-a', `${a}.csv`, listA)).toMatchObject({ rows: 5, copies: 0 });
    // Two calls and both parts of the text are A's rows again; the call of 04-02 is new.
    expect(await importList('imp-b', `${b}.csv`, listB)).toMatchObject({ rows: 5, copies: 4 });
    expect(await callsOfA()).toEqual([
      `${a}>13700000009: 1 20 | rows 1, calls 1, texts 0, copies 0`,
      `${a}>${b}: 1 60 | rows 6, calls 1, texts 2, copies 3`,
      `${b}>${a}: 2 45 | rows 3, calls 2, texts 0, copies 1`,
    ]);
    const relation = (await c.ok('entities.get', { id: await phoneId(a) })).relations.find(
      (item) => item.type === 'calls' && item.fromLabel === a && item.toLabel === b,
    )!;
    const records = await c.ok('import.records', { relationId: relation.id });
    expect(
      records.rows.map((row) => `${row.at} ${row.durationSeconds} ${row.recordKind} ${row.copy}`),
    ).toEqual([
      '2026-04-01T02:00:00.000Z 60 call false',
      '2026-04-01T02:00:02.000Z 61 call true',
      '2026-04-01T05:00:00.000Z 0 sms false',
      '2026-04-01T05:00:00.000Z 0 sms false',
      '2026-04-01T05:00:01.000Z 0 sms true',
      '2026-04-01T05:00:01.000Z 0 sms true',
    ]);
  });

  it('deleting the first list makes its copies in the second count again, and the second then goes cleanly', async () => {
    await fresh();
    await importList('imp-a', `${a}.csv`, listA);
    await importList('imp-b', `${b}.csv`, listB);
    expect(await c.ok('import.delete', { importId: 'imp-a' })).toMatchObject({
      callRecords: 5,
      copiesCounted: 4,
      relationsDeleted: 1,
    });
    // B's list alone, as if it had been imported alone.
    expect(await callsOfA()).toEqual([
      `${a}>${b}: 1 61 | rows 3, calls 1, texts 2, copies 0`,
      `${b}>${a}: 2 45 | rows 2, calls 2, texts 0, copies 0`,
    ]);
    expect(await c.ok('import.delete', { importId: 'imp-b' })).toMatchObject({
      callRecords: 5,
      copiesCounted: 0,
      relationsDeleted: 2,
    });
    expect((await c.ok('search.query', { text: a })).groups).toEqual([]);
  });

  it('deleting the second list leaves the first as it was', async () => {
    await fresh();
    await importList('imp-a', `${a}.csv`, listA);
    const alone = await callsOfA();
    await importList('imp-b', `${b}.csv`, listB);
    expect(await c.ok('import.delete', { importId: 'imp-b' })).toMatchObject({
      callRecords: 5,
      copiesCounted: 0,
    });
    expect(await callsOfA()).toEqual(alone);
  });

  it('a list exported again over a longer period adds only its new calls', async () => {
    await fresh();
    await importList('imp-1', `${a}-0401.csv`, listA);
    const longer = [...listA, `${a},${b},主叫,2026-04-02 08:00:00,90`];
    expect(await importList('imp-2', `${a}-0401-0402.csv`, longer)).toMatchObject({
      rows: 6,
      copies: 5,
    });
    expect(await callsOfA()).toEqual([
      `${a}>13700000009: 1 20 | rows 2, calls 1, texts 0, copies 1`,
      `${a}>${b}: 2 150 | rows 7, calls 2, texts 2, copies 3`,
      `${b}>${a}: 1 30 | rows 2, calls 1, texts 0, copies 1`,
    ]);
  });

  it('both lists merged in one file: the callee rows of the calls are copies; the two parts of a text stay two', async () => {
    await fresh();
    expect(
      await importList('imp-both', '两人话单.csv', [...listA, ...listB.slice(1)]),
    ).toMatchObject({ rows: 10, copies: 4 });
    expect(await callsOfA()).toEqual([
      `${a}>13700000009: 1 20 | rows 1, calls 1, texts 0, copies 0`,
      `${a}>${b}: 1 60 | rows 6, calls 1, texts 2, copies 3`,
      `${b}>${a}: 2 45 | rows 3, calls 2, texts 0, copies 1`,
    ]);
  });

  it('two calls of one list a few seconds apart are two calls; a longer call is not a copy of a shorter one', async () => {
    await fresh();
    await importList('imp-a', `${a}.csv`, [
      header,
      `${a},${b},主叫,2026-04-01 10:00:00,3`,
      `${a},${b},主叫,2026-04-01 10:00:04,300`,
    ]);
    // B's list: the same two calls, and a third call at 10:00:09 that A's list lacks (a different length).
    expect(
      await importList('imp-b', `${b}.csv`, [
        header,
        `${b},${a},被叫,2026-04-01 10:00:01,3`,
        `${b},${a},被叫,2026-04-01 10:00:05,301`,
        `${b},${a},被叫,2026-04-01 10:00:08,40`,
      ]),
    ).toMatchObject({ copies: 2 });
    expect(await callsOfA()).toEqual([`${a}>${b}: 3 343 | rows 5, calls 3, texts 0, copies 2`]);
  });

  it("texts six seconds apart, the callee's clock four seconds ahead: two texts, whichever list comes first", async () => {
    const sent = [
      header,
      `${a},${b},短信发,2025-03-01 10:00:00,0`,
      `${a},${b},短信发,2025-03-01 10:00:06,0`,
    ];
    const received = [
      header,
      `${b},${a},短信收,2025-03-01 10:00:04,0`,
      `${b},${a},短信收,2025-03-01 10:00:10,0`,
    ];
    for (const [first, second] of [
      [sent, received],
      [received, sent],
    ]) {
      await fresh();
      await importList('imp-1', '1.csv', first!);
      expect(await importList('imp-2', '2.csv', second!)).toMatchObject({ copies: 2 });
      expect(await callsOfA()).toEqual([`${a}>${b}: 0 0 | rows 4, calls 0, texts 2, copies 2`]);
    }
  });

  it("talk time is the seconds a list gives, not another list's billed minutes, whichever came first", async () => {
    const seconds = [
      header,
      `${a},${b},主叫,2025-03-01 10:00:00,65`,
      `${a},${b},主叫,2025-03-01 11:00:00,44`,
    ];
    const billed = [
      header,
      `${b},${a},被叫,2025-03-01 10:00:02,120`,
      `${b},${a},被叫,2025-03-01 11:00:01,60`,
    ];
    for (const files of [
      [seconds, billed],
      [billed, seconds],
      [[...billed, ...seconds.slice(1)]],
    ]) {
      await fresh();
      for (const [index, lines] of files.entries())
        await importList(`imp-${index}`, `${index}.csv`, lines);
      expect(await callsOfA()).toEqual([`${a}>${b}: 2 109 | rows 4, calls 2, texts 0, copies 2`]);
    }
    // Deleting either list leaves the other's figures.
    await fresh();
    await importList('imp-billed', 'billed.csv', billed);
    await importList('imp-seconds', 'seconds.csv', seconds);
    await c.ok('import.delete', { importId: 'imp-seconds' });
    expect(await callsOfA()).toEqual([`${a}>${b}: 2 180 | rows 2, calls 2, texts 0, copies 0`]);
    await fresh();
    await importList('imp-seconds', 'seconds.csv', seconds);
    await importList('imp-billed', 'billed.csv', billed);
    await c.ok('import.delete', { importId: 'imp-seconds' });
    expect(await callsOfA()).toEqual([`${a}>${b}: 2 180 | rows 2, calls 2, texts 0, copies 0`]);
    await importList('imp-seconds-again', 'seconds-again.csv', [...seconds, '']);
    expect(await callsOfA()).toEqual([`${a}>${b}: 2 109 | rows 4, calls 2, texts 0, copies 2`]);
  });

  it("the callee's call in two later lists: deleting the caller's list leaves what the two would give alone", async () => {
    await fresh();
    await importList('imp-a', 'a.csv', [header, `${a},${b},主叫,2025-03-01 10:00:00,30`]);
    await importList('imp-b', 'b.csv', [header, `${b},${a},被叫,2025-03-01 10:00:04,31`]);
    await importList('imp-b2', 'b2.csv', [header, `${b},${a},被叫,2025-03-01 10:00:07,32`]);
    await c.ok('import.delete', { importId: 'imp-a' });
    // b alone, then b2: b's row counts, b2's is its copy.
    expect(await callsOfA()).toEqual([`${a}>${b}: 1 31 | rows 2, calls 1, texts 0, copies 1`]);
  });

  it('a billed time rounded up to the minute is the same call', async () => {
    await fresh();
    await importList('imp-a', `${a}.csv`, [header, `${a},${b},主叫,2026-04-01 10:00:00,61`]);
    expect(
      await importList('imp-b', `${b}.csv`, [header, `${b},${a},被叫,2026-04-01 10:00:03,120`]),
    ).toMatchObject({ copies: 1 });
    expect(await callsOfA()).toEqual([`${a}>${b}: 1 61 | rows 2, calls 1, texts 0, copies 1`]);
  });

  it('a list saved through Excel keeps minutes alone: the call is in that minute', async () => {
    await fresh();
    await importList('imp-a', `${a}.csv`, [
      header,
      `${a},${b},主叫,2026-04-01 08:00:37,65`,
      `${a},${b},主叫,2026-04-01 09:00:37,65`,
    ]);
    // 8:00 holds 08:00:37; 9:01 is another minute, no copy of 09:00:37.
    expect(
      await importList('imp-b', `${b}.csv`, [
        header,
        `${b},${a},被叫,2026/4/1 8:00,65`,
        `${b},${a},被叫,2026/4/1 9:01,65`,
      ]),
    ).toMatchObject({ copies: 1 });
    expect(await callsOfA()).toEqual([`${a}>${b}: 3 195 | rows 4, calls 3, texts 0, copies 1`]);
  });

  it("a text is in the receiver's list when delivered, seconds after it was sent", async () => {
    await fresh();
    await importList('imp-a', `${a}.csv`, [header, `${a},${b},短信发,2026-04-01 10:00:00,0`]);
    expect(
      await importList('imp-b', `${b}.csv`, [header, `${b},${a},短信收,2026-04-01 10:00:08,0`]),
    ).toMatchObject({ copies: 1 });
    expect(await callsOfA()).toEqual([`${a}>${b}: 0 0 | rows 2, calls 0, texts 1, copies 1`]);
  });
});

describe('deleting imports in any order', () => {
  it('the earlier of two imports that added to one relation deleted first: the later one then takes it away entirely', async () => {
    await fresh();
    await importList('imp-1', '0401.csv', [header, `${a},${b},主叫,2026-04-01 10:00:00,60`]);
    await importList('imp-2', '0402.csv', [header, `${a},${b},主叫,2026-04-02 10:00:00,30`]);
    await c.ok('import.delete', { importId: 'imp-1' });
    expect(await callsOfA()).toEqual([`${a}>${b}: 1 30 | rows 1, calls 1, texts 0, copies 0`]);
    await c.ok('import.delete', { importId: 'imp-2' });
    // The relation came with the first import: nothing of it may stay once both are gone.
    expect((await c.ok('search.query', { text: a })).groups).toEqual([]);
  });
});

describe('a workspace imported before copies were marked', () => {
  it('is marked at the next unlock: the counts are those of the two lists imported today', async () => {
    const { path: dir } = await fresh();
    await importList('imp-a', `${a}.csv`, listA);
    await importList('imp-b', `${b}.csv`, listB);
    const today = await callsOfA();
    await c.ok('session.lock', {});
    // What an earlier version wrote: every row counted, none marked.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      UPDATE relations SET
        event_count = event_count + (SELECT count(*) FROM call_records c
          WHERE c.relation_num = relations.num AND c.copy_of IS NOT NULL AND c.kind <> 'sms'),
        message_count = message_count + (SELECT count(*) FROM call_records c
          WHERE c.relation_num = relations.num AND c.copy_of IS NOT NULL AND c.kind = 'sms'),
        duration_seconds = duration_seconds + (SELECT coalesce(sum(duration_seconds), 0) FROM call_records c
          WHERE c.relation_num = relations.num AND c.copy_of IS NOT NULL)
      WHERE type = 'calls';
      UPDATE import_relations SET
        event_count = event_count + (SELECT count(*) FROM call_records c JOIN relations r ON r.num = c.relation_num
          JOIN imports i ON i.num = c.import_num WHERE r.id = import_relations.relation_id
          AND i.id = import_relations.import_id AND c.copy_of IS NOT NULL AND c.kind <> 'sms'),
        message_count = message_count + (SELECT count(*) FROM call_records c JOIN relations r ON r.num = c.relation_num
          JOIN imports i ON i.num = c.import_num WHERE r.id = import_relations.relation_id
          AND i.id = import_relations.import_id AND c.copy_of IS NOT NULL AND c.kind = 'sms'),
        duration_seconds = duration_seconds + (SELECT coalesce(sum(c.duration_seconds), 0) FROM call_records c
          JOIN relations r ON r.num = c.relation_num JOIN imports i ON i.num = c.import_num
          WHERE r.id = import_relations.relation_id AND i.id = import_relations.import_id AND c.copy_of IS NOT NULL);
      UPDATE call_records SET copy_of = NULL;
      DELETE FROM settings WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await callsOfA()).toEqual(today);
    // And the contributions too: deleting A's list leaves B's as if imported alone.
    await c.ok('import.delete', { importId: 'imp-a' });
    expect(await callsOfA()).toEqual([
      `${a}>${b}: 1 61 | rows 3, calls 1, texts 2, copies 0`,
      `${b}>${a}: 2 45 | rows 2, calls 2, texts 0, copies 0`,
    ]);
  });
});

describe('one call in two carriers’ lists, their clocks further apart', () => {
  it('starts 12 s apart across midnight, or one list timing from the ring (the same end): one call each', async () => {
    await fresh();
    await importList('imp-a', `${a}.csv`, [
      header,
      `${a},${b},主叫,2026-04-01 23:59:50,100`,
      `${a},${b},主叫,2026-04-02 13:00:00,95`,
    ]);
    expect(
      await importList('imp-b', `${b}.csv`, [
        header,
        `${b},${a},被叫,2026-04-02 00:00:02,98`,
        `${b},${a},被叫,2026-04-02 13:00:20,75`,
      ]),
    ).toMatchObject({ copies: 2 });
    expect(await callsOfA()).toEqual([`${a}>${b}: 2 195 | rows 4, calls 2, texts 0, copies 2`]);
  });
});
