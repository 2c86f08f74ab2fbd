import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A forwarded call in the three lists it is in: A (…4001) dials B (…4002), whose phone passes
 * it on to C (…4003). A's list: 主叫 to B. B's list: a 呼转 row, 对端 A, 第三方号码 C. C's list:
 * 被叫 from A, seconds later (C's switch shows the caller's number, not B's). One call: A → B
 * once, and B's forwarding to C once; C's row is the forwarded leg as C's list shows it. It
 * had given A → B, B → C and A → C: the forwarded leg counted twice.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');
const files = {
  a: 'carrier-cdr-forwarded-a.csv',
  b: 'carrier-cdr-forwarded-b.csv',
  c: 'carrier-cdr-forwarded-c.csv',
} as const;

async function commit(list: keyof typeof files) {
  return c.ok('import.commit', {
    importId: `imp-${list}`,
    fileName: files[list],
    contentBase64: fs.readFileSync(path.join(fixtures, files[list])).toString('base64'),
    template: 'calls',
  });
}

/**
 * Each calls relation's counts and copies, then its rows (list, line, kind, start, seconds):
 * which of A's and B's rows of the call counts depends on the order, that one of them does not.
 */
function relations() {
  const sqlite = c.router.sessions.current()!.sqlite;
  return sqlite
    .prepare(
      `SELECT r.num, f.label AS caller, t.label AS callee, r.event_count AS calls,
          r.duration_seconds AS seconds
         FROM relations r JOIN entities f ON f.id = r.from_entity_id
         JOIN entities t ON t.id = r.to_entity_id
        WHERE r.type = 'calls' ORDER BY f.label, t.label`,
    )
    .all()
    .map((row) => {
      const relation = row as {
        num: number;
        caller: string;
        callee: string;
        calls: number;
        seconds: number;
      };
      const rows = sqlite
        .prepare(
          `SELECT i.file_name AS file, c.line, c.kind, c.started_unix AS at,
              c.duration_seconds AS seconds, c.copy_of IS NOT NULL AS copy
             FROM call_records c JOIN imports i ON i.num = c.import_num
            WHERE c.relation_num = ? ORDER BY c.started_unix, c.id`,
        )
        .all(relation.num)
        .map((item) => {
          const r = item as Record<string, string | number>;
          const list = String(r['file']).slice(-5, -4);
          const time = new Date(Number(r['at']) * 1000).toISOString().slice(11, 19);
          return {
            text: `${list}:${r['line']} ${r['kind']} ${time} ${r['seconds']}s`,
            copy: r['copy'],
          };
        });
      const copies = rows.filter((row) => row.copy).length;
      return `${relation.caller}>${relation.callee}: ${relation.calls} calls ${relation.seconds} s, ${copies} copies | ${rows.map((row) => row.text).join(', ')}`;
    });
}

const a = '13987664001';
const b = '13987664002';
const cc = '13987664003';

/** What the three lists give, whichever order they came in. */
const expected = [
  `${a}>${b}: 1 calls 60 s, 1 copies | a:2 call 02:00:00 60s, b:2 forwarded 02:00:01 60s`,
  `${a}>${cc}: 0 calls 0 s, 1 copies | c:2 call 02:00:03 58s`,
  `${b}>${cc}: 1 calls 60 s, 0 copies | b:2 forwarded 02:00:01 60s`,
];

describe('a forwarded call in the caller’s, the forwarding phone’s and the answering phone’s lists', () => {
  const orders = [
    ['a', 'b', 'c'],
    ['a', 'c', 'b'],
    ['b', 'a', 'c'],
    ['b', 'c', 'a'],
    ['c', 'a', 'b'],
    ['c', 'b', 'a'],
  ] as const;
  for (const order of orders)
    it(`is one call from A to B and one forwarding from B to C: ${order.join(', ')}`, async () => {
      c = makeTestCore();
      await createTestWorkspace(c);
      for (const list of order) await commit(list);
      expect(relations()).toEqual(expected);
    });

  it('a call C took from A directly, with no forwarding row, counts as that call', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('b');
    const direct = `${fs.readFileSync(path.join(fixtures, files.c), 'utf8').trimEnd()}\n${cc},${a},,被叫,2026-04-18 10:30:00,40\n`;
    await c.ok('import.commit', {
      importId: 'imp-c',
      fileName: files.c,
      contentBase64: Buffer.from(direct, 'utf8').toString('base64'),
      template: 'calls',
    });
    expect(relations()).toEqual([
      `${a}>${b}: 1 calls 60 s, 0 copies | b:2 forwarded 02:00:01 60s`,
      `${a}>${cc}: 1 calls 40 s, 1 copies | c:2 call 02:00:03 58s, c:3 call 02:30:00 40s`,
      `${b}>${cc}: 1 calls 60 s, 0 copies | b:2 forwarded 02:00:01 60s`,
    ]);
  });

  it("deleting B's list leaves C's row counted as the call A's number made to C", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    for (const list of ['a', 'b', 'c'] as const) await commit(list);
    await c.ok('import.delete', { importId: 'imp-b' });
    expect(relations()).toEqual([
      `${a}>${b}: 1 calls 60 s, 0 copies | a:2 call 02:00:00 60s`,
      `${a}>${cc}: 1 calls 58 s, 0 copies | c:2 call 02:00:03 58s`,
    ]);
    await commit('b');
    expect(relations()).toEqual(expected);
  });
});
