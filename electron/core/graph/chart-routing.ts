import { boxesOverlap, type Box } from '../../api/domain/box-overlap';

/**
 * Where a printed chart's relations run and its names go, so that paper (which cannot be
 * hovered) shows no link that is not there and names every entity: a relation whose straight
 * line would pass through a third entity's icon or name is bent round it (an arc above or
 * below a row, a bend elsewhere); each name takes the first free place beside its icon.
 */
export type Point = { x: number; y: number };

/** A line (no control point), a quadratic (one) or a cubic Bézier (two). */
export interface Curve {
  from: Point;
  controls: Point[];
  to: Point;
}

/** The point at `t` (0 to 1) along the curve. */
export function curveAt({ from, controls, to }: Curve, t: number): Point {
  const u = 1 - t;
  if (controls.length === 0) return { x: u * from.x + t * to.x, y: u * from.y + t * to.y };
  if (controls.length === 1) {
    const [c] = controls as [Point];
    return {
      x: u * u * from.x + 2 * u * t * c.x + t * t * to.x,
      y: u * u * from.y + 2 * u * t * c.y + t * t * to.y,
    };
  }
  const [c1, c2] = controls as [Point, Point];
  return {
    x: u ** 3 * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t ** 3 * to.x,
    y: u ** 3 * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t ** 3 * to.y,
  };
}

/** The curve as a polyline of `steps` segments. */
export function curvePoints(curve: Curve, steps = 32): Point[] {
  return Array.from({ length: steps + 1 }, (_, index) => curveAt(curve, index / steps));
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const squared = dx * dx + dy * dy;
  const t = squared ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / squared)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Whether a segment crosses or lies in a box (Liang–Barsky clipping). */
function segmentInBox(a: Point, b: Point, [left, top, width, height]: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - left],
    [dx, left + width - a.x],
    [-dy, a.y - top],
    [dy, top + height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether a closed polygon (an arrowhead) and a box share any area or edge. */
export function polygonMeetsBox(corners: Point[], box: Box): boolean {
  const [left, top, width, height] = box;
  const centre = { x: left + width / 2, y: top + height / 2 };
  // The box's centre inside the polygon (the polygon round the box): by the crossing rule.
  let inside = false;
  corners.forEach((p, index) => {
    const q = corners[(index + 1) % corners.length]!;
    if (
      p.y > centre.y !== q.y > centre.y &&
      centre.x < p.x + ((centre.y - p.y) * (q.x - p.x)) / (q.y - p.y)
    )
      inside = !inside;
  });
  return (
    inside ||
    corners.some((p, index) => segmentInBox(p, corners[(index + 1) % corners.length]!, box))
  );
}

/** Whether the polyline crosses the box. */
function pointsCross(points: Point[], box: Box): boolean {
  for (let index = 1; index < points.length; index++)
    if (segmentInBox(points[index - 1]!, points[index]!, box)) return true;
  return false;
}

/** An entity on the page as the routing sees it: its icon and where its name would go. */
interface Placed {
  id: string;
  x: number;
  y: number;
  /** Radius to keep clear: the icon's, with its ring where it has one. */
  r: number;
  /** The name's box under the icon, if it has one. */
  name?: Box;
}

/** The entities of a page by where they are, so a route looks only at those near it. */
interface PlacedIndex {
  near: (box: Box) => Placed[];
}

/** A grid of the entities' icons and names (cells of `cell` px). */
export function placedIndex(placed: Placed[], cell = 64): PlacedIndex {
  const cells = new Map<string, Placed[]>();
  const span = (from: number, to: number) => {
    const out: number[] = [];
    for (let index = Math.floor(from / cell); index <= Math.floor(to / cell); index++)
      out.push(index);
    return out;
  };
  const each = ([left, top, width, height]: Box, visit: (key: string) => void) => {
    for (const column of span(left, left + width))
      for (const row of span(top, top + height)) visit(`${column},${row}`);
  };
  for (const item of placed) {
    const keys = new Set<string>();
    const reach: Box = [item.x - item.r - 2, item.y - item.r - 2, 2 * item.r + 4, 2 * item.r + 4];
    each(reach, (key) => keys.add(key));
    if (item.name) each(item.name, (key) => keys.add(key));
    for (const key of keys) cells.set(key, [...(cells.get(key) ?? []), item]);
  }
  return {
    near: (box) => {
      const [left, top, width, height] = box;
      const [c0, c1] = [Math.floor(left / cell), Math.floor((left + width) / cell)];
      const [r0, r1] = [Math.floor(top / cell), Math.floor((top + height) / cell)];
      // One cell (most segments): its list as it is; more: without repeats.
      if (c0 === c1 && r0 === r1) return cells.get(`${c0},${r0}`) ?? [];
      const found = new Set<Placed>();
      for (let column = c0; column <= c1; column++)
        for (let row = r0; row <= r1; row++)
          cells.get(`${column},${row}`)?.forEach((item) => found.add(item));
      return [...found];
    },
  };
}

/** Bounding box of a polyline, to skip what lies nowhere near it. */
function extent(points: Point[]): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return [left, top, Math.max(...xs) - left, Math.max(...ys) - top];
}

