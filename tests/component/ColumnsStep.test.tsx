import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../electron/api/schemas/import-schemas';
import { ColumnsStep } from '../../renderer/src/features/import/ColumnsStep';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { Providers } from './fake-bridge';

const preview: ImportPreview = {
  format: 'csv',
  encoding: 'utf8',
  headerLine: 1,
  headers: ['用户号码', '对端号码', '通话时长', 'IMEI'],
  mapping: { ownNumber: 0, counterpart: 1, duration: 3, imei: 3 },
  rowCount: 0,
  nothingMoved: 0,
  validCount: 0,
  problemCount: 0,
  rejectedCount: 0,
  problems: [],
  rejectedFileName: '话单.rejected.csv',
  sample: [],
  platform: null,
  owner: null,
  ownerKnownBy: null,
  sheets: [],
};

describe('the columns of a call list', () => {
  it('says when one column is chosen for two fields (the IMEI’s as the length too)', () => {
    render(
      <Providers>
        <ColumnsStep
          state={{ ...initialWizard, step: 1, preview, mapping: preview.mapping }}
          preview={preview}
          savedMappings={[]}
          dispatch={() => undefined}
          onCheck={() => undefined}
        />
      </Providers>,
    );
    expect(screen.getByTestId('import-column-twice').textContent).toContain(
      'D · IMEI（通话时长、IMEI）',
    );
  });
});

describe('the columns of a WeChat bill whose owner is known by a nickname alone', () => {
  const bill: ImportPreview = {
    ...preview,
    headers: ['交易时间', '交易对方', '收/支', '金额(元)'],
    mapping: { at: 0, counterpartName: 1, debitCredit: 2, amount: 3 },
    platform: 'wechat',
    owner: '老王（微信昵称，文件bb44b00daa04）',
    ownerKnownBy: 'nickname',
  };
  const step = (ownAccount: string) => (
    <Providers>
      <ColumnsStep
        state={{
          ...initialWizard,
          step: 1,
          template: 'transactions',
          ownAccount,
          preview: bill,
          mapping: bill.mapping,
        }}
        preview={bill}
        savedMappings={[]}
        dispatch={() => undefined}
        onCheck={() => undefined}
      />
    </Providers>
  );

  it('says the owner is an account of this file alone, and how to tie it to a real one', () => {
    const { rerender } = render(step(''));
    expect(screen.getByTestId('import-owner-name-only').textContent).toBe(
      '本方仅以微信昵称标识：昵称不是身份标识，记为本文件单独的账户“老王（微信昵称，文件bb44b00daa04）”，不与其他文件的账户合并。' +
        '在第一步的“本方账户”中填写真实账号或微信号，即可关联到该账户。',
    );
    // An own account typed: the bill's rows go to it, nothing to warn of.
    rerender(step('wxid_laowang'));
    expect(screen.queryByTestId('import-owner-name-only')).toBeNull();
  });
});
