import { describe, expect, it } from 'vitest';
import { cellPresenceTable } from '../../../electron/api/domain/analysis-tables';

describe('analysis results as briefing tables', () => {
  it('who was on a base station: number, sightings, first and last in China time to the minute', () => {
    const table = cellPresenceTable(
      {
        site: null,
        rows: [
          { id: 'p1', number: '13900000001', sightings: 3, firstAt: '2026-04-09T16:05:00.000Z', lastAt: '2026-04-10T00:00:59.000Z' },
          { id: 'p2', number: '13900000002', sightings: 1, firstAt: '2026-04-10T00:06:00.000Z', lastAt: '2026-04-10T00:06:00.000Z' },
        ],
        total: 2,
      },
      (key) => `[${key}]`,
    ); // prettier-ignore
    expect(table).toEqual({
      kind: 'table',
      columns: [
        '[analytics.number]',
        '[analytics.colocation.sightings]',
        '[analytics.first]',
        '[analytics.last]',
      ],
      rows: [
        ['13900000001', '3', '2026-04-10 00:05', '2026-04-10 08:00'],
        ['13900000002', '1', '2026-04-10 08:06', '2026-04-10 08:06'],
      ],
    });
  });
});
