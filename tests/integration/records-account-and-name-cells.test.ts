import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * The other party's account and name in one cell, as 邮储 and others print it: a column headed
 * 对方账号/户名 (not only 对方账号及户名) had been no column at all, and its 4,599 yuan went to
 * nobody; an account inside a 交易对方 or 对方户名 cell (6217…/韩某, 韩某/6217…, 韩某(6217…)) had
 * been no counterpart, or a name alone with the number lost.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const own = '6221880000000000501';
const han = '6217000000000000601';
const you = '6230520000000000602';

/** The statement's transfers by payer and payee: how many, and how many fen. */
async function pairs(header: string, cells: string[]) {
  c = makeTestCore();
  await createTestWorkspace(c);
  const lines = [
    '中国邮政储蓄银行账户明细对账单',
    `账号：${own}  户名：邹某`,
    `交易日期,交易时间,摘要,借方发生额,贷方发生额,余额,${header},交易机构`,
    `2026-04-01,08:00:00,转账,-1500.00,,8500.00,${cells[0]},昆明分行`,
    `2026-04-01,09:00:00,转账,,2600.00,11100.00,${cells[1]},昆明分行`,
    `2026-04-02,09:00:00,转账,-400.00,,10700.00,${cells[2]},昆明分行`,
    '2026-04-02,10:00:00,本页合计,-1900.00,2600.00,,,',
    `2026-04-03,09:00:00,转账,-99.00,,10601.00,${cells[0]},`,
  ];
  await c.ok('import.commit', {
    fileName: 'psbc.csv',
    contentBase64: Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64'),
    template: 'transactions',
    importId: 'imp-psbc',
  });
  return c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT coalesce(payer.label, '-') || '>' || coalesce(payee.label, '-') AS pair,
              count(*) AS n, sum(m.amount_fen) AS fen
         FROM money_transfers m LEFT JOIN entities payer ON payer.id = m.payer_id
         LEFT JOIN entities payee ON payee.id = m.payee_id GROUP BY 1 ORDER BY 1`,
    )
    .all();
}

const both = [
  { pair: `${han}>${own}`, n: 1, fen: 260000 },
  { pair: `${own}>${han}`, n: 2, fen: 159900 },
  { pair: `${own}>${you}`, n: 1, fen: 40000 },
];

describe('an account and a name in one cell', () => {
  it.each([
    '对方账号/户名',
    '对方户名/账号',
    '对方账户/户名',
    '对方帐号/户名',
    '对手账号/户名',
    '对方账号/名称',
    '收/付方账号户名',
    '对方户名、账号',
    '对方账号和户名',
    '对方账号及户名',
  ])('a column headed %s: each account its own', async (header) => {
    expect(await pairs(header, [`${han}/韩某`, `${han}/韩某`, `${you} 尤某`])).toEqual(both);
  });

  it.each([
    ['交易对方', [`${han}/韩某`, `${han}/韩某`, `${you} 尤某`]],
    ['对方户名', [`韩某/${han}`, `韩某、${han}`, `尤某 ${you}`]],
    ['对方户名', [`韩某(${han})`, `韩某（${han}）`, `${you}(尤某)`]],
  ])('%s holding %j: the account, and the name kept with it', async (header, cells) => {
    expect(await pairs(header, cells)).toEqual(both);
    const names = c.router.sessions
      .current()!
      .sqlite.prepare(
        'SELECT account_no AS no, holder_name AS holder FROM accounts ORDER BY account_no',
      )
      .all();
    expect(names).toEqual([
      { no: han, holder: '韩某' },
      { no: own, holder: '邹某' },
      { no: you, holder: '尤某' },
    ]);
  });

  it('a 对方户名 of names alone stays a name, this statement’s counterpart', async () => {
    expect(await pairs('对方户名', ['韩某', '韩某', '尤某'])).toEqual([
      { pair: `${own}>尤某（${own}对方）`, n: 1, fen: 40000 },
      { pair: `${own}>韩某（${own}对方）`, n: 2, fen: 159900 },
      { pair: `韩某（${own}对方）>${own}`, n: 1, fen: 260000 },
    ]);
  });
});