/**
 * The way a relation from `a` to `b` runs: its usual shape (`bend`, the parallel offset, 0 for
 * a straight line) where that clears every third entity's icon and name; otherwise the least
 * bent of the quadratic bends and cubic arcs on either side that does (arcs leave the icons
 * steeply, so a link along a row clears the entities beside its ends). An icon is never
 * crossed where a way round is found; a name only by a small bend (its halo keeps it legible
 * under a line, and wide English names had sent supplies round in loops across the page);
 * `taken` (the routes of relations between the same pair) is kept apart from; `frame`
 * keeps it on the chart.
 */
export function routeRelation(
  a: Placed,
  b: Placed,
  options: {
    bend: number;
    step: number;
    others: PlacedIndex;
    taken: Curve[];
    frame: Box;
    /** How many bends each way are tried (fewer on a crowded page, to print in time). */
    tries?: number;
  },
): Curve {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  // The normal to the left of a → b.
  const nx = -dy / length;
  const ny = dx / length;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const quad = (h: number): Curve => ({
    from: a,
    controls: h === 0 ? [] : [{ x: mid.x + nx * 2 * h, y: mid.y + ny * 2 * h }],
    to: b,
  });
  // Peak h off the chord, controls straight off each end: rises steeply, flat on top.
  const arc = (h: number): Curve => ({
    from: a,
    controls: [
      { x: a.x + (nx * h * 4) / 3, y: a.y + (ny * h * 4) / 3 },
      { x: b.x + (nx * h * 4) / 3, y: b.y + (ny * h * 4) / 3 },
    ],
    to: b,
  });
  const usual = Math.min(28, length / 3) * options.bend;
  const candidates: { curve: Curve; penalty: number }[] = [{ curve: quad(usual), penalty: 0 }];
  // Upwards first: names hang under their icons.
  const sides = ny <= 0 ? [1, -1] : [-1, 1];
  for (let k = 1; k <= (options.tries ?? 10); k++)
    for (const [index, side] of sides.entries()) {
      const h = side * k * options.step + usual;
      candidates.push(
        { curve: quad(h), penalty: k + index * 0.5 },
        { curve: arc(h), penalty: k + index * 0.5 + 0.25 },
      );
    }
  const cost = (curve: Curve, penalty: number) => {
    const points = curvePoints(curve);
    let total = penalty;
    // Segment by segment, against what lies near each: a long relation's extent had held
    // most of the page.
    const icons = new Set<string>();
    const labels = new Set<string>();
    for (let index = 1; index < points.length; index++) {
      const [p, q] = [points[index - 1]!, points[index]!];
      const reach: Box = [
        Math.min(p.x, q.x),
        Math.min(p.y, q.y),
        Math.abs(q.x - p.x),
        Math.abs(q.y - p.y),
      ];
      for (const other of options.others.near(reach)) {
        if (other.id === a.id || other.id === b.id) continue;
        if (!icons.has(other.id) && segmentDistance(other, p, q) < other.r + 2) icons.add(other.id);
        if (other.name && !labels.has(other.id) && segmentInBox(p, q, other.name))
          labels.add(other.id);
      }
    }
    total += icons.size * 1000 + labels.size * 2.5;
    const [left, top, width, height] = options.frame;
    if (points.some((p) => p.x < left || p.y < top || p.x > left + width || p.y > top + height))
      total += 1000;
    const middle = curveAt(curve, 0.5);
    for (const other of options.taken)
      if (Math.hypot(curveAt(other, 0.5).x - middle.x, curveAt(other, 0.5).y - middle.y) < 12)
        total += 300;
    return total;
  };
  if (options.tries === 0) return candidates[0]!.curve;
  let best = candidates[0]!;
  let bestCost = cost(best.curve, 0);
  for (const candidate of candidates.slice(1)) {
    if (bestCost <= candidate.penalty) break;
    const value = cost(candidate.curve, candidate.penalty);
    if (value < bestCost) [best, bestCost] = [candidate, value];
  }
  return best.curve;
}

