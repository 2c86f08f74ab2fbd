import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GraphNode } from '../../electron/api/schemas/graph-schemas';
import { AnalyticsPanel } from '../../renderer/src/features/graph/AnalyticsPanel';
import { FilterPanel } from '../../renderer/src/features/graph/FilterPanel';
import { LegendPanel } from '../../renderer/src/features/graph/LegendPanel';
import {
  communityColour,
  nodeStatuses,
  type ChartFilters,
} from '../../renderer/src/features/graph/graph-model';
import { edge, node } from '../unit/graph/fixtures';
import { installFakeBridge, Providers } from './fake-bridge';

/** People of the demo chain, as the chart holds them (no role in a case). */
const person = (id: string, label: string, kind: GraphNode['kind'] = 'person') =>
  node(id, { label, kind, roleInCase: null });
const nodes = [
  person('yan', '岩某'),
  person('li', '李某华'),
  person('wu', '吴某'),
  person('phone', '13908829731', 'phone'),
];
const edges = [
  edge('yan', 'li', 'supplies', 's1', {
    startedOn: '2025-11-01',
    endedOn: '2026-01-31',
    caseId: 'c1',
    caseNo: 'A3301052026030015',
  }),
  edge('li', 'wu', 'supplies', 's2', {
    startedOn: '2026-03-01',
    caseId: 'c1',
    caseNo: 'A3301052026030015',
  }),
  edge('yan', 'phone', 'uses', 'u1'),
];

describe('graph filter panel', () => {
  it('unticking a relation type filters to the others; the period and case filters show what the chart holds', () => {
    const onChange = vi.fn<(filters: ChartFilters) => void>();
    render(
      <Providers>
        <FilterPanel nodes={nodes} edges={edges} filters={{}} onChange={onChange} />
      </Providers>,
    );
    expect(screen.getByText('供货（上下线） (2)')).toBeInTheDocument();
    expect(screen.getByTestId('filter-period-text').textContent).toBe('2025-11-01 ~ 2026-03-01');
    fireEvent.click(screen.getByLabelText('使用 (1)'));
    expect(onChange).toHaveBeenLastCalledWith({ relationTypes: ['supplies'] });
    fireEvent.click(screen.getByLabelText('电话'));
    expect(onChange).toHaveBeenLastCalledWith({ kinds: ['person'] });
  });
});

describe('graph analytics panel', () => {
  it('finds the path between two entities on the chart, lists it by name and highlights it', async () => {
    const calls = installFakeBridge({
      'graph.chain': () => ({
        ok: true,
        value: {
          members: [],
          gaps: [
            {
              entityId: 'li',
              label: '李某华',
              tier: 'source',
              suppliesTo: 1,
              legalStatus: 'arrested',
              kind: 'upstreamUnknown',
            },
          ],
          sourceIds: ['yan'],
        },
      }),
      'graph.paths': () => ({
        ok: true,
        value: {
          paths: [
            {
              nodeIds: ['wu', 'li', 'yan'],
              edgeIds: ['s2', 's1'],
              steps: [
                {
                  relationId: 's2',
                  alsoRelationIds: [],
                  type: 'supplies',
                  fromId: 'wu',
                  toId: 'li',
                  direction: 'backward',
                },
                {
                  relationId: 's1',
                  alsoRelationIds: [],
                  type: 'supplies',
                  fromId: 'li',
                  toId: 'yan',
                  direction: 'backward',
                },
              ],
            },
          ],
          graph: { nodes: [], edges: [], truncated: false },
          capped: false,
        },
      }),
    });
    const onHighlight = vi.fn();
    const onFocus = vi.fn();
    render(
      <Providers>
        <AnalyticsPanel
          caseId="c1"
          chartDrawn
          nodes={nodes}
          entityIds={nodes.map((item) => item.id)}
          pathEnds={{ from: 'wu', to: 'yan' }}
          onPathEnds={() => undefined}
          communitiesShown={false}
          onAddGraph={() => undefined}
          onHighlight={onHighlight}
          onFocus={onFocus}
          onCommunities={() => undefined}
        />
      </Providers>,
    );
    fireEvent.click(screen.getByTestId('path-find'));
    expect((await screen.findByTestId('path-steps')).textContent).toBe(
      '2 跳： 吴某 ←供货（上下线）— 李某华 ←供货（上下线）— 岩某',
    );
    // No hop cap on the shortest path.
    expect(calls.find((call) => call.procedure === 'graph.paths')?.input).toEqual({
      fromId: 'wu',
      toId: 'yan',
      mode: 'shortest',
    });
    expect(onHighlight).toHaveBeenLastCalledWith({
      nodeIds: new Set(['wu', 'li', 'yan']),
      edgeIds: new Set(['s2', 's1']),
    });

    fireEvent.click(await screen.findByText('李某华', { selector: 'strong' }));
    await waitFor(() => expect(onFocus).toHaveBeenCalledWith('li'));

    // The relation types are found by their names: typing 供 offers 供货 (it had searched the
    // codes behind them, finding nothing).
    const types = screen.getByTestId('path-types');
    fireEvent.mouseDown(types.querySelector('.ant-select-selector') ?? types);
    fireEvent.change(types.querySelector('input')!, { target: { value: '供' } });
    await waitFor(() =>
      expect(
        [...document.querySelectorAll('.ant-select-item-option-content')].map(
          (option) => option.textContent,
        ),
      ).toEqual(['供货（上下线）']),
    );
  });

  it('reads the chain gaps only once the chart is drawn', async () => {
    const calls = installFakeBridge({
      'graph.chain': () => ({ ok: true, value: { members: [], gaps: [], sourceIds: [] } }),
    });
    const panel = (chartDrawn: boolean) => (
      <Providers>
        <AnalyticsPanel
          caseId="c1"
          chartDrawn={chartDrawn}
          nodes={nodes}
          entityIds={nodes.map((item) => item.id)}
          pathEnds={{}}
          onPathEnds={() => undefined}
          communitiesShown={false}
          onAddGraph={() => undefined}
          onHighlight={() => undefined}
          onFocus={() => undefined}
          onCommunities={() => undefined}
        />
      </Providers>
    );
    const { rerender } = render(panel(false));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.filter((call) => call.procedure === 'graph.chain')).toEqual([]);
    rerender(panel(true));
    await waitFor(() =>
      expect(calls.filter((call) => call.procedure === 'graph.chain')).toEqual([
        { procedure: 'graph.chain', input: { caseId: 'c1' } },
      ]),
    );
  });
});

