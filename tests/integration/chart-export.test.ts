import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  englishRelationShortNames,
  relationShortNames,
} from '../../electron/api/domain/chart-look';
import { chromiumDocuments, findChromium } from '../../electron/cli/chromium-documents';
import { kindColours, type EntityKind } from '../../electron/api/domain/entity-kinds';
import { enumText } from '../../electron/api/i18n/document-text';
import { caseChainLayout } from '../../electron/api/domain/case-chain-layout';
import { relationsThroughIcons, textBoxes } from '../helpers/chart-geometry';
import { networkxPython } from '../helpers/networkx-python';
import { colourShare, pngDensity, readPng } from '../helpers/png-pixels';
import { makeTempDir, makeTestCore, signInToDemo, type TestCore } from '../helpers/test-core';

const chromium = findChromium();
const documents = chromium ? chromiumDocuments(chromium) : undefined;
const artifacts = path.resolve('tests/e2e/artifacts');
let c: TestCore;
let caseId: string;
let nodeIds: string[];
let kinds: string[];

function save(name: string, content: string, encoding: 'utf8' | 'base64'): string {
  const file = path.join(makeTempDir('quanlian-chart-'), name);
  fs.writeFileSync(file, Buffer.from(content, encoding));
  fs.mkdirSync(artifacts, { recursive: true });
  fs.copyFileSync(file, path.join(artifacts, name));
  return file;
}

beforeAll(async () => {
  c = makeTestCore(undefined, { documents });
  caseId = await signInToDemo(c);
  const chart = await c.ok('graph.case', { caseId });
  nodeIds = chart.nodes.map((node) => node.id);
  kinds = chart.nodes.map((node) => node.kind);
}, 60_000);

afterAll(async () => {
  c?.dispose();
  await documents?.close();
});

describe('files other tools open, read back by networkx', () => {
  const script = `
import json, sys, networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if kind == 'graphml' else nx.read_gexf(path)
print(json.dumps({'directed': g.is_directed(), 'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
  'supplies': sorted([u, v] for u, v, d in g.edges(data=True) if d.get('type') == 'supplies')}))
`;

  it.each(['graphml', 'gexf'] as const)(
    '%s of the demo case: every entity and relation, supply in its direction',
    async (format) => {
      const chart = await c.ok('graph.case', { caseId });
      const file = await c.ok('graph.export', { format, nodeIds, caseId });
      expect(file.fileName).toMatch(
        new RegExp(`^quanlian-graph-A3301052026030015-.*\\.${format}$`),
      );
      const saved = save(`chart-meth-case.${format}`, file.content, 'utf8');
      const read = JSON.parse(
        execFileSync(networkxPython, ['-c', script, saved, format], { encoding: 'utf8' }),
      ) as { directed: boolean; nodes: number; edges: number; supplies: string[][] };
      expect([read.directed, read.nodes, read.edges]).toEqual([
        true,
        chart.nodes.length,
        chart.edges.length,
      ]);
      expect(read.supplies).toEqual(
        chart.edges
          .filter((edge) => edge.type === 'supplies')
          .map((edge) => [edge.from, edge.to])
          .sort(),
      );
      expect(read.supplies.length).toBeGreaterThanOrEqual(10);
    },
  );
});

