import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  boxesMeet,
  chartIcons,
  chartRelations,
  relationsThroughIcons,
  textBoxes,
} from '../helpers/chart-geometry';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

describe('graph --format svg', () => {
  it("prints the case as the chart page lays its supply chain out: a row per tier, upstream first, each tier's people on its row", async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const run = async (args: string[]) =>
      await execCli([...args, '--workspace', dir, '--user', 'demo'], {
        QUANLIAN_PASSWORD: 'Quanlian@2026',
      });
    const svg = path.join(makeTempDir(), 'chart.svg');
    const drawn = await run(['graph', '--case', 'A3301052026030015', '--format', 'svg', '--out', svg]); // prettier-ignore
    expect([drawn.status, drawn.stderr]).toEqual([0, '']);
    const picture = fs.readFileSync(svg, 'utf8');
    fs.mkdirSync('tests/e2e/artifacts', { recursive: true });
    fs.copyFileSync(svg, 'tests/e2e/artifacts/cli-chart-chain.svg');

    // The rows named at their left, upstream to downstream, top to bottom.
    const rows = [
      ...picture.matchAll(/<g class="tier" data-y="([\d.]+)">.*?>([^<>]+)<\/text><\/g>/g),
    ].map((match) => ({ y: Number(match[1]), name: match[2]! }));
    expect(rows.map((row) => row.name)).toEqual([
      '毒源/上线 ①',
      // 李某华's row, under 岩某 who supplies him: of the same tier, named too (it had had no name).
      // Numbered: two rows of one name had read as a mistake.
      '毒源/上线 ②',
      '运输',
      '分销',
      '零包',
      '吸毒',
      '毒资/保护伞',
      // People in no tier and linked to none: a row of their own, named apart (as on screen).
      '未分层',
    ]);
    expect(rows.map((row) => row.y)).toEqual([...rows.map((row) => row.y)].sort((a, b) => a - b));
    expect(new Set(rows.map((row) => row.y)).size).toBe(rows.length);

    // Each person's icon centre, by name.
    const iconY = new Map(
      [
        ...picture.matchAll(
          /<title>([^<]*)<\/title>(?:<circle[^>]*>)?<use class="node-icon"[^>]*? y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
        ),
      ].map((match) => [match[1]!, Number(match[2]) + Number(match[3]) / 2]),
    );
    // A tier's block: its named row and the rows under it before the next name (a source
    // supplied by another source sits one row under it, as on screen).
    const blockOf = (y: number | undefined) =>
      y === undefined
        ? undefined
        : rows
            .filter((row) => row.y <= y)
            .at(-1)
            ?.name.replace(/ [①②③]$/, '');
    const chain = JSON.parse(
      (await run(['chain', '--case', 'A3301052026030015', '--json'])).stdout,
    ) as {
      members: { label: string; tier: string | null }[];
    };
    const tierName: Record<string, string> = {
      source: '毒源/上线',
      transport: '运输',
      distribution: '分销',
      retail: '零包',
      consumption: '吸毒',
      finance: '毒资/保护伞',
    };
    // Every tiered person of the case drawn in the block of its tier.
    const tiered = chain.members.filter((member) => member.tier && iconY.has(member.label));
    expect(tiered.length).toBeGreaterThanOrEqual(15);
    expect(tiered.map((member) => [member.label, blockOf(iconY.get(member.label))])).toEqual(
      tiered.map((member) => [member.label, tierName[member.tier!]]),
    );
    // Each tier's people on one y, but for the sources: 李某华, supplied by 岩某, a row under.
    const ysOf = (tier: string) =>
      new Set(tiered.filter((member) => member.tier === tier).map((m) => iconY.get(m.label)));
    expect(
      ['transport', 'distribution', 'retail', 'consumption', 'finance'].map((tier) => [
        tier,
        [...ysOf(tier)],
      ]),
    ).toEqual(
      ['transport', 'distribution', 'retail', 'consumption', 'finance'].map((tier) => [
        tier,
        [rows.find((row) => row.name === tierName[tier])!.y],
      ]),
    );
    const sourceRow = rows[0]!.y;
    expect([iconY.get('岩某'), iconY.get('李某华')! > sourceRow]).toEqual([sourceRow, true]);
  });

  it('prints no link that is not there and names all 50 entities, in Chinese and in English', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const picture = async (lang: string[]) => {
      const svg = path.join(makeTempDir(), 'chart.svg');
      const drawn = await execCli(
        ['graph', '--case', 'A3301052026030015', '--format', 'svg', '--out', svg, ...lang, '--workspace', dir, '--user', 'demo'],
        { QUANLIAN_PASSWORD: 'Quanlian@2026' },
      ); // prettier-ignore
      expect([drawn.status, drawn.stderr]).toEqual([0, '']);
      return fs.readFileSync(svg, 'utf8');
    };
    for (const svg of [await picture([]), await picture(['--lang', 'en'])]) {
      // The tester's: 17757103386 → 13857162094 通话 had run along the 分销 row through 刘某 and
      // 陈某辉, 刘某's 成员 through 黄某 and a phone; 17 entities had been printed nameless.
      expect(relationsThroughIcons(svg)).toEqual([]);
      const call = chartRelations(svg).find(
        (relation) => relation.from === '17757103386' && relation.to === '13857162094',
      );
      expect(call?.kind).toBe('C');
      // Round what is in the way, not round the page: no relation more than 80 px longer than
      // the straight line between its ends (English names, twice as wide, had sent three
      // supplies round in loops half the page long).
      const detours = chartRelations(svg)
        .map((relation) => {
          const { points } = relation;
          let drawn = 0;
          for (let index = 1; index < points.length; index++)
            drawn += Math.hypot(
              points[index]!.x - points[index - 1]!.x,
              points[index]!.y - points[index - 1]!.y,
            );
          const chord = Math.hypot(
            points.at(-1)!.x - points[0]!.x,
            points.at(-1)!.y - points[0]!.y,
          );
          return {
            relation: `${relation.type}: ${relation.from} → ${relation.to}`,
            extra: drawn - chord,
          };
        })
        .filter(({ extra }) => extra > 80);
      expect(detours).toEqual([]);
      const icons = chartIcons(svg);
      expect(icons).toHaveLength(50);
      const names = textBoxes(svg, 'node-label');
      expect(names).toHaveLength(50);
      expect(svg).not.toMatch(/entities unnamed|个实体未标名称/);
      // No name on another, no relation's label on a name or a status ("supplies" had sat
      // under "(At large)").
      const written = [...names, ...textBoxes(svg, 'node-status')];
      const meeting = (boxes: typeof written, others: typeof written) =>
        boxes.flatMap((box, index) =>
          others
            .filter((other, at) => (boxes === others ? at > index : true) && boxesMeet(box, other))
            .map((other) => `${box.text} / ${other.text}`),
        );
      expect(meeting(written, written)).toEqual([]);
      expect(meeting(textBoxes(svg, 'edge-label'), written)).toEqual([]);
    }
  });
});
