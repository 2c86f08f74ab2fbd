import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Banks' other words for a reversal (a tester's file): 冲账 and 反交易 had been read as money
 * back, 1,000 each way, a loop of money that never moved.
 */
let c: TestCore | undefined;
afterEach(() => c?.dispose());

const a = '6230000000000000702';
const b = '6230000000000000799';

describe('a reversal by another word', () => {
  it.each(['冲账', '冲帐', '反交易', '抹帐'])(
    '%s after a transfer: both kept, neither counted',
    async (word) => {
      c = makeTestCore();
      await createTestWorkspace(c);
      const lines = [
        '交易卡号,交易日期,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要',
        `${a},20260331,100000,借,"1,000.00",${b},乙,转账`,
        `${a},20260401,090000,贷,"1,000.00",${b},乙,${word}`,
        `${a},20260402,090000,借,"300.00",${b},乙,转账`,
      ];
      const summary = await c.ok('import.commit', {
        importId: 'imp-a',
        fileName: `${a}.csv`,
        contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
        template: 'transactions',
      });
      expect(summary).toMatchObject({ rows: 3, reversals: 1, unmatchedReversals: 0 });
      const found = await c.ok('search.query', { text: a });
      const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
      expect(
        detail.relations
          .filter((relation) => relation.type === 'finances')
          .map(
            (relation) =>
              `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
          ),
      ).toEqual([`${a}>${b}: 1 30000`]);
    },
  );
});
