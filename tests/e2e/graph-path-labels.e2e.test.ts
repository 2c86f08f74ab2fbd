import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasesPage } from './pages/cases-page';
import { GraphPage } from './pages/graph-page';

/** The page's document, as far as this test reads it (tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): { dataset: Record<string, string | undefined> } | null;
};

interface DrawnLabel {
  id: string;
  kind: 'node' | 'edge';
  text: string;
  fontPx: number;
}

describe('a found path on the demo chart at 1366×768', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is named along its length, its phone and its relations too, at the zoom where the rest are not', async () => {
    const { page } = h;
    const graph = new GraphPage(page);
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-graph').click();
    await graph.waitStable();
    await graph.waitLabelled();
    const canvas = graph.canvas();
    const drawn = async () =>
      JSON.parse((await canvas.getAttribute('data-labels'))!) as DrawnLabel[];
    // The default view: no relation named (13 px lines are under 11 px here), no phone either.
    const before = await drawn();
    expect(before.filter((label) => label.kind === 'edge')).toEqual([]);
    expect(before.map((label) => label.text)).not.toContain('13987120468');

    const labelled = await canvas.getAttribute('data-labels');
    await graph.findPath('吴某', '13987120468');
    await page.waitForFunction((last) => {
      const element = document.querySelector('[data-testid=graph-canvas]');
      return element?.dataset['labels'] !== last;
    }, labelled);
    await page.waitForTimeout(400);
    await h.screenshot('38c-graph-path-labelled');
    const after = await drawn();
    // 吴某 ←供货← 张某龙 ←供货← 李某华 →使用→ 13987120468: each step's relation named on its
    // line, and only the path's (the rest stay unnamed at this zoom).
    expect(
      after
        .filter((label) => label.kind === 'edge')
        .map((label) => label.text)
        .sort(),
    ).toEqual(['使用', '供货', '供货']);
    const names = after
      .filter((label) => label.kind === 'node')
      .map((label) => label.text.split('\n')[0]);
    expect(names).toEqual(expect.arrayContaining(['吴某', '张某龙', '李某华', '13987120468']));
    for (const label of after) expect(label.fontPx).toBeGreaterThanOrEqual(11);
    // The phone's name is under vis-network's threshold at this zoom: the chart draws it.
    expect(JSON.parse((await canvas.getAttribute('data-names-drawn'))!)).toEqual(['13987120468']);
    expect(h.pageErrors).toEqual([]);
  });
});
