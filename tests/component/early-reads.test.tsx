import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../renderer/src/api/client';
import { procedureKey } from '../../renderer/src/api/hooks';
import { makeQueryClient } from '../../renderer/src/app/AppProviders';
import {
  askSessionEarly,
  readChartEarly,
  takeEarlySession,
} from '../../renderer/src/app/early-reads';
import { seedSessionQuery } from '../../renderer/src/app/session-query';
import { forgetChartReads, takeChartReads } from '../../renderer/src/features/graph/chart-reads';
import { installFakeBridge } from './fake-bridge';

const signedIn = { session: { user: { id: 'u1' } } };
const chart = { nodes: [], edges: [], truncated: false };
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the session and the chart asked as the window starts', () => {
  afterEach(() => {
    takeEarlySession();
    forgetChartReads();
  });

  it('reads the chart at a signed-in window’s address once the session is known', async () => {
    const calls = installFakeBridge({
      'session.current': () => ({ ok: true, value: signedIn }),
      'graph.case': () => ({ ok: true, value: chart }),
    });
    askSessionEarly();
    readChartEarly('#/graph?case=c1');
    // The session first: only a signed-in window asks for the chart.
    expect(calls.map((call) => call.procedure)).toEqual(['session.current']);
    await settled();
    expect(calls).toEqual([
      { procedure: 'session.current', input: {} },
      { procedure: 'graph.case', input: { caseId: 'c1', layoutAhead: true } },
    ]);
    // The chart page takes these reads rather than reading again.
    const reads = takeChartReads({ caseId: 'c1' });
    expect(reads.kind === 'chart' && (await reads.data)).toEqual(chart);
    expect(calls).toHaveLength(2);
    const early = takeEarlySession();
    await expect(early?.answer).resolves.toEqual(signedIn);
    expect(early?.value).toEqual(signedIn);
    expect(takeEarlySession()).toBeNull();
  });

  it('asks a saved view for its entities before its relations', async () => {
    const calls = installFakeBridge({ 'session.current': () => ({ ok: true, value: signedIn }) });
    askSessionEarly();
    readChartEarly('#/graph?view=v1');
    await settled();
    expect(calls.map((call) => call.procedure)).toEqual([
      'session.current',
      'graph.views.open',
      'graph.views.relations',
    ]);
    const reads = takeChartReads({ viewId: 'v1' });
    await expect(reads.kind === 'view' && reads.opening).rejects.toBeTruthy();
  });

  it('reads no chart for a locked window, nor on another page', async () => {
    let calls = installFakeBridge({
      'session.current': () => ({ ok: true, value: { session: null } }),
    });
    askSessionEarly();
    readChartEarly('#/graph?case=c1');
    await settled();
    expect(calls.map((call) => call.procedure)).toEqual(['session.current']);

    calls = installFakeBridge({ 'session.current': () => ({ ok: true, value: signedIn }) });
    askSessionEarly();
    readChartEarly('#/cases');
    await settled();
    expect(calls.map((call) => call.procedure)).toEqual(['session.current']);
  });

  it('gives the app the session answer it asked for, without asking twice', async () => {
    const calls = installFakeBridge({ 'session.current': () => ({ ok: true, value: signedIn }) });
    // As useCurrentSession watches it.
    const watch = (client: ReturnType<typeof makeQueryClient>) =>
      new QueryObserver(client, {
        queryKey: procedureKey('session.current', {}),
        queryFn: () => invoke('session.current', {}),
        staleTime: Infinity,
      });
    // Taken while still on its way.
    askSessionEarly();
    const coming = makeQueryClient();
    seedSessionQuery(coming, takeEarlySession()!);
    const observer = watch(coming);
    const seen = new Promise((resolve) =>
      observer.subscribe((result) => result.data && resolve(result.data)),
    );
    await expect(seen).resolves.toEqual(signedIn);
    // Taken once it has come: there for the first render.
    askSessionEarly();
    await settled();
    const come = makeQueryClient();
    seedSessionQuery(come, takeEarlySession()!);
    expect(watch(come).getCurrentResult().data).toEqual(signedIn);
    expect(calls).toHaveLength(2);
  });
});
