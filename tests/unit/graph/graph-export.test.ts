import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { anxIconTypes, toAnx } from '../../../electron/core/graph/anx-export';
import { toGraphml } from '../../../electron/core/graph/graphml-export';
import { edge, graph, node } from './fixtures';

const hostile = '<script>alert(1)</script> & "引号"\u0007';
const data = graph(
  [
    node('p1', {
      label: '张某龙',
      identifier: '330105198506142859',
      legalStatus: 'arrested',
      chainTier: 'distribution',
    }),
    node('p2', { label: hostile }),
    node('t1', {
      kind: 'phone',
      label: '13857162094',
      identifier: '13857162094',
      roleInCase: 'involved',
    }),
  ],
  [
    { ...edge('p2', 'p1', 'supplies'), reliability: 'A', credibility: 2, amountFen: 84_500_050 },
    { ...edge('p1', 't1', 'uses'), directed: true },
    { ...edge('p1', 'p2', 'kin', 'k'), directed: false },
  ],
);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['node', 'edge', 'data', 'key', 'ChartItem', 'Attribute'].includes(name),
});

describe('GraphML export', () => {
  it('parses back with the same nodes, edges and attributes', () => {
    const xml = toGraphml(data, { p1: { x: 10, y: -20 } });
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml).graphml;
    const keys = Object.fromEntries(
      parsed.key.map((key: { id: string; 'attr.name': string }) => [key.id, key['attr.name']]),
    );
    const attributes = (element: { data: { key: string; '#text': unknown }[] }) =>
      Object.fromEntries(element.data.map((entry) => [keys[entry.key], String(entry['#text'])]));
    expect(parsed.graph.node).toHaveLength(3);
    expect(parsed.graph.edge).toHaveLength(3);
    expect(attributes(parsed.graph.node[0])).toEqual({
      kind: 'person',
      // Whether the entity is the case's (one brought in beside it is not).
      inCase: 'true',
      label: '张某龙',
      identifier: '330105198506142859',
      legalStatus: 'arrested',
      roleInCase: 'suspect',
      chainTier: 'distribution',
      x: '10',
      // y points up, as in the GEXF.
      y: '20',
    });
    expect(attributes(parsed.graph.node[1]).label).toBe('<script>alert(1)</script> & "引号"');
    const supply = parsed.graph.edge[0];
    expect([supply.source, supply.target, supply.directed]).toEqual(['p2', 'p1', undefined]);
    expect(parsed.graph.edgedefault).toBe('directed');
    expect(attributes(supply)).toMatchObject({
      type: 'supplies',
      directed: 'true',
      reliability: 'A',
      credibility: '2',
      amountFen: '84500050',
    });
    expect(attributes(parsed.graph.edge[2]).directed).toBe('false');
    expect(xml).not.toContain('<script>');
  });
});

describe('i2 ANX export', () => {
  it('is well-formed XML with every entity and link, escaped', () => {
    const xml = toAnx(data, { p1: { x: 100.4, y: 200.6 } });
    expect(XMLValidator.validate(xml)).toBe(true);
    const chart = parser.parse(xml).Chart;
    const items = chart.ChartItemCollection.ChartItem as {
      Label: string;
      XPosition?: string;
      End?: { Y: string; Entity: { EntityId: string } };
      Link?: { End1Id: string; End2Id: string; LinkStyle: { ArrowStyle: string } };
    }[];
    const entities = items.filter((item) => item.End);
    const links = items.filter((item) => item.Link);
    expect(entities.map((item) => [item.End!.Entity.EntityId, item.Label])).toEqual([
      ['p1', '张某龙'],
      ['p2', hostile.replace('\u0007', '')],
      ['t1', '13857162094'],
    ]);
    expect([entities[0]!.XPosition, entities[0]!.End!.Y]).toEqual(['100', '201']);
    expect(
      links.map((item) => [
        item.Link!.End1Id,
        item.Link!.End2Id,
        item.Label,
        item.Link!.LinkStyle.ArrowStyle,
      ]),
    ).toEqual([
      ['p2', 'p1', '供货', 'ArrowOnHead'],
      ['p1', 't1', '使用', 'ArrowOnHead'],
      ['p1', 'p2', '亲属', 'ArrowNone'],
    ]);
    expect(xml).not.toContain('<script>');
    // Values by their names, the entity's place in the case, the link's amount, colour and date.
    expect(xml).toContain('<Attribute AttributeClass="法律状态" Value="逮捕"/>');
    expect(xml).toContain('<Attribute AttributeClass="本案" Value="是"/>');
    expect(xml).toContain('<Attribute AttributeClass="金额（元）" Value="845000.50"/>');
    expect(xml).not.toContain('Colour="0"');
    const dated = toAnx({
      ...data,
      edges: [{ ...data.edges[0]!, startedOn: '2026-01-08', endedOn: '2026-06-20' }],
    });
    expect(dated).toContain('DateSet="true" DateTime="2026-01-08T00:00:00" TimeSet="false"');
    expect(dated).toContain('<Attribute AttributeClass="截止日期" Value="2026-06-20"/>');
  });
});

