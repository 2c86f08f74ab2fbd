import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  addGraph,
  emptyChart,
  pinNodes,
  setLayout,
  type ChartState,
} from '../../renderer/src/features/graph/chart-state';
import { useVisElements } from '../../renderer/src/features/graph/useVisElements';
import { edge, node } from '../unit/graph/fixtures';

// A large chart as the loader first hands it over: its elements, positions still coming.
const early: ChartState = {
  ...addGraph({
    nodes: [node('boss'), node('a'), node('b')],
    edges: [edge('boss', 'a', 'supplies'), edge('a', 'b', 'supplies')],
    truncated: false,
  }).run(emptyChart),
  layout: 'manual',
};

describe('useVisElements', () => {
  it('keeps the same elements when only positions change, and builds new ones when the look does', () => {
    const { result, rerender } = renderHook(({ state }) => useVisElements(state, null), {
      initialProps: { state: early },
    });
    const first = result.current;
    expect(first.visNodes.map((visNode) => visNode.id)).toEqual(['boss', 'a', 'b']);
    // A layout arriving (2,000 entities: the elements were built while it ran) hands the
    // canvas the same elements: nothing for vis-network to compare or parse again.
    const laidOut = setLayout('manual', {
      boss: { x: 0, y: 0 },
      a: { x: 100, y: 0 },
      b: { x: 200, y: 0 },
    }).run(early);
    rerender({ state: laidOut });
    expect(result.current.visNodes).toBe(first.visNodes);
    expect(result.current.visEdges).toBe(first.visEdges);
    expect(first.visNodes.every((visNode) => visNode.x === undefined)).toBe(true);
    // Pinning changes how an entity is drawn (fixed): new elements.
    rerender({ state: pinNodes({ a: { x: 100, y: 0 } }).run(laidOut) });
    expect(result.current.visNodes).not.toBe(first.visNodes);
    expect(result.current.visNodes.find((visNode) => visNode.id === 'a')!.fixed).toEqual({
      x: true,
      y: true,
    });
  });
  it("keeps the entities' elements when relations arrive after them, unless the chain layout needs them", () => {
    // A saved view is read in two: its entities first, then the relations among them.
    const entitiesOnly: ChartState = { ...early, edges: {} };
    const { result, rerender } = renderHook(({ state }) => useVisElements(state, null), {
      initialProps: { state: entitiesOnly },
    });
    const first = result.current;
    expect(first.visEdges).toEqual([]);
    rerender({ state: early });
    expect(result.current.visNodes).toBe(first.visNodes);
    expect(result.current.visEdges.map((visEdge) => [visEdge.from, visEdge.to])).toEqual([
      ['boss', 'a'],
      ['a', 'b'],
    ]);
    // The supply-chain layout places entities by the supply relations: they count there.
    rerender({ state: { ...entitiesOnly, layout: 'chain' } });
    const chainFirst = result.current.visNodes;
    rerender({ state: { ...early, layout: 'chain' } });
    expect(result.current.visNodes).not.toBe(chainFirst);
    // A layer per tier, no rows kept for things (they stand beside their owners).
    expect(result.current.visNodes.map((visNode) => visNode.level)).toEqual([0, 1, 2]);
  });
});
