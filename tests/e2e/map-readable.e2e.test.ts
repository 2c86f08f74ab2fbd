import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { CasesPage } from './pages/cases-page';
import { signInToDemo } from './pages/demo-session';
import { MapPage } from './pages/map-page';

const caseNo = 'A3301052026030015';

interface ClientBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
}

/** The page's document, as far as this test reads it (tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): {
    getBoundingClientRect(): ClientBox;
    querySelectorAll(selector: string): Iterable<{
      textContent: string | null;
      style: { fontSize: string };
      getAttribute(name: string): string | null;
      getBoundingClientRect(): ClientBox;
      getScreenCTM(): unknown;
      getTotalLength(): number;
      getPointAtLength(at: number): { matrixTransform(matrix: unknown): { x: number; y: number } };
    }>;
  } | null;
};

interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  fontSize: number;
}

/**
 * Every text the map draws, as its box on screen, and the points of each supply flow's curve
 * (one a pixel of its length), read from the SVG ECharts drew.
 */
async function drawnGeometry(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="map-chart"]')!;
    const chart = root.getBoundingClientRect();
    const texts = [...root.querySelectorAll('svg text')].flatMap((text) => {
      const box = text.getBoundingClientRect();
      // Labels moved off the picture (under the title band) are not drawn.
      const outside = box.right < chart.left || box.bottom < chart.top;
      if (!text.textContent?.trim() || box.width === 0 || outside) return [];
      return [
        {
          text: text.textContent,
          left: box.left,
          top: box.top,
          right: box.right,
          bottom: box.bottom,
          fontSize: parseFloat(text.style.fontSize),
        },
      ];
    });
    const curves = [...root.querySelectorAll('svg path')]
      .filter(
        (path) =>
          path.getAttribute('stroke') === '#c41d7f' && /Q/.test(path.getAttribute('d') ?? ''),
      )
      .map((path) => {
        const matrix = path.getScreenCTM();
        const points: [number, number][] = [];
        for (let at = 0; at <= path.getTotalLength(); at += 1) {
          const point = path.getPointAtLength(at).matrixTransform(matrix);
          points.push([point.x, point.y]);
        }
        return points;
      });
    // The markers: places, seizures, people and base stations (filled in a layer's colour).
    const markerFills = ['#2f54eb', '#cf1322', '#389e0d', '#d46b08', '#531dab'];
    const markers = [...root.querySelectorAll('svg path')]
      .filter((path) => markerFills.includes(path.getAttribute('fill') ?? ''))
      .map((path) => {
        const box = path.getBoundingClientRect();
        return {
          text: '',
          left: box.left,
          top: box.top,
          right: box.right,
          bottom: box.bottom,
          fontSize: 0,
        };
      })
      .filter((box) => box.right > box.left);
    return { texts, curves, markers, top: chart.top };
  });
}