/** An entity's name block: its size at a font size (name and the status line under it). */
interface NameToPlace {
  id: string;
  x: number;
  y: number;
  /** The icon's radius. */
  r: number;
  /** People and organisations are never left unnamed. */
  principal: boolean;
  size: (font: number) => { width: number; height: number };
}

/** A box at a corner of its own icon's square: clear of the round icon itself. */
function isCorner(box: Box, { x, y, r }: NameToPlace): boolean {
  const cornerX = box[0] >= x ? box[0] : box[0] + box[2];
  const cornerY = box[1] >= y ? box[1] : box[1] + box[3];
  return Math.hypot(cornerX - x, cornerY - y) >= r;
}

/** Where a name went: its box, its font size, and a leader line when set apart from its icon. */
export interface PlacedName {
  box: Box;
  font: number;
  leader?: [Point, Point];
}

/**
 * Places every name where it covers no icon, no other name and nothing in `blocked` (tier
 * names), inside `frame`: under its icon, above, right, left, then at the corners; a font size
 * smaller (down to `fonts`' last, the print's floor); then further off with a leader line.
 * Among the free places the one fewest relations cross is taken (near the first tried). A
 * person or organisation with no free place is still named, where it covers least; other
 * entities are left out and returned, for the page to count.
 */
export function placeNames(
  names: NameToPlace[],
  options: {
    fonts: number[];
    /** Every entity's icon, by id (a name never covers one, its own included). */
    icons: Map<string, Box>;
    blocked: Box[];
    frame: Box;
    relations: Point[][];
  },
): { placed: Map<string, PlacedName>; unplaced: string[] } {
  const placed = new Map<string, PlacedName>();
  const unplaced: string[] = [];
  const taken: Box[] = [...options.blocked];
  const relations = options.relations.map((points) => ({ points, box: extent(points) }));
  const crossings = (box: Box) =>
    relations.filter(
      ({ points, box: around }) => boxesOverlap(box, around) && pointsCross(points, box),
    ).length;
  const [fl, ft, fw, fh] = options.frame;
  const inFrame = ([left, top, width, height]: Box) =>
    left >= fl && top >= ft && left + width <= fl + fw && top + height <= ft + fh;
  const overlapArea = (box: Box) =>
    [...options.icons.values(), ...taken].reduce((sum, other) => {
      const w = Math.min(box[0] + box[2], other[0] + other[2]) - Math.max(box[0], other[0]);
      const h = Math.min(box[1] + box[3], other[1] + other[3]) - Math.max(box[1], other[1]);
      return sum + (w > 0 && h > 0 ? w * h : 0);
    }, 0);
  const icons = [...options.icons.entries()];
  const order = [...names].sort((p, q) => Number(q.principal) - Number(p.principal));
  for (const name of order) {
    const { x, y, r } = name;
    const candidates: { place: PlacedName; penalty: number }[] = [];
    options.fonts.forEach((font, fontIndex) => {
      const { width: w, height: h } = name.size(font);
      const beside: Box[] = [
        [x - w / 2, y + r + 2, w, h],
        [x - w / 2, y - r - 2 - h, w, h],
        [x + r + 3, y - h / 2, w, h],
        [x - r - 3 - w, y - h / 2, w, h],
        // The corners, where the round icon leaves room (cos 45° = 0.71).
        [x + r * 0.75, y + r * 0.75, w, h],
        [x - r * 0.75 - w, y + r * 0.75, w, h],
        [x + r * 0.75, y - r * 0.75 - h, w, h],
        [x - r * 0.75 - w, y - r * 0.75 - h, w, h],
      ];
      beside.forEach((box, index) =>
        candidates.push({ place: { box, font }, penalty: fontIndex * 8 + index }),
      );
    });
    // Set apart, a leader line from the icon's edge to the name: twelve ways, three reaches.
    const font = options.fonts.at(-1)!;
    const { width: w, height: h } = name.size(font);
    for (const [reachIndex, reach] of [1.6, 2.6, 3.8].entries())
      for (let way = 0; way < 12; way++) {
        const angle = Math.PI / 2 + (way * Math.PI) / 6;
        const cx = x + Math.cos(angle) * (r + reach * 10 + w / 2);
        const cy = y + Math.sin(angle) * (r + reach * 10 + h / 2);
        const box: Box = [cx - w / 2, cy - h / 2, w, h];
        const nearest = {
          x: Math.max(box[0], Math.min(x, box[0] + w)),
          y: Math.max(box[1], Math.min(y, box[1] + h)),
        };
        const d = Math.hypot(nearest.x - x, nearest.y - y) || 1;
        const edge = { x: x + ((nearest.x - x) / d) * r, y: y + ((nearest.y - y) / d) * r };
        candidates.push({
          place: { box, font, leader: [edge, nearest] },
          penalty: 30 + reachIndex * 12 + way * 0.1,
        });
      }
    let best: { place: PlacedName; score: number } | null = null;
    for (const { place, penalty } of candidates) {
      if (best && best.score <= penalty) break;
      const { box } = place;
      if (!inFrame(box)) continue;
      if (
        icons.some(
          ([id, icon]) =>
            boxesOverlap(box, icon) && !(id === name.id && !place.leader && isCorner(box, name)),
        )
      )
        continue;
      if (taken.some((other) => boxesOverlap(box, other))) continue;
      const score = penalty + crossings(box) * 3;
      if (!best || score < best.score) best = { place, score };
    }
    if (!best && name.principal) {
      // Never dropped: where it covers least of what is there.
      const fallback = candidates
        .filter(({ place }) => inFrame(place.box))
        .map(({ place }) => ({ place, score: overlapArea(place.box) }))
        .sort((p, q) => p.score - q.score)[0];
      best = fallback ?? { place: candidates[0]!.place, score: 0 };
    }
    if (!best) {
      unplaced.push(name.id);
      continue;
    }
    placed.set(name.id, best.place);
    taken.push(best.place.box);
  }
  return { placed, unplaced };
}

