import { englishRelationShortNames, relationShortNames } from '../../api/domain/chart-look';
import type { GraphData } from '../../api/schemas/graph-schemas';
import { exchangePosition } from './exchange-position';
import { xmlText } from './xml-text';

const nodeKeys = [
  ['kind', 'string'],
  // bank/alipay, gang, stash_house…; and whether the entity is the case's or came in beside it.
  ['subtype', 'string'],
  ['inCase', 'boolean'],
  ['label', 'string'],
  ['identifier', 'string'],
  ['legalStatus', 'string'],
  ['roleInCase', 'string'],
  ['chainTier', 'string'],
  ['x', 'double'],
  ['y', 'double'],
] as const;

const edgeKeys = [
  ['type', 'string'],
  // The type's name in the export's language (供货, supplies): yEd and Gephi show it on the
  // edge; the type code alone had said nothing to a reader who does not know the codes.
  ['label', 'string'],
  ['directed', 'boolean'],
  ['startedOn', 'string'],
  ['endedOn', 'string'],
  ['amountFen', 'long'],
  ['eventCount', 'long'],
  ['messageCount', 'long'],
  ['durationSeconds', 'long'],
  ['reliability', 'string'],
  ['credibility', 'int'],
  ['source', 'string'],
] as const;

/**
 * GraphML of a chart: entities and relations with their types and key properties as typed
 * attributes, so it opens in Gephi, yEd and networkx. The graph is directed and every edge
 * follows that default: an undirected relation (kin, calls, co-offenders) is one edge from
 * its recorded first end with `directed=false` as data. A per-edge `directed` XML attribute
 * would mix defaults, which networkx refuses ("directed=false edge found in directed graph").
 * Positions have y pointing up, as in the GEXF (exchange-position.ts).
 */
export function toGraphml(
  data: GraphData,
  positions: Record<string, { x: number; y: number }> = {},
  /** The language of the relations' labels. */
  language: 'zh-CN' | 'en' = 'zh-CN',
): string {
  const relationNames = language === 'en' ? englishRelationShortNames : relationShortNames;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map(
      ([name, type]) =>
        `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`,
    ),
    ...edgeKeys.map(
      ([name, type]) =>
        `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`,
    ),
    '  <graph id="quanlian" edgedefault="directed">',
  ];
  const data_ = (prefix: string, name: string, value: unknown) =>
    value === null || value === undefined
      ? []
      : [`      <data key="${prefix}_${name}">${xmlText(value as string)}</data>`];
  for (const node of data.nodes) {
    const position = positions[node.id] && exchangePosition(positions[node.id]);
    lines.push(
      `    <node id="${xmlText(node.id)}">`,
      ...data_('n', 'kind', node.kind),
      ...data_('n', 'subtype', node.subtype),
      ...data_('n', 'inCase', node.inCase),
      ...data_('n', 'label', node.label),
      ...data_('n', 'identifier', node.identifier),
      ...data_('n', 'legalStatus', node.legalStatus),
      ...data_('n', 'roleInCase', node.roleInCase),
      ...data_('n', 'chainTier', node.chainTier),
      ...data_('n', 'x', position?.x),
      ...data_('n', 'y', position?.y),
      '    </node>',
    );
  }
  for (const edge of data.edges) {
    lines.push(
      `    <edge id="${xmlText(edge.id)}" source="${xmlText(edge.from)}" target="${xmlText(edge.to)}">`,
      ...edgeKeys.flatMap(([name]) =>
        data_('e', name, name === 'label' ? relationNames[edge.type] : edge[name]),
      ),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
