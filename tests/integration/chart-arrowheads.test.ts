import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChainLayout } from '../../electron/api/domain/case-chain-layout';
import { enumText } from '../../electron/api/i18n/document-text';
import type { GraphData } from '../../electron/api/schemas/graph-schemas';
import { circularPositions } from '../../renderer/src/features/graph/graph-model';
import { chartArrowheads, chartRingedIcons, textBoxes } from '../helpers/chart-geometry';
import { makeTestCore, signInToDemo, type TestCore } from '../helpers/test-core';

/**
 * The demo case printed in each layout the chart page offers: every arrow ends at the edge of
 * its target's icon, or of the red ring round it, and no entity's name, status or relation's
 * name covers an arrowhead (printed in the ring layout, 许某→梁某's point had ended under
 * 梁某's name, 1.1 px short of his icon; relations' names had covered points in every layout).
 */
const artifacts = path.resolve('tests/e2e/artifacts');
let c: TestCore;
let caseId: string;
let chart: GraphData;
let ring: Record<string, { x: number; y: number }>;

beforeAll(async () => {
  c = makeTestCore();
  caseId = await signInToDemo(c);
  chart = await c.ok('graph.case', { caseId });
  // The ring layout as the chart page makes it (useGraphActions): communities, largest first.
  const found = await c.ok('graph.communities', { entityIds: chart.nodes.map((n) => n.id) });
  ring = circularPositions(
    found.communities.map((community) => community.nodeIds).sort((a, b) => b.length - a.length),
  );
}, 60_000);
afterAll(() => c?.dispose());

async function printed(
  layout: 'ring' | 'chain' | 'force',
  page: 'A4' | 'A3',
  language: 'zh-CN' | 'en',
) {
  const enums = enumText(language);
  const chain =
    layout === 'chain'
      ? caseChainLayout(chart, {
          tierName: enums.chainTier,
          untieredName: language === 'en' ? 'Untiered' : '未分层',
          legalStatusName: enums.legalStatus,
        })
      : undefined;
  return (
    await c.ok('graph.export', {
      format: 'svg',
      nodeIds: chart.nodes.map((node) => node.id),
      caseId,
      page,
      language,
      // Force: no positions, the export lays the chart out itself as the CLI does.
      ...(layout === 'ring' ? { positions: ring } : {}),
      ...(chain ? { positions: chain.positions, tiers: chain.tiers } : {}),
    })
  ).content;
}

/** "from → to" for each arrow whose point is off its target's rim, or under a name. */
function arrowFaults(svg: string): string[] {
  const icons = new Map(chartRingedIcons(svg).map((icon) => [icon.name, icon]));
  const labels = [
    ...textBoxes(svg, 'node-label'),
    ...textBoxes(svg, 'node-status'),
    ...textBoxes(svg, 'edge-label'),
  ];
  return chartArrowheads(svg).flatMap((arrow) => {
    const target = icons.get(arrow.to)!;
    const faults: string[] = [];
    const reach = Math.hypot(arrow.tip.x - target.x, arrow.tip.y - target.y);
    // The point on the rim, within half a pixel (the path is written to a tenth).
    if (Math.abs(reach - target.edge) > 0.5)
      faults.push(
        `${arrow.from} → ${arrow.to}: point ${reach.toFixed(1)} from the centre, rim at ${target.edge}`,
      );
    for (const label of labels)
      if (
        arrow.corners.some(
          (p) => p.x > label.left && p.x < label.right && p.y > label.top && p.y < label.bottom,
        )
      )
        faults.push(`${arrow.from} → ${arrow.to}: under ${label.text}`);
    return faults;
  });
}

describe('arrowheads on the printed demo case', () => {
  it('the ring layout: 许某→梁某 points at 梁某’s rim, clear of his name', async () => {
    const svg = await printed('ring', 'A4', 'zh-CN');
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, 'chart-meth-case-ring.svg'), svg);
    const arrows = chartArrowheads(svg);
    expect(arrows.filter((a) => a.from === '许某' && a.to === '梁某')).toHaveLength(1);
    expect(arrowFaults(svg)).toEqual([]);
  });

  it.each([
    ['ring', 'A3', 'zh-CN'],
    ['ring', 'A4', 'en'],
    ['chain', 'A4', 'zh-CN'],
    ['chain', 'A3', 'en'],
    ['force', 'A4', 'zh-CN'],
    ['force', 'A4', 'en'],
  ] as const)(
    '%s layout on %s (%s): every arrow at its rim, none under a name',
    async (layout, page, language) => {
      const svg = await printed(layout, page, language);
      expect(chartArrowheads(svg).length).toBeGreaterThan(30);
      expect(arrowFaults(svg)).toEqual([]);
    },
  );
});