/** The part of a Bézier curve between t0 and t1, the same shape (de Casteljau). */
function splitCurve(curve: Curve, t0: number, t1: number): Curve {
  const lerp = (p: Point, q: Point, t: number) => ({
    x: p.x + (q.x - p.x) * t,
    y: p.y + (q.y - p.y) * t,
  });
  // The points after `t`, of the curve given by `points`.
  const after = (points: Point[], t: number): Point[] => {
    const tail: Point[] = [points.at(-1)!];
    let level = points;
    while (level.length > 1) {
      level = level.slice(1).map((point, index) => lerp(level[index]!, point, t));
      tail.unshift(level.at(-1)!);
    }
    return tail;
  };
  const points = [curve.from, ...curve.controls, curve.to];
  const tail = after(points, t0);
  // Reversed, the part before t1 of the tail is the part after (1 - t1') of its reverse.
  const within = after([...tail].reverse(), 1 - (t1 - t0) / (1 - t0)).reverse();
  return { from: within[0]!, controls: within.slice(1, -1), to: within.at(-1)! };
}

/**
 * The curve from where it leaves the circle of `startRadius` round its start to where it
 * enters the circle of `endRadius` round its end: drawn from icon rim to icon rim without
 * changing its course (moving the ends alone had bent it back into a third entity's icon).
 */
export function trimCurve(curve: Curve, startRadius: number, endRadius: number): Curve {
  if (curve.controls.length === 0) {
    const { from, to } = curve;
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const at = (distance: number) => ({
      x: from.x + ((to.x - from.x) * distance) / length,
      y: from.y + ((to.y - from.y) * distance) / length,
    });
    return { from: at(startRadius), controls: [], to: at(length - endRadius) };
  }
  const outside = (t: number, centre: Point, radius: number) => {
    const p = curveAt(curve, t);
    return Math.hypot(p.x - centre.x, p.y - centre.y) >= radius;
  };
  // The first t (from `inside` towards `beyond`) where the curve is out of the circle.
  const exit = (centre: Point, radius: number, inside: number, beyond: number) => {
    let [lo, hi] = [inside, beyond];
    const steps = 64;
    for (let index = 1; index <= steps; index++) {
      const t = inside + ((beyond - inside) * index) / steps;
      if (outside(t, centre, radius)) {
        hi = t;
        lo = inside + ((beyond - inside) * (index - 1)) / steps;
        break;
      }
    }
    for (let round = 0; round < 30; round++) {
      const t = (lo + hi) / 2;
      if (outside(t, centre, radius)) hi = t;
      else lo = t;
    }
    return hi;
  };
  const t0 = exit(curve.from, startRadius, 0, 0.5);
  const t1 = exit(curve.to, endRadius, 1, 0.5);
  return t1 > t0 ? splitCurve(curve, t0, t1) : curve;
}
