import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  answered,
  chartSourceAt,
  forgetChartReads,
  startChartReads,
  takeChartReads,
} from '../../renderer/src/features/graph/chart-reads';
import { installFakeBridge } from './fake-bridge';

const chart = { nodes: [], edges: [], truncated: false };

describe('a chart read ahead of its page', () => {
  afterEach(() => {
    forgetChartReads();
    vi.useRealTimers();
  });

  it('names the chart of a window address, and nothing for other pages', () => {
    expect(chartSourceAt('#/graph?case=c1')).toEqual({ caseId: 'c1' });
    expect(chartSourceAt('#/graph?view=v1')).toEqual({ viewId: 'v1' });
    expect(chartSourceAt('#/graph?entity=e1&x=1')).toEqual({ entityId: 'e1' });
    expect(chartSourceAt('#/graph')).toBeNull();
    expect(chartSourceAt('#/graph?x=1')).toBeNull();
    expect(chartSourceAt('#/cases?case=c1')).toBeNull();
    expect(chartSourceAt('')).toBeNull();
  });

  it('is read once, taken once by the same chart, and read again after that', async () => {
    const calls = installFakeBridge({ 'graph.case': () => ({ ok: true, value: chart }) });
    startChartReads({ caseId: 'c1' });
    expect(calls).toEqual([
      { procedure: 'graph.case', input: { caseId: 'c1', layoutAhead: true } },
    ]);
    const first = takeChartReads({ caseId: 'c1' });
    expect(calls).toHaveLength(1);
    expect(first.kind === 'chart' && (await first.data)).toEqual(chart);
    takeChartReads({ caseId: 'c1' });
    expect(calls).toHaveLength(2);
  });

  it('asks for a large case chart’s layout as soon as its read names it, and keeps the answer', async () => {
    const positions = { a: { x: 1, y: 2 } };
    const calls = installFakeBridge({
      'graph.case': () => ({ ok: true, value: { ...chart, layoutId: 'layout-ahead-1' } }),
      'graph.layoutAhead': () => ({ ok: true, value: positions }),
    });
    const reads = takeChartReads({ caseId: 'c1' });
    if (reads.kind !== 'chart') throw new Error('a case chart');
    expect(answered(reads.laidOut)).toBeUndefined();
    await reads.data;
    await reads.laidOut;
    expect(calls.map((call) => call.input)).toEqual([
      { caseId: 'c1', layoutAhead: true },
      { layoutId: 'layout-ahead-1' },
    ]);
    // Taken by a page that comes later, the chart is drawn once, with its positions.
    expect(answered(reads.laidOut)).toEqual({ value: positions });
  });

  it('asks a saved view for its entities before its relations', () => {
    const calls = installFakeBridge({});
    const reads = takeChartReads({ viewId: 'v1' });
    if (reads.kind === 'view') reads.relations.catch(() => undefined);
    if (reads.kind === 'view') reads.opening.catch(() => undefined);
    expect(calls.map((call) => call.procedure)).toEqual([
      'graph.views.open',
      'graph.views.relations',
    ]);
  });

  it('is not handed to another chart, nor after a lock, nor after 30 seconds', () => {
    const calls = installFakeBridge({ 'graph.case': () => ({ ok: true, value: chart }) });
    startChartReads({ caseId: 'c1' });
    takeChartReads({ caseId: 'c2' });
    expect(calls.map((call) => call.input)).toEqual([
      { caseId: 'c1', layoutAhead: true },
      { caseId: 'c2', layoutAhead: true },
    ]);
    startChartReads({ caseId: 'c1' });
    forgetChartReads();
    takeChartReads({ caseId: 'c1' });
    expect(calls).toHaveLength(4);
    vi.useFakeTimers();
    startChartReads({ caseId: 'c1' });
    vi.advanceTimersByTime(30_001);
    takeChartReads({ caseId: 'c1' });
    expect(calls).toHaveLength(6);
  });

  it('keeps a refusal for the page that takes it, not as an unhandled error', async () => {
    installFakeBridge({});
    startChartReads({ caseId: 'gone' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reads = takeChartReads({ caseId: 'gone' });
    await expect(reads.kind === 'chart' ? reads.data : null).rejects.toBeTruthy();
  });
});
