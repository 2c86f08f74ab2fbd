import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Two-row headers whose groups are named otherwise than 对方/本方 (对方信息, 交易对手, 发生额 over
 * 借方/贷方): the lower row alone had been read, its 户名/账号 taken for the statement's own, and
 * the other party's account booked as the owner of every row.
 */

const { plannedWorkbook } = previewsOnNewWorkspace();

const own = '6222020000000001';
const other = '6222020000000999';

describe('groups over a two-row header', () => {
  it('对方信息 over 户名/账号 and 发生额 over 借方/贷方, the own account above', async () => {
    const plan = await plannedWorkbook('transactions', [
      {
        rows: [
          [`账号：${own}   户名：张三`],
          ['交易日期', '交易时间', '摘要', '发生额', null, '余额', '对方信息', null],
          [null, null, null, '借方', '贷方', null, '户名', '账号'],
          ['20260401', '101500', '转账', null, 5000, 15000, '李四', other],
          ['20260402', '091500', '转账', 1000, null, 14000, '王五', '6222020000000777'],
        ],
        merges: ['D2:E2', 'G2:H2', 'A2:A3', 'B2:B3', 'C2:C3', 'F2:F3'],
      },
    ]);
    expect(
      pick(plan.sample, ['account', 'counterpart', 'counterpartName', 'direction', 'amountFen']),
    ).toEqual([
      [own, other, '李四', 'in', '500000'],
      [own, '6222020000000777', '王五', 'out', '100000'],
    ]);
  });

  it('本方 and 对方 groups beside 发生额: both parties kept', async () => {
    const plan = await plannedWorkbook('transactions', [
      {
        rows: [
          ['交易时间', '发生额', null, '本方', null, '对方', null],
          [null, '借方', '贷方', '户名', '账号', '户名', '账号'],
          ['2026-04-01 10:15:00', null, 5000, '张三', own, '李四', other],
        ],
        merges: ['A1:A2', 'B1:C1', 'D1:E1', 'F1:G1'],
      },
    ]);
    expect(pick(plan.sample, ['account', 'accountName', 'counterpart', 'counterpartName'])).toEqual(
      [[own, '张三', other, '李四']],
    );
  });

  it('交易对手 over 账号/户名/开户行 with the own account typed', async () => {
    const plan = await plannedWorkbook(
      'transactions',
      [
        {
          rows: [
            ['交易时间', '借方发生额', '贷方发生额', '余额', '交易对手', null, null],
            [null, null, null, null, '账号', '户名', '开户行'],
            ['2026-04-01 10:15:00', null, 5000, 1, other, '李四', '工行'],
          ],
          merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:G1'],
        },
      ],
      {},
      { ownAccount: own },
    );
    expect(
      pick(plan.sample, [
        'account',
        'counterpart',
        'counterpartName',
        'counterpartBank',
        'direction',
      ]),
    ).toEqual([[own, other, '李四', '工行', 'in']]);
  });
});
