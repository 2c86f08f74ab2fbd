import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportHistory } from '../../renderer/src/features/import/ImportHistory';
import { installFakeBridge, Providers } from './fake-bridge';

const item = {
  sha256: '',
  caseId: null,
  createdAt: '2026-04-01T02:00:00.000Z',
  createdBy: 'admin',
};

describe('the imports done', () => {
  it('show each statement’s failed or declined transfers kept as attempts, beside its rows', async () => {
    installFakeBridge({
      'import.list': () => ({
        ok: true,
        value: [
          {
            ...item,
            id: 'imp-2',
            fileName: '李某流水.csv',
            template: 'transactions',
            rowCount: 2,
            rejectedCount: 1,
            attemptCount: 3,
          },
          {
            ...item,
            id: 'imp-1',
            fileName: '话单.csv',
            template: 'calls',
            rowCount: 15,
            rejectedCount: 0,
            attemptCount: 0,
          },
        ],
      }),
    });
    render(
      <Providers>
        <ImportHistory />
      </Providers>,
    );
    const table = await screen.findByTestId('import-history');
    await within(table).findByText('李某流水.csv');
    const cells = (selector: string) =>
      [...table.querySelectorAll(selector)].map((cell) => cell.textContent);
    expect(cells('thead th')).toEqual([
      '导入时间',
      '文件',
      '导入类型',
      '导入行数',
      '有误行',
      '未成功交易（不计金额）',
      '导入人',
    ]);
    // Tests run in UTC (vitest.config.mts): the local time is the instant's.
    const rows = [...table.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['2026-04-01 02:00', '李某流水.csv', '资金流水', '2', '1', '3', 'admin'],
      ['2026-04-01 02:00', '话单.csv', '话单（通话记录）', '15', '0', '—', 'admin'],
    ]);
  });
});
