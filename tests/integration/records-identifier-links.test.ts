import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Identifiers a tester's files carried that were read and then lost: the number a call was
 * forwarded to in a list of 主叫号码/被叫号码 (呼转号码 filled on a row of no 呼叫类型); an Alipay
 * 转账明细's user IDs (2088…), the one key of a user its logins print apart.
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

describe('an Alipay 转账明细 with user IDs beside the logins', () => {
  it('a user is one account by its 2088 ID on either side, found by the ID and by a full login', async () => {
    await commit('alipay-transfers.csv', 'transactions', [
      '交易号,付款支付宝账号,付款支付宝用户ID,付款方名称,收款支付宝账号,收款支付宝用户ID,收款方名称,交易金额（元）,交易时间,交易状态,转账类型',
      '20260401200040011100000001,lh1983@alipay.com,2088012345678901,李某,138****5678,2088098765432109,张某,"2,000.00",2026-04-01 10:00:00,成功,转账到支付宝账户',
      '20260402200040011100000002,138****5678,2088098765432109,张某,lh1983@alipay.com,2088012345678901,李某,500.00,2026-04-02 11:00:00,成功,转账到支付宝账户',
      '20260403200040011100000003,lh1983@alipay.com,2088012345678901,李某,6228480398271645312,,王某,"1,000.00",2026-04-03 12:00:00,成功,转账到银行卡',
    ]);
    const accounts = sqlite()
      .prepare(
        `SELECT a.account_type AS type, a.account_no AS no, a.holder_name AS holder,
                m.account_no AS mergedInto
           FROM accounts a JOIN entities e ON e.id = a.entity_id
           LEFT JOIN accounts m ON m.entity_id = e.merged_into_id
          ORDER BY a.account_no`,
      )
      .all();
    expect(accounts).toEqual([
      { type: 'alipay', no: '2088012345678901', holder: '李某', mergedInto: null },
      { type: 'alipay', no: '2088098765432109', holder: '张某', mergedInto: null },
      { type: 'bank', no: '6228480398271645312', holder: '王某', mergedInto: null },
      { type: 'alipay', no: 'lh1983@alipay.com', holder: null, mergedInto: '2088012345678901' },
    ]);
    const money = (
      sqlite()
        .prepare(
          `SELECT f.account_no AS fromNo, t.account_no AS toNo, r.event_count AS n,
                  r.amount_fen AS fen
             FROM relations r JOIN accounts f ON f.entity_id = r.from_entity_id
             JOIN accounts t ON t.entity_id = r.to_entity_id
            WHERE r.type = 'finances' AND r.deleted_at IS NULL`,
        )
        .all() as { fromNo: string; toNo: string; n: number; fen: number }[]
    )
      .map((row) => `${row.fromNo} → ${row.toNo} ${row.n} ${row.fen}`)
      .sort();
    expect(money).toEqual([
      '2088012345678901 → 2088098765432109 1 200000',
      '2088012345678901 → 6228480398271645312 1 100000',
      '2088098765432109 → 2088012345678901 1 50000',
    ]);
    const found = async (text: string) =>
      (await c.ok('search.query', { text })).groups
        .flatMap((group) => group.hits)
        .map((hit) => `${hit.title} ${hit.subtitle ?? ''}`);
    expect(await found('2088098765432109')).toEqual(['2088098765432109 张某']);
    expect(await found('lh1983@alipay.com')).toEqual(['2088012345678901 李某']);
    // The masked login is what the user was shown by, not another number of the account: a
    // stranger printed 138****5678 in a later file stays apart.
    expect(await found('138****5678')).toEqual(['2088098765432109 张某']);
    const zhang = (await c.ok('search.query', { text: '2088098765432109' })).groups[0]!.hits[0]!;
    expect(await c.ok('import.accountIdentifiers', { accountId: zhang.id })).toEqual([
      {
        type: 'login',
        value: '138****5678',
        seenCount: 2,
        firstSeen: '2026-04-01T02:00:00.000Z',
        lastSeen: '2026-04-02T03:00:00.000Z',
        sharedWith: [],
      },
    ]);
  });

  it('a row giving the full login without its ID is the user the other rows tie that login to', async () => {
    await commit('alipay-login-alone.csv', 'transactions', [
      '交易号,付款支付宝账号,付款支付宝用户ID,付款方名称,收款支付宝账号,收款支付宝用户ID,收款方名称,交易金额（元）,交易时间,交易状态,转账类型',
      '20260401200040011100000001,lh1983@alipay.com,2088012345678901,李某,138****5678,2088098765432109,张某,"2,000.00",2026-04-01 10:00:00,成功,转账到支付宝账户',
      '20260402200040011100000002,lh1983@alipay.com,,李某,138****5678,2088098765432109,张某,500.00,2026-04-02 11:00:00,成功,转账到支付宝账户',
      '20260403200040011100000003,,2088012345678901,李某,139****1111,2088011111111111,钱某,300.00,2026-04-03 11:00:00,成功,转账到支付宝账户',
    ]);
    const live = sqlite()
      .prepare(
        `SELECT a.account_no AS no FROM accounts a JOIN entities e ON e.id = a.entity_id
          WHERE e.merged_into_id IS NULL AND e.deleted_at IS NULL ORDER BY a.account_no`,
      )
      .all();
    expect(live).toEqual([
      { no: '2088011111111111' },
      { no: '2088012345678901' },
      { no: '2088098765432109' },
    ]);
    const paid = sqlite()
      .prepare(
        `SELECT sum(r.amount_fen) AS fen FROM relations r JOIN accounts f ON f.entity_id = r.from_entity_id
          WHERE r.type = 'finances' AND r.deleted_at IS NULL AND f.account_no = '2088012345678901'`,
      )
      .get();
    expect(paid).toEqual({ fen: 280000 });
  });
});
