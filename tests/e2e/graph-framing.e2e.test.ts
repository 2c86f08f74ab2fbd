import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { CasesPage } from './pages/cases-page';
import { signInToDemo } from './pages/demo-session';
import { GraphPage } from './pages/graph-page';

interface DrawnLabel {
  id: string;
  kind: 'node' | 'edge';
  text: string;
  box: [number, number, number, number];
}

/**
 * The demo case's chart framed on a 1366×768 laptop: at the default view 梁某 had sat above
 * the canvas's edge until the chart was fitted by hand, and switching back to 力导向 after
 * another layout could leave part of the chart off the canvas. After loading and after each
 * layout, every entity's icon and drawn name lie inside the canvas: in a 1366×768 page, and
 * in the app's window on that screen (maximised, less the taskbar, title and menu bars: about
 * 1366×680 of page), where the default view had zoomed in past the fit to keep names legible.
 */
describe.each([
  { width: 1366, height: 768 },
  { width: 1366, height: 680 },
])('the demo chart in a $width×$height page shows every entity', (viewport) => {
  let h: Harness;
  let graph: GraphPage;
  let nodes: { id: string; kind: string; label: string }[];
  beforeAll(async () => {
    h = await startHarness(viewport);
    const { page } = h;
    graph = new GraphPage(page);
    await signInToDemo(page);
    const cases = await h.host.router.invoke('cases.list', { text: 'A3301052026030015' });
    const caseId = (cases.ok && (cases.value as { rows: { id: string }[] }).rows[0]!.id)!;
    const chart = await h.host.router.invoke('graph.case', { caseId });
    nodes = (chart.ok ? (chart.value as { nodes: typeof nodes }) : { nodes: [] }).nodes;
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-graph').click();
    await graph.waitStable();
    await graph.waitLabelled();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Each entity whose icon or drawn name reaches past the canvas, with how far. */
  async function outside(): Promise<string[]> {
    const canvas = graph.canvas();
    const box = (await canvas.boundingBox())!;
    const view = JSON.parse((await canvas.getAttribute('data-view'))!) as {
      scale: number;
      position: { x: number; y: number };
    };
    const labels = JSON.parse((await canvas.getAttribute('data-labels')) ?? '[]') as DrawnLabel[];
    const positions = await graph.positions();
    return nodes.flatMap((node) => {
      const p = positions[node.id];
      if (!p) return [`${node.label}: not placed`];
      // The icon, radius 22 (people, organisations) or 16, at the view's scale.
      const r = (node.kind === 'person' || node.kind === 'organisation' ? 22 : 16) * view.scale;
      const x = box.width / 2 + (p.x - view.position.x) * view.scale;
      const y = box.height / 2 + (p.y - view.position.y) * view.scale;
      const boxes: [string, number, number, number, number][] = [
        ['icon', x - r, y - r, x + r, y + r],
        ...labels
          .filter((label) => label.kind === 'node' && label.id === node.id)
          .map(
            (label) =>
              [
                'name',
                label.box[0],
                label.box[1],
                label.box[0] + label.box[2],
                label.box[1] + label.box[3],
              ] as [string, number, number, number, number],
          ),
      ];
      return boxes
        .filter(
          ([, left, top, right, bottom]) =>
            left < 0 || top < 0 || right > box.width || bottom > box.height,
        )
        .map(
          ([what, left, top, right, bottom]) =>
            `${node.label}'s ${what}: ${[left, top, right, bottom].map(Math.round).join(',')} in ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    });
  }

  it('after loading: every icon and name inside the canvas, 梁某 too', async () => {
    await h.screenshot(`graph-framing-${viewport.height}-default`);
    expect(nodes.length).toBe(50);
    expect(await outside()).toEqual([]);
  });

  it('after each layout, and back to 力导向: every icon and name inside the canvas', async () => {
    for (const layout of ['供应链', '社团环形', '力导向', '社团环形', '供应链', '力导向']) {
      await graph.chooseLayout(layout);
      await graph.waitLabelled();
      await h.screenshot(`graph-framing-${viewport.height}-${layout}`);
      expect(await outside(), layout).toEqual([]);
    }
  });
});