describe('chart pictures of the demo methamphetamine case', () => {
  it('SVG: one icon per entity, the title block with the chosen mark, the legend', async () => {
    // No positions: the export lays the chart out itself (the CLI's case).
    const file = await c.ok('graph.export', {
      format: 'svg',
      nodeIds,
      caseId,
      classification: 'secret',
    });
    expect(file.fileName).toMatch(/^quanlian-graph-A3301052026030015-\d{4}-\d{2}-\d{2}\.svg$/);
    expect([file.mimeType, file.encoding]).toEqual(['image/svg+xml', 'utf8']);
    save('chart-meth-case.svg', file.content, 'utf8');
    const icons = [...file.content.matchAll(/<use class="node-icon" xlink:href="#icon-(\w+)"/g)];
    expect(icons.map((match) => match[1]).sort()).toEqual([...kinds].sort());
    expect(nodeIds.length).toBeGreaterThanOrEqual(40);
    expect(file.content).toContain('案件编号：A3301052026030015');
    // 机密 is Secret (秘密 is Confidential, the lower grade).
    expect(file.content).toMatch(/>机密<\/text>/);
    expect(file.content).toContain('制图：');
    expect(file.content).toContain('<g class="legend">');
    expect(file.content).toContain('>人员</text>');
    expect(file.content).toContain('>供货（上下线）</text>');
    expect(file.content).toContain(`实体 ${nodeIds.length} 个`);
    // The red ring round 岩某 (at large) is said in the legend.
    expect(file.content).toContain('class="legend-ring"');
    expect(file.content).toContain('>在逃</text>');
    const audit = (await c.ok('cases.auditHistory', { caseId })).rows[0]!;
    expect([audit.action, audit.details?.['format'], audit.details?.['classification']]).toEqual([
      'graph.exported',
      'svg',
      'secret',
    ]);

    // No relation label covers another or an entity's name (they had merged: 拥有员).
    const ems = (text: string) =>
      [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 1 : 0.55), 0);
    type Box = [number, number, number, number];
    const boxesOf = (kind: string, size: number, above: number): Box[] =>
      [
        ...file.content.matchAll(
          new RegExp(`<text class="${kind}" x="([\\d.]+)" y="([\\d.]+)"[^>]*>([^<]*)<`, 'g'),
        ),
      ].map((match) => {
        const width = ems(match[3]!) * size;
        return [Number(match[1]) - width / 2, Number(match[2]) - above, width, size] as Box;
      });
    const edgeBoxes = boxesOf('edge-label', 10, 8.5);
    const nameBoxes = boxesOf('node-label', 11, 9);
    expect(edgeBoxes.length).toBeGreaterThan(10);
    const overlap = (a: Box, b: Box) =>
      a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    const clashes = edgeBoxes.flatMap((box, index) => [
      ...edgeBoxes.slice(index + 1).filter((other) => overlap(box, other)),
      ...nameBoxes.filter((other) => overlap(box, other)),
    ]);
    expect(clashes).toEqual([]);
  });

  it('the supply chain prints as on screen: its rows, each tier named at its left, every person on the row of its tier', async () => {
    const chart = await c.ok('graph.case', { caseId });
    // The chart page's supply-chain layout: its levels, rows and tier names (NetworkCanvas).
    const enums = enumText('zh-CN');
    const { positions, tiers } = caseChainLayout(chart, {
      tierName: enums.chainTier,
      untieredName: '未分层',
      legalStatusName: enums.legalStatus,
    });
    const file = await c.ok('graph.export', { format: 'svg', nodeIds, caseId, positions, tiers });
    save('chart-meth-case-chain.svg', file.content, 'utf8');
    const printed = [
      ...file.content.matchAll(/<g class="tier" data-y="([\d.]+)">.*?>([^<>]+)<\/text><\/g>/g),
    ].map((match) => ({ y: Number(match[1]), name: match[2]! }));
    expect(printed.map((tier) => tier.name)).toEqual([
      '毒源/上线 ①',
      // 李某华's row, under 岩某 who supplies him: of the same tier, named too (it had had no name).
      // Numbered: two rows of one name had read as a mistake.
      '毒源/上线 ②',
      '运输',
      '分销',
      '零包',
      '吸毒',
      '毒资/保护伞',
      // The row of people in no tier, named as the page names it (the test had left it out).
      '未分层',
    ]);
    // Each person's icon centred on the row of its tier, exactly (岩某 and 李某华 had been
    // printed on different levels), and no two rows at one height.
    const rowOf = new Map(tiers.map((tier, index) => [tier.y, printed[index]!.y]));
    expect(new Set(rowOf.values()).size).toBe(tiers.length);
    const iconY = new Map(
      [
        ...file.content.matchAll(
          /<title>([^<]*)<\/title>(?:<circle[^>]*>)?<use class="node-icon"[^>]*? y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
        ),
      ].map((match) => [match[1]!, Number(match[2]) + Number(match[3]) / 2]),
    );
    const people = chart.nodes.filter(
      (node) => node.kind === 'person' && rowOf.has(positions[node.id]!.y),
    );
    expect(people.length).toBeGreaterThanOrEqual(15);
    expect(people.map((node) => [node.label, iconY.get(node.label)])).toEqual(
      people.map((node) => [node.label, rowOf.get(positions[node.id]!.y)]),
    );
    // Every person's name printed, none over another name or a tier name.
    for (const node of people) expect(file.content).toContain(`>${node.label}</text>`);
  });

  it('the mark names the standard grade: secret is 机密 / Secret, confidential is 秘密 / Confidential', async () => {
    const mark = async (classification: 'secret' | 'confidential', language: 'zh-CN' | 'en') =>
      /<rect class="classification"[^>]*\/><text[^>]*>([^<]*)</.exec(
        (
          await c.ok('graph.export', {
            format: 'svg',
            nodeIds: nodeIds.slice(0, 3),
            caseId,
            classification,
            language,
          })
        ).content,
      )?.[1];
    expect([
      await mark('secret', 'zh-CN'),
      await mark('secret', 'en'),
      await mark('confidential', 'zh-CN'),
      await mark('confidential', 'en'),
    ]).toEqual(['机密', 'Secret', '秘密', 'Confidential']);
  });

  it('names on the page every relation there is room for, counts the rest in the legend, and tells each type apart in black and white', async () => {
    const named = async (page: 'A4' | 'A3') => {
      const svg = (await c.ok('graph.export', { format: 'svg', nodeIds, caseId, page })).content;
      const counts: Record<string, number> = {};
      for (const [, text] of svg.matchAll(/<text class="edge-label"[^>]*>([^<]*)</g))
        counts[text!] = (counts[text!] ?? 0) + 1;
      return {
        svg,
        edges: [...svg.matchAll(/<path class="edge" /g)].length,
        counts,
        note: /<text class="unlabelled"[^>]*>([^<]*)</.exec(svg)?.[1] ?? null,
      };
    };
    // A4: 49 of the 59 (23 before: only on the line, at five spots along it; 39 before
    // relations were routed round the entities in their way and names placed round their icons;
    // 46 before accounts were named by their banks' short names, 建行 not 中国建设银行; 47
    // before names were set clear of the arrowheads, with another place beside the line).
    const a4 = await named('A4');
    const a3 = await named('A3');
    // Laid out by force, as the app prints it: 李某华→张某龙 供货 had run through the gang's
    // icon, 孙某's 成员 through 张某龙, 郑某's phone line through 冯某; all 50 named.
    for (const { svg } of [a4, a3]) {
      expect(relationsThroughIcons(svg)).toEqual([]);
      expect(textBoxes(svg, 'node-label')).toHaveLength(50);
    }
    expect([a4.edges, a4.counts, a4.note]).toEqual([
      59,
      { 供货: 16, 运输: 3, 使用: 17, 领导: 2, 成员: 3, 资金往来: 2, 通话: 3, 拥有: 3 },
      '另有 10 条关系未标名称',
    ]);
    expect([
      a3.edges,
      Object.values(a3.counts).reduce((sum, count) => sum + count, 0),
      a3.note,
    ]).toEqual([59, 57, '另有 2 条关系未标名称']);
    // The legend's lines: no two types drawn alike by dashes and arrowhead alone (no colour):
    // 领导 and 团伙成员 had differed by width alone, 机主 and 使用 by a shade of grey.
    const looks = [...a4.svg.matchAll(/<line class="legend-relation" ([^/]*)\/>/g)].map(
      ([, attributes]) => {
        const dashes = /stroke-dasharray="([^"]*)"/.exec(attributes!)?.[1] ?? 'solid';
        return `${dashes}|${attributes!.includes('marker-end') ? 'arrow' : ''}`;
      },
    );
    expect(looks).toHaveLength(10);
    expect(new Set(looks).size).toBe(10);
  });

  it('the English chart labels the same relations as the Chinese one, in words as short', async () => {
    const labelled = async (language: 'zh-CN' | 'en') => {
      const svg = (await c.ok('graph.export', { format: 'svg', nodeIds, caseId, language }))
        .content;
      // The legend in English words only (it had said "Registered owner (机主)").
      if (language === 'en') expect(svg).toContain('>Registered owner</text>');
      const names: Record<string, string> =
        language === 'en' ? englishRelationShortNames : relationShortNames;
      const typeOf = Object.fromEntries(Object.entries(names).map(([type, name]) => [name, type]));
      return [...svg.matchAll(/<text class="edge-label"[^>]*>([^<]*)</g)]
        .map((match) => typeOf[match[1]!] ?? match[1]!)
        .sort();
    };
    const chinese = await labelled('zh-CN');
    const english = await labelled('en');
    expect(chinese.length).toBeGreaterThanOrEqual(20);
    // Every type labelled in Chinese is labelled in English (uses, owns, leads and transports
    // had none), and nearly as often: a Latin word is still wider than two characters.
    expect([...new Set(chinese)].filter((type) => !english.includes(type))).toEqual([]);
    expect(english.length).toBeGreaterThanOrEqual(chinese.length * 0.75);
  });

  it.runIf(documents)(
    'PNG at print resolution (300 dpi A4 landscape) and a vector PDF page with the same text',
    async () => {
      const png = await c.ok('graph.export', { format: 'png', nodeIds, caseId });
      const pngFile = save('chart-meth-case.png', png.content, 'base64');
      const bytes = fs.readFileSync(pngFile);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3509, 2481]);
      // Its resolution written in the file (pHYs right after IHDR): 300 dpi = 11811 px/m, so
      // Word places it at A4 size; Chromium's capture had none.
      expect(pngDensity(bytes)).toEqual({ x: 11811, y: 11811, unit: 1 });
      // Each entity is drawn as its kind's icon, where the SVG of the same chart puts it.
      const svg = (await c.ok('graph.export', { format: 'svg', nodeIds, caseId })).content;
      const svgWidth = Number(/<svg [^>]*width="([\d.]+)"/.exec(svg)![1]);
      const pixels = readPng(pngFile);
      const scale = pixels.width / svgWidth;
      const icons = [
        ...svg.matchAll(
          /<use class="node-icon" [^>]*href="#icon-(\w+)" x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)"/g,
        ),
      ].map(([, kind, x, y, width]) => {
        const half = (Number(width) / 2) * scale;
        const centre = [Number(x) * scale + half, Number(y) * scale + half];
        return colourShare(
          pixels,
          centre[0]!,
          centre[1]!,
          Math.floor(half * 0.9),
          kindColours[kind as EntityKind],
        );
      });
      expect(icons).toHaveLength(50);
      expect(icons.filter((share) => share < 0.2)).toEqual([]);

      const pdf = await c.ok('graph.export', {
        format: 'pdf',
        nodeIds,
        caseId,
        page: 'A3',
        classification: 'confidential',
      });
      const pdfFile = save('chart-meth-case.pdf', pdf.content, 'base64');
      const info = execFileSync('pdfinfo', [pdfFile]).toString();
      expect(info).toMatch(/Pages:\s+1\n/);
      // A3 landscape: 420 × 297 mm in points.
      expect(info).toMatch(/Page size:\s+119[01]\.\d+ x 841\.\d+ pts \(A3\)/);
      const text = execFileSync('pdftotext', [pdfFile, '-']).toString().replace(/\s+/g, '');
      expect([text.includes('秘密'), text.includes('机密')]).toEqual([true, false]);
      expect(text).toContain('案件编号：A3301052026030015');
      expect(text).toContain('图例');
      // Vector: the page draws text and paths, no image of the chart.
      expect(
        execFileSync('pdfimages', ['-list', pdfFile]).toString().trim().split('\n'),
      ).toHaveLength(2);
    },
    60_000,
  );
});

describe('the chart as drawn on screen (PNG)', () => {
  it('is named as the other chart files, on the workspace’s day', async () => {
    // 2026-11-23T17:30Z is already 11-24 in China: the window's UTC date had named it the 23rd.
    c.clock.advance(9.5 * 3_600_000);
    const named = await c.ok('graph.recordImageExport', { caseId, nodes: nodeIds.length });
    expect(named).toEqual({ fileName: 'quanlian-graph-A3301052026030015-2026-11-24.png' });
  });
});
