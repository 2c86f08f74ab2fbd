import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A Hong Kong, Taiwan or Macau counterpart's statement comes in Big5: read as GB18030 its header
 * was kana and rare characters (交易時間 as ユ丁…), no column was found and the file refused;
 * and its headers in traditional characters (交易時間, 對方帳號) were no template's.
 */
const { core } = previewsOnNewWorkspace();

const lines = [
  '帳號,交易時間,借貸,交易金額,餘額,對方戶名,對方帳號,摘要',
  '012345678901,2026-04-01 17:16:47,借,1200.00,8800.00,許功蓋,023456789012,轉帳',
  '012345678901,2026-04-02 09:01:02,貸,5000.00,13800.00,黃志強,034567890123,港幣存款',
];

describe('a statement in Big5', () => {
  it('is found Big5 and read: its traditional headers and 借/貸 known, its cells as written', async () => {
    const preview = await core().ok('import.preview', {
      fileName: '香港銀行.csv',
      contentBase64: iconv.encode(lines.join('\r\n'), 'big5').toString('base64'),
      template: 'transactions',
    });
    expect(preview.encoding).toBe('big5');
    expect(preview.headers).toEqual([
      '帳號',
      '交易時間',
      '借貸',
      '交易金額',
      '餘額',
      '對方戶名',
      '對方帳號',
      '摘要',
    ]);
    expect(preview.problems).toEqual([]);
    expect(
      pick(preview.sample, [
        'account',
        'at',
        'direction',
        'amountFen',
        'counterpartName',
        'counterpart',
        'summary',
      ]),
    ).toEqual([
      [
        '012345678901',
        '2026-04-01T09:16:47.000Z',
        'out',
        '120000',
        '許功蓋',
        '023456789012',
        '轉帳',
      ],
      [
        '012345678901',
        '2026-04-02T01:01:02.000Z',
        'in',
        '500000',
        '黃志強',
        '034567890123',
        '港幣存款',
      ],
    ]);
  });
});

describe('a Big5 statement’s lines above its header', () => {
  it('帳號：… and 戶名：… name its own account and holder as 账号：/户名： do', async () => {
    const body = [
      '交易時間,借貸,交易金額,餘額,對方戶名,對方帳號,摘要',
      '2026-04-01 17:16:47,借,1200.00,8800.00,許功蓋,023456789012,轉帳',
    ];
    const statement = (heading: string[]) =>
      iconv.encode([...heading, ...body].join('\r\n'), 'big5').toString('base64');
    await core().ok('import.commit', {
      fileName: '香港銀行.csv',
      contentBase64: statement(['香港銀行 戶口交易明細', '帳號：012345678901', '戶名：陳國華']),
      template: 'transactions',
      importId: 'imp-big5-heading',
    });
    const accounts = core()
      .router.sessions.current()!
      .sqlite.prepare('SELECT account_no AS no, holder_name AS holder FROM accounts ORDER BY 1')
      .all();
    expect(accounts).toEqual([
      { no: '012345678901', holder: '陳國華' },
      { no: '023456789012', holder: '許功蓋' },
    ]);
    const flows = core()
      .router.sessions.current()!
      .sqlite.prepare(
        `SELECT f.account_no AS "from", t.account_no AS "to", r.amount_fen AS fen
           FROM relations r JOIN accounts f ON f.entity_id = r.from_entity_id
           JOIN accounts t ON t.entity_id = r.to_entity_id WHERE r.type = 'finances'`,
      )
      .all();
    expect(flows).toEqual([{ from: '012345678901', to: '023456789012', fen: 120000 }]);
  });

  it('a Hong Kong bank’s 戶口號碼：… is its own account', async () => {
    const preview = await core().ok('import.preview', {
      fileName: '香港銀行.csv',
      contentBase64: iconv
        .encode(
          [
            '戶口號碼：012345678901',
            '交易時間,借貸,交易金額,餘額,對方戶名,對方帳號',
            '2026-04-01 17:16:47,貸,5000.00,13800.00,黃志強,034567890123',
          ].join('\r\n'),
          'big5',
        )
        .toString('base64'),
      template: 'transactions',
    });
    expect(preview.problems).toEqual([]);
    expect(pick(preview.sample, ['account', 'direction', 'amountFen', 'counterpart'])).toEqual([
      ['012345678901', 'in', '500000', '034567890123'],
    ]);
  });
});
