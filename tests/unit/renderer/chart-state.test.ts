import { describe, expect, it } from 'vitest';
import {
  addGraph,
  combine,
  emptyChart,
  groupOrganisation,
  hideNodes,
  organisationMembers,
  pinNodes,
  positionsAround,
  removeNodes,
  setLayout,
  showAll,
  showCommunities,
  unpinNodes,
  type ChartState,
} from '../../../renderer/src/features/graph/chart-state';
import {
  reduceChartHistory,
  type ChartHistory,
} from '../../../renderer/src/features/graph/useChartHistory';
import { edge, node } from '../graph/fixtures';

const chart = (): ChartState =>
  addGraph({
    nodes: [node('boss'), node('a'), node('b'), node('gang', { kind: 'organisation' })],
    edges: [
      edge('boss', 'a', 'supplies'),
      edge('a', 'b', 'supplies'),
      edge('a', 'gang', 'member_of'),
      edge('boss', 'gang', 'leads'),
    ],
    truncated: false,
  }).run(emptyChart);

describe('chart commands', () => {
  it('removes entities with their relations, hides and shows, pins and unpins', () => {
    const removed = removeNodes(['a']).run(chart());
    expect(Object.keys(removed.nodes).sort()).toEqual(['b', 'boss', 'gang']);
    expect(Object.keys(removed.edges)).toEqual(['boss-gang']);

    const hidden = hideNodes(['b', 'b', 'boss']).run(chart());
    expect(hidden.hidden).toEqual(['b', 'boss']);
    expect(showAll.run(hidden).hidden).toEqual([]);
    // Adding an entity again shows it.
    expect(
      addGraph({ nodes: [node('b')], edges: [], truncated: false }).run(hidden).hidden,
    ).toEqual(['boss']);

    const pinned = pinNodes({ a: { x: 10, y: -5 } }).run(chart());
    expect([pinned.pinned, pinned.positions]).toEqual([['a'], { a: { x: 10, y: -5 } }]);
    expect(unpinNodes(['a']).run(pinned).pinned).toEqual([]);
  });

  it('moves entities only when a layout sets positions', () => {
    expect(setLayout('chain').run(chart())).toMatchObject({ layout: 'chain', positionsVersion: 0 });
    expect(setLayout('circular', { a: { x: 1, y: 2 } }).run(chart())).toMatchObject({
      layout: 'circular',
      positionsVersion: 1,
      positions: { a: { x: 1, y: 2 } },
    });
  });

  it('leaving the community ring takes its gang colours off the borders', () => {
    const ring = combine(
      'graph.commands.layout',
      setLayout('circular', { a: { x: 1, y: 2 } }),
      showCommunities({ a: 0, b: 1 }),
    ).run(chart());
    expect(ring.communities).toEqual({ a: 0, b: 1 });
    expect(setLayout('force').run(ring)).toMatchObject({ layout: 'force', communities: null });
    expect(setLayout('chain').run(ring).communities).toBeNull();
    // Communities shown over the force layout (the analytics panel) stay with it.
    const shown = showCommunities({ a: 0 }).run(chart());
    expect(setLayout('chain').run(shown).communities).toEqual({ a: 0 });
  });

  it('finds the members of an organisation from member_of and leads relations', () => {
    expect(organisationMembers(chart(), 'gang').sort()).toEqual(['a', 'boss']);
    expect(groupOrganisation('gang').run(groupOrganisation('gang').run(chart())).clusters).toEqual([
      'gang',
    ]);
  });

  it('places new entities on a ring of twelve around the one expanded', () => {
    const around = positionsAround({ x: 100, y: 0 }, ['n1', 'n2', 'n3', 'n4']);
    expect(around).toEqual({
      n1: { x: 260, y: 0 },
      n2: { x: 100, y: 160 },
      n3: { x: -60, y: 0 },
      n4: { x: 100, y: -160 },
    });
  });
});

describe('undo and redo', () => {
  it('undoes and redoes each command, a combined one as a single step, and a new command clears redo', () => {
    let history: ChartHistory = { past: [], present: chart(), future: [] };
    const run = (command: Parameters<typeof reduceChartHistory>[1]) =>
      (history = reduceChartHistory(history, command));
    run({ type: 'execute', command: hideNodes(['a']) });
    run({
      type: 'execute',
      command: combine('graph.commands.expand', removeNodes(['b']), setLayout('chain')),
    });
    expect([
      Object.keys(history.present.nodes).length,
      history.present.layout,
      history.present.hidden,
    ]).toEqual([3, 'chain', ['a']]);

    run({ type: 'undo' });
    expect([Object.keys(history.present.nodes).length, history.present.layout]).toEqual([
      4,
      'force',
    ]);
    expect(history.future.map((step) => step.label)).toEqual(['graph.commands.expand']);
    run({ type: 'undo' });
    expect(history.present.hidden).toEqual([]);
    run({ type: 'undo' });
    expect(history.past).toEqual([]);

    run({ type: 'redo' });
    expect(history.present.hidden).toEqual(['a']);
    run({ type: 'execute', command: showAll });
    expect([
      history.present.hidden,
      history.future,
      history.past.map((step) => step.label),
    ]).toEqual([[], [], ['graph.commands.hide', 'graph.commands.showAll']]);
  });
});
