import type {
  TimelineMark,
  TimelineMarkKind,
} from '../../../../electron/api/schemas/analytics-schemas';
import { shapePath } from './timeline-marks';

/** The chart's geometry in pixels: the label gutter on the left, the time axis on top, one row per line. */
export const gutter = 168;
export const rightPad = 16;
export const axisHeight = 32;
export const rowHeight = 30;
export const bottomPad = 12;
export const font = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** The y of a row's centre, where its line is drawn. */
export const rowY = (row: number) => axisHeight + row * rowHeight + rowHeight / 2;

/** The marks in view, drawn per kind, and every line's marks (indices into `marks`, by time). */
interface MarkLayers {
  shapes: Map<TimelineMarkKind, { d: string[]; count: number }>;
  links: Map<TimelineMarkKind, string[]>;
  perLine: Map<number, number[]>;
}

/**
 * Every kind's marks (and links) as one path each: 5,000 marks are 16 elements to place, not
 * 5,000 (drawing stays well under a second). `times` are the marks' times in ms; `x` places a
 * time in the window [start, end]. The mark under the pointer is then found by searching its
 * line's times (`nearestMark`).
 */
export function markLayers(
  marks: TimelineMark[],
  times: number[],
  rowOf: Map<string, number>,
  [start, end]: [number, number],
  plotWidth: number,
): MarkLayers {
  const shapes = new Map<TimelineMarkKind, { d: string[]; count: number }>();
  const links = new Map<TimelineMarkKind, string[]>();
  const perLine = new Map<number, number[]>();
  const px = (ms: number) => gutter + ((ms - start) / (end - start)) * plotWidth;
  marks.forEach((mark, index) => {
    const at = times[index]!;
    const row = rowOf.get(mark.lineId);
    if (row === undefined) return;
    const other = mark.toLineId === null ? undefined : rowOf.get(mark.toLineId);
    for (const r of other === undefined ? [row] : [row, other]) {
      const list = perLine.get(r) ?? [];
      list.push(index);
      perLine.set(r, list);
    }
    if (at < start || at > end) return;
    const x = px(at);
    const layer = shapes.get(mark.kind) ?? { d: [], count: 0 };
    layer.count += 1;
    layer.d.push(shapePath(mark.kind, x, rowY(row)));
    if (other !== undefined) {
      layer.d.push(shapePath(mark.kind, x, rowY(other)));
      const link = links.get(mark.kind) ?? [];
      link.push(`M${x} ${rowY(row)}V${rowY(other)}`);
      links.set(mark.kind, link);
    }
    shapes.set(mark.kind, layer);
  });
  return { shapes, links, perLine };
}

/**
 * The mark within 6 px of the pointer on the row under it, and where to draw its label; `x`
 * places a time, `at` is the pointer's time.
 */
export function nearestMark(
  layers: MarkLayers,
  times: number[],
  px: number,
  top: number,
  at: number,
  x: (ms: number) => number,
): { index: number; x: number; y: number } | null {
  const row = Math.floor((top - axisHeight) / rowHeight);
  const list = layers.perLine.get(row);
  if (!list?.length) return null;
  // The first mark on the line at or after the pointer's time, and the one before it.
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[list[middle]!]! < at) low = middle + 1;
    else high = middle;
  }
  const near = [list[low - 1], list[low]]
    .filter((index): index is number => index !== undefined)
    .map((index) => ({ index, distance: Math.abs(x(times[index]!) - px) }))
    .sort((a, b) => a.distance - b.distance)[0];
  return near && near.distance <= 6
    ? { index: near.index, x: x(times[near.index]!), y: rowY(row) }
    : null;
}
