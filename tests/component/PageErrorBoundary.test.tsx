import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useNavigate } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from '../../renderer/src/app/PageErrorBoundary';
import { Providers } from './fake-bridge';

function Broken(): never {
  throw new Error('王某 13800000000');
}

function Nav() {
  const navigate = useNavigate();
  return <button onClick={() => navigate('/cases')}>去案件</button>;
}

describe('PageErrorBoundary', () => {
  it('shows a notice in place of a page that fails, without its text, and resets on another page', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Providers>
        <MemoryRouter initialEntries={['/graph']}>
          <Nav />
          <PageErrorBoundary>
            <Routes>
              <Route path="/graph" element={<Broken />} />
              <Route path="/cases" element={<p>案件列表</p>} />
            </Routes>
          </PageErrorBoundary>
        </MemoryRouter>
      </Providers>,
    );
    expect(
      screen.getByText('此页面未能显示。其他页面不受影响：可打开其他页面，或重新加载。'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('page-reload')).toHaveTextContent('重新加载');
    expect(document.body.textContent).not.toContain('13800000000');
    // The shell around the page still works: another page replaces the notice.
    fireEvent.click(screen.getByText('去案件'));
    expect(screen.getByText('案件列表')).toBeInTheDocument();
    expect(screen.queryByTestId('page-reload')).toBeNull();
    logged.mockRestore();
  });
});
