import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pick } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Two unrelated customers of one bank: each statement names the bank's 个人活期储蓄利息支出 as
 * the payer of 结息 and its 手续费收入 as the payee of 短信服务费. Read as counterparts, the two
 * were two hops apart through 手续费收入, a hidden link that was none.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const statement = (account: string, holder: string) => [
  `账号：${account},户名：${holder}`,
  '交易时间,借贷标志,交易金额,余额,对方账号,对方户名,摘要',
  '2026-03-21 02:00:00,贷,1.23,1001.23,530100000000000123,个人活期储蓄利息支出,结息',
  '2026-03-22 02:00:00,借,2.00,999.23,530100000000000456,手续费收入,短信服务费',
  '2026-03-23 10:00:00,借,300.00,699.23,6222600000000009999,王五,转账',
];

describe("a bank's own interest and fee accounts", () => {
  it('are no counterparts: the rows stay the account’s, no relation links two customers', async () => {
    const preview = await c.ok('import.preview', {
      fileName: 'a.csv',
      contentBase64: iconv
        .encode(statement('6222600000000001501', '张三').join('\r\n'), 'gb18030')
        .toString('base64'),
      template: 'transactions',
    });
    expect(pick(preview.sample, ['direction', 'amountFen', 'counterpart', 'summary'])).toEqual([
      ['in', '123', null, '结息'],
      ['out', '200', null, '短信服务费'],
      ['out', '30000', '6222600000000009999', '转账'],
    ]);
    for (const [account, holder] of [
      ['6222600000000001501', '张三'],
      ['6222600000000001502', '李四'],
    ] as const)
      await c.ok('import.commit', {
        importId: `imp-${account}`,
        fileName: `${account}.csv`,
        contentBase64: iconv
          .encode(statement(account, holder).join('\r\n'), 'gb18030')
          .toString('base64'),
        template: 'transactions',
      });
    const found = await c.ok('search.query', { text: '530100000000000456' });
    expect(found.groups.flatMap((group) => group.hits)).toEqual([]);
    const [hit] = (await c.ok('search.query', { text: '6222600000000009999' })).groups[0]!.hits;
    const detail = await c.ok('entities.get', { id: hit!.id });
    expect(
      detail.relations
        .filter((relation) => relation.type === 'finances')
        .map((relation) => `${relation.fromLabel} → ${relation.toLabel}: ${relation.amountFen}`)
        .sort(),
    ).toEqual([
      '6222600000000001501 → 6222600000000009999: 30000',
      '6222600000000001502 → 6222600000000009999: 30000',
    ]);
  });
});
