import { describe, expect, it } from 'vitest';
import {
  chooseLabels,
  makeRoomForNames,
  mustShowPriority,
  nodeLabelBox,
  type LabelCandidate,
} from '../../../renderer/src/features/graph/label-declutter';
import { parallelSmooth } from '../../../renderer/src/features/graph/graph-model';
import {
  keyImportance,
  labelImportance,
} from '../../../renderer/src/features/graph/label-importance';
import type { GraphEdge, GraphNode } from '../../../electron/api/schemas/graph-schemas';

const label = (id: string, left: number, top: number, extra: Partial<LabelCandidate> = {}) =>
  ({
    id,
    kind: 'node',
    priority: 10,
    left,
    top,
    width: 40,
    height: 14,
    fontPx: 12,
    ...extra,
  }) as const;

describe('label declutter', () => {
  it('keeps the more important of two overlapping labels, drops those under 11 px or off screen', () => {
    const chosen = chooseLabels(
      [
        label('phone', 10, 10, { priority: 10 }),
        label('boss', 30, 15, { priority: 100 }),
        label('far', 200, 10),
        label('tiny', 300, 10, { fontPx: 10.9 }),
        label('outside', 900, 10),
        label('edge', 65, 12, { kind: 'edge', priority: 50 }),
      ],
      { width: 800, height: 600 },
    );
    expect(chosen.map((item) => item.id)).toEqual(['boss', 'far']);
  });

  it('does not let a label cover another entity’s icon, but its own is fine', () => {
    const icons = [
      { id: 'a', left: 0, top: 0, width: 30, height: 30 },
      { id: 'b', left: 100, top: 20, width: 30, height: 30 },
    ];
    const chosen = chooseLabels(
      [label('a', 0, 20), label('c', 95, 30), label('d', 300, 300)],
      { width: 800, height: 600 },
      icons,
    );
    expect(chosen.map((item) => item.id)).toEqual(['a', 'd']);
  });

  it('names a highlighted entity (a found path’s end) even over a neighbour’s icon, first of all', () => {
    const icons = [{ id: 'b', left: 100, top: 20, width: 30, height: 30 }];
    const chosen = chooseLabels(
      [
        label('boss', 90, 32, { priority: 100 }),
        label('end', 95, 30, { priority: mustShowPriority }),
      ],
      { width: 800, height: 600 },
      icons,
    );
    expect(chosen.map((item) => item.id)).toEqual(['end']);
  });

  it('puts a name above its icon when under it is taken, and says so', () => {
    const icons = [
      { id: 'hub', left: 100, top: 100, width: 30, height: 30 },
      { id: 'below', left: 100, top: 135, width: 30, height: 30 },
    ];
    const chosen = chooseLabels(
      [
        label('hub', 95, 130, { priority: 150, places: [{ left: 95, top: 86, raised: true }] }),
        label('x', 400, 400),
      ],
      { width: 800, height: 600 },
      icons,
    );
    expect(chosen.map((item) => [item.id, item.top, item.raised ?? false])).toEqual([
      ['hub', 86, true],
      ['x', 400, false],
    ]);
  });
});

describe('label declutter beside a ring', () => {
  it('places a name whose box touches the next icon by under a pixel, not one that covers it', () => {
    const icons = [
      { id: 'chen', left: 665, top: 198, width: 31, height: 31 },
      { id: 'xu', left: 648, top: 261.2, width: 31, height: 31 },
    ];
    const touching = chooseLabels(
      [label('chen', 652, 234.3, { width: 55, height: 27.4 })],
      { width: 800, height: 600 },
      icons,
    );
    expect(touching.map((item) => item.id)).toEqual(['chen']);
    const covering = chooseLabels(
      [label('chen', 652, 236, { width: 55, height: 27.4 })],
      { width: 800, height: 600 },
      icons,
    );
    expect(covering).toEqual([]);
  });
});

describe('label declutter at the canvas edge', () => {
  const icon = { id: 'zhou', left: 760, top: 100, width: 30, height: 30 };
  it('names an entity in view where its whole name fits, not cut at the edge', () => {
    const chosen = chooseLabels(
      [
        label('zhou', 795, 108, {
          width: 110,
          places: [
            { left: 645, top: 108, beside: true },
            { left: 720, top: 135 },
          ],
        }),
      ],
      { width: 800, height: 600 },
      [icon],
    );
    expect(chosen.map((item) => [item.id, item.left, item.beside ?? false])).toEqual([
      ['zhou', 645, true],
    ]);
  });

  it('leaves an entity in view unnamed rather than cut when no place fits whole', () => {
    const chosen = chooseLabels(
      [label('zhou', 795, 108, { width: 110, places: [{ left: 745, top: 135 }] })],
      { width: 800, height: 600 },
      [icon],
    );
    expect(chosen).toEqual([]);
  });

  it('still names an entity itself cut at the edge (panning), its name cut too', () => {
    const chosen = chooseLabels(
      [label('zhou', 780, 135, { width: 110 })],
      { width: 800, height: 600 },
      [{ ...icon, left: 785 }],
    );
    expect(chosen.map((item) => item.id)).toEqual(['zhou']);
  });
});

