import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasesPage } from './pages/cases-page';
import { GraphPage, type Positions } from './pages/graph-page';

/** The page's document, as far as this test reads it (tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): { dataset: Record<string, string | undefined> } | null;
  createElement(tag: 'canvas'): {
    getContext(kind: '2d'): {
      font: string;
      textBaseline: string;
      measureText(text: string): {
        width: number;
        actualBoundingBoxAscent: number;
        actualBoundingBoxDescent: number;
      };
    };
  };
};

type Box = [number, number, number, number];

interface DrawnLabel {
  id: string;
  kind: 'node' | 'edge';
  text: string;
  box: Box;
  fontPx: number;
}

interface View {
  scale: number;
  position: { x: number; y: number };
}

interface ChartNode {
  id: string;
  kind: string;
  label: string;
  legalStatus: string | null;
  chainTier: string | null;
}

const overlap = (a: Box, b: Box) =>
  a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];

const face = 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif';

async function drawn(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=graph-canvas]')!;
    return {
      labels: JSON.parse(canvas.dataset['labels'] ?? '[]') as DrawnLabel[],
      view: JSON.parse(canvas.dataset['view']!) as View,
      positions: JSON.parse(canvas.dataset['positions']!) as Positions,
      namesDrawn: JSON.parse(canvas.dataset['namesDrawn'] ?? '[]') as string[],
    };
  });
}

/** Waits until the chart has chosen its labels again (after a zoom or a fit). */
async function relabelled(page: Page, before: string | null) {
  const labels = () =>
    page.evaluate(() => document.querySelector('[data-testid=graph-canvas]')?.dataset['labels']);
  await page.waitForFunction((last) => {
    const canvas = document.querySelector('[data-testid=graph-canvas]');
    return canvas?.dataset['labels'] !== last;
  }, before);
  // Settled: a wheel's notches each choose again; the last choice is the one to read.
  for (let last = await labels(), tries = 0; tries < 20; tries += 1) {
    await page.waitForTimeout(400);
    const now = await labels();
    if (now === last) break;
    last = now;
  }
}

