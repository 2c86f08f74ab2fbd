import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Identifiers a tester's files carried that were read and then lost: the number a call was
 * forwarded to in a list of 主叫号码/被叫号码 (呼转号码 filled on a row of no 呼叫类型).
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function commit(fileName: string, template: 'calls' | 'transactions', lines: string[]) {
  return c.ok('import.commit', {
    fileName,
    contentBase64: base64(lines.join('\n') + '\n'),
    template,
    importId: fileName.replace(/\.\w+$/, ''),
  });
}

const sqlite = () => c.router.sessions.current()!.sqlite;

/** Each relation between phones as `from → to type calls seconds`, sorted. */
const phoneLinks = () =>
  (
    sqlite()
      .prepare(
        `SELECT f.number AS fromNo, t.number AS toNo, r.type, r.event_count AS n,
                r.duration_seconds AS s
           FROM relations r JOIN phones f ON f.entity_id = r.from_entity_id
           JOIN phones t ON t.entity_id = r.to_entity_id
          WHERE r.deleted_at IS NULL`,
      )
      .all() as { fromNo: string; toNo: string; type: string; n: number; s: number }[]
  )
    .map((row) => `${row.fromNo} → ${row.toNo} ${row.type} ${row.n} ${row.s}`)
    .sort();

describe('the number a call was forwarded to', () => {
  it('a list of 主叫号码/被叫号码 with 呼转号码 filled and no 呼叫类型 keeps the forwarded leg', async () => {
    await commit('caller-callee.csv', 'calls', [
      '主叫号码,被叫号码,呼转号码,开始时间,结束时间,时长',
      '13987654321,13812345678,,2026-04-01 08:00:00,2026-04-01 08:01:05,65',
      '13600002222,13987654321,13500003333,2026-04-01 10:00:00,2026-04-01 10:00:20,20',
    ]);
    const numbers = (
      sqlite().prepare('SELECT number FROM phones').pluck().all() as string[]
    ).sort();
    expect(numbers).toEqual(['13500003333', '13600002222', '13812345678', '13987654321']);
    expect(phoneLinks()).toEqual([
      '13600002222 → 13987654321 calls 1 20',
      '13987654321 → 13500003333 calls 1 20',
      '13987654321 → 13812345678 calls 1 65',
    ]);
    const kinds = sqlite()
      .prepare('SELECT kind FROM call_records ORDER BY line, kind')
      .pluck()
      .all();
    expect(kinds).toEqual(['call', 'forwarded', 'forwarded']);
    const found = await c.ok('search.query', { text: '13500003333' });
    expect(JSON.stringify(found)).toContain('13500003333');
  });
});
