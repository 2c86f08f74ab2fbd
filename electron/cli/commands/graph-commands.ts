import fs from 'node:fs';
import path from 'node:path';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import { caseIdOf, withSession } from '../cli-router';
import type { CommandOptions } from '../command-options';

const formats = ['graphml', 'anx', 'json'] as const;
type GraphFormat = (typeof formats)[number];

/** `graph --case CASE_NO --format graphml|anx|json --out FILE`: a case's chart, laid out (ForceAtlas2). */
export async function graphCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const caseNo = requireOption(options.case, 'case');
  const format = requireOption(options.format, 'format') as GraphFormat;
  if (!formats.includes(format))
    throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  const file = path.resolve(requireOption(options.out, 'out'));
  const exported = await withSession(options, secrets, async (client) => {
    const caseId = await caseIdOf(client, caseNo);
    const data = await client.call('graph.case', { caseId });
    const nodeIds = data.nodes.map((node) => node.id);
    const positions = await client.call('graph.layout', {
      nodeIds,
      edges: data.edges.map((edge) => [edge.from, edge.to]),
      iterations: 200,
    });
    const document = await client.call('graph.export', { format, nodeIds, positions, caseId });
    return { data, document };
  });
  // Owner-only: the file holds case data outside the encrypted workspace.
  fs.writeFileSync(file, exported.document.content, { mode: 0o600 });
  out.result(
    { file, format, nodes: exported.data.nodes.length, edges: exported.data.edges.length },
    `${exported.data.nodes.length} entities, ${exported.data.edges.length} relations → ${file}`,
  );
}

/** `path --from ID --to ID [--max-hops N] [--all]`: shortest (or all) paths between two entities. */
export async function pathCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const fromId = requireOption(options.from, 'from');
  const toId = requireOption(options.to, 'to');
  const maxHops = options['max-hops'] ? Number(options['max-hops']) : 4;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6)
    throw new UsageError('--max-hops must be 1 to 6');
  const result = await withSession(options, secrets, async (client) => {
    // Unknown IDs are named as such rather than reported as "no path".
    await client.call('entities.get', { id: fromId });
    await client.call('entities.get', { id: toId });
    return client.call('graph.paths', {
      fromId,
      toId,
      maxHops,
      mode: options.all ? 'all' : 'shortest',
    });
  });
  const label = (id: string) => result.graph.nodes.find((node) => node.id === id)?.label ?? id;
  out.result(
    {
      paths: result.paths.map((found) => ({
        ...found,
        labels: found.nodeIds.map(label),
        types: found.edgeIds.map(
          (id) => result.graph.edges.find((edge) => edge.id === id)?.type ?? null,
        ),
      })),
      capped: result.capped,
    },
    result.paths.length
      ? result.paths.map((found) => found.nodeIds.map(label).join(' — ')).join('\n')
      : `No path within ${maxHops} hops.`,
  );
}

/** `chain --case CASE_NO`: tiers, the sources and the gaps of a case's supply chain. */
export async function chainCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const caseNo = requireOption(options.case, 'case');
  const chain = await withSession(options, secrets, async (client) =>
    client.call('graph.chain', { caseId: await caseIdOf(client, caseNo) }),
  );
  const label = (id: string) => chain.members.find((member) => member.entityId === id)?.label ?? id;
  const tiers = [
    ...new Set(chain.members.map((member) => member.tier).filter((tier) => tier !== null)),
  ];
  out.result(
    { ...chain, sources: chain.sourceIds.map((id) => ({ entityId: id, label: label(id) })) },
    [
      `${caseNo.toUpperCase()} supply chain`,
      ...tiers.map(
        (tier) =>
          `  ${tier}: ${chain.members
            .filter((member) => member.tier === tier)
            .map((member) => member.label)
            .join(', ')}`,
      ),
      `sources: ${chain.sourceIds.map(label).join(', ') || 'none known'}`,
      chain.gaps.length
        ? 'gaps (nobody known upstream):'
        : 'no gaps: every dealer has a known upstream',
      ...chain.gaps.map(
        (gap) => `  ${gap.label} (${gap.tier ?? 'no tier'}) supplies ${gap.suppliesTo}`,
      ),
    ].join('\n'),
  );
}