describe('level of detail: the key people named at any zoom, at a legible size', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names the key people when fitted (animation off) and zoomed out, the view published; name boxes hold what vis-network draws', async () => {
    const { page } = h;
    const graph = new GraphPage(page);
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-graph').click();
    await graph.waitStable();
    await graph.waitLabelled();
    await page.waitForTimeout(300);
    const canvas = graph.canvas();
    const box = (await canvas.boundingBox())!;
    const cases = await h.host.router.invoke('cases.list', { text: 'A3301052026030015' });
    const caseId = (cases.ok && (cases.value as { rows: { id: string }[] }).rows[0]!.id)!;
    const chart = await h.host.router.invoke('graph.case', { caseId });
    const { nodes, edges } = (chart.ok ? chart.value : { nodes: [], edges: [] }) as {
      nodes: ChartNode[];
      edges: { from: string; type: string }[];
    };
    const byId = new Map(nodes.map((node) => [node.id, node]));
    // Key people (label-importance): leaders, the chain's head, those under a measure or at large.
    const key = new Set(
      nodes
        .filter(
          (node) =>
            (node.kind === 'person' || node.kind === 'organisation') &&
            ((node.legalStatus && node.legalStatus !== 'none') ||
              ['precursor', 'manufacture', 'source'].includes(node.chainTier ?? '') ||
              edges.some((edge) => edge.type === 'leads' && edge.from === node.id)),
        )
        .map((node) => node.label),
    );
    expect(key.size).toBe(15);
    const leaders = ['张某龙', '李某华'];

    /** Each entity's icon on screen with its border (4 with a legal status, else 2: half outside). */
    const icons = (view: View, positions: Positions) =>
      nodes.flatMap((node) => {
        const p = positions[node.id];
        if (!p) return [];
        const big = node.kind === 'person' || node.kind === 'organisation';
        const border = node.legalStatus && node.legalStatus !== 'none' ? 4 : 2;
        const radius = ((big ? 22 : 16) + border / 2) * view.scale;
        const x = box.width / 2 + (p.x - view.position.x) * view.scale;
        const y = box.height / 2 + (p.y - view.position.y) * view.scale;
        // Less a pixel each side: the published label boxes are rounded to whole pixels.
        const icon: Box = [x - radius + 1, y - radius + 1, 2 * radius - 2, 2 * radius - 2];
        return [{ id: node.id, box: icon }];
      });
    /** None under 11 px, none over another, none over another entity's icon, its border included. */
    const checkReadable = (labels: DrawnLabel[], view: View, positions: Positions) => {
      for (const label of labels) expect(label.fontPx, label.text).toBeGreaterThanOrEqual(11);
      for (let i = 0; i < labels.length; i += 1)
        for (let j = i + 1; j < labels.length; j += 1)
          expect(
            overlap(labels[i]!.box, labels[j]!.box),
            `${labels[i]!.text} / ${labels[j]!.text}`,
          ).toBe(false);
      for (const label of labels)
        for (const icon of icons(view, positions))
          if (icon.id !== label.id)
            expect(
              overlap(label.box, icon.box),
              `${label.text} over the icon of ${byId.get(icon.id)?.label}`,
            ).toBe(false);
    };
    const namesOf = (labels: DrawnLabel[]) =>
      labels.filter((label) => label.kind === 'node').map((label) => label.text.split('\n')[0]!);

    // The default view: each name vis-network draws lies inside the box the declutter checked.
    // Measured here from vis-network's rule: the first line's hanging baseline half the font
    // and 4 units under the icon's edge, each line a font size lower, a halo of 2 around the
    // glyphs (the box had stopped 3–4 px above the text's foot: "(逮捕)" under 王某强 went
    // under 赵某飞's icon, 成员 over 朱某).
    const start = await drawn(page);
    const glyphs = await page.evaluate(
      ({ labels, face }) => {
        const context = document.createElement('canvas').getContext('2d');
        context.textBaseline = 'hanging';
        return labels.map((label) =>
          label.text.split('\n').map((line) => {
            context.font = `${label.size}px ${face}`;
            const metrics = context.measureText(line);
            return {
              width: metrics.width * label.scale,
              ascent: metrics.actualBoundingBoxAscent,
              descent: metrics.actualBoundingBoxDescent,
            };
          }),
        );
      },
      {
        labels: start.labels
          .filter((label) => label.kind === 'node')
          .map((label) => ({ text: label.text, size: 18, scale: start.view.scale })),
        face,
      },
    );
    const people = start.labels.filter(
      (label) =>
        label.kind === 'node' && ['person', 'organisation'].includes(byId.get(label.id)!.kind),
    );
    expect(people.length).toBeGreaterThanOrEqual(20);
    const scale = start.view.scale;
    expect(18 * scale).toBeGreaterThanOrEqual(11);
    for (const label of people) {
      const lines = glyphs[start.labels.filter((l) => l.kind === 'node').indexOf(label)]!;
      const p = start.positions[label.id]!;
      const x = box.width / 2 + (p.x - start.view.position.x) * scale;
      const y = box.height / 2 + (p.y - start.view.position.y) * scale;
      const centreY = label.box[1] + label.box[3] / 2;
      // Under the icon, or moved above it (vadjust) by as much as the box's offset and height.
      const raised = centreY < y ? 2 * (centreY - y) : 0;
      const baseline = y + (22 + 9 + 4) * scale + raised;
      const ink: Box = [
        x - Math.max(...lines.map((line) => line.width)) / 2 - 2 * scale,
        baseline - (Math.max(...lines.map((line) => line.ascent)) + 2) * scale,
        Math.max(...lines.map((line) => line.width)) + 4 * scale,
        ((lines.length - 1) * 18 + Math.max(...lines.map((line) => line.descent)) + 2) * scale +
          (Math.max(...lines.map((line) => line.ascent)) + 2) * scale,
      ];
      const within = (inner: Box, outer: Box) =>
        inner[0] >= outer[0] - 1 &&
        inner[1] >= outer[1] - 1 &&
        inner[0] + inner[2] <= outer[0] + outer[2] + 1 &&
        inner[1] + inner[3] <= outer[1] + outer[3] + 1;
      expect(
        within(ink, label.box),
        `${label.text}: ink ${ink.map(Math.round)} box ${label.box}`,
      ).toBe(true);
    }
    checkReadable(start.labels, start.view, start.positions);

    // Zoomed in, then the fit button with animations off: the view published is the fitted one
    // (it had stayed at the zoom before: scale 1.01), every entity in it, and the key people
    // named at 11 px at least (the fit had drawn tiny grey names over each other, or none).
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let before = await canvas.getAttribute('data-labels');
    for (let notch = 0; notch < 3; notch += 1) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(60);
    }
    await relabelled(page, before);
    const zoomed = await drawn(page);
    expect(zoomed.view.scale).toBeGreaterThan(start.view.scale);

    // Three notches further in, the phone numbers and other things named before are still
    // named where they are well inside the view: relation names, coming at this zoom, had been
    // ranked before them and took their room (13726459018 and 13908829731 went).
    const things = (labels: DrawnLabel[]) =>
      labels
        .filter(
          (label) =>
            label.kind === 'node' && !['person', 'organisation'].includes(byId.get(label.id)!.kind),
        )
        .map((label) => label.id);
    before = await canvas.getAttribute('data-labels');
    for (let notch = 0; notch < 3; notch += 1) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(60);
    }
    await relabelled(page, before);
    const closer = await drawn(page);
    await h.screenshot('38c-graph-zoomed-in-numbers-kept');
    const inside = (id: string) => {
      const p = closer.positions[id]!;
      const x = box.width / 2 + (p.x - closer.view.position.x) * closer.view.scale;
      const y = box.height / 2 + (p.y - closer.view.position.y) * closer.view.scale;
      return x > 100 && x < box.width - 100 && y > 60 && y < box.height - 100;
    };
    const kept = things(zoomed.labels).filter(inside);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(
      kept.filter((id) => !things(closer.labels).includes(id)).map((id) => byId.get(id)!.label),
    ).toEqual([]);
    checkReadable(closer.labels, closer.view, closer.positions);
    before = await canvas.getAttribute('data-labels');
    await page.getByTestId('graph-toolbar').getByRole('button', { name: '适应窗口' }).click();
    await relabelled(page, before);
    const fitted = await drawn(page);
    await h.screenshot('37c-graph-fitted-named');
    expect(fitted.view.scale).toBeLessThan(zoomed.view.scale);
    for (const [id, p] of Object.entries(fitted.positions)) {
      const x = box.width / 2 + (p.x - fitted.view.position.x) * fitted.view.scale;
      const y = box.height / 2 + (p.y - fitted.view.position.y) * fitted.view.scale;
      expect(x > 0 && x < box.width && y > 0 && y < box.height, byId.get(id)?.label).toBe(true);
    }
    const fittedNames = namesOf(fitted.labels);
    expect(leaders.filter((name) => !fittedNames.includes(name))).toEqual([]);
    expect([...key].filter((name) => fittedNames.includes(name)).length).toBeGreaterThanOrEqual(12);
    checkReadable(fitted.labels, fitted.view, fitted.positions);

    // Three notches out: names would be under 11 px; the key people's are drawn at 11 px by the
    // chart (none had been, not even the leaders), the rest left to hover, none overlapping.
    before = await canvas.getAttribute('data-labels');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let notch = 0; notch < 3; notch += 1) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(60);
    }
    await relabelled(page, before);
    const out = await drawn(page);
    await h.screenshot('37d-graph-zoomed-out-key-names');
    expect(18 * out.view.scale).toBeLessThan(11);
    const outNames = namesOf(out.labels);
    expect(outNames.length).toBeGreaterThanOrEqual(4);
    expect(outNames.filter((name) => !key.has(name))).toEqual([]);
    for (const label of out.labels) expect(label.fontPx).toBe(11);
    expect(out.namesDrawn.map((text) => text.split('\n')[0])).toEqual(outNames);
    checkReadable(out.labels, out.view, out.positions);

    // The community ring opens fitted, centred, its key people named (it had opened on one
    // corner of the ring, and fitted named no one).
    await graph.chooseLayout('社团环形');
    await page.waitForTimeout(400);
    const ring = await drawn(page);
    await h.screenshot('39b-graph-ring-fitted');
    const xs = Object.values(ring.positions).map(
      (p) => box.width / 2 + (p.x - ring.view.position.x) * ring.view.scale,
    );
    const ys = Object.values(ring.positions).map(
      (p) => box.height / 2 + (p.y - ring.view.position.y) * ring.view.scale,
    );
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(box.width);
    expect(Math.min(...ys)).toBeGreaterThan(0);
    expect(Math.max(...ys)).toBeLessThan(box.height);
    expect(Math.abs((Math.min(...xs) + Math.max(...xs)) / 2 - box.width / 2)).toBeLessThan(40);
    expect(namesOf(ring.labels).filter((name) => key.has(name)).length).toBeGreaterThanOrEqual(8);
    checkReadable(ring.labels, ring.view, ring.positions);

    // In English the double-click depth reads whole ("Expand 1…" at a fixed 110 px).
    await page.getByTestId('language-switch').click();
    await page.getByTitle('English').click();
    const hops = page.getByTestId('graph-expand-hops').locator('.ant-select-content');
    await page.getByText('Expand 1 hop(s)').waitFor();
    expect(
      await hops.evaluate((element: { scrollWidth: number; clientWidth: number }) => [
        element.scrollWidth <= element.clientWidth,
        element.scrollWidth,
      ]),
    ).toEqual([true, expect.any(Number)]);
    await h.screenshot('40b-graph-english-toolbar');
    expect(h.pageErrors).toEqual([]);
  });
});
