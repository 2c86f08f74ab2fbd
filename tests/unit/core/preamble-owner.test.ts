import { describe, expect, it } from 'vitest';
import { planImport } from '../../../electron/core/io/import-plan';
import type { TableFile } from '../../../electron/core/io/table-file';

/** A file of the lines above the header, a header and one row. */
function file(above: string[][], header: string[], row: string[]): TableFile {
  return {
    rows: [...above, header, row].map((cells, index) => ({ line: index + 1, cells })),
  } as TableFile;
}

/** The owner the lines above the header give, or null. */
function ownerOf(template: 'calls' | 'transactions', above: string[][]): string | null {
  const [header, row] =
    template === 'calls'
      ? [
          ['对方号码', '开始时间', '本机号码'],
          ['13812345678', '2026-04-01 08:00:00', '13987654321'],
        ]
      : [
          ['对手账号', '交易时间', '交易金额', '借贷标志', '交易卡号'],
          ['6217000033334444', '2026-04-01 08:00:00', '1', '借', '6222000011112222'],
        ];
  // A list that says no direction is planned as the target's calls out, as the user would say.
  return planImport(file(above, header!, row!), template, { direction: 'out' }).preamble.owner;
}

describe('the owner above the header', () => {
  it.each([
    [[['中国电信 13987654321 通话详单']], '13987654321'],
    [[['机主号码：', '13987654321', '2026-04-01']], '13987654321'],
    [[['机主号码：13987654321 2026年4月']], '13987654321'],
    [[['机主号码', '13987654321']], '13987654321'],
    [[['本机：+86 139 8765 4321']], '13987654321'],
    [[['查询号码：0871-65123456 2026-04']], '087165123456'],
    [[['经办人手机号码：13912345678']], null],
    [[['联系电话：13912345678 调取清单']], null],
    [[['联系电话： 13800000000 调取清单']], null],
    [[['联系电话', '13800000000', '调取清单']], null],
    [[['办案民警 手机：13800000000']], null],
    [[['调取人手机号码：13800000000']], null],
    [[['13987654321 通话清单']], '13987654321'],
    [[['以下是 13987654321 2026年03月01日至31日的通话详单']], '13987654321'],
    [[['客服电话 10000']], null],
    [[['机主号码：139****4321']], null],
    [[['身份证号：530102199001011234']], null],
  ])('of a 话单: %j → %s', (above, owner) => {
    expect(ownerOf('calls', above)).toBe(owner);
  });

  it.each([
    [[['账号：', '6228480398271645312', '20260401', '20260430']], '6228480398271645312'],
    [[['账号：6217 0015 4000 9283 746']], '6217001540009283746'],
    [[['查询卡号：6228480398271645312 20260401']], '6228480398271645312'],
    [[['账户名称：王某', '账号：6228480398271645312']], '6228480398271645312'],
    [[['对方账号：6228480398271645312']], null],
    [[['收款人账号：6228480398271645312']], null],
    [[['付款方账号：6228480398271645312']], null],
    [[['账号：6217 0015 4000 9283 2026年4月']], '6217001540009283'],
    [[['账户明细'], ['客服热线 95533']], null],
  ])('of a statement: %j → %s', (above, owner) => {
    expect(ownerOf('transactions', above)).toBe(owner);
  });
});
