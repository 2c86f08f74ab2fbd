import type { MapData } from '../../../../electron/api/schemas/map-schemas';
import { escapeMarkup } from '../../components/markup-text';
import { echarts } from './map-echarts';
import { buildMapOption, type MapTexts } from './map-option';
import type { ProvinceLabel } from './province-labels';

/**
 * The map exported as a page, like the chart's print: A4/A3 landscape, the title block above
 * the map (not over it), the map fitted to the case's places and flows (or all China) within
 * the page's margins, with its legend. The export had been the screen's crop: the title band
 * over the north (甘肃 read 日肃), the north and west cut off, the map two thirds of the page.
 */

type PageSize = 'A4' | 'A3';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What a page prints, in millimetres: the paper less the PDF's margins (8 mm, 12 mm at the
 * foot for the case number: chart-document.ts), so the PDF prints the picture at full size.
 */
const printable: Record<PageSize, [number, number]> = { A4: [281, 189], A3: [404, 276] };
const titleBlockHeight = 16;
const titleGap = 3;
/** The map is drawn in CSS pixels (96 to the inch), then scaled to the page. */
const pixelsPerMillimetre = 96 / 25.4;

/** The page, its title block and its map area, in millimetres. */
export function mapPageLayout(page: PageSize): {
  width: number;
  height: number;
  title: Box;
  map: Box;
} {
  const [width, height] = printable[page];
  const mapTop = titleBlockHeight + titleGap;
  return {
    width,
    height,
    title: { x: 0, y: 0, width, height: titleBlockHeight },
    map: { x: 0, y: mapTop, width, height: height - mapTop },
  };
}

/** The box ECharts draws the South China Sea islands in (fix/nanhai.js), whole when reached. */
const southSeaBox = { west: 126, east: 132.1, south: 18.3, north: 25 };
/**
 * Room around the data's points, in degrees, for their markers and names (1.5° had cut
 * 城东物流园仓库 at the page's edge).
 */
const margin = 3;
/** The narrowest view: a few provinces (a case in one city still shows where it is). */
const narrowest = 8;

/** All China, the South China Sea box included: north-west and south-east corners. */
const allChina: Bounds = [
  [73.4, 53.6],
  [135.1, 18.2],
];
type Bounds = [[number, number], [number, number]];

/**
 * The area of interest: the data's regions, places and base stations with a margin, at least
 * a few provinces wide, the South China Sea box whole where it is reached; all China when the
 * data has no point.
 */
export function pageBounds(data: MapData): Bounds {
  const points = [
    ...data.regions.map((region) => [region.lng, region.lat]),
    ...data.places.map((place) => [place.lng, place.lat]),
    ...data.stations.map((station) => [station.lng, station.lat]),
  ];
  if (!points.length) return allChina;
  const lngs = points.map(([lng]) => lng!);
  const lats = points.map(([, lat]) => lat!);
  let [west, east] = widen(Math.min(...lngs) - margin, Math.max(...lngs) + margin);
  let [south, north] = widen(Math.min(...lats) - margin, Math.max(...lats) + margin);
  if (
    east > southSeaBox.west &&
    west < southSeaBox.east &&
    south < southSeaBox.north &&
    north > southSeaBox.south
  ) {
    [west, east] = [Math.min(west, southSeaBox.west), Math.max(east, southSeaBox.east)];
    [south, north] = [Math.min(south, southSeaBox.south), Math.max(north, southSeaBox.north)];
  }
  return [
    [west, north],
    [east, south],
  ];
}

function widen(low: number, high: number): [number, number] {
  const missing = Math.max(0, narrowest - (high - low)) / 2;
  return [low - missing, high + missing];
}

/**
 * The map's ECharts option for the page: no title band in it, the area of interest as large as
 * the map area allows, kept to its shape (ECharts stretches a map given all four sides).
 */
export function pageMapOption(
  data: MapData,
  texts: MapTexts,
  provinces: readonly ProvinceLabel[],
  page: PageSize,
) {
  const bounds = pageBounds(data);
  const [[west, north], [east, south]] = bounds;
  // Width over height as drawn (a degree of longitude 0.75 of one of latitude).
  const aspect = ((east - west) * 0.75) / (north - south);
  const area = mapPixels(page);
  const width = Math.min(area.width, area.height * aspect);
  // The page's scale, for grouping the markers as they will be printed (centre and zoom are
  // the page's own, below).
  const scale = { x: width / (east - west), y: width / aspect / (north - south) };
  // The area of interest centred in the map area (layoutCenter), as ECharts draws it.
  const [left, top] = [(area.width - width) / 2, (area.height - width / aspect) / 2];
  const option = buildMapOption(data, texts, provinces, 0, {
    center: [0, 0],
    zoom: 1,
    scale,
    // The chart's size: labels keep off the legend and the page's edges as on screen.
    size: area,
    project: (lng, lat) => [left + (lng - west) * scale.x, top + (north - lat) * scale.y],
  });
  const {
    center: _center,
    zoom: _zoom,
    ...geo
  } = option.geo as typeof option.geo & {
    center?: unknown;
    zoom?: unknown;
  };
  return {
    ...option,
    title: [],
    graphic: [],
    geo: {
      ...geo,
      roam: false,
      boundingCoords: bounds,
      layoutCenter: ['50%', '50%'],
      // ECharts' size is the width of a map wider than high, else its height.
      layoutSize: aspect > 1 ? width : width / aspect,
    },
  };
}

/** The map area's size in CSS pixels. */
export function mapPixels(page: PageSize): { width: number; height: number } {
  const { map } = mapPageLayout(page);
  return {
    width: Math.round(map.width * pixelsPerMillimetre),
    height: Math.round(map.height * pixelsPerMillimetre),
  };
}

/** The page as an SVG document (millimetres), the map drawn for it (not taken from the screen). */
export function mapPageSvg(
  data: MapData,
  texts: MapTexts,
  provinces: readonly ProvinceLabel[],
  page: PageSize,
  mark: string,
): string {
  const layout = mapPageLayout(page);
  const pixels = mapPixels(page);
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, ...pixels });
  let mapSvg: string;
  try {
    chart.setOption(pageMapOption(data, texts, provinces, page));
    mapSvg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const { map, title, width, height } = layout;
  // The map's own <svg>, placed in its area: its pixels scaled to the area's millimetres.
  const nested = mapSvg.replace(
    /^<svg\b[^>]*>/,
    (open) =>
      `${open.replace(/\s(?:width|height|viewBox)="[^"]*"/g, '').slice(0, -1)} data-part="map" x="${map.x}" y="${map.y}" width="${map.width}" height="${map.height}" viewBox="0 0 ${pixels.width} ${pixels.height}" overflow="hidden">`,
  );
  const font = 'font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif"';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g data-part="title-block" ${font}>`,
    `<text x="${title.x}" y="${title.y + 6}" font-size="5" font-weight="bold" fill="#1f1f1f">${escapeMarkup(texts.title)}</text>`,
    `<text x="${title.x}" y="${title.y + 12}" font-size="3.2" fill="#595959">${escapeMarkup(texts.subtitle)}</text>`,
    mark
      ? `<text x="${title.x + title.width}" y="${title.y + 7}" text-anchor="end" font-size="6" font-weight="bold" fill="#cf1322">${escapeMarkup(mark)}</text>`
      : '',
    `<line x1="${title.x}" y1="${title.y + title.height}" x2="${title.x + title.width}" y2="${title.y + title.height}" stroke="#8c8c8c" stroke-width="0.3"/>`,
    '</g>',
    nested,
    '</svg>',
  ].join('');
}