describe('graph communities', () => {
  it('each community in the list wears the ring colour its entities wear on the chart', async () => {
    installFakeBridge({
      'graph.chain': () => ({ ok: true, value: { members: [], gaps: [], sourceIds: [] } }),
      'graph.communities': () => ({
        ok: true,
        value: {
          communities: [
            { id: 0, nodeIds: ['yan', 'li'] },
            { id: 1, nodeIds: ['wu', 'phone'] },
          ],
        },
      }),
    });
    render(
      <Providers>
        <AnalyticsPanel
          caseId="c1"
          chartDrawn
          nodes={nodes}
          entityIds={nodes.map((item) => item.id)}
          pathEnds={{}}
          onPathEnds={() => undefined}
          communitiesShown
          onAddGraph={() => undefined}
          onHighlight={() => undefined}
          onFocus={() => undefined}
          onCommunities={() => undefined}
        />
      </Providers>,
    );
    fireEvent.click(screen.getByText('疑似团伙'));
    const swatches = await screen.findAllByTestId('community-swatch');
    expect(swatches.map((swatch) => swatch.style.borderColor)).toEqual(
      [communityColour(0), communityColour(1)].map((hex) => hexToRgb(hex)),
    );
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('graph legend', () => {
  it('says what a ring means in the community circles, only there', () => {
    const { rerender } = render(
      <Providers>
        <LegendPanel kinds={['person']} relationTypes={['supplies']} statuses={[]} />
      </Providers>,
    );
    expect(screen.queryByTestId('graph-legend-communities')).toBeNull();
    rerender(
      <Providers>
        <LegendPanel kinds={['person']} relationTypes={['supplies']} statuses={[]} communities />
      </Providers>,
    );
    expect(screen.getByTestId('graph-legend-communities').textContent).toBe(
      '社团环形：无法律状态的实体，边框颜色表示其所属社团（疑似团伙）。',
    );
  });
});

describe('graph legend statuses', () => {
  it('explains only the rings the chart draws, in the legend order', () => {
    const onChart = [
      node('a', { legalStatus: 'sentenced' }),
      node('b', { legalStatus: 'at_large' }),
      node('c', { legalStatus: 'none' }),
      node('d', { legalStatus: 'at_large' }),
      node('e', { legalStatus: null }),
    ];
    expect(nodeStatuses(onChart)).toEqual(['at_large', 'sentenced']);
    render(
      <Providers>
        <LegendPanel kinds={['person']} relationTypes={[]} statuses={nodeStatuses(onChart)} />
      </Providers>,
    );
    const legend = screen.getByTestId('graph-legend');
    expect(legend.textContent).toContain('在逃');
    expect(legend.textContent).toContain('判决');
    for (const absent of ['刑事拘留', '逮捕', '取保候审', '监视居住', '起诉'])
      expect(legend.textContent).not.toContain(absent);
  });

  it('leaves out the status heading when no entity has a status', () => {
    render(
      <Providers>
        <LegendPanel kinds={['phone']} relationTypes={[]} statuses={nodeStatuses([node('p')])} />
      </Providers>,
    );
    expect(screen.getByTestId('graph-legend').textContent).not.toContain('法律状态');
  });
});
