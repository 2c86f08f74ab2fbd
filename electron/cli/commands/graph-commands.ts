import path from 'node:path';
import { relationTypes, type RelationType } from '../../api/domain/relation-types';
import { chainTiers } from '../../api/domain/person-vocabulary';
import type { ChainGap } from '../../api/schemas/graph-schemas';
import { enumText } from '../../api/i18n/document-text';
import { relationShortNames } from '../../api/domain/chart-look';
import { caseChainLayout, type ChainWords } from '../../api/domain/case-chain-layout';
import { translator } from '../../api/i18n/translator';
import { classifications, type Classification } from '../../api/schemas/briefing-schemas';
import { withChromiumDocuments } from '../chromium-documents';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import { caseIdOf, withSession } from '../cli-router';
import { resolveEntityReference } from '../entity-reference';
import type { CommandOptions } from '../command-options';
import { writeFileAtomic } from '../../core/durable-file';
import { tierColumnWidth, titledChartAspect } from '../../core/graph/chart-svg-renderer';

const formats = ['graphml', 'gexf', 'anx', 'json', 'svg', 'png', 'pdf'] as const;
type GraphFormat = (typeof formats)[number];
const pages = ['A4', 'A3'] as const;
/** The formats that are the printed picture of the chart. */
const drawn: readonly GraphFormat[] = ['svg', 'png', 'pdf'];

/** The chain's words in the command's language, as the chart page names its rows and statuses. */
function chainWords(language: 'zh-CN' | 'en'): ChainWords {
  const enums = enumText(language);
  return {
    tierName: enums.chainTier,
    untieredName: translator(language)('graph.chainUntiered'),
    legalStatusName: enums.legalStatus,
  };
}

/**
 * `graph --case CASE_NO --format graphml|gexf|anx|json|svg|png|pdf --out FILE [--page A4|A3]
 * [--classification C]`: a case's chart as a file for Gephi, networkx or i2 (laid out by
 * ForceAtlas2), or as the picture the app prints of its supply-chain layout (a row per tier,
 * named at its left; icons, labels, title block, legend).
 */
export async function graphCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const caseNo = requireOption(options.case, 'case');
  const format = requireOption(options.format, 'format') as GraphFormat;
  if (!formats.includes(format))
    throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  const page = (options.page ?? 'A4') as (typeof pages)[number];
  if (!pages.includes(page)) throw new UsageError('--page must be A4 or A3');
  const classification = (options.classification ?? 'internal') as Classification;
  if (!classifications.includes(classification))
    throw new UsageError(`--classification must be one of ${classifications.join(', ')}`);
  const file = path.resolve(requireOption(options.out, 'out'));
  const language = options.lang === 'en' ? 'en' : 'zh-CN';
  // PNG and PDF are drawn by Chromium, as the app prints them.
  const pictured = format === 'png' || format === 'pdf';
  const exported = await withChromiumDocuments(pictured, (documents) =>
    withSession(
      options,
      secrets,
      async (client) => {
        const caseId = await caseIdOf(client, caseNo);
        const data = await client.call('graph.case', { caseId });
        const nodeIds = data.nodes.map((node) => node.id);
        // A picture is the chart page's supply chain, rows named; files for other tools keep
        // ForceAtlas2, as the page's own files of a case opened in its default force layout.
        const { positions, tiers } = drawn.includes(format)
          ? caseChainLayout(data, chainWords(language), (rowNames) =>
              titledChartAspect(page, tierColumnWidth(rowNames)),
            )
          : {
              positions: await client.call('graph.layout', {
                nodeIds,
                edges: data.edges.map((edge) => [edge.from, edge.to]),
                iterations: 200,
              }),
              tiers: [],
            };
        const document = await client.call('graph.export', {
          format,
          nodeIds,
          positions,
          tiers,
          caseId,
          page,
          classification,
          language,
          unmaskIds: Boolean(options.unmask),
        });
        return { data, document };
      },
      documents,
    ),
  );
  // Owner-only (0600 even over an existing file): it holds case data outside the workspace.
  writeFileAtomic(file, Buffer.from(exported.document.content, exported.document.encoding));
  out.result(
    { file, format, nodes: exported.data.nodes.length, edges: exported.data.edges.length },
    `${exported.data.nodes.length} entities, ${exported.data.edges.length} relations → ${file}`,
  );
}

const arrows = { forward: '→', backward: '←', undirected: '—' } as const;

/** How far `path --all` looks without --max-hops (said in --help and in its output). */
const defaultAllPathsHops = 4;

/**
 * `path --from ENTITY --to ENTITY [--max-hops N] [--all | --k N] [--types supplies,finances]`:
 * the shortest path (no hop cap unless --max-hops), the k shortest, or all simple paths up to N
 * hops, each step with its relation type and direction. An end is an entity ID or a phone, ID
 * number, plate, account or name that one entity holds. False when no path was found, so a
 * script can tell (exit code 1).
 */