function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The box of a label written on several lines: its lines' boxes together. */
function union(boxes: Box[]): Box {
  return {
    text: boxes.map((box) => box.text).join('\n'),
    left: Math.min(...boxes.map((box) => box.left)),
    top: Math.min(...boxes.map((box) => box.top)),
    right: Math.max(...boxes.map((box) => box.right)),
    bottom: Math.max(...boxes.map((box) => box.bottom)),
    fontSize: Math.min(...boxes.map((box) => box.fontSize)),
  };
}

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('the map of the demo methamphetamine case at $width×$height', (viewport) => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  it('writes no label over another, the flow labels beside their curves, none under 11 px', async () => {
    h = await startHarness(viewport);
    const { page } = h;
    await signInToDemo(page);
    // A call list whose base station stands on 昆明官渡交易点's spot: its address had been
    // printed over the place's name.
    const cases = await h.host.router.invoke('cases.list', { pageSize: 500 });
    if (!cases.ok) throw new Error(cases.error.code);
    const caseId = (cases.value as { rows: { id: string; caseNo: string }[] }).rows.find(
      (row) => row.caseNo === caseNo,
    )!.id;
    const imported = await h.host.router.invoke('import.commit', {
      fileName: 'cell_coords.csv',
      contentBase64: Buffer.from(
        [
          '用户号码,对方号码,呼叫类型,开始时间,通话时长,基站经度,基站纬度,基站地址',
          '13987650001,13812345678,主叫,2026-03-01 09:00:00,60,102.712251,25.040609,昆明市五华区',
        ].join('\n'),
        'utf8',
      ).toString('base64'),
      template: 'calls',
      importId: 'e2e-map-readable',
      caseId,
    });
    if (!imported.ok) throw new Error(imported.error.code);

    await new CasesPage(page).caseLink(caseNo).click();
    await page.getByTestId('open-case-map').click();
    const map = new MapPage(page);
    await map.waitForText('昆明市 → 滨江市');
    await h.screenshot(`43-map-readable-${viewport.width}`);
    const { texts, curves, markers, top } = await drawnGeometry(page);

    // The flows' labels, each on two lines: the regions, then the links and the amount.
    const flowLabel = (regions: string) => {
      const first = texts.findIndex((box) => box.text === regions);
      expect(first).toBeGreaterThanOrEqual(0);
      return union([texts[first]!, texts[first + 1]!]);
    };
    const kunming = flowLabel('昆明市 → 滨江市');
    expect(kunming.text).toBe('昆明市 → 滨江市\n2条供货关系 · 甲基苯丙胺（冰毒） 26 kg');
    const dehong = flowLabel('德宏州 → 昆明市');
    expect(dehong.text).toBe('德宏州 → 昆明市\n1条供货关系');
    expect(curves).toHaveLength(2);
    for (const label of [kunming, dehong]) {
      // Its own curve is the one whose middle is nearest.
      const own = curves
        .map((points) => ({ points, middle: points[Math.floor(points.length / 2)]! }))
        .sort(
          (a, b) =>
            Math.hypot(
              a.middle[0] - (label.left + label.right) / 2,
              a.middle[1] - (label.top + label.bottom) / 2,
            ) -
            Math.hypot(
              b.middle[0] - (label.left + label.right) / 2,
              b.middle[1] - (label.top + label.bottom) / 2,
            ),
        )[0]!.points;
      const crossing = own.filter(
        ([x, y]) => x > label.left && x < label.right && y > label.top && y < label.bottom,
      );
      expect(crossing).toEqual([]);
    }

    // No two labels written over one another (the flows' lines taken as one label each).
    const flowLines = new Set(kunming.text.split('\n').concat(dehong.text.split('\n')));
    const labels = [kunming, dehong, ...texts.filter((box) => !flowLines.has(box.text))];
    const overlaps = labels.flatMap((a, i) =>
      labels
        .slice(i + 1)
        .filter((b) => intersects(a, b))
        .map((b) => `${a.text} × ${b.text}`),
    );
    expect(overlaps).toEqual([]);
    // No label over a marker (a place's name had touched the people's markers beside it); a
    // group's count is written in its own diamond: the seizures at 滨江, 3.
    expect(markers.length).toBeGreaterThan(5);
    const counts = labels.filter((label) => /^\d+$/.test(label.text));
    expect(counts.map((label) => label.text)).toEqual(['3']);
    const overMarkers = labels
      .filter((label) => !counts.includes(label))
      .flatMap((label) =>
        markers.filter((marker) => intersects(label, marker)).map(() => label.text),
      );
    expect(overMarkers).toEqual([]);
    // The place keeps its name; the base station on its spot writes its own elsewhere, clear of
    // it (above: no two labels overlap), or gives way (its name on hover).
    const drawn = labels.map((box) => box.text);
    expect(drawn).toContain('昆明官渡交易点');
    // Provinces away from the data keep their names (those under it give way to it).
    for (const province of ['四川', '贵州', '西藏', '广西', '海南', '南海诸岛'])
      expect(drawn).toContain(province);
    expect(Math.min(...labels.map((box) => box.fontSize))).toBeGreaterThanOrEqual(11);
    // Under the title band (64 px, white) only the title block: no name half covered.
    expect(labels.filter((box) => box.top < top + 64).map((box) => box.text)).toEqual([
      'A3301052026030015 “3·15”跨省贩卖、运输甲基苯丙胺案',
      expect.stringMatching(/^全部时间 · 制图日期 /),
    ]);
    expect(h.pageErrors).toEqual([]);
  });
});
