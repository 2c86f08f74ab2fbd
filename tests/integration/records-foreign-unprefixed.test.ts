import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Foreign numbers a 话单 prints without + or 00, its 对方归属地 naming the country: 66812345678
 * (泰国) and 9595123456 (缅甸) had stayed unknown digits, apart from +66812345678 and
 * +9595123456 in another target's list. Digits no CN number has, beginning with the named
 * country's code and of a length that country uses, are its number; a CN number never is.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

async function commit(importId: string, content: Buffer) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: content.toString('base64'),
    template: 'calls',
    importId,
  });
}

function farEnds(): string[] {
  return c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT c.line, callee.label AS callee FROM call_records c
         JOIN relations r ON r.num = c.relation_num
         JOIN entities callee ON callee.id = r.to_entity_id
        ORDER BY c.started_unix`,
    )
    .all()
    .map((row) => Object.values(row as object).join(' '));
}

describe('a foreign number printed without + or 00', () => {
  it('is the country’s its 对方归属地 names, where its length fits', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit(
      'imp-a',
      fs.readFileSync(path.join(fixtures, 'carrier-cdr-foreign-unprefixed.csv')),
    );
    expect(farEnds()).toEqual([
      '2 +959123456789',
      '3 +9595123456',
      '4 +8562055512345',
      '5 +84912345678',
      '6 +855123456789',
      '7 +66812345678',
      '8 +959123456789',
      '9 +95959123456789',
      '10 95588',
      '11 955881234',
      '12 9512345',
    ]);
    // Another target's list prints them with +: the same two phones, a common contact.
    await commit(
      'imp-b',
      Buffer.from(
        [
          '本机号码,对方号码,呼叫类型,开始时间,通话时长,对方归属地',
          '13987662002,+66812345678,主叫,2026-04-15 09:00:00,30,泰国',
          '13987662002,+9595123456,主叫,2026-04-15 09:01:00,30,缅甸',
        ].join('\n'),
      ),
    );
    const common = await c.ok('analytics.commonContacts', {
      phones: ['13987662001', '13987662002'],
    });
    expect(common.rows.map((row) => [row.number, row.numberType, row.targetCount])).toEqual([
      ['+66812345678', 'international', 2],
      ['+9595123456', 'international', 2],
    ]);
  });

  it('a CN number stays CN, and digits without a country named stay as printed', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit(
      'imp-c',
      Buffer.from(
        [
          '本机号码,对方号码,呼叫类型,开始时间,通话时长,对方归属地',
          '13987662001,13800138000,主叫,2026-04-15 08:00:00,30,泰国',
          '13987662001,66812345678,主叫,2026-04-15 08:01:00,30,',
          '13987662001,66812345678,主叫,2026-04-15 08:02:00,30,广东茂名',
          '13987662001,6681234,主叫,2026-04-15 08:03:00,30,泰国',
        ].join('\n'),
      ),
    );
    expect(farEnds()).toEqual([
      '2 13800138000',
      '3 66812345678',
      '4 66812345678',
      '5 6681234（13987662001本地）',
    ]);
  });
});
