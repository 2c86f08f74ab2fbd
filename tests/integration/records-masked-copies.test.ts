import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * 张三's statement names 李四's card in full; 李四's (as 网银 exports print it) masks 张三 as
 * 6222****0011 张*. The two transfers on both statements had been counted twice: 张* was an
 * account of its own, 李四 in 2,000 and out 2,000 of 1,000 each way.
 */
let c: TestCore;
let dir: string;
beforeEach(async () => {
  c = makeTestCore();
  dir = (await createTestWorkspace(c)).path;
});
afterEach(() => c.dispose());

const zhang = '6222600000000000011';
const li = '6222600000000000022';
const statementA = [
  `账号：${zhang},户名：张三`,
  '交易时间,借贷标志,交易金额,余额,对方账号,对方户名,摘要',
  `2026-03-01 10:00:00,借,1000.00,9000.00,${li},李四,转账`,
  `2026-03-01 10:10:00,贷,1000.00,10000.00,${li},李四,转账`,
];
const statementB = (name: string) => [
  `账号：${li},户名：李四`,
  '交易时间,借贷标志,交易金额,余额,对方账号,对方户名,摘要',
  `2026-03-01 10:00:05,贷,1000.00,1000.00,6222****0011,${name},转账`,
  `2026-03-01 10:10:03,借,1000.00,0.00,6222****0011,${name},转账`,
];

async function importStatement(importId: string, lines: string[]) {
  return await c.ok('import.commit', {
    importId,
    fileName: `${importId}.csv`,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions',
  });
}

/** 李四's money relations, `from → to: fen (transfers)`. */
async function moneyOfLi() {
  const [hit] = (await c.ok('search.query', { text: li })).groups[0]!.hits;
  const detail = await c.ok('entities.get', { id: hit!.id });
  return detail.relations
    .filter((relation) => relation.type === 'finances')
    .map(
      (relation) =>
        `${relation.fromLabel} → ${relation.toLabel}: ${relation.amountFen} (${relation.eventCount})`,
    )
    .sort();
}

describe('a counterpart masked on the other statement', () => {
  it('is the account the workspace holds whose number and name the mask fits: the transfers are copies', async () => {
    await importStatement('imp-a', statementA);
    expect(await importStatement('imp-b', statementB('张*'))).toMatchObject({ copies: 2 });
    expect(await moneyOfLi()).toEqual([
      `${zhang} → ${li}: 100000 (1)`,
      `${li} → ${zhang}: 100000 (1)`,
    ]);
    const trace = await c.ok('analytics.moneyTrace', { account: li, direction: 'in' });
    expect(
      trace.accounts.map((account) => [account.accountNo, account.inFen, account.outFen]),
    ).toEqual([
      [li, 100000, 100000],
      [zhang, 100000, 100000],
    ]);
  });

  it('a mask whose name is another’s (王*) stays an account apart', async () => {
    await importStatement('imp-a', statementA);
    expect(await importStatement('imp-b', statementB('王*'))).toMatchObject({ copies: 0 });
    expect(await moneyOfLi()).toEqual([
      `${zhang} → ${li}: 100000 (1)`,
      `${li} → ${zhang}: 100000 (1)`,
      `${li} → 王*（6222****0011）: 100000 (1)`,
      `王*（6222****0011） → ${li}: 100000 (1)`,
    ]);
  });
});

/**
 * The masked account 张*（6222****0011）: the account it is merged into (or that there is none),
 * and what a search for its number finds.
 */
