import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { RunStep } from '../../renderer/src/features/import/RunStep';
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
