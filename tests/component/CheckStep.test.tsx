import { act, fireEvent, render, screen } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../electron/api/schemas/import-schemas';
import { CheckStep } from '../../renderer/src/features/import/CheckStep';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { Providers } from './fake-bridge';

const preview: ImportPreview = {
  format: 'xls',
  encoding: null,
  headerLine: 10_000_001,
  headers: ['本机号码', '对方号码'],
  mapping: { ownNumber: 0, counterpart: 1 },
  rowCount: 18,
  nothingMoved: 0,
  validCount: 17,
  problemCount: 1,
  rejectedCount: 1,
  problems: [{ line: 20_000_007, field: 'counterpart', problem: 'phone', value: '未知' }],
  rejectedFileName: '话单.rejected.csv',
  sample: [],
  platform: null,
  owner: null,
  ownerKnownBy: null,
  sheets: [
    { name: '说明', number: 1, rows: 0, read: false, unread: 'header' },
    { name: '小王', number: 2, rows: 0, read: false, unread: 'owner' },
    { name: '话单1', number: 3, rows: 10, read: true },
    { name: '话单2', number: 4, rows: 8, read: true },
  ],
};

afterEach(async () => {
  await act(() => i18n.changeLanguage('zh-CN'));
});

describe('the import check of a workbook', () => {
  it('names each sheet read or left unread, and each problem by its sheet and row', () => {
    render(
      <Providers>
        <CheckStep
          state={{ ...initialWizard, step: 2, preview }}
          preview={preview}
          dispatch={() => undefined}
          onRun={() => undefined}
        />
      </Providers>,
    );
    expect(screen.getByTestId('import-sheets').textContent).toBe(
      '说明（未读取：没有与所读工作表相同的表头，如其中有记录请单独导入）；小王（未读取：是另一账户的账单，请单独导入）；话单1（读取 10 行）；话单2（读取 8 行）',
    );
    expect(screen.getByText('第 3 个工作表第 7 行')).toBeTruthy();
    expect(screen.getByText('XLS')).toBeTruthy();
  });

  it('offers each sheet left unread to be imported alone', () => {
    const asked: number[] = [];
    render(
      <Providers>
        <CheckStep
          state={{ ...initialWizard, step: 2, preview }}
          preview={preview}
          dispatch={() => undefined}
          onRun={() => undefined}
          onReadSheet={(sheet) => asked.push(sheet)}
        />
      </Providers>,
    );
    expect(screen.queryByTestId('import-sheet-alone-3')).toBeNull();
    fireEvent.click(screen.getByTestId('import-sheet-alone-2'));
    expect(screen.getByTestId('import-sheet-alone-1').textContent).toBe('单独导入“说明”');
    expect(asked).toEqual([2]);
  });

  it('lists the rows of a statement that read as transfers but moved nothing, by line and why', async () => {
    const statement: ImportPreview = {
      ...preview,
      format: 'csv',
      encoding: 'gb18030',
      sheets: [],
      nothingMoved: 5,
      setAside: [
        { line: 4, reason: 'notCompleted' },
        { line: 7, reason: 'refunded' },
        { line: 9, reason: 'ownAccounts' },
        { line: 10_000_012, reason: 'refundUnpaired' },
      ],
    };
    const shown = () =>
      [...screen.getByTestId('import-set-aside-table').querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent),
      );
    const view = render(
      <Providers>
        <CheckStep
          state={{ ...initialWizard, step: 2, preview: statement }}
          preview={statement}
          dispatch={() => undefined}
          onRun={() => undefined}
        />
      </Providers>,
    );
    expect(screen.getByText('看似交易、实未动资金的行（4 行，不计入金额，无需修正）')).toBeTruthy();
    expect(shown()).toEqual([
      ['4', '交易未成功（失败、关闭、撤销或未支付），资金未动'],
      ['7', '已退款或退回（全额退回的付款，或已从其付款中扣除的退款）'],
      ['9', '本人账户之间的资金往来（不计收支，如提现到本人银行卡、充值、余额宝）'],
      ['第 2 个工作表第 12 行', '退款所对应的付款不在本文件中，或该付款已关闭'],
    ]);
    // The problems stay in their own table: the set-aside rows are none of them.
    expect(screen.getByTestId('import-problem-table').querySelectorAll('tbody tr').length).toBe(1);
    await act(() => i18n.changeLanguage('en'));
    view.rerender(
      <Providers>
        <CheckStep
          state={{ ...initialWizard, step: 2, preview: statement }}
          preview={statement}
          dispatch={() => undefined}
          onRun={() => undefined}
        />
      </Providers>,
    );
    expect(shown()).toEqual([
      ['4', 'Not completed (failed, closed, cancelled or unpaid): no money moved'],
      [
        '7',
        'Refunded or sent back (a payment returned in full, or a refund already taken off its payment)',
      ],
      [
        '9',
        'Between the holder’s own accounts (not income or spending: a withdrawal to the holder’s card, a top-up, a money-market fund)',
      ],
      ['sheet 2, row 12', 'A refund whose payment is not in this file, or was closed'],
    ]);
  });

  it('counts every row set aside when the list holds only the first 200', () => {
    const many: ImportPreview = {
      ...preview,
      sheets: [],
      setAside: Array.from({ length: 200 }, (_, index) => ({
        line: index + 2,
        reason: 'notCompleted' as const,
      })),
      setAsideCount: 250,
    };
    render(
      <Providers>
        <CheckStep
          state={{ ...initialWizard, step: 2, preview: many }}
          preview={many}
          dispatch={() => undefined}
          onRun={() => undefined}
        />
      </Providers>,
    );
    expect(
      screen.getByTestId('import-set-aside-table').querySelector('.ant-table-title')?.textContent,
    ).toBe('看似交易、实未动资金的行（250 行，不计入金额，无需修正）（仅列出前 200 行）');
  });

  it('lists no set-aside rows where there are none', () => {
    render(
      <Providers>
        <CheckStep
          state={{ ...initialWizard, step: 2, preview }}
          preview={preview}
          dispatch={() => undefined}
          onRun={() => undefined}
        />
      </Providers>,
    );
    expect(screen.queryByTestId('import-set-aside-table')).toBeNull();
  });
});

describe('the import check of a statement', () => {
  it('adds up the valid rows to hold against the file’s totals line', () => {
    const statement: ImportPreview = {
      ...preview,
      format: 'csv',
      sheets: [],
      moneyTotals: { inRows: 3, inFen: 1_400_000, outRows: 2, outFen: 500_012, cancellingRows: 2 },
      callTotals: null,
    };
    render(
      <Providers>
        <CheckStep
          state={{ ...initialWizard, step: 2, preview: statement }}
          preview={statement}
          dispatch={() => undefined}
          onRun={() => undefined}
        />
      </Providers>,
    );
    expect(screen.getByTestId('import-totals').textContent).toBe(
      '有效行合计（可与文件的合计行核对）：收入 3 笔 14,000.00 元，支出 2 笔 5,000.12 元；其中相互抵销的冲正 2 笔，不计金额',
    );
  });
});
