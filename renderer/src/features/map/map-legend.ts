import { textEms } from '../../../../electron/api/domain/chart-look';
import type { ScreenRect } from './marker-room';

/**
 * The map's legend: its box sized from its entries' measured text, and a corner of the map
 * clear of the South China Sea box. ECharts had sized the box from its own guess at the text
 * (on the printed page "Household registration" ran to the border), and the legend stood at
 * the bottom right whatever lay under it (zoomed, it had covered part of 南海诸岛).
 */

const fontSize = 12;
const fontFamily = 'sans-serif';
/** ECharts' legend marks: 25 × 14 px, the text 5 px after them, 10 px between entries. */
const markWidth = 25;
const markHeight = 14;
const markGap = 5;
const entryGap = 10;
const padding = 8;
/** From the map's edges (and under the title band, when at the top). */
const inset = 16;

/** The browser's canvas, as far as measuring needs it (the print's tests run in Node, no DOM). */
interface TextMeasure {
  font: string;
  measureText(text: string): { width: number };
}
declare const document:
  { createElement(tag: 'canvas'): { getContext(kind: '2d'): TextMeasure | null } } | undefined;

let measure: TextMeasure | null | undefined;

/**
 * A text's width as the chart measures its names (NetworkCanvas): the wider of its display
 * width in ems and the browser's measure of the face (none when printed without a canvas).
 */
function measuredWidth(text: string): number {
  if (measure === undefined)
    measure =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const ems = textEms(text) * fontSize;
  if (!measure) return ems;
  measure.font = `${fontSize}px ${fontFamily}`;
  return Math.max(ems, measure.measureText(text).width);
}

/** The width every entry's text is given: the widest entry's, in whole pixels. */
function legendTextWidth(entries: readonly string[]): number {
  return Math.ceil(Math.max(0, ...entries.map(measuredWidth))) + 2;
}

function legendSize(entries: readonly string[]) {
  return {
    width: 2 * padding + markWidth + markGap + legendTextWidth(entries),
    height: 2 * padding + entries.length * markHeight + Math.max(0, entries.length - 1) * entryGap,
  };
}

/** Where the view puts a longitude and latitude on screen (pixels from the chart's corner). */
export type Projection = (lng: number, lat: number) => [number, number];

/** The box ECharts draws the South China Sea islands in (echarts fix/nanhai.js). */
const southSeaBox = { west: 126, east: 132.1, south: 18.35, north: 25 };

/** The South China Sea box on screen, a few pixels round. */
export function southSeaRect(project: Projection): ScreenRect {
  const [left, top] = project(southSeaBox.west, southSeaBox.north);
  const [right, bottom] = project(southSeaBox.east, southSeaBox.south);
  return { x: left - 4, y: top - 4, width: right - left + 8, height: bottom - top + 8 };
}

const overlaps = (a: ScreenRect, b: ScreenRect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The legend's place: the bottom right (over the sea; at the left it had covered Yunnan), else
 * the first corner clear of the South China Sea box: the top right under the title band
 * (`band` px), the bottom left, the top left. Its ECharts position and its box on screen.
 */
export function legendPlace(
  entries: readonly string[],
  size: { width: number; height: number },
  band: number,
  project?: Projection,
): { position: Record<string, number>; box: ScreenRect } {
  const { width, height } = legendSize(entries);
  const right = size.width - inset - width;
  const bottom = size.height - inset - height;
  const top = band + inset;
  type Corner = { position: Record<string, number>; box: ScreenRect };
  const corner = (position: Record<string, number>, x: number, y: number): Corner => ({
    position,
    box: { x, y, width, height },
  });
  const corners = [
    corner({ right: inset, bottom: inset }, right, bottom),
    corner({ right: inset, top }, right, top),
    corner({ left: inset, bottom: inset }, inset, bottom),
    corner({ left: inset, top }, inset, top),
  ];
  const islands = project ? southSeaRect(project) : null;
  return corners.find((each) => !islands || !overlaps(each.box, islands)) ?? corners[0]!;
}

/**
 * The legend's ECharts text style: the face measured, each entry as wide as the widest. The
 * white background gives each text a box of that width, which ECharts sizes the legend by (a
 * text without one counts by ECharts' own measure alone).
 */
export function legendTextStyle(entries: readonly string[]) {
  return {
    fontSize,
    fontFamily,
    width: legendTextWidth(entries),
    overflow: 'none' as const,
    backgroundColor: '#ffffff',
  };
}

/** ECharts' legend options that the box above assumes. */
export const legendBoxStyle = {
  itemWidth: markWidth,
  itemHeight: markHeight,
  itemGap: entryGap,
  padding,
} as const;