async function maskedAccount() {
  const row = c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT kept.account_no AS mergedInto FROM accounts a JOIN entities e ON e.id = a.entity_id
        LEFT JOIN accounts kept ON kept.entity_id = e.merged_into_id
        WHERE a.account_no = '张*（6222****0011）'`,
    )
    .get() as { mergedInto: string | null } | undefined;
  const found = (await c.ok('search.query', { text: '6222****0011' })).groups.flatMap((group) =>
    group.hits.map((hit) => hit.title),
  );
  return { mergedInto: row ? row.mergedInto : 'no such account', found };
}

/** Every entity and relation as stored, to compare a workspace before and after. */
function stored() {
  const sqlite = c.router.sessions.current()!.sqlite;
  return {
    entities: sqlite
      .prepare(
        'SELECT id, label, merged_into_id, deleted_at, created_at, updated_at FROM entities ORDER BY id',
      )
      .all(),
    relations: sqlite
      .prepare(
        'SELECT id, from_entity_id, to_entity_id, event_count, amount_fen, started_on, ended_on, deleted_at FROM relations ORDER BY id',
      )
      .all(),
    transfers: sqlite.prepare('SELECT id, copy_of FROM money_transfers ORDER BY id').all(),
  };
}

/** 资金穿透 from 李四's account in: each account's money in and out (fen). */
async function traceOfLi() {
  const trace = await c.ok('analytics.moneyTrace', { account: li, direction: 'in' });
  return trace.accounts.map((account) => [account.accountNo, account.inFen, account.outFen]);
}

describe('a masked statement imported before the full one', () => {
  // 张三's own statement, first sent by the bank with 李四's card masked, then in full.
  const maskedA = statementA.map((line) => line.replace(`,${li},李四,`, ',6222****0022,李*,'));
  const counted = [`${zhang} → ${li}: 100000 (1)`, `${li} → ${zhang}: 100000 (1)`];
  const traced = [
    [li, 100000, 100000],
    [zhang, 100000, 100000],
  ];

  it('counts each transfer once, as the full statement first does (the same account’s two statements)', async () => {
    await importStatement('imp-masked', maskedA);
    expect(await importStatement('imp-full', statementA)).toMatchObject({ copies: 2 });
    expect(await moneyOfLi()).toEqual(counted);
    expect(await traceOfLi()).toEqual(traced);
  });

  it('the full one first gives the same figures', async () => {
    await importStatement('imp-full', statementA);
    expect(await importStatement('imp-masked', maskedA)).toMatchObject({ copies: 2 });
    expect(await moneyOfLi()).toEqual(counted);
    expect(await traceOfLi()).toEqual(traced);
  });

  it('counts each transfer once when the other party’s masked statement came first', async () => {
    await importStatement('imp-b', statementB('张*'));
    expect(await importStatement('imp-a', statementA)).toMatchObject({ copies: 2 });
    expect(await moneyOfLi()).toEqual(counted);
    expect(await maskedAccount()).toEqual({ mergedInto: zhang, found: [zhang] });
    expect(await traceOfLi()).toEqual(traced);
  });

  it('deleting the full statement counts the masked rows again', async () => {
    await importStatement('imp-b', statementB('张*'));
    const before = stored();
    await importStatement('imp-a', statementA);
    await c.ok('import.delete', { importId: 'imp-a' });
    expect(stored()).toEqual(before);
    expect(await maskedAccount()).toEqual({
      mergedInto: null,
      found: ['张*（6222****0011）'],
    });
    expect(await moneyOfLi()).toEqual([
      `${li} → 张*（6222****0011）: 100000 (1)`,
      `张*（6222****0011） → ${li}: 100000 (1)`,
    ]);
    expect(await traceOfLi()).toEqual([
      [li, 100000, 100000],
      ['张*（6222****0011）', 100000, 100000],
    ]);
  });

  it('deleting the masked statement after both leaves the full one alone', async () => {
    await importStatement('imp-a', statementA);
    const before = stored();
    await importStatement('imp-b', statementB('张*'));
    // As in the other order: the masked account the file names, merged into the full one.
    expect(await maskedAccount()).toEqual({ mergedInto: zhang, found: [zhang] });
    await c.ok('import.delete', { importId: 'imp-b' });
    expect(stored()).toEqual(before);
  });

  it('the masked account first, then the full one, then the full one deleted: as before', async () => {
    await importStatement('imp-b', statementB('张*'));
    await importStatement('imp-a', statementA);
    expect(await maskedAccount()).toEqual({ mergedInto: zhang, found: [zhang] });
    await c.ok('import.delete', { importId: 'imp-b' });
    expect(await moneyOfLi()).toEqual(counted);
    expect(
      c.router.sessions
        .current()!
        .sqlite.prepare("SELECT count(*) AS n FROM accounts WHERE account_no LIKE '%*%'")
        .get(),
    ).toEqual({ n: 0 });
  });

  it('a mask that fits no account of the full statement (王*) stays counted', async () => {
    await importStatement('imp-b', statementB('王*'));
    expect(await importStatement('imp-a', statementA)).toMatchObject({ copies: 0 });
    expect(await moneyOfLi()).toEqual([
      ...counted,
      `${li} → 王*（6222****0011）: 100000 (1)`,
      `王*（6222****0011） → ${li}: 100000 (1)`,
    ]);
  });

  it('the masked statement exported again after both is a copy too', async () => {
    await importStatement('imp-b', statementB('张*'));
    await importStatement('imp-a', statementA);
    const again = statementB('张*').map((line) => line.replace('转账', '网银转账'));
    expect(await importStatement('imp-b-again', again)).toMatchObject({ copies: 2 });
    expect(await moneyOfLi()).toEqual(counted);
    expect(await maskedAccount()).toEqual({ mergedInto: zhang, found: [zhang] });
    expect(await traceOfLi()).toEqual(traced);
  });

  it('a workspace that counted both is marked once at the next unlock', async () => {
    await importStatement('imp-b', statementB('张*'));
    await importStatement('imp-a', statementA);
    await c.ok('session.lock', {});
    // What the version before wrote: the masked rows counted beside the full ones.
    const workspace = await unlockWorkspace(dir, 'admin', adminPassword, c.env);
    workspace.sqlite.exec(`
      UPDATE relations SET event_count = 1, amount_fen = 100000 WHERE type = 'finances';
      UPDATE import_relations SET event_count = 1, amount_fen = 100000;
      UPDATE money_transfers SET copy_of = NULL;
      DELETE FROM settings WHERE key = 'recordCopiesVersion';`);
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    expect(await moneyOfLi()).toEqual(counted);
    expect(await maskedAccount()).toEqual({ mergedInto: zhang, found: [zhang] });
    expect(await traceOfLi()).toEqual(traced);
  });
});
