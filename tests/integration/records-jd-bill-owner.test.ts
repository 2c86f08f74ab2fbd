import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pick } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A 京东 bill as exported (a tester's jd.csv): its heading names the account (京东账号名：
 * jd_abc123), and it had been refused for want of an own account column.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

describe('a 京东 bill', () => {
  it('is the account its heading’s 京东账号名 names', async () => {
    const preview = await c.ok('import.preview', {
      fileName: 'jd.csv',
      contentBase64: fs
        .readFileSync(path.join(import.meta.dirname, '../fixtures/records/jd-bill.csv'))
        .toString('base64'),
      template: 'transactions' as const,
    });
    expect({
      rows: pick(preview.sample, ['account', 'direction', 'amountFen', 'counterpart']),
      problems: preview.problems,
      setAside: preview.setAside,
    }).toEqual({
      rows: [
        ['jd_abc123', 'out', '299900', '京东商城（jd_abc123对方）'],
        ['jd_abc123', 'in', '50000', '张三（jd_abc123对方）'],
        // 300.00 less the 100.00 refunded.
        ['jd_abc123', 'out', '20000', '京东商城（jd_abc123对方）'],
      ],
      problems: [],
      setAside: [{ line: 7, reason: 'refunded' }],
    });
  });
});
