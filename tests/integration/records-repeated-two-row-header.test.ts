import { afterEach, describe, expect, it } from 'vitest';
import { workbookBase64 } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A statement printed in pages whose header is two rows (交易金额 merged over 收入/支出, 对方信息
 * over 户名/账号), repeated on every page with 本页合计 and 第N页 lines between: the repeated
 * header's rows had been read as data, and the whole file refused (exit 1). A one-row header
 * repeated had always been skipped.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const own = '6230520000000000701';
const parties = [
  ['许某', '6217000000000000801'],
  ['何某', '6228480000000000802'],
  ['吕某', '6222020000000000803'],
] as const;

/** Twelve rows, five a page, under the two-row header each page repeats; merges where merged. */
function pagedStatement() {
  const rows: (string | number | null)[][] = [
    ['云南红塔农村商业银行账户交易明细'],
    [`账号：${own}  户名：袁某`],
  ];
  const merges = ['A1:H1', 'A2:H2'];
  const header = () => {
    const top = rows.length + 1;
    rows.push(['交易日期', '交易时间', '交易金额', null, '余额', '对方信息', null, '摘要']);
    rows.push([null, null, '收入', '支出', null, '户名', '账号', null]);
    merges.push(`C${top}:D${top}`, `F${top}:G${top}`);
    for (const column of ['A', 'B', 'E', 'H']) merges.push(`${column}${top}:${column}${top + 1}`);
  };
  header();
  let balance = 100000;
  let pageIn = 0;
  let pageOut = 0;
  for (let i = 0; i < 12; i += 1) {
    if (i > 0 && i % 5 === 0) {
      rows.push(['本页合计', null, pageIn, pageOut]);
      pageIn = pageOut = 0;
      rows.push([`第${i / 5}页`]);
      merges.push(`A${rows.length}:H${rows.length}`);
      header();
    }
    const [name, account] = parties[i % 3]!;
    const amount = 100 * (i + 1);
    const into = i % 4 === 0;
    balance += into ? amount : -amount;
    if (into) pageIn += amount;
    else pageOut += amount;
    const day = `2026-04-${String(i + 1).padStart(2, '0')}`;
    rows.push([
      day,
      '10:00:00',
      into ? amount : null,
      into ? null : amount,
      balance,
      name,
      account,
      '转账',
    ]);
  }
  rows.push(['本页合计', null, pageIn, pageOut]);
  return { rows, merges };
}

async function pairs(fileName: string, contentBase64: string) {
  c = makeTestCore();
  await createTestWorkspace(c);
  await c.ok('import.commit', {
    fileName,
    contentBase64,
    template: 'transactions',
    importId: 'imp-pages',
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

const expected = [
  { pair: `6217000000000000801>${own}`, n: 1, fen: 10000 },
  { pair: `6222020000000000803>${own}`, n: 1, fen: 90000 },
  { pair: `6228480000000000802>${own}`, n: 1, fen: 50000 },
  { pair: `${own}>6217000000000000801`, n: 3, fen: 210000 },
  { pair: `${own}>6222020000000000803`, n: 3, fen: 210000 },
  { pair: `${own}>6228480000000000802`, n: 3, fen: 210000 },
];

describe('a two-row header repeated on every page', () => {
  it('an Excel statement with the header merged: every page’s rows, no header row', async () => {
    const { rows, merges } = pagedStatement();
    expect(await pairs('rcb.xlsx', await workbookBase64([{ rows, merges }]))).toEqual(expected);
  });

  it('a CSV of the same pages, the group names written once', async () => {
    const text = pagedStatement()
      .rows.map((row) => row.map((cell) => cell ?? '').join(','))
      .join('\n');
    expect(await pairs('rcb.csv', Buffer.from(text + '\n').toString('base64'))).toEqual(expected);
  });
});
