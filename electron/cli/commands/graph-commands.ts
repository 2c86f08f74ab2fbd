import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/app-error';
import { chainAnalysis } from '../../core/graph/chain-analysis';
import { forceLayout } from '../../core/graph/force-layout';
import { caseGraph, loadNodes } from '../../core/graph/graph-data';
import { exportGraph, type GraphExportFormat } from '../../core/graph/graph-export';
import { findPaths } from '../../core/graph/graph-paths';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import type { CommandOptions } from '../command-options';
import { caseIdByNumber, readOnly } from './case-commands';

const formats: GraphExportFormat[] = ['graphml', 'anx', 'json'];

/** `graph --case CASE_NO --format graphml|anx|json --out FILE`: a case's chart, laid out (ForceAtlas2). */
export async function graphCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const caseNo = requireOption(options.case, 'case');
  const format = requireOption(options.format, 'format') as GraphExportFormat;
  if (!formats.includes(format))
    throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  const file = path.resolve(requireOption(options.out, 'out'));
  const exported = await readOnly(options, secrets, (workspace) => {
    const caseId = caseIdByNumber(workspace.db, caseNo);
    const data = caseGraph(workspace.db, caseId);
    const positions = forceLayout(
      data.nodes.map((node) => node.id),
      data.edges.map((edge) => [edge.from, edge.to]),
      200,
    );
    return { data, file: exportGraph(workspace, data, format, positions, caseId) };
  });
  // Owner-only: the file holds case data outside the encrypted workspace.
  fs.writeFileSync(file, exported.file.content, { mode: 0o600 });
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
  const result = await readOnly(options, secrets, (workspace) => {
    if (loadNodes(workspace.db, [fromId, toId]).length < (fromId === toId ? 1 : 2)) {
      throw new AppError('entities.notFound', 'No entity with this ID');
    }
    workspace.audit({ action: 'graph.pathCli', details: { fromId, toId, maxHops } });
    return findPaths(workspace.db, {
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
  const chain = await readOnly(options, secrets, (workspace) => {
    const caseId = caseIdByNumber(workspace.db, caseNo);
    workspace.audit({
      action: 'graph.chainCli',
      targetType: 'case',
      targetId: caseId,
      details: { caseId },
    });
    return chainAnalysis(workspace.db, caseId);
  });
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