export async function pathCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<boolean> {
  const from = requireOption(options.from, 'from');
  const to = requireOption(options.to, 'to');
  const maxHops = options['max-hops'] === undefined ? undefined : Number(options['max-hops']);
  if (maxHops !== undefined && (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 12))
    throw new UsageError('--max-hops must be 1 to 12');
  const k = options.k === undefined ? undefined : Number(options.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 50))
    throw new UsageError('--k must be 1 to 50');
  const types = options.types?.split(',').map((type) => type.trim()) as RelationType[] | undefined;
  const unknownType = types?.find((type) => !relationTypes.includes(type));
  if (unknownType !== undefined)
    throw new UsageError(
      `--types takes relation types (${relationTypes.join(', ')}), not "${unknownType}"`,
    );
  if (options.all && k !== undefined)
    throw new UsageError('--all and --k are two searches: give one');
  const mode = options.all ? 'all' : k !== undefined ? 'kShortest' : 'shortest';
  // Every simple path is looked for up to 4 hops unless told (the search grows fast with them),
  // and the output says so: a 9-hop pair had come back as "no path" with nothing said of it.
  const searchedHops = maxHops ?? (mode === 'all' ? defaultAllPathsHops : undefined);
  const defaulted = maxHops === undefined && searchedHops !== undefined;
  const result = await withSession(options, secrets, async (client) => {
    // Unknown ends are named as such rather than reported as "no path".
    const fromId = await resolveEntityReference(client, from);
    const toId = await resolveEntityReference(client, to);
    return client.call('graph.paths', {
      fromId,
      toId,
      maxHops: searchedHops,
      mode,
      k,
      relationTypes: types,
    });
  });
  const label = (id: string) => result.graph.nodes.find((node) => node.id === id)?.label ?? id;
  // Relation types by name in the command's language (member_of had been printed as a code).
  const english = options.lang === 'en';
  const typeName = english ? enumText('en').relationType : relationShortNames;
  const hops = (count: number) => (english ? `${count} hops: ` : `${count} 跳：`);
  const limit = english
    ? `(--all looks up to ${searchedHops} hops unless --max-hops N is given)`
    : `（--all 未给 --max-hops 时只找 ${searchedHops} 跳以内）`;
  const noPath =
    searchedHops === undefined
      ? english
        ? 'No path.'
        : '没有路径。'
      : english
        ? `No path within ${searchedHops} hops.`
        : `${searchedHops} 跳以内没有路径。`;
  out.result(
    {
      paths: result.paths.map((found) => ({
        ...found,
        labels: found.nodeIds.map(label),
        types: found.steps.map((step) => step.type),
        directions: found.steps.map((step) => step.direction),
      })),
      capped: result.capped,
      ...(searchedHops === undefined ? {} : { maxHops: searchedHops }),
    },
    result.paths.length
      ? [
          ...result.paths.map((found) =>
            [
              hops(found.steps.length),
              label(found.nodeIds[0]!),
              ...found.steps.map(
                (step, at) =>
                  ` ${arrows[step.direction]}${typeName[step.type]}${step.alsoRelationIds.length ? `×${step.alsoRelationIds.length + 1}` : ''}${arrows[step.direction]} ${label(found.nodeIds[at + 1]!)}`,
              ),
            ].join(''),
          ),
          ...(defaulted ? [limit] : []),
        ].join('\n')
      : defaulted
        ? `${noPath}${english ? ' ' : ''}${limit}`
        : noPath,
  );
  return result.paths.length > 0;
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
  // Upstream to downstream (制毒 → 毒源 → 运输 → 分销 → 零售 → 吸毒, 毒资 last), in the command's
  // language: the tiers had come in the order members were met, as English codes.
  const english = options.lang === 'en';
  const tierName = enumText(english ? 'en' : 'zh-CN').chainTier;
  const present = new Set(chain.members.map((member) => member.tier));
  const tiers = chainTiers.filter((tier) => present.has(tier));
  const list = (labels: string[]) => labels.join(english ? ', ' : '、');
  // 源头未查明 and 上线未明 are two findings: a chain whose top is no recorded source, and a
  // person with nobody known upstream.
  const gapLines = (kind: ChainGap['kind'], heading: string) => {
    const gaps = chain.gaps.filter((gap) => gap.kind === kind);
    return gaps.length
      ? [
          heading,
          ...gaps.map((gap) => {
            const tier = gap.tier ? tierName[gap.tier] : english ? 'no tier' : '未定层级';
            return english
              ? `  ${gap.label} (${tier}) supplies ${gap.suppliesTo}`
              : `  ${gap.label}（${tier}）供货 ${gap.suppliesTo} 人`;
          }),
        ]
      : [];
  };
  out.result(
    { ...chain, sources: chain.sourceIds.map((id) => ({ entityId: id, label: label(id) })) },
    [
      english
        ? `${caseNo.toUpperCase()} supply chain, upstream to downstream`
        : `${caseNo.toUpperCase()} 供应链（上游 → 下游）`,
      ...tiers.map(
        (tier) =>
          `  ${tierName[tier]}${english ? ': ' : '：'}${list(
            chain.members.filter((member) => member.tier === tier).map((member) => member.label),
          )}`,
      ),
      english
        ? `sources: ${list(chain.sourceIds.map(label)) || 'none known'}`
        : `毒源：${list(chain.sourceIds.map(label)) || '未知'}`,
      ...gapLines(
        'sourceUnknown',
        english
          ? 'source not established (the top of the chain is no established source, or at large):'
          : '源头未查明（链条顶端不是已查明的毒源，含在逃）：',
      ),
      ...gapLines(
        'upstreamUnknown',
        english ? 'upstream unknown (nobody known upstream):' : '上线未明（无已知上线）：',
      ),
      ...(chain.gaps.length
        ? []
        : [
            english
              ? 'no gaps: every dealer has a known upstream'
              : '无缺口：每名贩毒人员均有已知上线',
          ]),
    ].join('\n'),
  );
}
