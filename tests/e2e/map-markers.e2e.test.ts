import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { MapData } from '../../electron/api/schemas/map-schemas';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { MapPage } from './pages/map-page';

/** The page's document, as far as this test reads it (tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): {
    getBoundingClientRect(): { left: number; top: number };
    querySelectorAll(selector: string): Iterable<{
      textContent: string | null;
      getAttribute(name: string): string | null;
      getBoundingClientRect(): { left: number; top: number; width: number; height: number };
    }>;
  } | null;
};

/** A layer's markers' fill (map-option.ts). */
const fills = {
  places: '#2f54eb',
  seizures: '#cf1322',
  households: '#389e0d',
  arrests: '#d46b08',
} as const;
type Layer = keyof typeof fills;

/**
 * Where every marker drawn points (a pin's tip, another mark's centre), by layer, in the chart's pixels (the legend's marks left
 * out), and the projection MapChart measured (pixels = origin + (lng − 100, lat − 30) × scale).
 */
async function drawnMarkers(page: Page) {
  return page.evaluate((markerFills) => {
    const root = document.querySelector('[data-testid="map-chart"]')!;
    const chart = root.getBoundingClientRect();
    const paths = [...root.querySelectorAll('svg path')];
    // The legend: its entries' names, and their marks up to 40 px before them.
    const entries = [...root.querySelectorAll('svg text')]
      .filter((text) =>
        ['供货流向', '地点', '缴获', '户籍地', '抓获地'].includes(text.textContent!),
      )
      .map((text) => text.getBoundingClientRect());
    const left = Math.min(...entries.map((box) => box.left)) - 40;
    const top = Math.min(...entries.map((box) => box.top)) - 4;
    const frame = {
      left,
      top,
      width: Math.max(...entries.map((box) => box.left + box.width)) - left,
      height: Math.max(...entries.map((box) => box.top + box.height)) + 4 - top,
    };
    const centres: Record<string, [number, number][]> = {};
    for (const [layer, fill] of Object.entries(markerFills)) {
      centres[layer] = paths
        .filter((path) => path.getAttribute('fill') === fill)
        .map((path) => path.getBoundingClientRect())
        .filter((box) => box.width > 0)
        // A pin points at its place with its tip; the other marks are centred on theirs.
        .map(
          (box) =>
            [
              box.left + box.width / 2,
              layer === 'places' ? box.top + box.height : box.top + box.height / 2,
            ] as [number, number],
        )
        .filter(
          ([x, y]) =>
            !(
              x > frame.left &&
              x < frame.left + frame.width &&
              y > frame.top &&
              y < frame.top + frame.height
            ),
        )
        .map(([x, y]) => [x - chart.left, y - chart.top] as [number, number]);
    }
    return centres;
  }, fills);
}

/** Pixels in the chart of a longitude and latitude, as MapChart measured the view last. */
async function projection(page: Page) {
  const attribute = await page.getByTestId('map-chart').getAttribute('data-projection');
  const { origin, scale } = JSON.parse(attribute!) as {
    origin: [number, number];
    scale: { x: number; y: number };
  };
  return Object.assign(
    (lng: number, lat: number): [number, number] => [
      origin[0] + (lng - 100) * scale.x,
      origin[1] - (lat - 30) * scale.y,
    ],
    { scale },
  );
}

/**
 * Texts the chart draws over one another (a label's lines apart), or over the legend: pairs of
 * texts, by their words, with a pixel of tolerance.
 */
