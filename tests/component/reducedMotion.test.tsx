import { act, render, screen } from '@testing-library/react';
import { theme } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../renderer/src/app/AppProviders';

const original = window.matchMedia;

/** A system setting for reduced motion that the test can change while the app runs. */
function systemMotion(reduce: boolean) {
  const listeners = new Set<() => void>();
  const setting = { reduce };
  // Only what the app reads of a MediaQueryList.
  window.matchMedia = ((query: string) => ({
    matches: query === '(prefers-reduced-motion: reduce)' && setting.reduce,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: (_: string, listener: () => void) => void listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => void listeners.delete(listener),
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  return {
    change(next: boolean) {
      setting.reduce = next;
      for (const listener of listeners) listener();
    },
  };
}

function MotionToken() {
  const { token } = theme.useToken();
  return <span data-testid="motion">{String(token.motion)}</span>;
}

describe('reduced motion', () => {
  afterEach(() => {
    window.matchMedia = original;
  });

  it("turns antd's animations off while the system asks for less motion, and on again", () => {
    const system = systemMotion(true);
    render(
      <AppProviders>
        <MotionToken />
      </AppProviders>,
    );
    expect(screen.getByTestId('motion').textContent).toBe('false');
    act(() => system.change(false));
    expect(screen.getByTestId('motion').textContent).toBe('true');
  });
});
