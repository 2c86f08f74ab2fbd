import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RecordIdentifiersCard } from '../../renderer/src/features/entities/RecordIdentifiersCard';
import { installFakeBridge, Providers } from './fake-bridge';

const seen = {
  seenCount: 2,
  firstSeen: '2026-04-01T02:00:00.000Z',
  lastSeen: '2026-04-02T03:00:00.000Z',
};

function renderCard(kind: string) {
  render(
    <Providers>
      <MemoryRouter>
        <RecordIdentifiersCard entityId="acc-a" kind={kind} />
      </MemoryRouter>
    </Providers>,
  );
}

describe("an entity's devices and networks in the records", () => {
  it("lists an account's MAC and IP with the other accounts seen on them", async () => {
    installFakeBridge({
      'import.accountIdentifiers': (input) => ({
        ok: true,
        value:
          (input as { accountId: string }).accountId === 'acc-a'
            ? [
                { type: 'mac', value: '00:1A:2B:3C:4D:5E', ...seen, sharedWith: [{ id: 'acc-b', label: '6222021234567890123' }] },
                { type: 'ip', value: '117.136.1.2', ...seen, sharedWith: [] },
              ]
            : [],
      }),
    }); // prettier-ignore
    renderCard('account');
    const table = await screen.findByTestId('record-identifiers');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['MAC 地址', '00:1A:2B:3C:4D:5E', '2', '2026-04-01 02:00 – 2026-04-02 03:00', '6222021234567890123'],
      ['IP 地址', '117.136.1.2', '2', '2026-04-01 02:00 – 2026-04-02 03:00', ''],
    ]); // prettier-ignore
    expect(screen.getByRole('link', { name: '6222021234567890123' }).getAttribute('href')).toBe(
      '/entities/acc-b',
    );
    expect(screen.getByText('记录中的设备与网络标识 (2)')).toBeTruthy();
  });

  it('shows no card for a person, nor for a phone with nothing imported', async () => {
    let asked = 0;
    installFakeBridge({
      'import.phoneIdentifiers': () => {
        asked += 1;
        return { ok: true, value: [] };
      },
    });
    renderCard('phone');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toBe(1);
    expect(screen.queryByTestId('record-identifiers')).toBeNull();
    renderCard('person');
    expect(screen.queryByTestId('record-identifiers')).toBeNull();
  });
});
