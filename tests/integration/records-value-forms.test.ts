import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Values as files print them: an account in full-width digits (６２１７…) or after NO. had been
 * an account of its own beside 6217…; a length of 0:1:5 had been refused; a length its start
 * and end belie (12:00 to 12:10, 时长 30) had been taken as 30 s without a word.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

async function commit(template: 'calls' | 'transactions', name: string, content?: string) {
  c = makeTestCore();
  await createTestWorkspace(c);
  return c.ok('import.commit', {
    fileName: name,
    contentBase64: (content
      ? Buffer.from(content)
      : fs.readFileSync(path.join(fixtures, name))
    ).toString('base64'),
    template,
    importId: 'imp-forms',
    skipInvalid: true,
  });
}

const stored = (sql: string) =>
  c.router.sessions
    .current()!
    .sqlite.prepare(sql)
    .all()
    .map((row) => Object.values(row as object).join(' '));

const calls = `SELECT c.line, callee.label, c.duration_seconds FROM call_records c
  JOIN relations r ON r.num = c.relation_num JOIN entities callee ON callee.id = r.to_entity_id
  ORDER BY c.line`;

describe('values as files print them', () => {
  it('an account in full-width digits, or after NO., is the same account', async () => {
    const summary = await commit('transactions', 'bank-statement-account-forms.csv');
    expect([summary.rows, summary.rejectedRows]).toEqual([7, 0]);
    expect(
      stored(`SELECT m.line, m.direction, m.amount_fen, payee.label FROM money_transfers m
        JOIN entities payee ON payee.id = m.payee_id ORDER BY m.line`),
    ).toEqual([
      '3 out 10000 6217000000000430002',
      '4 out 20000 6217000000000430002',
      '5 out 30000 6217000000000430002',
      '6 out 40000 6217000000000430002',
      '7 out 50000 6217000000000430002',
      '8 out 60000 6217000000000430002',
      '9 out 70000 6217000000000430002',
    ]);
  });

  it('a length of hours, minutes and seconds unpadded (0:1:5) is 65 s', async () => {
    const summary = await commit(
      'calls',
      'calls.csv',
      [
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13987651001,075512345678,主叫,2026-04-02 09:50:00,0:1:5',
        '13987651001,075512345678,主叫,2026-04-02 10:50:00,1:02:03',
      ].join('\n'),
    );
    expect([summary.rows, summary.rejectedRows]).toEqual([2, 0]);
    expect(stored(calls)).toEqual(['2 075512345678 65', '3 075512345678 3723']);
  });
});
