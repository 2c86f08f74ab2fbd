import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * The 公安 standard bank reply prints where each transfer was made from (IP地址, MAC地址,
 * 交易网点名称) and the bank's own numbers for it (日志号, 凭证号): they had been dropped. They
 * are kept on the row and shown in its drill-down; a MAC or device ID seen on two accounts links
 * them (one controller's computer), an IP or a placeholder MAC does not.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const a = '6217001540009283746';
const b = '6222021234567890123';
const d = '6222021234567890125';
const x = '6222021234567890199';

const header =
  '交易卡号,交易户名,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,对手户名,摘要说明,交易网点名称,IP地址,MAC地址,日志号,凭证号';

const statementOfA = [
  header,
  `${a},张三,2026-04-01 10:00:00,"5,000.00",15000.00,出,${x},王五,转账,手机银行,117.136.001.002,00-1a-2b-3c-4d-5e,L0001,V9001`,
  `${a},张三,2026-04-02 11:00:00,200.00,14800.00,出,${x},王五,转账,手机银行,117.136.1.2,00-1A-2B-3C-4D-5E,L0002,`,
  `${a},张三,2026-04-03 12:00:00,100.00,14700.00,出,${x},王五,转账,昆明分行营业部,192.168.1.10,02:00:00:00:00:00,L0003,V9003`,
];

const statementOfB = [
  header,
  `${b},李四,2026-04-05 09:30:00,800.00,1800.00,出,${x},王五,转账,网上银行,[2408:8000::1]:443,001A.2B3C.4D5E,,`,
];

const statementOfD = [
  header,
  `${d},赵六,2026-04-06 09:30:00,300.00,700.00,出,${x},王五,转账,网上银行,117.136.1.2,02-00-00-00-00-00,,`,
];

async function importStatement(importId: string, lines: string[]) {
  return await c.ok('import.commit', {
    importId,
    fileName: `${importId}.csv`,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions',
  });
}

function sqlite() {
  return c.router.sessions.current()!.sqlite;
}

function accountId(accountNo: string) {
  const row = sqlite()
    .prepare('SELECT entity_id AS id FROM accounts WHERE account_no = ?')
    .get(accountNo) as { id: string } | undefined;
  return row?.id;
}

/** The links between accounts that share an identifier, as `A~B source`. */
async function links() {
  const names = new Map<string, string>();
  for (const [short, accountNo] of [
    ['A', a],
    ['B', b],
    ['D', d],
  ] as const)
    names.set(accountId(accountNo) ?? short, short);
  return (
    sqlite()
      .prepare(
        `SELECT from_entity_id AS fromId, to_entity_id AS toId, source FROM relations
         WHERE type = 'other' AND deleted_at IS NULL ORDER BY source`,
      )
      .all() as { fromId: string; toId: string; source: string }[]
  ).map((row) => `${[names.get(row.fromId), names.get(row.toId)].sort().join('~')} ${row.source}`);
}

describe('where a transfer was made from', () => {
  it('keeps IP, MAC, branch, log and voucher numbers on each row, normalised', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', {
      fileName: 'a.csv',
      contentBase64: iconv.encode(statementOfA.join('\r\n'), 'gb18030').toString('base64'),
      template: 'transactions',
    });
    expect(preview.problems).toEqual([]);
    expect(preview.mapping).toMatchObject({
      branch: 9,
      ip: 10,
      mac: 11,
      logNo: 12,
      voucherNo: 13,
    });
    await importStatement('imp-a', statementOfA);
    expect(
      sqlite()
        .prepare('SELECT line, ip, mac, device, branch, log_no, voucher_no FROM money_transfers ORDER BY line')
        .all(),
    ).toEqual([
      { line: 2, ip: '117.136.1.2', mac: '00:1A:2B:3C:4D:5E', device: null, branch: '手机银行', log_no: 'L0001', voucher_no: 'V9001' },
      { line: 3, ip: '117.136.1.2', mac: '00:1A:2B:3C:4D:5E', device: null, branch: '手机银行', log_no: 'L0002', voucher_no: null },
      { line: 4, ip: '192.168.1.10', mac: '02:00:00:00:00:00', device: null, branch: '昆明分行营业部', log_no: 'L0003', voucher_no: 'V9003' },
    ]); // prettier-ignore
    // The account's identifiers: the public IP and the real MAC, not the private IP or
    // Android's placeholder MAC.
    expect(
      sqlite()
        .prepare(
          'SELECT type, value, seen_count, first_seen, last_seen FROM account_identifiers ORDER BY type, value',
        )
        .all(),
    ).toEqual([
      { type: 'ip', value: '117.136.1.2', seen_count: 2, first_seen: '2026-04-01T02:00:00.000Z', last_seen: '2026-04-02T03:00:00.000Z' },
      { type: 'mac', value: '00:1A:2B:3C:4D:5E', seen_count: 2, first_seen: '2026-04-01T02:00:00.000Z', last_seen: '2026-04-02T03:00:00.000Z' },
    ]); // prettier-ignore
    // The drill-down shows them, with the bank's numbers.
    const detail = await c.ok('entities.get', { id: accountId(a)! });
    const relation = detail.relations.find((item) => item.type === 'finances')!;
    const records = await c.ok('import.records', { relationId: relation.id });
    expect(records.rows.map((row) => row.trace)).toEqual([
      { ip: '117.136.1.2', mac: '00:1A:2B:3C:4D:5E', device: null, branch: '手机银行', logNo: 'L0001', voucherNo: 'V9001' },
      { ip: '117.136.1.2', mac: '00:1A:2B:3C:4D:5E', device: null, branch: '手机银行', logNo: 'L0002', voucherNo: null },
      { ip: '192.168.1.10', mac: '02:00:00:00:00:00', device: null, branch: '昆明分行营业部', logNo: 'L0003', voucherNo: 'V9003' },
    ]); // prettier-ignore
  });

  it('links two accounts operated from one MAC, not from one IP or a placeholder MAC; deleting the import takes the link', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importStatement('imp-a', statementOfA);
    expect(await links()).toEqual([]);
    // D shares A's public IP (a carrier's NAT) and prints the placeholder MAC: no link.
    await importStatement('imp-d', statementOfD);
    expect(await links()).toEqual([]);
    // B's MAC is A's, printed another way: one computer operates both.
    const summary = await importStatement('imp-b', statementOfB);
    expect(await links()).toEqual(['A~B MAC 00:1A:2B:3C:4D:5E']);
    expect(summary.relationsCreated).toBe(2);
    expect(
      sqlite()
        .prepare("SELECT value FROM account_identifiers WHERE import_id = 'imp-b' ORDER BY type")
        .all(),
    ).toEqual([{ value: '2408:8000::1' }, { value: '00:1A:2B:3C:4D:5E' }]);
    // Each account's page lists them with the accounts they were seen on: the MAC links A and B,
    // the IP only says D was behind it too.
    expect(await c.ok('import.accountIdentifiers', { accountId: accountId(a)! })).toEqual([
      { type: 'mac', value: '00:1A:2B:3C:4D:5E', seenCount: 2, firstSeen: '2026-04-01T02:00:00.000Z', lastSeen: '2026-04-02T03:00:00.000Z', sharedWith: [{ id: accountId(b), label: b }] },
      { type: 'ip', value: '117.136.1.2', seenCount: 2, firstSeen: '2026-04-01T02:00:00.000Z', lastSeen: '2026-04-02T03:00:00.000Z', sharedWith: [{ id: accountId(d), label: d }] },
    ]); // prettier-ignore
    // B's next statement, the same MAC again: nothing linked twice.
    await importStatement('imp-b2', [
      header,
      `${b},李四,2026-04-07 09:30:00,50.00,1750.00,出,${x},王五,转账,网上银行,,00:1A:2B:3C:4D:5E,,`,
    ]);
    expect(await links()).toEqual(['A~B MAC 00:1A:2B:3C:4D:5E']);
    await c.ok('import.delete', { importId: 'imp-b2' });
    await c.ok('import.delete', { importId: 'imp-b' });
    expect(await links()).toEqual([]);
    expect(
      sqlite()
        .prepare("SELECT count(*) AS n FROM account_identifiers WHERE import_id LIKE 'imp-b%'")
        .get(),
    ).toEqual({ n: 0 });
  });

  it('links two platform accounts by a device ID, not by a placeholder one', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const bill = (account: string, device: string) => [
      '交易卡号,交易时间,交易金额,收付标志,交易对手账卡号,对手户名,设备号',
      `${account},2026-04-01 10:00:00,100.00,出,${x},王五,${device}`,
    ];
    await importStatement('imp-1', bill(a, 'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF'));
    await importStatement('imp-2', bill(b, 'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF'));
    await importStatement('imp-3', bill(d, '00000000-0000-0000-0000-000000000000'));
    await importStatement('imp-4', bill(a, '00000000-0000-0000-0000-000000000000'));
    expect(await links()).toEqual(['A~B 设备号 A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF']);
  });
});
