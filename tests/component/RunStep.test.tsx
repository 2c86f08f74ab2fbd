import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { RunStep } from '../../renderer/src/features/import/RunStep';
import type { ImportSummary } from '../../electron/api/schemas/import-schemas';
import { Providers } from './fake-bridge';

const running = (done: number) => (
  <Providers>
    <RunStep
      state={{ ...initialWizard, step: 3, importId: 'imp-1', progress: { done, total: 100_000 } }}
      dispatch={() => undefined}
    />
  </Providers>
);

describe('an import running', () => {
  it('can be cancelled while rows are written; once all are, it says it is committing and no longer offers to cancel', () => {
    const { rerender } = render(running(63_000));
    expect(screen.getByTestId('import-progress-text').textContent).toBe('已写入 63000 / 100000 行');
    expect(screen.getByTestId('import-cancel').hasAttribute('disabled')).toBe(false);
    rerender(running(100_000));
    expect(screen.getByTestId('import-progress-text').textContent).toBe(
      '100000 行已写入，正在建立索引并提交，已不能取消…',
    );
    expect(screen.getByTestId('import-cancel').hasAttribute('disabled')).toBe(true);
    // Not shown as finished (it had shown a green 100 % while it still ran).
    expect(screen.getByTestId('import-progress').textContent).toContain('99%');
  });
});

describe('an import done', () => {
  it('says how many reversals cancel with their transfers and how many undo one no statement holds', () => {
    const summary: ImportSummary = {
      importId: 'imp-1',
      template: 'transactions',
      rows: 4,
      rejectedRows: 0,
      entitiesCreated: 2,
      entitiesMatched: 0,
      relationsCreated: 1,
      relationsUpdated: 0,
      copies: 0,
      reversals: 1,
      unmatchedReversals: 1,
      dataSessions: 0,
      withheldNumbers: 0,
      signals: 0,
      cellSites: 0,
      seizuresCreated: 0,
      seconds: 0.1,
      rejectedFile: null,
    };
    render(
      <Providers>
        <RunStep state={{ ...initialWizard, step: 3, summary }} dispatch={() => undefined} />
      </Providers>,
    );
    expect(screen.getByTestId('import-reversals').textContent).toBe(
      '其中 1 对是冲正（或撤销、退汇）与被冲正的原交易，两行相抵，原始行已保留，均不计入金额和分析。',
    );
    expect(screen.getByTestId('import-unmatched-reversals').textContent).toBe(
      '其中 1 行冲正（或撤销、退汇）的原交易不在已导入的流水中：原始行已保留，不计为资金往来；导入含原交易的流水后自动配对。',
    );
  });
});
