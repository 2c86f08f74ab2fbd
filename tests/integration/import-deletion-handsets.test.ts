import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * One handset, three SIMs imported one list at a time (a tester's files): deleting the second
 * list had left the link the third list made to its phone, with no IMEI record behind it, and the
 * phone itself (a path went 13711110002 —同机— 13711110003).
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const list = (own: string, day: number) =>
  [
    '本机号码,对方号码,呼叫类型,开始时间,通话时长,IMEI',
    `${own},13800138000,主叫,2026-03-${day} 08:00:00,10,868012034567891`,
  ].join('\n');

async function commit(importId: string, own: string, day: number) {
  await c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64(list(own, day)),
    template: 'calls',
    importId,
  });
}

function handsetLinks(): string[] {
  return (
    c.router.sessions
      .current()!
      .sqlite.prepare(
        `SELECT a.label AS a, b.label AS b FROM relations r
          JOIN entities a ON a.id = r.from_entity_id JOIN entities b ON b.id = r.to_entity_id
          WHERE r.type = 'same_handset' AND r.deleted_at IS NULL`,
      )
      .all() as { a: string; b: string }[]
  )
    .map(({ a, b }) => [a, b].sort().join(' — '))
    .sort();
}

function phones(): string[] {
  return (
    c.router.sessions
      .current()!
      .sqlite.prepare(`SELECT label FROM entities WHERE kind = 'phone' AND deleted_at IS NULL`)
      .pluck()
      .all() as string[]
  ).sort();
}

describe('deleting one SIM’s list of a shared handset', () => {
  it('takes away every link its IMEI was evidence of, and its phone, as if never imported', async () => {
    await commit('imp-a', '13711110001', 20);
    await commit('imp-b', '13711110002', 21);
    await commit('imp-c', '13711110003', 22);
    expect(handsetLinks()).toEqual([
      '13711110001 — 13711110002',
      '13711110001 — 13711110003',
      '13711110002 — 13711110003',
    ]);
    const deleted = await c.ok('import.delete', { importId: 'imp-b' });
    expect(handsetLinks()).toEqual(['13711110001 — 13711110003']);
    expect(phones()).toEqual(['13711110001', '13711110003', '13800138000']);
    expect(deleted).toMatchObject({ relationsDeleted: 3, entitiesDeleted: 1 });
    const found = await c.ok('search.query', { text: '13711110002' });
    expect(found.groups).toEqual([]);

    // The same as importing the first and the third list alone.
    const alone = makeTestCore();
    try {
      await createTestWorkspace(alone);
      const saved = c;
      c = alone;
      await commit('imp-a', '13711110001', 20);
      await commit('imp-c', '13711110003', 22);
      const expected = [handsetLinks(), phones()];
      c = saved;
      expect([handsetLinks(), phones()]).toEqual(expected);
    } finally {
      alone.dispose();
    }
  });
});
