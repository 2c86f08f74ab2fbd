import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasesPage } from './pages/cases-page';
import { GraphPage } from './pages/graph-page';

interface DrawnLabel {
  id: string;
  kind: 'node' | 'edge';
  text: string;
  box: [number, number, number, number];
  fontPx: number;
}

type Box = [number, number, number, number];

const overlap = (a: number[], b: number[]) =>
  a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!;

interface ChartData {
  nodes: { id: string; kind: string; label: string; legalStatus: string | null }[];
  edges: { id: string; from: string; to: string; type: string }[];
}

/** Waits until the labels were chosen for the latest layout. */

/**
 * What the supply-chain view shows now, checked: every entity's icon inside the canvas, every
 * tier named inside it, no label under 11 px, none over another label, another entity's icon
 * or a tier's name. Returns the labels drawn.
 */
async function checkChainView(graph: GraphPage, chart: ChartData) {
  const canvas = graph.canvas();
  const box = (await canvas.boundingBox())!;
  const view = JSON.parse((await canvas.getAttribute('data-view'))!) as {
    scale: number;
    position: { x: number; y: number };
  };
  const positions = await graph.positions();
  const icons = chart.nodes.map((node) => {
    const p = positions[node.id]!;
    const radius = (node.kind === 'person' || node.kind === 'organisation' ? 22 : 16) * view.scale;
    const x = box.width / 2 + (p.x - view.position.x) * view.scale;
    const y = box.height / 2 + (p.y - view.position.y) * view.scale;
    return {
      id: node.id,
      label: node.label,
      // Less a pixel each side: the published label boxes are rounded to whole pixels.
      box: [x - radius + 1, y - radius + 1, 2 * radius - 2, 2 * radius - 2],
    };
  });
  // Every tier's entities in the canvas, whole (吸毒 and 毒资/保护伞 had been off its foot).
  const outside = icons
    .filter(
      (icon) =>
        icon.box[0]! < 0 ||
        icon.box[1]! < 0 ||
        icon.box[0]! + icon.box[2]! > box.width ||
        icon.box[1]! + icon.box[3]! > box.height,
    )
    .map((icon) => icon.label);
  expect(outside, 'entities outside the canvas').toEqual([]);
  const tiers = JSON.parse((await canvas.getAttribute('data-tiers')) ?? '[]') as {
    text: string;
    box: Box;
  }[];
  expect(tiers.map((tier) => tier.text)).toEqual([
    '毒源/上线 ①',
    // 李某华's row, under 岩某 who supplies him: of the same tier, named too (it had had no name).
    // Numbered: two rows of one name had read as a mistake.
    '毒源/上线 ②',
    '运输',
    '分销',
    '零包',
    '吸毒',
    '毒资/保护伞',
    // 谢某 and 叶某, in no tier: their row is named so, not left to read as 毒资/保护伞's.
    '未分层',
  ]);
  for (const tier of tiers) {
    expect(tier.box[1] >= 0 && tier.box[1] + tier.box[3] <= box.height, tier.text).toBe(true);
    for (const icon of icons)
      expect(overlap(tier.box, icon.box), `${tier.text} over ${icon.label}`).toBe(false);
  }
  const labels = JSON.parse((await canvas.getAttribute('data-labels'))!) as DrawnLabel[];
  for (const label of labels) {
    expect(label.fontPx, label.text).toBeGreaterThanOrEqual(11);
    expect(label.box[1] >= 0 && label.box[1] + label.box[3] <= box.height + 1, label.text).toBe(
      true,
    );
    for (const icon of icons)
      if (icon.id !== label.id)
        expect(overlap(label.box, icon.box), `${label.text} over the icon of ${icon.label}`).toBe(
          false,
        );
    for (const tier of tiers)
      expect(overlap(label.box, tier.box), `${label.text} over ${tier.text}`).toBe(false);
    // A name under its icon or beside it, never above: there it stood just under the row
    // above's icons and read as theirs (刘某(逮捕) under 赵某飞).
    const own = icons.find((icon) => icon.id === label.id);
    if (label.kind === 'node' && own)
      expect(
        label.box[1] + label.box[3] / 2 >= own.box[1] + own.box[3] / 2 - 1,
        `${label.text} above its icon`,
      ).toBe(true);
  }
  for (let i = 0; i < labels.length; i += 1)
    for (let j = i + 1; j < labels.length; j += 1)
      expect(
        overlap(labels[i]!.box, labels[j]!.box),
        `${labels[i]!.text} overlaps ${labels[j]!.text}`,
      ).toBe(false);
  return { labels, tiers, box };
}

