import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { GlobalSearch } from '../../renderer/src/features/search/GlobalSearch';
import { installFakeBridge, Providers } from './fake-bridge';

/** Searches 岩某, closes the dialog, opens it again with Ctrl+K: the reopened field. */
async function reopenedAfterQuery(): Promise<HTMLInputElement> {
  installFakeBridge({
    'search.query': () => ({ ok: true, value: { groups: [] } }),
  });
  render(
    <Providers>
      <MemoryRouter>
        <GlobalSearch />
      </MemoryRouter>
    </Providers>,
  );
  fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
  const first = await screen.findByTestId('global-search-input');
  fireEvent.change(first, { target: { value: '岩某' } });
  fireEvent.keyDown(first, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByTestId('global-search-input')).toBeNull());

  fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
  return (await screen.findByTestId('global-search-input')) as HTMLInputElement;
}

describe('global search (Ctrl+K)', () => {
  it('opened again, the old query is selected so that typing replaces it', async () => {
    const again = await reopenedAfterQuery();
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect(again.value).toBe('岩某');
    expect([again.selectionStart, again.selectionEnd]).toEqual([0, 2]);
  });

  it('keys typed before the field has the focus replace the old query, none lost', async () => {
    const again = await reopenedAfterQuery();
    // The dialog is open but the focus is elsewhere (as while it animates in).
    again.blur();
    expect(document.activeElement).not.toBe(again);
    for (const key of ['q', 'm', 'y']) fireEvent.keyDown(document.body, { key });
    await waitFor(() => expect(again.value).toBe('qmy'));
    expect(document.activeElement).toBe(again);
    // Typing on in the field appends (the early keys are not selected and replaced).
    expect([again.selectionStart, again.selectionEnd]).toEqual([3, 3]);
  });
});
