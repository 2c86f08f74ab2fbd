import {
  englishRelationShortNames,
  relationShortNames,
  relationStyles,
} from '../../api/domain/chart-look';
import type { EntityKind } from '../../api/domain/entity-kinds';
import type { GraphData } from '../../api/schemas/graph-schemas';
import { enumText } from '../../api/i18n/document-text';
import { xmlText } from './xml-text';

/**
 * i2 standard icon types for each kind, so entities arrive with the right icon. No i2 schema
 * or icon catalogue is published offline; these are the icon names of i2's standard palette
 * as written by other ANX writers tested against i2 (Person, Car, Phone, …).
 */
export const anxIconTypes: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  location: 'Place',
  phone: 'Phone',
  vehicle: 'Car',
  account: 'Account',
  parcel: 'Package',
};

/** The names of the attribute classes, in the chart's language (i2 shows them in full). */
const attributeNames = {
  'zh-CN': {
    identifier: '标识',
    legalStatus: '法律状态',
    chainTier: '链条层级',
    grading: '可靠性',
    inCase: '本案',
    subtype: '类别',
    amount: '金额（元）',
    count: '次数',
    endedOn: '截止日期',
    source: '来源',
    yes: '是',
    no: '否',
  },
  en: {
    identifier: 'Identifier',
    legalStatus: 'Legal status',
    chainTier: 'Chain tier',
    grading: 'Grading',
    inCase: 'In this case',
    subtype: 'Category',
    amount: 'Amount (yuan)',
    count: 'Count',
    endedOn: 'Until',
    source: 'Source',
    yes: 'yes',
    no: 'no',
  },
};
/** Figures i2 sums, sorts and filters as numbers; the rest are text. */
const numberClasses = new Set(['amount', 'count']);

/** A chart colour (#rrggbb) as i2's Colour, a Windows COLORREF (blue, green, red bytes). */
function colourRef(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  return ((value & 255) << 16) | (value & 0xff00) | ((value >> 16) & 255);
}

/** A chart item's attributes (class and value), the lines of its AttributeCollection. */
function attributeCollection(attributes: [string, string][]): string[] {
  if (!attributes.length) return [];
  return [
    '      <AttributeCollection>',
    ...attributes.map(
      ([name, value]) => `        <Attribute AttributeClass="${name}" Value="${xmlText(value)}"/>`,
    ),
    '      </AttributeCollection>',
  ];
}

/** A day or an instant as ANX's xsd:dateTime. */
function dateTime(value: string): string {
  return value.length === 10 ? `${value}T00:00:00` : value.slice(0, 19);
}

/**
 * i2 Analyst's Notebook exchange (ANX) XML of a chart as laid out: entity and link types,
 * attribute classes for identifiers and legal status, each entity at its position and each
 * relation as a link (arrow on the head when directed), so analysts can continue in i2.
 */