async function labelClashes(page: Page): Promise<string[]> {
  return page.evaluate(
    (legendNames) => {
      const root = document.querySelector('[data-testid="map-chart"]')!;
      const chart = root.getBoundingClientRect();
      const texts = [...root.querySelectorAll('svg text')]
        .map((text) => ({ words: text.textContent ?? '', box: text.getBoundingClientRect() }))
        .filter(
          ({ words, box }) =>
            words.trim() && box.width > 0 && box.left + box.width > chart.left && box.top > 0,
        );
      const legend = texts.filter(({ words }) => legendNames.includes(words));
      const left = Math.min(...legend.map(({ box }) => box.left)) - 40;
      const top = Math.min(...legend.map(({ box }) => box.top)) - 8;
      const frame = {
        left,
        top,
        width: Math.max(...legend.map(({ box }) => box.left + box.width)) + 8 - left,
        height: Math.max(...legend.map(({ box }) => box.top + box.height)) + 8 - top,
      };
      const over = (
        a: { left: number; top: number; width: number; height: number },
        b: { left: number; top: number; width: number; height: number },
      ) =>
        a.left + 1 < b.left + b.width &&
        b.left + 1 < a.left + a.width &&
        a.top + 1 < b.top + b.height &&
        b.top + 1 < a.top + a.height;
      const clashes: string[] = [];
      texts.forEach((a, index) => {
        if (!legend.includes(a) && over(a.box, frame)) clashes.push(`${a.words} × legend`);
        for (const b of texts.slice(index + 1))
          if (over(a.box, b.box)) clashes.push(`${a.words} × ${b.words}`);
      });
      return clashes;
    },
    ['供货流向', '地点', '缴获', '户籍地', '抓获地'],
  );
}

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('the map of all cases at $width×$height', (viewport) => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  it('draws every marker on its place, tells a seizure in full, and speaks English', async () => {
    h = await startHarness(viewport);
    const { page } = h;
    const shell = await signInToDemo(page);
    await shell.navigate('地图');
    const map = new MapPage(page);
    await map.waitForText('揭阳市 → 滨江市');
    const chart = page.getByTestId('map-chart');
    // Drawn again once measured: markers are grouped at the scale on screen.
    await expect.poll(() => chart.getAttribute('data-projection')).toBeTruthy();
    await page.waitForTimeout(300);
    await h.screenshot(`46-map-all-markers-${viewport.width}`);
    const result = await h.host.router.invoke('map.data', {});
    if (!result.ok) throw new Error(result.error.code);
    const data = result.value as MapData;
    let project = await projection(page);
    const distance = (a: [number, number], b: [number, number]) =>
      Math.hypot(a[0] - b[0], a[1] - b[1]);
    /** Each layer's markers on its places, as drawn now. */
    const checkMarkers = async () => {
      const regionPoint = (key: string | null) => {
        const region = data.regions.find((candidate) => candidate.key === key);
        return region ? [project(region.lng, region.lat)] : [];
      };
      const places: Record<Layer, [number, number][]> = {
        places: data.places.map((place) => project(place.lng, place.lat)),
        seizures: data.seizures.flatMap((s) =>
          s.lng === null || s.lat === null ? [] : [project(s.lng, s.lat)],
        ),
        households: data.people.flatMap((person) => regionPoint(person.householdKey)),
        arrests: data.people.flatMap((person) => regionPoint(person.arrestKey)),
      };
      const drawn = await drawnMarkers(page);
      for (const layer of Object.keys(fills) as Layer[]) {
        expect(drawn[layer]!.length).toBeGreaterThan(0);
        // Each marker stands within 7 px (fanned out) of one of its layer's places: they had
        // stood in 安徽, 江西, 江苏 and the sea, 55 px off.
        const off = drawn[layer]!.map((centre) =>
          Math.min(...places[layer].map((place) => distance(centre, place))),
        );
        expect(Math.max(...off), layer).toBeLessThan(7.6);
        // And every place on the chart has its marker: its own, or its group's within 12 px,
        // fanned 7 px.
        const unmarked = places[layer].filter(
          ([x, y]) =>
            x > 0 &&
            y > 64 &&
            x < viewport.width &&
            y < viewport.height &&
            drawn[layer]!.every((centre) => distance(centre, [x, y]) > 19.6),
        );
        expect(unmarked, layer).toEqual([]);
      }
      return drawn;
    };
    const drawn = await checkMarkers();

    // A seizure's tooltip: the drug, its quantity as the app writes it, where, when, the case.
    const box = (await chart.boundingBox())!;
    const hengtai = data.seizures.find((s) => s.place === '恒泰公司仓库')!;
    const [hx, hy] = project(hengtai.lng!, hengtai.lat!);
    const diamond = drawn.seizures!.reduce((best, centre) =>
      distance(centre, [hx, hy]) < distance(best, [hx, hy]) ? centre : best,
    );
    await page.mouse.move(box.x + diamond[0], box.y + diamond[1]);
    const tooltip = page.locator('div', { hasText: '恒泰公司仓库' }).last();
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(
      '笑气（一氧化二氮） 28 吨 · 恒泰公司仓库 · 2026-07-02 · 案件编号 A3301082026050003',
    );

    // Zoomed in on 滨江, step by step: markers on their places, no label over another (城西污水
    // 处理厂 had been written over 城东物流园仓库) or under the legend (南海诸岛's box had been
    // drawn over it, its name half under it).
    await page.mouse.move(0, 0);
    for (const scale of [22, 40, 90, 200]) {
      for (let step = 0; step < 40 && (await projection(page)).scale.x < scale; step++) {
        const [x, y] = (await projection(page))(120.2, 30.28);
        await page.mouse.move(box.x + x, box.y + y);
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(120);
      }
      await page.mouse.move(0, 0);
      await page.waitForTimeout(400);
      project = await projection(page);
      await h.screenshot(`48-map-zoom-${scale}-${viewport.width}`);
      await checkMarkers();
      expect(await labelClashes(page), `at ${scale} px a degree`).toEqual([]);
    }

    // Another case is fitted to its own places, not drawn at the zoom left on 滨江 (昆明 would
    // be off the chart).
    await map.chooseCase('A3301052026030015');
    await map.waitForText('A3301052026030015 “3·15”跨省贩卖、运输甲基苯丙胺案');
    await page.waitForTimeout(400);
    project = await projection(page);
    const [kx, ky] = project(102.7431, 25.0199);
    expect(kx).toBeGreaterThan(0);
    expect(kx).toBeLessThan(box.width);
    expect(ky).toBeGreaterThan(64);
    expect(ky).toBeLessThan(box.height);
    expect(await map.drawnTexts()).toContain('昆明官渡交易点');
    await map.clearCase();

    // In English: the provinces and the words round the data; a city as recorded.
    await page.reload();
    await map.waitForText('揭阳市 → 滨江市');
    await page.getByTestId('language-switch').click();
    await page.getByTitle('English').click();
    await map.waitForText('Zhejiang');
    await page.waitForTimeout(300);
    await h.screenshot(`47-map-all-english-${viewport.width}`);
    const texts = await map.drawnTexts();
    for (const province of ['Zhejiang', 'Yunnan', 'Guangdong']) expect(texts).toContain(province);
    expect(texts).not.toContain('浙江');
    expect(texts).toContain('滨江市: 54 people');
    expect(await page.getByTestId('map-flows').innerText()).toContain(
      'Yunnan 昆明市 → Zhejiang 滨江市 · supply relations: 2',
    );
    const provinces = await page.getByTestId('map-provinces').locator('td').allInnerTexts();
    expect(provinces.filter((cell) => /^\D+$/.test(cell))).toEqual([
      'Zhejiang',
      'Guangdong',
      'Yunnan',
    ]);
    expect(h.pageErrors).toEqual([]);
  });
});
