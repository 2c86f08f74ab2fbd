import { textEms } from '../../electron/api/domain/chart-look';

/**
 * What a printed chart (SVG) shows, read back from its geometry as paper shows it: each
 * entity's icon, each relation's path as drawn (lines, quadratic and cubic curves sampled
 * along their course, not their chords), and the boxes of the names and labels.
 */
type Point = { x: number; y: number };

export interface Icon {
  name: string;
  x: number;
  y: number;
  r: number;
}

export function chartIcons(svg: string): Icon[] {
  return [
    ...svg.matchAll(
      /<title>([^<]*)<\/title>(?:<circle[^>]*>)?<use class="node-icon"[^>]*? x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)"/g,
    ),
  ].map(([, name, x, y, width]) => ({
    name: name!,
    x: Number(x) + Number(width) / 2,
    y: Number(y) + Number(width) / 2,
    r: Number(width) / 2,
  }));
}

/** A path's `d` (M then one L, Q or C) as points along its course. */
function along(d: string, steps = 200): Point[] {
  const numbers = (d.match(/-?[\d.]+/g) ?? []).map(Number);
  const points: Point[] = [];
  for (let index = 0; index + 1 < numbers.length; index += 2)
    points.push({ x: numbers[index]!, y: numbers[index + 1]! });
  const at = (t: number): Point => {
    const u = 1 - t;
    const [p0, p1, p2, p3] = points as [Point, Point, Point?, Point?];
    if (points.length === 2) return { x: u * p0.x + t * p1.x, y: u * p0.y + t * p1.y };
    if (points.length === 3)
      return {
        x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2!.x,
        y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2!.y,
      };
    return {
      x: u ** 3 * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2!.x + t ** 3 * p3!.x,
      y: u ** 3 * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2!.y + t ** 3 * p3!.y,
    };
  };
  return Array.from({ length: steps + 1 }, (_, index) => at(index / steps));
}

export interface Relation {
  type: string;
  from: string;
  to: string;
  kind: 'L' | 'Q' | 'C';
  points: Point[];
}

/** Each relation drawn, its ends named by the icons it starts and ends at. */
export function chartRelations(svg: string): Relation[] {
  const icons = chartIcons(svg);
  const nearest = (p: Point) =>
    icons.reduce((best, icon) =>
      Math.hypot(icon.x - p.x, icon.y - p.y) < Math.hypot(best.x - p.x, best.y - p.y) ? icon : best,
    ).name;
  return [...svg.matchAll(/<path class="edge" data-type="(\w+)" d="([^"]+)"/g)].map(
    ([, type, d]) => {
      const points = along(d!);
      return {
        type: type!,
        from: nearest(points[0]!),
        to: nearest(points.at(-1)!),
        kind: (/[LQC]/.exec(d!)?.[0] ?? 'L') as Relation['kind'],
        points,
      };
    },
  );
}

/** "type: from → to through X" for every relation that runs over a third entity's icon. */
export function relationsThroughIcons(svg: string): string[] {
  const icons = chartIcons(svg);
  return chartRelations(svg).flatMap((relation) =>
    icons
      .filter((icon) => icon.name !== relation.from && icon.name !== relation.to)
      .filter((icon) =>
        relation.points.some((p) => Math.hypot(p.x - icon.x, p.y - icon.y) < icon.r),
      )
      .map((icon) => `${relation.type}: ${relation.from} → ${relation.to} through ${icon.name}`),
  );
}

export type Box = { text: string; left: number; top: number; right: number; bottom: number };

/** The boxes of the texts of a class (node-label, node-status, edge-label), centred at x: a
 * glyph reaches 0.88 of the font size above its baseline and 0.12 below. */
export function textBoxes(svg: string, cls: string): Box[] {
  return [
    ...svg.matchAll(
      new RegExp(
        `<text class="${cls}" x="([\\d.-]+)" y="([\\d.-]+)" font-size="([\\d.]+)"[^>]*>([^<]*)<`,
        'g',
      ),
    ),
  ].map(([, x, y, size, text]) => {
    const font = Number(size);
    const width = textEms(text!.replace(/&amp;/g, '&')) * font;
    return {
      text: text!,
      left: Number(x) - width / 2,
      right: Number(x) + width / 2,
      top: Number(y) - font * 0.88,
      bottom: Number(y) + font * 0.12,
    };
  });
}

export const boxesMeet = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** An entity's icon with the red ring drawn round it (at large), as paper shows it. */
export interface RingedIcon extends Icon {
  /** The outer edge of what is drawn round the centre: the ring's stroke, or the icon's rim. */
  edge: number;
}

export function chartRingedIcons(svg: string): RingedIcon[] {
  return [
    ...svg.matchAll(
      /<title>([^<]*)<\/title>(?:<circle [^>]*?r="([\d.]+)"[^>]*?stroke-width="([\d.]+)"[^>]*>)?<use class="node-icon"[^>]*? x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)"/g,
    ),
  ].map(([, name, ring, stroke, x, y, width]) => ({
    name: name!,
    x: Number(x) + Number(width) / 2,
    y: Number(y) + Number(width) / 2,
    r: Number(width) / 2,
    edge: ring ? Number(ring) + Number(stroke) / 2 : Number(width) / 2,
  }));
}

export interface Arrowhead {
  type: string;
  from: string;
  to: string;
  /** The arrow's point, and the triangle's three corners (point first). */
  tip: Point;
  corners: [Point, Point, Point];
}

/**
 * The arrowhead of each directed relation as the renderer's marker draws it: a 10-unit
 * triangle shown 9 px long and wide (refX 9), pointing along the path's last direction.
 */
export function chartArrowheads(svg: string): Arrowhead[] {
  const relations = chartRelations(svg);
  const paths = [...svg.matchAll(/<path class="edge" data-type="\w+" d="([^"]+)"[^>]*?\/>/g)];
  return paths.flatMap((match, index) => {
    if (!match[0].includes('marker-end')) return [];
    const numbers = (match[1]!.match(/-?[\d.]+/g) ?? []).map(Number);
    const end = { x: numbers.at(-2)!, y: numbers.at(-1)! };
    const before = { x: numbers.at(-4)!, y: numbers.at(-3)! };
    const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
    const [ux, uy] = [(end.x - before.x) / length, (end.y - before.y) / length];
    const at = (along: number, across: number): Point => ({
      x: end.x + ux * along - uy * across,
      y: end.y + uy * along + ux * across,
    });
    const relation = relations[index]!;
    return [
      {
        type: relation.type,
        from: relation.from,
        to: relation.to,
        tip: at(0.9, 0),
        corners: [at(0.9, 0), at(-8.1, 4.5), at(-8.1, -4.5)],
      },
    ];
  });
}