describe('i2 ANX structure, read back', () => {
  // No XSD for ANX is available offline: the structure is held to i2's documented elements
  // (Chart → type collections → ChartItemCollection; ChartItem → End/Entity/Icon or Link).
  const readBack = (xml: string) =>
    new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      preserveOrder: false,
      isArray: (name) =>
        ['ChartItem', 'EntityType', 'LinkType', 'AttributeClass', 'Attribute'].includes(name),
    }).parse(xml).Chart;

  it('declares every type it uses, links only entities it holds, and names i2 standard icons', () => {
    const kinds = ['person', 'organisation', 'location', 'phone', 'vehicle', 'account', 'parcel'];
    const all = {
      nodes: kinds.map((kind, index) => node(`n${index}`, { kind: kind as never })),
      edges: [
        edge('n0', 'n1', 'member_of'),
        edge('n0', 'n3', 'uses'),
        edge('n0', 'n5', 'finances'),
      ],
      truncated: false,
    };
    const xml = toAnx(all, { n0: { x: 10, y: 20 } });
    // The collections in i2's order: types before the items that use them.
    expect([...xml.matchAll(/^ {2}<(\w+)>/gm)].map((match) => match[1])).toEqual([
      'AttributeClassCollection',
      'LinkTypeCollection',
      'EntityTypeCollection',
      'ChartItemCollection',
    ]);
    const chart = readBack(xml);
    expect([chart.IdReferenceLinking, chart.Rigorous]).toEqual(['false', 'true']);
    const entityTypes = chart.EntityTypeCollection.EntityType as {
      Name: string;
      IconFile: string;
    }[];
    expect(entityTypes.map((type) => [type.Name, type.IconFile])).toEqual([
      ['人员', 'Person'],
      ['组织', 'Organisation'],
      ['地点', 'Place'],
      ['电话', 'Phone'],
      ['车辆', 'Car'],
      ['账户', 'Account'],
      ['包裹', 'Package'],
    ]);
    const items = chart.ChartItemCollection.ChartItem as {
      XPosition?: string;
      End?: {
        X: string;
        Y: string;
        Entity: { EntityId: string; Icon: { IconStyle: { Type: string } } };
      };
      Link?: { End1Id: string; End2Id: string; LinkStyle: { Type: string } };
    }[];
    const entities = items.filter((item) => item.End);
    expect(entities).toHaveLength(7);
    expect([entities[0]!.XPosition, entities[0]!.End!.X, entities[0]!.End!.Y]).toEqual([
      '10',
      '10',
      '20',
    ]);
    const declared = new Set(entityTypes.map((type) => type.Name));
    expect(entities.every((item) => declared.has(item.End!.Entity.Icon.IconStyle.Type))).toBe(true);
    const ids = new Set(entities.map((item) => item.End!.Entity.EntityId));
    const linkTypes = new Set(
      (chart.LinkTypeCollection.LinkType as { Name: string }[]).map((type) => type.Name),
    );
    const links = items.filter((item) => item.Link).map((item) => item.Link!);
    expect(links.map((link) => [link.End1Id, link.End2Id, link.LinkStyle.Type])).toEqual([
      ['n0', 'n1', '成员'],
      ['n0', 'n3', '使用'],
      ['n0', 'n5', '资金往来'],
    ]);
    expect(links.every((link) => ids.has(link.End1Id) && ids.has(link.End2Id))).toBe(true);
    expect(links.every((link) => linkTypes.has(link.LinkStyle.Type))).toBe(true);
    expect(Object.keys(anxIconTypes).sort()).toEqual([...kinds].sort());
  });
});
