import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import {
  addGraph,
  emptyChart,
  type ChartCommand,
} from '../../renderer/src/features/graph/chart-state';
import { applyFilters } from '../../renderer/src/features/graph/graph-model';
import { ServiceNumbersSwitch } from '../../renderer/src/features/graph/ServiceNumbersSwitch';
import { edge, node } from '../unit/graph/fixtures';
import { Providers } from './fake-bridge';

const phone = (id: string) => node(id, { kind: 'phone', label: id, identifier: id });
/** A target's call list: two contacts, the carrier's 10086, a bank's 95555 and a 400 hotline. */
const data = {
  nodes: ['13900000001', '13800000002', '13800000003', '10086', '95555', '4008123123'].map(phone),
  edges: ['13800000002', '13800000003', '10086', '95555', '4008123123'].map((to) =>
    edge('13900000001', to),
  ),
  truncated: false,
};

/** The chart as GraphPage holds it, with what the filters leave visible. */
function Chart() {
  const [state, setState] = useState(() => addGraph(data).run(emptyChart));
  const chart = { state, execute: (command: ChartCommand) => setState(command.run) };
  const visible = applyFilters(
    Object.values(state.nodes),
    Object.values(state.edges),
    state.filters,
  );
  return (
    <>
      <ServiceNumbersSwitch chart={chart} />
      <output data-testid="visible">{[...visible.nodeIds].sort().join(' ')}</output>
      <output data-testid="edges">{visible.edgeIds.size}</output>
    </>
  );
}

describe('隐藏服务号码', () => {
  it('is on by default, hides 10086, 95555 and the 400 hotline with their relations, and shows them when switched off', () => {
    render(
      <Providers>
        <Chart />
      </Providers>,
    );
    const toggle = screen.getByRole('switch', { name: '隐藏服务号码' });
    expect(toggle).toBeChecked();
    expect(screen.getByText('隐藏服务号码 (3)')).toBeInTheDocument();
    expect(screen.getByTestId('visible').textContent).toBe('13800000002 13800000003 13900000001');
    expect(screen.getByTestId('edges').textContent).toBe('2');

    fireEvent.click(toggle);
    expect(toggle).not.toBeChecked();
    expect(screen.getByTestId('visible').textContent).toBe(
      '10086 13800000002 13800000003 13900000001 4008123123 95555',
    );
    expect(screen.getByTestId('edges').textContent).toBe('5');

    fireEvent.click(toggle);
    expect(toggle).toBeChecked();
    expect(screen.getByTestId('visible').textContent).toBe('13800000002 13800000003 13900000001');
  });
});
