import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toGexf } from '../../../electron/core/graph/gexf-export';
import { toGraphml } from '../../../electron/core/graph/graphml-export';
import { networkxPython } from '../../helpers/networkx-python';
import { edge, graph, node } from './fixtures';

/**
 * Someone else's reader (STYLE.md 18): networkx reads the files back. Python's networkx comes
 * from Debian's python3-networkx on the CI machine.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-nx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const script = `
import json, sys, networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if kind == 'graphml' else nx.read_gexf(path)
edges = sorted([u, v, d.get('type'), d.get('directed'), d.get('start'), d.get('end'), d.get('label')] for u, v, d in g.edges(data=True))
nodes = {n: {k: d[k] for k in ('kind', 'label', 'x', 'y', 'viz') if k in d} for n, d in g.nodes(data=True)}
print(json.dumps({'directed': g.is_directed(), 'multi': g.is_multigraph(), 'nodes': nodes, 'edges': edges}, ensure_ascii=False))
`;

function readWithNetworkx(content: string, kind: 'graphml' | 'gexf') {
  const file = path.join(dir, `chart.${kind}`);
  fs.writeFileSync(file, content);
  return JSON.parse(
    execFileSync(networkxPython, ['-c', script, file, kind], { encoding: 'utf8' }),
  ) as {
    directed: boolean;
    multi: boolean;
    nodes: Record<string, Record<string, unknown>>;
    edges: [string, string, string, boolean | null, string | null, string | null, string | null][];
  };
}

// Supply (directed), kin (undirected) and money between the same pair: the mix networkx refused.
const data = graph(
  [
    node('src', { label: '上线' }),
    node('dealer', { label: '下线' }),
    node('ph', { kind: 'phone', label: '13800000000' }),
  ],
  [
    edge('src', 'dealer', 'supplies', 'e1', { startedOn: '2024-01-05', endedOn: '2024-03-01' }),
    edge('src', 'dealer', 'finances', 'e2'),
    edge('dealer', 'src', 'kin', 'e3', { directed: false }),
    edge('dealer', 'ph', 'uses', 'e4', { startedOn: '2024-02-01' }),
  ],
);

// Each test starts Python and imports networkx (~1 s idle; over 5 s on two busy cores).
describe('networkx reads the exports back', { timeout: 30_000 }, () => {
  // No XSD check for GraphML: graphml.xsd (graphdrawing.org) is not available offline. Neither
  // node_modules nor the machine's Debian packages ship it (searched: networkx, graphviz's
  // graphml2gv, boost's graphml.hpp carry readers, no schema), and it cannot be downloaded here;
  // a schema written from memory would check nothing. The read-back by networkx stands for it.
  it('GraphML: one directed multigraph, every relation in its recorded direction, undirected ones marked', () => {
    const read = readWithNetworkx(toGraphml(data, { src: { x: 1, y: 2 } }), 'graphml');
    expect([read.directed, read.multi]).toEqual([true, true]);
    expect(Object.keys(read.nodes).sort()).toEqual(['dealer', 'ph', 'src']);
    // y points up in the exchange files (Gephi's way), down on the chart.
    expect(read.nodes['src']).toEqual({ kind: 'person', label: '上线', x: 1, y: -2 });
    expect(read.edges.map(([u, v, type, directed]) => [u, v, type, directed])).toEqual([
      ['dealer', 'ph', 'uses', true],
      ['dealer', 'src', 'kin', false],
      ['src', 'dealer', 'finances', true],
      ['src', 'dealer', 'supplies', true],
    ]);
  });

  it('GraphML: each relation carries its name in the chosen language, not only its type code', () => {
    const labels = (language: 'zh-CN' | 'en') =>
      readWithNetworkx(toGraphml(data, {}, language), 'graphml').edges.map(
        ([, , type, , , , label]) => [type, label],
      );
    expect(labels('zh-CN')).toEqual([
      ['uses', '使用'],
      ['kin', '亲属'],
      ['finances', '资金往来'],
      ['supplies', '供货'],
    ]);
    expect(labels('en').map(([, label]) => label)).toEqual(['uses', 'kin', 'pays', 'supplies']);
  });

  it('GEXF: directed, positions and colours on nodes, relation periods as time intervals', () => {
    const read = readWithNetworkx(
      toGexf(data, { src: { x: 10, y: 20 }, dealer: { x: -5, y: 0 }, ph: { x: 0, y: 7.5 } }),
      'gexf',
    );
    expect([read.directed, read.multi]).toEqual([true, true]);
    expect(read.nodes['src']).toMatchObject({
      kind: 'person',
      label: '上线',
      viz: { color: { r: 37, g: 99, b: 235 }, position: { x: 10, y: -20, z: 0 } },
    });
    expect(read.nodes['ph']).toMatchObject({
      kind: 'phone',
      viz: { color: { r: 8, g: 145, b: 178 } },
    });
    expect(read.edges).toEqual([
      ['dealer', 'ph', 'uses', true, '2024-02-01', null, '使用'],
      ['dealer', 'src', 'kin', false, null, null, '亲属'],
      ['src', 'dealer', 'finances', true, null, null, '资金往来'],
      ['src', 'dealer', 'supplies', true, '2024-01-05', '2024-03-01', '供货'],
    ]);
  });

  it('GraphML and GEXF put a node at the same place, y pointing up in both', () => {
    const positions = { src: { x: 10, y: 20 }, dealer: { x: -5, y: -7.5 } };
    const graphml = readWithNetworkx(toGraphml(data, positions), 'graphml');
    const gexf = readWithNetworkx(toGexf(data, positions), 'gexf');
    const gexfPosition = (id: string) => {
      const { x, y } = (gexf.nodes[id]['viz'] as { position: { x: number; y: number } }).position;
      return { x, y };
    };
    expect([graphml.nodes['src'], graphml.nodes['dealer']]).toMatchObject([
      { x: 10, y: -20 },
      { x: -5, y: 7.5 },
    ]);
    expect([gexfPosition('src'), gexfPosition('dealer')]).toEqual([
      { x: 10, y: -20 },
      { x: -5, y: 7.5 },
    ]);
  }, 30_000);

  it('a call relation keeps its texts and seconds beside its calls, in both files', () => {
    const contacts = graph(
      [node('t1', { kind: 'phone' }), node('c1', { kind: 'phone' }), node('c2', { kind: 'phone' })],
      [
        edge('t1', 'c1', 'calls', 'call', { eventCount: 1, messageCount: 1, durationSeconds: 1200 }),
        // Texts only: no call, and no contact at all if the texts were dropped.
        edge('t1', 'c2', 'calls', 'texts', { eventCount: 0, messageCount: 3, durationSeconds: 0 }),
      ],
    ); // prettier-ignore
    const counts = `
import json, sys, networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if kind == 'graphml' else nx.read_gexf(path)
print(json.dumps(sorted([v, d.get('eventCount'), d.get('messageCount'), d.get('durationSeconds')] for u, v, d in g.edges(data=True))))
`;
    for (const [kind, content] of [
      ['graphml', toGraphml(contacts)],
      ['gexf', toGexf(contacts)],
    ] as const) {
      const file = path.join(dir, `counts.${kind}`);
      fs.writeFileSync(file, content);
      expect(
        JSON.parse(execFileSync(networkxPython, ['-c', counts, file, kind], { encoding: 'utf8' })),
      ).toEqual([
        ['c1', 1, 1, 1200],
        ['c2', 0, 3, 0],
      ]);
    }
  }, 30_000);
});
