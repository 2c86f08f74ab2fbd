import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  circularPositions,
  communityColour,
  legalStatusColours,
  periodBounds,
  toVisEdge,
  toVisNode,
} from '../../../renderer/src/features/graph/graph-model';
import { edge, node } from '../graph/fixtures';

describe('graph model', () => {
  it('draws a person at large with a thick red ring, a kind icon, and a tooltip as plain text', () => {
    const visNode = toVisNode(
      node('p1', { label: '<b>岩某</b>', identifier: '5331...', legalStatus: 'at_large' }),
      { statusLabel: '在逃', level: 2 },
    );
    expect(visNode).toMatchObject({
      id: 'p1',
      label: '<b>岩某</b>\n(在逃)',
      title: '<b>岩某</b>\n5331...\n在逃',
      shape: 'circularImage',
      borderWidth: 4,
      level: 2,
      color: { border: '#dc2626' },
    });
    expect(String(visNode.image)).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(typeof visNode.title).toBe('string');
  });

  it('colours by community when communities are shown, and highlights a path', () => {
    expect(toVisNode(node('x'), { community: 1 }).color).toMatchObject({ border: '#84cc16' });
    // No community takes a legal status's colour (orange had read as 刑事拘留 on plain members).
    const statusHues = new Set(Object.values(legalStatusColours));
    for (let community = 0; community < 12; community += 1)
      expect(statusHues.has(communityColour(community))).toBe(false);
    // A legal status keeps its ring there, as the legend says (在逃 red, not the community's).
    expect(toVisNode(node('y', { legalStatus: 'at_large' }), { community: 1 }).color).toMatchObject(
      { border: '#dc2626' },
    );
    expect(toVisNode(node('x'), { highlighted: true })).toMatchObject({
      borderWidth: 6,
      color: { border: '#facc15' },
    });
  });

  it('draws supply as a thick red arrow with its label, calls as a thin dotted line without arrow when undirected, named too', () => {
    const supply = toVisEdge(
      { ...edge('a', 'b', 'supplies'), reliability: 'A', credibility: 2, startedOn: '2026-01-01' },
      '供货',
    );
    expect(supply).toMatchObject({
      arrows: 'to',
      width: 3,
      label: '供货',
      color: '#dc2626',
      title: '供货 A2\n2026-01-01 ~ …',
    });
    const call = toVisEdge(
      { ...edge('a', 'b', 'calls'), directed: false, eventCount: 136 },
      '通话联系',
      { shortName: '通话' },
    );
    expect(call).toMatchObject({
      arrows: undefined,
      dashes: [2, 4],
      label: '通话',
      title: '通话联系 ×136',
    });
  });

  it('draws money as wide as the amount it carried (log scale, 1.5 to 10), other relations by type', () => {
    const money = (amountFen: number | null) =>
      toVisEdge({ ...edge('a', 'b', 'finances'), amountFen }, '资金往来').width;
    expect([money(10_000), money(1_500_000), money(100_000_000), money(500), money(null)]).toEqual([
      3, 6.3, 9, 1.5, 2.5,
    ]);
    expect(money(10_000_000_000_000)).toBe(10);
    expect(
      toVisEdge({ ...edge('a', 'b', 'finances'), amountFen: 1_500_000 }, '资金往来', {
        highlighted: true,
      }).width,
    ).toBe(9.3);
    expect(toVisEdge({ ...edge('a', 'b', 'supplies'), amountFen: 1_500_000 }, '供货').width).toBe(
      3,
    );
  });

  it('filters relations by type, grading and period, entities by kind', () => {
    const nodes = [node('a'), node('b'), node('t', { kind: 'phone' })];
    const edges = [
      {
        ...edge('a', 'b', 'supplies', 's1'),
        reliability: 'A' as const,
        startedOn: '2026-01-01',
        endedOn: '2026-03-01',
      },
      { ...edge('a', 'b', 'supplies', 's2'), reliability: 'D' as const, startedOn: '2026-06-01' },
      { ...edge('a', 't', 'uses', 'u1') },
    ];
    expect(applyFilters(nodes, edges, {})).toEqual({
      nodeIds: new Set(['a', 'b', 't']),
      edgeIds: new Set(['s1', 's2', 'u1']),
    });
    expect(applyFilters(nodes, edges, { relationTypes: ['supplies'] }).edgeIds).toEqual(
      new Set(['s1', 's2']),
    );
    expect(applyFilters(nodes, edges, { relationTypes: [] }).edgeIds).toEqual(new Set());
    expect(applyFilters(nodes, edges, { minReliability: 'B' }).edgeIds).toEqual(new Set(['s1']));
    expect(applyFilters(nodes, edges, { period: ['2026-04-01', null] }).edgeIds).toEqual(
      new Set(['s2', 'u1']),
    );
    expect(applyFilters(nodes, edges, { kinds: ['person'] })).toEqual({
      nodeIds: new Set(['a', 'b']),
      edgeIds: new Set(['s1', 's2']),
    });
  });

  it('filters by information credibility (1 is best) and by the case a relation was recorded in', () => {
    const nodes = [node('a'), node('b')];
    const edges = [
      { ...edge('a', 'b', 'supplies', 'c1'), credibility: 1, caseId: 'case-1', caseNo: 'A1' },
      { ...edge('a', 'b', 'supplies', 'c3'), credibility: 3, caseId: 'case-2', caseNo: 'A2' },
      { ...edge('a', 'b', 'calls', 'none') },
    ];
    expect(applyFilters(nodes, edges, { maxCredibility: 2 }).edgeIds).toEqual(new Set(['c1']));
    expect(applyFilters(nodes, edges, { maxCredibility: 3 }).edgeIds).toEqual(
      new Set(['c1', 'c3']),
    );
    expect(applyFilters(nodes, edges, { caseIds: ['case-2'] }).edgeIds).toEqual(new Set(['c3']));
    expect(applyFilters(nodes, edges, { caseIds: [] }).edgeIds).toEqual(
      new Set(['c1', 'c3', 'none']),
    );
  });

  it('lays communities out as circles on a ring, neighbouring circles a gap apart', () => {
    const positions = circularPositions([['a', 'b', 'c', 'd'], ['e']]);
    // Four around a centre (-52, 80) at radius 70; the single one opposite, 190 away (70 + 0 + 120).
    expect(positions).toEqual({
      a: { x: 18, y: 80 },
      b: { x: -52, y: 150 },
      c: { x: -122, y: 80 },
      d: { x: -52, y: 10 },
      e: { x: 52, y: -80 },
    });
    const groups = [
      Array.from({ length: 15 }, (_, i) => `a${i}`),
      Array.from({ length: 10 }, (_, i) => `b${i}`),
      ['c0', 'c1', 'c2'],
      ['d0'],
    ];
    const laid = circularPositions(groups);
    const centre = (group: string[]) => ({
      x: group.reduce((sum, id) => sum + laid[id]!.x, 0) / group.length,
      y: group.reduce((sum, id) => sum + laid[id]!.y, 0) / group.length,
    });
    const distance = (i: number, j: number) =>
      Math.round(
        Math.hypot(
          centre(groups[i]!).x - centre(groups[j]!).x,
          centre(groups[i]!).y - centre(groups[j]!).y,
        ),
      );
    // Radii 227, 151, 70 and 0: each pair at least r₁ + r₂ + 120 apart.
    expect([distance(0, 1), distance(1, 2), distance(2, 3), distance(3, 0)]).toEqual([
      498, 385, 231, 390,
    ]);
  });

  it('finds the period bounds of the relations', () => {
    expect(
      periodBounds([
        { ...edge('a', 'b'), startedOn: '2026-02-01', endedOn: '2026-05-01' },
        { ...edge('b', 'c'), startedOn: '2025-11-03' },
      ]),
    ).toEqual(['2025-11-03', '2026-05-01']);
    expect(periodBounds([edge('a', 'b')])).toBeNull();
  });
});

describe('legal status rings', () => {
  it('give every status its own colour, 在逃 none of the others', () => {
    const colours = Object.values(legalStatusColours);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