export function toAnx(
  data: GraphData,
  positions: Record<string, { x: number; y: number }> = {},
  language: 'zh-CN' | 'en' = 'zh-CN',
): string {
  // Entity type names as the UI says them (i2 shows them in its legend), and values' names.
  const names = enumText(language);
  const kindNames = names.entityKind;
  const relationNames: Record<string, string> =
    language === 'en' ? englishRelationShortNames : relationShortNames;
  const said = attributeNames[language];
  // A category by its name (银行账户, 窝点/仓库), not its code (bank, stash_house).
  const subtypeNames: Partial<Record<string, Record<string, string>>> = {
    organisation: names.orgType,
    location: names.locationType,
    account: names.accountType,
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Chart IdReferenceLinking="false" Rigorous="true">',
    '  <AttributeClassCollection>',
    ...(
      [
        'identifier',
        'legalStatus',
        'chainTier',
        'grading',
        'inCase',
        'subtype',
        'amount',
        'count',
        'endedOn',
        'source',
      ] as const
    ).map(
      (key) =>
        `    <AttributeClass Name="${said[key]}" Type="${numberClasses.has(key) ? 'AttNumber' : 'AttText'}" ShowValue="true"/>`,
    ),
    '  </AttributeClassCollection>',
    '  <LinkTypeCollection>',
    ...[...new Set(data.edges.map((edge) => edge.type))].map(
      (type) =>
        `    <LinkType Name="${xmlText(relationNames[type] ?? type)}" Colour="${colourRef(relationStyles[type].color)}"/>`,
    ),
    '  </LinkTypeCollection>',
    '  <EntityTypeCollection>',
    ...[...new Set(data.nodes.map((node) => node.kind))].map(
      (kind) => `    <EntityType Name="${kindNames[kind]}" IconFile="${anxIconTypes[kind]}"/>`,
    ),
    '  </EntityTypeCollection>',
    '  <ChartItemCollection>',
  ];
  data.nodes.forEach((node, index) => {
    const position = positions[node.id] ?? {
      x: (index % 20) * 120,
      y: Math.floor(index / 20) * 120,
    };
    // Values by their names (取保候审, 零包), not their codes; whether the entity is the case's.
    const attributes = [
      node.identifier ? [said.identifier, node.identifier] : null,
      node.legalStatus && node.legalStatus !== 'none'
        ? [said.legalStatus, names.legalStatus[node.legalStatus] ?? node.legalStatus]
        : null,
      node.chainTier ? [said.chainTier, names.chainTier[node.chainTier] ?? node.chainTier] : null,
      node.subtype ? [said.subtype, subtypeNames[node.kind]?.[node.subtype] ?? node.subtype] : null,
      [said.inCase, node.inCase ? said.yes : said.no],
    ].filter((pair): pair is [string, string] => pair !== null);
    lines.push(
      `    <ChartItem Label="${xmlText(node.label)}" DateSet="false" XPosition="${Math.round(position.x)}">`,
      `      <End X="${Math.round(position.x)}" Y="${Math.round(position.y)}" Z="0">`,
      // i2 takes entities of one type and Identity for one: two people named 张伟 stay two. A
      // masked number (3301**********1231) is many people's: the entity's ID stands in for it.
      `        <Entity EntityId="${xmlText(node.id)}" Identity="${xmlText(node.identifier && !node.identifier.includes('*') ? node.identifier : node.id)}">`,
      `          <Icon><IconStyle Type="${kindNames[node.kind]}"/></Icon>`,
      '        </Entity>',
      '      </End>',
      ...attributeCollection(attributes),
      '    </ChartItem>',
    );
  });
  for (const edge of data.edges) {
    const name = relationNames[edge.type] ?? edge.type;
    const grading =
      edge.reliability || edge.credibility
        ? `${edge.reliability ?? ''}${edge.credibility ?? ''}`
        : null;
    // The link's date (when the relation began), its end, amount, count and source as
    // attributes: the ANX had carried none of them.
    const attributes = [
      grading ? [said.grading, grading] : null,
      edge.amountFen ? [said.amount, (edge.amountFen / 100).toFixed(2)] : null,
      edge.eventCount ? [said.count, String(edge.eventCount)] : null,
      edge.endedOn ? [said.endedOn, edge.endedOn.slice(0, 10)] : null,
      edge.source ? [said.source, edge.source] : null,
    ].filter((pair): pair is [string, string] => pair !== null);
    const dated = edge.startedOn
      ? `DateSet="true" DateTime="${dateTime(edge.startedOn)}" TimeSet="${edge.startedOn.length > 10}"`
      : 'DateSet="false"';
    lines.push(
      `    <ChartItem Label="${xmlText(name)}" ${dated}>`,
      `      <Link End1Id="${xmlText(edge.from)}" End2Id="${xmlText(edge.to)}">`,
      `        <LinkStyle ArrowStyle="${edge.directed ? 'ArrowOnHead' : 'ArrowNone'}" Type="${xmlText(name)}"/>`,
      '      </Link>',
      ...attributeCollection(attributes),
      '    </ChartItem>',
    );
  }
  lines.push('  </ChartItemCollection>', '</Chart>', '');
  return lines.join('\n');
}
