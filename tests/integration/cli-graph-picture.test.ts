import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
      '毒源/上线',
      // 李某华's row, under 岩某 who supplies him: of the same tier, named too (it had had no name).
      '毒源/上线',
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
      y === undefined ? undefined : rows.filter((row) => row.y <= y).at(-1)?.name;
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
});