describe('label importance', () => {
  const person = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({
    id,
    kind: 'person',
    label: id,
    identifier: null,
    legalStatus: null,
    roleInCase: null,
    chainTier: null,
    subtype: null,
    inCase: true,
    ...extra,
  });
  const edge = (from: string, to: string, type: GraphEdge['type']) =>
    ({ id: `${from}-${to}`, from, to, type }) as GraphEdge;

  it('ranks a gang leader, then the source, then a person under a measure, then by relations', () => {
    const importance = labelImportance(
      [
        person('leader', { legalStatus: 'arrested', roleInCase: 'suspect' }),
        person('source', { chainTier: 'source', legalStatus: 'at_large' }),
        person('held', { legalStatus: 'detained' }),
        person('busy'),
        { ...person('gang'), kind: 'organisation' },
      ],
      [
        edge('leader', 'gang', 'leads'),
        edge('busy', 'held', 'calls'),
        edge('busy', 'source', 'calls'),
        edge('busy', 'leader', 'calls'),
      ],
    );
    // The leader, the source and whoever is under a measure are key (keyImportance): named at
    // the legible size however far out, before anyone else.
    expect(Object.fromEntries(importance)).toEqual({
      leader: keyImportance + 60 + 20 + 10 + 2,
      source: keyImportance + 40 + 20 + 1,
      held: keyImportance + 20 + 1,
      busy: 3,
      gang: 1,
    });
  });
});

describe("an entity's name as vis-network draws it", () => {
  it("covers from the glyphs' top under the hanging baseline to the foot of the last line, with the halo", () => {
    // 王某强 / (逮捕) at 18 px, zoomed to 0.5: the first line's hanging baseline 22 + 9 + 4
    // units under the centre; the glyphs reach 0.8 below it and 20.8 under it (the brackets).
    expect(
      nodeLabelBox({
        x: 100,
        y: 100,
        scale: 0.5,
        radius: 22,
        fontSize: 18,
        halo: 4,
        lines: 2,
        width: 30,
        ascent: -0.8,
        descent: 20.8,
      }),
    ).toEqual({ left: 84, top: 116.9, width: 32, height: 21 });
  });
});

describe('parallel relations', () => {
  it('bends relations between the same pair to opposite sides, whichever way they point', () => {
    const bends = parallelSmooth([
      { id: 's', from: 'a', to: 'b' },
      { id: 'f', from: 'b', to: 'a' },
      { id: 'k', from: 'a', to: 'c' },
      { id: 'x', from: 'c', to: 'd' },
      { id: 'y', from: 'c', to: 'd' },
      { id: 'z', from: 'd', to: 'c' },
    ]);
    // a→b and b→a are both bent counter-clockwise, each from its own start: opposite sides
    // of the line between a and b.
    expect(bends.get('s')).toEqual({ enabled: true, type: 'curvedCCW', roundness: 0.25 });
    expect(bends.get('f')).toEqual({ enabled: true, type: 'curvedCCW', roundness: 0.25 });
    expect(bends.has('k')).toBe(false);
    expect([bends.get('x'), bends.get('y'), bends.get('z')]).toEqual([
      { enabled: true, type: 'curvedCCW', roundness: 0.4 },
      { enabled: false, type: 'continuous', roundness: 0 },
      { enabled: true, type: 'curvedCCW', roundness: 0.4 },
    ]);
  });
});

describe("room for principals' names", () => {
  const entity = (id: string, x: number, y: number, principal = false) => ({
    id,
    x,
    y,
    radius: principal ? 22 : 16,
    labelWidth: 60,
    labelHeight: 45,
    principal,
  });
  it("moves a phone out from under a principal's icon, the shortest way clear of other icons", () => {
    // 刘某's name would hang from y 22 to 69, x -32 to 32: the phone at (10, 50) sits in it.
    const moves = makeRoomForNames([entity('liu', 0, 0, true), entity('phone', 10, 50)]);
    // Below the name (y 69 + 16 + 4 = 89), a shorter move than to its right (x 52).
    expect(moves).toEqual([['phone', 10, 89]]);
    // With below taken by another icon, to the right of the name.
    expect(
      makeRoomForNames([
        entity('liu', 0, 0, true),
        entity('phone', 10, 50),
        entity('car', 10, 110),
      ]),
    ).toEqual([['phone', 52, 50]]);
  });
  it("moves a principal sideways when an earlier principal's icon sits in the room its name needs", () => {
    // 周某's name would hang from y -38 to 9 over 刘某's icon: 周某 goes right, clear of it.
    expect(makeRoomForNames([entity('liu', 0, 0, true), entity('zhou', 10, -60, true)])).toEqual([
      ['zhou', 58, -60],
    ]);
  });

  it('leaves entities clear of names where they are', () => {
    expect(makeRoomForNames([entity('liu', 0, 0, true), entity('car', 100, 0)])).toEqual([]);
  });

  it("moves a principal out of the room of an earlier principal's name, the earlier one staying", () => {
    // 冯某's icon had sat where 张某龙's name goes: neither was named at the default view.
    expect(
      makeRoomForNames([
        entity('liu', 0, 0, true),
        entity('zhou', 10, 50, true),
        entity('car', 100, 0),
      ]),
    ).toEqual([['zhou', 10, 95]]);
  });
});
