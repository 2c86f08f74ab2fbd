import { afterEach, expect, it } from 'vitest';
import { openDirect } from '../helpers/direct-workspace';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * A call list of more new pairs than the workspace holds relations: the relations' and the
 * contributions' indexes are dropped for the insert and built again after it (bulk-insert's
 * deferIndexes). The import must end with every index back, counts exact and the import
 * deletable to nothing.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const target = '13900000000';
const contacts = 6_000;
const contact = (index: number) => `138${String(index).padStart(8, '0')}`;

/** Each contact called once and calling back once (two directed pairs), the first twice. */
function callList(): string {
  const lines = ['本机号码,对方号码,呼叫类型,开始时间,通话时长'];
  for (let index = 0; index < contacts; index += 1) {
    lines.push(`${target},${contact(index)},主叫,2026-05-01 08:00:00,60`);
    lines.push(`${target},${contact(index)},被叫,2026-05-02 09:30:00,5`);
  }
  lines.push(`${target},${contact(0)},主叫,2026-05-03 10:00:00,40`);
  return lines.join('\n');
}

const indexesOf = (sqlite: { prepare(sql: string): { all(): unknown[] } }) =>
  sqlite
    .prepare(
      `SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index'
        AND tbl_name IN ('relations', 'import_relations') ORDER BY name`,
    )
    .all();

it('12,000 new pairs: counts exact, every relation index built again, deletable to nothing', async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
  const dir = c.router.sessions.current()!.dir;
  const fresh = await openDirect(dir, 'admin', adminPassword);
  const before = indexesOf(fresh.sqlite);
  fresh.close('user');
  expect(before.length).toBe(8);

  const summary = await c.ok('import.commit', {
    fileName: 'target.csv',
    contentBase64: Buffer.from(callList()).toString('base64'),
    template: 'calls',
    importId: 'imp-bulk',
  });
  expect(summary).toMatchObject({ rows: 12_001, relationsCreated: 12_000, entitiesCreated: 6_001 });

  const workspace = await openDirect(dir, 'admin', adminPassword);
  try {
    expect(indexesOf(workspace.sqlite)).toEqual(before);
    expect(workspace.sqlite.prepare('PRAGMA integrity_check').get()).toEqual({
      integrity_check: 'ok',
    });
    const pairs = workspace.sqlite
      .prepare(
        `SELECT f.label AS "from", t.label AS "to", r.event_count AS calls, r.duration_seconds AS seconds,
           r.started_on AS first, r.ended_on AS last, ir.created
         FROM relations r JOIN entities f ON f.id = r.from_entity_id JOIN entities t ON t.id = r.to_entity_id
         JOIN import_relations ir ON ir.relation_id = r.id
         WHERE r.type = 'calls' AND (f.label = ? OR t.label = ?) ORDER BY f.label`,
      )
      .all(contact(0), contact(0));
    expect(pairs).toEqual([
      {
        from: contact(0),
        to: target,
        calls: 1,
        seconds: 5,
        first: '2026-05-02',
        last: '2026-05-02',
        created: 1,
      },
      {
        from: target,
        to: contact(0),
        calls: 2,
        seconds: 100,
        first: '2026-05-01',
        last: '2026-05-03',
        created: 1,
      },
    ]);
    const plan = workspace.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM relations WHERE from_entity_id = 'x' AND type = 'calls'`,
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toContain('relations_from_idx');
  } finally {
    workspace.close('user');
  }

  const deleted = await c.ok('import.delete', { importId: 'imp-bulk' });
  expect(deleted).toMatchObject({
    callRecords: 12_001,
    relationsDeleted: 12_000,
    entitiesDeleted: 6_001,
  });
  expect(await c.ok('stats.summary', {})).toMatchObject({ relations: 0 });
});
