import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A 话单 giving the far end's area code in a column of its own (对方区号 020, 对方号码 87654321):
 * the landline is 02087654321, the number another list prints as 020-87654321. The column had
 * been ignored: 87654321 was stored as "87654321（13987660001本地）" and 话单碰撞 found nothing.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

async function commit(importId: string, name: string) {
  return c.ok('import.commit', {
    fileName: name,
    contentBase64: fs.readFileSync(path.join(fixtures, name)).toString('base64'),
    template: 'calls',
    importId,
  });
}

describe('对方区号 beside 对方号码', () => {
  it('completes a landline printed without its area code', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-a', 'carrier-cdr-area-column.csv');
    await commit('imp-b', 'carrier-cdr-area-dashed.csv');
    const stored = c.router.sessions
      .current()!
      .sqlite.prepare(
        `SELECT c.line, caller.label AS caller, callee.label AS callee
           FROM call_records c JOIN relations r ON r.num = c.relation_num
           JOIN entities caller ON caller.id = r.from_entity_id
           JOIN entities callee ON callee.id = r.to_entity_id
          ORDER BY c.started_unix`,
      )
      .all()
      .map((row) => Object.values(row as object).join(' '));
    expect(stored).toEqual([
      '2 13987660001 087165123456',
      '3 13987660001 02087654321',
      '4 13987660001 13800190001',
      '2 13987660002 02087654321',
      '3 13987660002 087165123456',
    ]);
    const common = await c.ok('analytics.commonContacts', {
      phones: ['13987660001', '13987660002'],
    });
    expect(common.rows.map((row) => [row.number, row.numberType, row.targetCount])).toEqual([
      ['02087654321', 'landline', 2],
      ['087165123456', 'landline', 2],
    ]);
  });
});
