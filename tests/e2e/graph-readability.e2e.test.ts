import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasesPage } from './pages/cases-page';
import { GraphPage } from './pages/graph-page';

/** The page's document, as far as this test reads it (tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): { dataset: Record<string, string | undefined> } | null;
  createElement(tag: 'canvas'): {
    getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
  };
};

interface DrawnLabel {
  id: string;
  kind: 'node' | 'edge';
  text: string;
  box: [number, number, number, number];
  fontPx: number;
}

const overlap = (a: number[], b: number[]) =>
  a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!;

describe('the demo methamphetamine chart is readable at 1366×768', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('at the default view no two drawn labels overlap, none is under 11 px, and the chart uses the canvas', async () => {
    const { page } = h;
    const graph = new GraphPage(page);
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-graph').click();
    await graph.waitStable();
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid=graph-canvas]');
      return (
        canvas?.dataset['labelled'] !== undefined &&
        canvas.dataset['labelled'] === canvas.dataset['layouts']
      );
    });
    await h.screenshot('37-graph-readable-default-view');
    const canvas = graph.canvas();
    const labels = JSON.parse((await canvas.getAttribute('data-labels'))!) as DrawnLabel[];
    const view = JSON.parse((await canvas.getAttribute('data-view'))!) as {
      scale: number;
      position: { x: number; y: number };
    };
    const positions = await graph.positions();
    const box = (await canvas.boundingBox())!;

    // Independently of the chart's own boxes: each drawn entity label measured here, from
    // vis-network's positions and the text metrics of the label's font at its screen size.
    const measured = await page.evaluate(
      ({ drawn, view, positions, width, height }) => {
        const context = document.createElement('canvas').getContext('2d');
        return drawn
          .filter((label) => label.kind === 'node')
          .map((label) => {
            context.font = `${label.fontPx}px PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif`;
            const p = positions[label.id]!;
            return {
              centreX: width / 2 + (p.x - view.position.x) * view.scale,
              centreY: height / 2 + (p.y - view.position.y) * view.scale,
              textWidth: Math.max(
                ...label.text.split('\n').map((line) => context.measureText(line).width),
              ),
            };
          });
      },
      { drawn: labels, view, positions, width: box.width, height: box.height },
    );
    const nodeLabels = labels.filter((label) => label.kind === 'node');
    // At the default zoom people and organisations are named (phones and accounts show on zooming in).
    expect(nodeLabels.length).toBeGreaterThanOrEqual(20);
    for (const label of labels) expect(label.fontPx).toBeGreaterThanOrEqual(11);
    // Each label box hangs under its entity's centre (vis-network's position), centred on it.
    for (const [index, label] of nodeLabels.entries()) {
      const at = measured[index]!;
      expect(Math.abs(label.box[0] + label.box[2] / 2 - at.centreX)).toBeLessThanOrEqual(1.5);
      expect(label.box[1]).toBeGreaterThan(at.centreY);
      expect(label.box[2]).toBeGreaterThanOrEqual(Math.floor(at.textWidth));
      expect(label.box[1] + label.box[3]).toBeLessThanOrEqual(box.height + 1);
    }
    for (let i = 0; i < labels.length; i += 1)
      for (let j = i + 1; j < labels.length; j += 1)
        expect(
          overlap(labels[i]!.box, labels[j]!.box),
          `${labels[i]!.kind} ${labels[i]!.id} overlaps ${labels[j]!.kind} ${labels[j]!.id}`,
        ).toBe(false);

    // The layout spreads over the canvas: entities span most of its width and height.
    const xs = Object.values(positions).map(
      (p) => box.width / 2 + (p.x - view.position.x) * view.scale,
    );
    const ys = Object.values(positions).map(
      (p) => box.height / 2 + (p.y - view.position.y) * view.scale,
    );
    expect((Math.max(...xs) - Math.min(...xs)) / box.width).toBeGreaterThan(0.75);
    expect((Math.max(...ys) - Math.min(...ys)) / box.height).toBeGreaterThan(0.6);

    // Hovering an entity shows its full name; leaving the chart closes the tooltip.
    const [first] = nodeLabels;
    const point = await graph.entityPoint(first!.id);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.vis-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.innerText()).toContain(first!.text.split('\n')[0]!.replace('…', ''));
    await page.mouse.move(box.x + box.width + 150, box.y + 40);
    await tooltip.waitFor({ state: 'hidden' });

    // Zoomed in, the relation labels vis-network draws are those the declutter chose: a label
    // it had taken away stayed drawn (vis-network keeps an edge's label when given an empty one),
    // and labels piled up over the names.
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    for (let notch = 0; notch < 5; notch += 1) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(60);
    }
    await page.waitForFunction((before) => {
      const element = document.querySelector('[data-testid=graph-canvas]');
      return element?.dataset['labels'] !== before;
    }, JSON.stringify(labels));
    await page.waitForTimeout(400);
    const zoomed = JSON.parse((await canvas.getAttribute('data-labels'))!) as DrawnLabel[];
    const chosenEdges = zoomed.filter((label) => label.kind === 'edge').length;
    expect(Number(await canvas.getAttribute('data-edge-labels-held'))).toBe(chosenEdges);
    await h.screenshot('38-graph-zoomed-in');

    // A found path's entities are named, its ends too (the retailer at its end had been a bold
    // node with no name beside named phones).
    const drawnNames = async () =>
      (JSON.parse((await canvas.getAttribute('data-labels'))!) as DrawnLabel[])
        .filter((label) => label.kind === 'node')
        .map((label) => label.text.split('\n')[0]!);
    // The whole chart again (the fit button), then the path.
    await page.getByTestId('graph-toolbar').getByRole('button', { name: '适应窗口' }).click();
    await page.waitForTimeout(600);
    const labelled = await canvas.getAttribute('data-labels');
    await graph.findPath('吴某', '岩某');
    await page.waitForFunction((before) => {
      const element = document.querySelector('[data-testid=graph-canvas]');
      return element?.dataset['labels'] !== before;
    }, labelled);
    await page.waitForTimeout(400);
    expect(await drawnNames()).toEqual(
      expect.arrayContaining(['吴某', '张某龙', '李某华', '岩某']),
    );
    await h.screenshot('38b-graph-path-named');

    // The community ring opens where people's names read (fitted whole it had drawn none).
    await graph.chooseLayout('社团环形');
    await page.waitForTimeout(400);
    const ring = JSON.parse((await canvas.getAttribute('data-labels'))!) as DrawnLabel[];
    expect(ring.filter((label) => label.kind === 'node').length).toBeGreaterThanOrEqual(10);
    for (const label of ring) expect(label.fontPx).toBeGreaterThanOrEqual(11);
    await h.screenshot('39-graph-ring-readable');
    expect(h.pageErrors).toEqual([]);
  });
});
