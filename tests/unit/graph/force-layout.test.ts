import { describe, expect, it } from 'vitest';
import { forceLayout } from '../../../electron/core/graph/force-layout';

/** Two rings of 30 joined by one bridge. */
function twoRings(): { ids: string[]; edges: [string, string][] } {
  const ids = [
    ...Array.from({ length: 30 }, (_, i) => `a${i}`),
    ...Array.from({ length: 30 }, (_, i) => `b${i}`),
  ];
  const edges: [string, string][] = [];
  for (let i = 0; i < 30; i += 1) {
    edges.push([`a${i}`, `a${(i + 1) % 30}`], [`b${i}`, `b${(i + 1) % 30}`]);
  }
  edges.push(['a0', 'b0']);
  return { ids, edges };
}

const distance = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.hypot(p.x - q.x, p.y - q.y);

describe('ForceAtlas2 layout for large charts', () => {
  it('is deterministic, places every entity, and keeps neighbours closer than strangers', () => {
    const { ids, edges } = twoRings();
    const first = forceLayout(ids, edges, 60);
    expect(forceLayout(ids, edges, 60)).toEqual(first);
    expect(Object.keys(first).sort()).toEqual([...ids].sort());
    const neighbours = edges.map(([a, b]) => distance(first[a]!, first[b]!));
    const strangers = ids
      .slice(0, 30)
      .map((id, i) => distance(first[id]!, first[`b${(i + 15) % 30}`]!));
    const mean = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(neighbours) * 3).toBeLessThan(mean(strangers));
  });

  it('ignores relations to entities not on the chart and self-links', () => {
    const positions = forceLayout(
      ['x', 'y'],
      [
        ['x', 'y'],
        ['x', 'x'],
        ['x', 'gone'],
      ],
      20,
    );
    expect(Object.keys(positions)).toEqual(['x', 'y']);
  });

  it('reports progress every 10 iterations and at the end, without changing the result', () => {
    const { ids, edges } = twoRings();
    const heard: [number, number][] = [];
    const positions = forceLayout(ids, edges, 25, (done, total) => heard.push([done, total]));
    expect(heard).toEqual([
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(positions).toEqual(forceLayout(ids, edges, 25));
  });
});
