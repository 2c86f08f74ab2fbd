import { describe, expect, it } from 'vitest';
import { detectCommunities, keyPlayers } from '../../../electron/core/graph/graph-analytics';
import { assignTiers } from '../../../electron/api/domain/chain-tiers';
import { edge, graph, node } from './fixtures';

describe('community detection (Louvain)', () => {
  it('finds the two planted gangs: two cliques of six joined by one relation', () => {
    const a = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    const b = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
    const clique = (members: string[]) =>
      members.flatMap((x, i) => members.slice(i + 1).map((y) => edge(x, y)));
    const data = graph(
      [...a, ...b].map((id) => node(id)),
      [...clique(a), ...clique(b), edge('a1', 'b1')],
    );
    const result = detectCommunities(data);
    expect(result.communities.map((community) => community.nodeIds)).toEqual([a, b]);
    // 2 × (15/31 − (31/62)²): each clique holds 15 of the 31 relations and half the degree.
    expect(result.modularity).toBeCloseTo(0.4677, 4);
    // Deterministic: the same chart gives the same answer.
    expect(detectCommunities(data)).toEqual(result);
  });

  it('gives isolated entities a community each', () => {
    expect(detectCommunities(graph([node('x'), node('y')], [])).communities).toEqual([
      { id: 0, nodeIds: ['x'] },
      { id: 1, nodeIds: ['y'] },
    ]);
  });
});

describe('key players', () => {
  it('ranks the broker between two groups first (betweenness), then by degree', () => {
    // Two triangles bridged through m: every path between them passes m.
    const data = graph(
      ['l1', 'l2', 'l3', 'm', 'r1', 'r2', 'r3'].map((id) => node(id)),
      [
        edge('l1', 'l2'),
        edge('l2', 'l3'),
        edge('l1', 'l3'),
        edge('l1', 'm'),
        edge('m', 'r1'),
        edge('r1', 'r2'),
        edge('r2', 'r3'),
        edge('r1', 'r3'),
        edge('l1', 'l2', 'supplies', 'parallel'),
      ],
    );
    const ranked = keyPlayers(data);
    expect(ranked.map((player) => [player.entityId, player.degree, player.betweenness])).toEqual([
      ['m', 2, 0.6],
      ['l1', 3, 0.5333],
      ['r1', 3, 0.5333],
      ['l2', 2, 0],
      ['l3', 2, 0],
      ['r2', 2, 0],
      ['r3', 2, 0],
    ]);
  });
});

describe('supply-chain tiers', () => {
  it('derives source → transport → distribution → retail → consumption from roles and relations', () => {
    const data = graph(
      [
        node('source'),
        node('courier'),
        node('dealer'),
        node('orphanDealer'),
        node('retailer'),
        node('user', { roleInCase: 'drug_user' }),
        node('recorded', { chainTier: 'manufacture' }),
        node('phone', { kind: 'phone', roleInCase: 'involved' }),
        node('car', { kind: 'vehicle', roleInCase: 'involved' }),
      ],
      [
        edge('source', 'dealer', 'supplies'),
        edge('courier', 'source', 'transports_for'),
        edge('dealer', 'retailer', 'supplies'),
        edge('orphanDealer', 'retailer', 'supplies'),
        edge('retailer', 'user', 'supplies'),
        edge('dealer', 'phone', 'uses'),
      ],
    );
    expect(
      assignTiers(data).map((member) => [
        member.entityId,
        member.tier,
        member.tierSource,
        member.level,
      ]),
    ).toEqual([
      ['source', 'source', 'derived', 2],
      ['courier', 'transport', 'derived', 3],
      ['dealer', 'distribution', 'derived', 4],
      ['orphanDealer', 'source', 'derived', 2],
      ['retailer', 'distribution', 'derived', 4],
      ['user', 'consumption', 'derived', 6],
      ['recorded', 'manufacture', 'case', 1],
      ['phone', null, null, 4],
      ['car', null, null, 8],
    ]);
  });
});
