import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../electron/cli/chromium-documents';

const modules = path.resolve(__dirname, '../../node_modules');

/**
 * patches/vis-network+*.patch: a relation without a label skips working out its label's fonts
 * (0.2 s of a 30,000-relation chart). These check, in vis-network itself in Chromium, that a
 * relation given a label later is drawn with exactly the fonts it would have had from the start.
 */
describe('vis-network as patched', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('gives a relation labelled later the same label fonts as one labelled from the start', async () => {
    const page = await browser.newPage();
    // The library's own module files, served under a made-up origin (modules need one).
    await page.route('http://vis.test/**', (route) => {
      const file = new URL(route.request().url()).pathname;
      if (file === '/') {
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><div id="chart" style="width:400px;height:300px"></div>
<script type="importmap">{"imports":{"vis-data/peer/esm/vis-data.js":"/vis-data/peer/esm/vis-data.js"}}</script>
<script type="module">
import { DataSet } from '/vis-data/peer/esm/vis-data.js';
import { Network } from '/vis-network/peer/esm/vis-network.mjs';
const nodes = new DataSet([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 200, y: 0 }]);
const edges = new DataSet([
  { id: 'later', from: 'a', to: 'b' },
  { id: 'afterOptions', from: 'b', to: 'a' },
  { id: 'first', from: 'a', to: 'b', label: '供货', font: { size: 21, strokeWidth: 3 } },
]);
window.network = new Network(document.getElementById('chart'), { nodes, edges },
  { physics: false, edges: { font: { size: 17, face: 'sans-serif' } } });
window.edges = edges;
</script>`,
        });
      }
      return route.fulfill({ path: path.join(modules, file), contentType: 'text/javascript' });
    });
    await page.goto('http://vis.test/');
    await page.waitForFunction(() => 'network' in globalThis);
    const fonts = await page.evaluate(() => {
      const chart = globalThis as unknown as {
        network: {
          body: { edges: Record<string, { labelModule: { fontOptions: object } }> };
          setOptions(options: object): void;
        };
        edges: { update(edge: object): void; add(edge: object): void };
      };
      const plain = (id: string) =>
        JSON.parse(JSON.stringify(chart.network.body.edges[id]!.labelModule.fontOptions)) as {
          size: number;
          bold: { size: number };
        };
      chart.edges.update({ id: 'later', label: '供货', font: { size: 21, strokeWidth: 3 } });
      // The chart-wide font changed while the relation had no label.
      chart.network.setOptions({ edges: { font: { size: 25 } } });
      chart.edges.update({ id: 'afterOptions', label: '资金往来' });
      chart.edges.add({ id: 'fresh', from: 'b', to: 'a', label: '资金往来' });
      return {
        later: plain('later'),
        first: plain('first'),
        afterOptions: plain('afterOptions'),
        fresh: plain('fresh'),
      };
    });
    expect(fonts.later).toEqual(fonts.first);
    expect(fonts.later.size).toBe(21);
    expect(fonts.later.bold.size).toBe(21);
    expect(fonts.afterOptions).toEqual(fonts.fresh);
    expect(fonts.afterOptions.size).toBe(25);
    await page.close();
  });
});
