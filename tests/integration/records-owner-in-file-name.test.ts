import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A carrier's 详单 of one number and a bank's statement of one card name their owner only in
 * the file's name (13800138000话单.csv): refused before for a missing own-number column.
 */

const { planned, preview } = previewsOnNewWorkspace();

const calls = ['对方号码,呼叫类型,开始时间,通话时长', '13900139000,主叫,2026-04-01 10:00:00,65'];
const statement = [
  '交易时间,交易金额,借贷标志,对手账号',
  '2026-04-01 10:00:00,1200.00,借,6222020200112233445',
];

describe('the owner in the file’s name', () => {
  it.each([
    '13800138000话单.csv',
    '话单_13800138000_20260101-20260331.csv',
    'C:\\案件\\13800138000.txt',
  ])('a call list named %s is 13800138000’s', async (fileName) => {
    const plan = await planned('calls', calls, { fileName });
    expect(plan.owner).toBe('13800138000');
    expect(pick(plan.sample, ['caller', 'callee'])).toEqual([['13800138000', '13900139000']]);
  });

  it('a statement named by its card is that card’s', async () => {
    const plan = await planned(
      'transactions',
      ['交易时间,交易金额,借贷标志,对手账号', '2026-04-01 10:00:00,1200.00,借,6222020200112233445'],
      { fileName: '6228480398271645317交易明细.csv' },
    );
    expect(pick(plan.sample, ['account', 'direction'])).toEqual([['6228480398271645317', 'out']]);
  });

  it('two numbers in the name, or an ID number, name no owner', async () => {
    for (const fileName of [
      '13800138000与13900139000.csv',
      '530102199001011231.csv',
      // An export's stamp that happens to pass a card's check.
      '交易明细_20260401153012003.csv',
    ]) {
      for (const [template, lines] of [
        ['calls', calls],
        ['transactions', statement],
      ] as const) {
        const result = await preview(template, lines, { fileName });
        expect([fileName, result.ok ? null : result.error.code]).toEqual([
          fileName,
          'import.missingColumns',
        ]);
      }
    }
  });

  it('a column of own numbers wins over the name', async () => {
    const plan = await planned(
      'calls',
      [
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13700137000,13900139000,主叫,2026-04-01 10:00:00,65',
      ],
      { fileName: '13800138000话单.csv' },
    );
    expect(pick(plan.sample, ['caller'])).toEqual([['13700137000']]);
  });
});
