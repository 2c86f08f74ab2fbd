import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RelationRow } from '../../electron/api/schemas/entity-schemas';
import { RelationsTable } from '../../renderer/src/features/entities/RelationsTable';
import { installFakeBridge, Providers } from './fake-bridge';

const hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';

describe('user text in the UI', () => {
  it('a name written as markup shows as text: no script or image element appears', () => {
    installFakeBridge({});
    const row: RelationRow = {
      id: 'r1',
      fromEntityId: 'a',
      fromLabel: hostile,
      fromKind: 'person',
      toEntityId: 'b',
      toLabel: '普通人',
      toKind: 'person',
      type: 'supplies',
      directed: true,
      startedOn: null,
      endedOn: null,
      amountFen: null,
      eventCount: null,
      durationSeconds: null,
      drugType: null,
      quantityValue: null,
      quantityUnit: null,
      quantityNormalised: null,
      normalisedUnit: null,
      source: hostile,
      reliability: null,
      credibility: null,
      caseId: null,
      caseNo: null,
      notes: null,
    };
    const { container } = render(
      <Providers>
        <MemoryRouter>
          <RelationsTable rows={[row]} />
        </MemoryRouter>
      </Providers>,
    );
    expect(screen.getAllByText(hostile)).toHaveLength(2);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});
