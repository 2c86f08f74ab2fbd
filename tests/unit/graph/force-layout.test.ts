import { createHash } from 'node:crypto';
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

  it('lays out 2,000 entities with Barnes–Hut exactly as graphology did before our patch', () => {
    // patches/graphology-layout-forceatlas2+*.patch keeps the Barnes–Hut regions in a typed
    // array that grows as the tree does; the arithmetic must stay the same. The digest was taken
    // with graphology's unpatched iterate; the second run reuses the grown region buffer.
    const ids = Array.from({ length: 2_000 }, (_, i) => `e${i}`);
    const edges: [string, string][] = [];
    for (let k = 0; k < 5_000; k += 1) {
      edges.push([ids[(k * 7_919) % 2_000]!, ids[(k * 104_729 + 1) % 2_000]!]);
    }
    const digest = () =>
      createHash('sha256')
        .update(JSON.stringify(forceLayout(ids, edges, 60)))
        .digest('hex');
    const unpatched = 'b85b7d745345d0952d9aa43cf71e168951045a6cb7cfb8a74cbfc678a54fe3b6';
    expect(digest()).toBe(unpatched);
    expect(digest()).toBe(unpatched);
  });
});