describe('the demo methamphetamine supply chain is readable whole', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('at 1366×768 and 1920×1080: every tier in view, labels apart, tier names never covered', async () => {
    const { page } = h;
    const graph = new GraphPage(page);
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-graph').click();
    await graph.waitStable();
    await graph.chooseLayout('供应链');
    await graph.waitLabelled();
    await h.screenshot('31b-graph-chain-1366');

    const cases = await h.host.router.invoke('cases.list', { text: 'A3301052026030015' });
    const caseId = (cases.ok && (cases.value as { rows: { id: string }[] }).rows[0]!.id)!;
    const read = await h.host.router.invoke('graph.case', { caseId });
    const chart = (read.ok ? read.value : { nodes: [], edges: [] }) as ChartData;
    const { labels } = await checkChainView(graph, chart);
    // The people of the chain are named at the default view: every person under a measure.
    const named = labels.filter((label) => label.kind === 'node').map((label) => label.text);
    const underMeasure = chart.nodes
      .filter((node) => node.kind === 'person' && node.legalStatus && node.legalStatus !== 'none')
      .map((node) => node.label);
    expect(underMeasure.filter((name) => !named.some((text) => text.startsWith(name)))).toEqual([]);

    // Printed (导出 → 打印版 → SVG): the same rows, each tier named at its left, every person
    // on the row of its tier (the print had no tier names and 岩某 and 李某华 on two levels).
    const { tiers: onScreen, box: screen } = await checkChainView(graph, chart);
    const view = JSON.parse((await graph.canvas().getAttribute('data-view'))!) as {
      scale: number;
      position: { x: number; y: number };
    };
    const positions = await graph.positions();
    await page.getByTestId('graph-export').click();
    await page.getByRole('menuitem', { name: /打印版/ }).click();
    await page.getByTestId('print-format').getByText('SVG').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('print-export-submit').click(),
    ]);
    const file = `${artifactsDir}/31e-graph-chain-print.svg`;
    await download.saveAs(file);
    const svg = fs.readFileSync(file, 'utf8');
    // By row, not by name: two rows of sources bear the same name.
    const printedRows = [
      ...svg.matchAll(/<g class="tier" data-y="([\d.]+)">.*?>([^<>]+)<\/text><\/g>/g),
    ].map((match) => ({ name: match[2]!, y: Number(match[1]) }));
    expect(printedRows.map((row) => row.name)).toEqual(onScreen.map((tier) => tier.text));
    const printedY = new Map(
      [
        ...svg.matchAll(
          /<title>([^<]*)<\/title>(?:<circle[^>]*>)?<use class="node-icon"[^>]*? y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
        ),
      ].map((match) => [match[1]!, Number(match[2]) + Number(match[3]) / 2]),
    );
    const rowOf = (id: string) => {
      const y = screen.height / 2 + (positions[id]!.y - view.position.y) * view.scale;
      const index = onScreen.findIndex((tier) => Math.abs(tier.box[1] + 12 - y) <= 1.5);
      return index < 0 ? undefined : index;
    };
    const tiered = chart.nodes.filter(
      (node) => node.kind === 'person' && rowOf(node.id) !== undefined,
    );
    expect(tiered.length).toBeGreaterThanOrEqual(15);
    expect(tiered.map((node) => [node.label, printedY.get(node.label)])).toEqual(
      tiered.map((node) => [node.label, printedRows[rowOf(node.id)!]!.y]),
    );

    // A found path: 取消高亮 covers no tier name.
    await graph.findPath('吴某', '岩某');
    await page.waitForTimeout(400);
    const clear = (await page.getByTestId('clear-highlight').boundingBox())!;
    const chartBox = (await graph.canvas().boundingBox())!;
    const { tiers } = await checkChainView(graph, chart);
    for (const tier of tiers)
      expect(
        overlap([clear.x - chartBox.x, clear.y - chartBox.y, clear.width, clear.height], tier.box),
        `取消高亮 over ${tier.text}`,
      ).toBe(false);
    await h.screenshot('31c-graph-chain-path-1366');
    await page.getByTestId('clear-highlight').click();

    // A larger screen: laid out again, the whole chain in view there too.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(300);
    await graph.chooseLayout('力导向');
    await graph.chooseLayout('供应链');
    await graph.waitLabelled();
    await h.screenshot('31d-graph-chain-1920');
    const large = await checkChainView(graph, chart);
    expect(large.labels.filter((label) => label.kind === 'node').length).toBeGreaterThanOrEqual(
      named.length,
    );
    expect(h.pageErrors).toEqual([]);
  });
});
