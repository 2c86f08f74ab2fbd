import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
  sheets: [
    { name: '说明', number: 1, rows: 0, read: false, unread: 'header' },
    { name: '小王', number: 2, rows: 0, read: false, unread: 'owner' },
    { name: '话单1', number: 3, rows: 10, read: true },
    { name: '话单2', number: 4, rows: 8, read: true },
  ],
};

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

  it('names the lines of a statement that read as transfers but moved nothing', () => {
    const statement: ImportPreview = {
      ...preview,
      format: 'csv',
      encoding: 'gb18030',
      sheets: [],
      nothingMoved: 23,
      setAside: Array.from({ length: 22 }, (_, index) => index + 4),
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
    expect(screen.getByTestId('import-set-aside').textContent).toBe(
      '其中看似交易、实未动资金的行号：' +
        Array.from({ length: 20 }, (_, index) => index + 4).join('、') +
        '…',
    );
  });
});
