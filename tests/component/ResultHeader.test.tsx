import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ResultHeader } from '../../renderer/src/features/analytics/analytics-shared';
import { Providers } from './fake-bridge';

describe('ResultHeader', () => {
  it('says how many rows are shown of how many found; no button without a sender', () => {
    render(
      <Providers>
        <ResultHeader shown={50} total={1234} />
      </Providers>,
    );
    expect(screen.getByText('显示 50 条，共 1234 条')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('sends the result to the chart once per click', () => {
    const send = vi.fn();
    render(
      <Providers>
        <ResultHeader shown={2} total={2} onSendToChart={send} />
      </Providers>,
    );
    fireEvent.click(screen.getByRole('button', { name: '全部发送到关系图（新视图）' }));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
