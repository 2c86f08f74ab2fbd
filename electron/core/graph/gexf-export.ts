import {
  englishRelationShortNames,
  relationShortNames,
  relationStyles,
} from '../../api/domain/chart-look';
import { kindColours } from '../../api/domain/entity-kinds';
import type { GraphData } from '../../api/schemas/graph-schemas';
import { exchangePosition } from './exchange-position';
import { xmlText } from './xml-text';

const nodeAttributes = [
  ['kind', 'string'],
  // bank/alipay, gang, stash_house…; and whether the entity is the case's or came in beside it.
  ['subtype', 'string'],
  ['inCase', 'boolean'],
  ['identifier', 'string'],
  ['legalStatus', 'string'],
  ['roleInCase', 'string'],
  ['chainTier', 'string'],
] as const;

const edgeAttributes = [
  ['type', 'string'],
  ['directed', 'boolean'],
  ['amountFen', 'long'],
  ['eventCount', 'long'],
  ['messageCount', 'long'],
  ['durationSeconds', 'long'],
  ['reliability', 'string'],
  ['credibility', 'integer'],
  ['source', 'string'],
  ['caseNo', 'string'],
] as const;

function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `r="${(value >> 16) & 255}" g="${(value >> 8) & 255}" b="${value & 255}"`;
}

/** A stored date (YYYY-MM-DD or an ISO time) as GEXF's `date` time format. */
const day = (value: string | null) => (value ? value.slice(0, 10) : null);

/**
 * GEXF 1.2 of a chart for Gephi: nodes with their positions (as laid out), kind colours and
 * sizes; relations with their type as label and colour and their period as a time interval
 * (`start`/`end`), so Gephi's timeline filters the chart by when relations held. Like the
 * GraphML, the graph is directed throughout: an undirected relation keeps `directed=false` as
 * an attribute instead of a per-edge type, which Gephi and networkx would refuse to mix.
 */
export function toGexf(
  data: GraphData,
  positions: Record<string, { x: number; y: number }> = {},
  meta: { creator: string; description: string; lastModified: string } = {
    creator: 'Quanlian',
    description: '',
    lastModified: new Date(0).toISOString(),
  },
  /** The language of the relations' labels (Gephi shows them on the edges). */
  language: 'zh-CN' | 'en' = 'zh-CN',
): string {
  const relationNames = language === 'en' ? englishRelationShortNames : relationShortNames;
  const timed = data.edges.some((edge) => edge.startedOn || edge.endedOn);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    `  <meta lastmodifieddate="${meta.lastModified.slice(0, 10)}">`,
    `    <creator>${xmlText(meta.creator)}</creator>`,
    `    <description>${xmlText(meta.description)}</description>`,
    '  </meta>',
    `  <graph defaultedgetype="directed" mode="${timed ? 'dynamic' : 'static'}"${timed ? ' timeformat="date"' : ''}>`,
    '    <attributes class="node">',
    ...nodeAttributes.map(
      ([name, type]) => `      <attribute id="${name}" title="${name}" type="${type}"/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeAttributes.map(
      ([name, type]) => `      <attribute id="${name}" title="${name}" type="${type}"/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  const values = (pairs: [string, unknown][]) => {
    const present = pairs.filter(([, value]) => value !== null && value !== undefined);
    return present.length
      ? [
          '        <attvalues>',
          ...present.map(
            ([name, value]) =>
              `          <attvalue for="${name}" value="${xmlText(value as string)}"/>`,
          ),
          '        </attvalues>',
        ]
      : [];
  };
  for (const node of data.nodes) {
    const position = positions[node.id] && exchangePosition(positions[node.id]);
    lines.push(
      `      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}">`,
      ...values(nodeAttributes.map(([name]) => [name, node[name]])),
      `        <viz:color ${rgb(kindColours[node.kind])}/>`,
      `        <viz:size value="${node.kind === 'person' ? 10 : 7}"/>`,
      ...(position
        ? [
            `        <viz:position x="${position.x.toFixed(2)}" y="${position.y.toFixed(2)}" z="0.0"/>`,
          ]
        : []),
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of data.edges) {
    const start = day(edge.startedOn);
    const end = day(edge.endedOn);
    const interval = `${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}`;
    lines.push(
      `      <edge id="${xmlText(edge.id)}" source="${xmlText(edge.from)}" target="${xmlText(edge.to)}" label="${xmlText(relationNames[edge.type])}"${interval}>`,
      ...values(edgeAttributes.map(([name]) => [name, edge[name]])),
      `        <viz:color ${rgb(relationStyles[edge.type].color)}/>`,
      `        <viz:thickness value="${relationStyles[edge.type].width}"/>`,
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
