import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toAnx } from '../../../electron/core/graph/anx-export';
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
      label: '张某龙',
      identifier: '330105198506142859',
      legalStatus: 'arrested',
      roleInCase: 'suspect',
      chainTier: 'distribution',
      x: '10',
      y: '-20',
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
  });
});
