import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A list of transfers by payer and payee whose names are headed 付款方户名/收款方户名 (or 付款人户名,
 * 转出户名/转入户名, 汇款人户名): both holders' names were dropped; 汇款人账号/收款人账号 and
 * 出账账号/入账账号 were refused as lacking an account column.
 */
const { planned } = previewsOnNewWorkspace();

const row = '6222600000000002101,张三,6222600000000002102,李四,2026-03-01 10:00:00,100.00';

describe("payer's and payee's columns as 查控 exports head them", () => {
  it('read the two accounts and both holders’ names', async () => {
    const read: unknown[] = [];
    for (const header of [
      '付款方账号,付款方户名,收款方账号,收款方户名',
      '付款人账号,付款人户名,收款人账号,收款人户名',
      '付款方账号,付款方姓名,收款方账号,收款方姓名',
      '汇款人账号,汇款人户名,收款人账号,收款人户名',
      '出账账号,转出户名,入账账号,转入户名',
    ]) {
      const plan = await planned('transactions', [`${header},交易时间,交易金额`, row]);
      read.push(
        ...pick(plan.sample, [
          'account',
          'accountName',
          'direction',
          'amountFen',
          'counterpart',
          'counterpartName',
        ]),
      );
    }
    expect(read).toEqual(
      new Array(5).fill([
        '6222600000000002101',
        '张三',
        'out',
        '10000',
        '6222600000000002102',
        '李四',
      ]),
    );
  });
});
