import { useEffect, useState } from 'react';
import {
  layoutThreadAbove,
  layoutThreadIterations,
  type GraphData,
} from '../../../../electron/api/schemas/graph-schemas';
import { getBridge } from '../../api/bridge';
import { invoke } from '../../api/client';
import { answered, chartSourceKey, takeChartReads, type ChartSource } from './chart-reads';
import { emptyChart, type ChartState } from './chart-state';

function fromData(data: GraphData): ChartState {
  return {
    ...emptyChart,
    nodes: Object.fromEntries(data.nodes.map((node) => [node.id, node])),
    edges: Object.fromEntries(data.edges.map((edge) => [edge.id, edge])),
  };
}

/** The first chart for a case, an entity or a saved view; large ones get a precomputed layout. */
interface LoadedChart {
  state: ChartState;
  truncated: boolean;
  /** The saved view opened, and its case. */
  view?: { id: string; name: string; caseId: string | null };
}

let layouts = 0;

/**
 * A large chart's positions from the layout thread; `onProgress` hears the share done
 * (0–1) while it runs.
 */
export async function layoutInCore(
  nodeIds: string[],
  edges: [string, string][],
  onProgress?: (share: number) => void,
) {
  layouts += 1;
  const layoutId = `layout-${layouts}`;
  return withProgress(layoutId, onProgress, () =>
    invoke('graph.layout', { nodeIds, edges, iterations: layoutThreadIterations, layoutId }),
  );
}

/** Runs `call` while `onProgress` hears the share done (0–1) of the layout named `layoutId`. */
async function withProgress<T>(
  layoutId: string,
  onProgress: ((share: number) => void) | undefined,
  call: () => Promise<T>,
): Promise<T> {
  const stop = onProgress
    ? getBridge().on('graph.layoutProgressed', (event) => {
        if (event.layoutId === layoutId) onProgress(event.done / event.total);
      })
    : undefined;
  try {
    return await call();
  } finally {
    stop?.();
  }
}

async function loadChart(
  source: ChartSource,
  onProgress: (share: number) => void,
  onEarly: (state: ChartState) => void,
): Promise<LoadedChart> {
  const reads = takeChartReads(source);
  if (reads.kind === 'view') {
    const { opening, relations } = reads;
    const { view, nodes } = await opening;
    const early: ChartState = {
      ...fromData({ nodes, edges: [], truncated: false }),
      layout: 'manual',
      positions: view.state.positions,
      positionsVersion: 1,
      hidden: view.state.hiddenIds,
      pinned: view.state.pinnedIds,
      filters: view.state.filters,
      clusters: view.state.clusterIds,
    };
    // Entities first, drawn once the relations come; at once when they are in already.
    if (!answered(relations)) onEarly(early);
    const edges = await relations;
    return {
      view: { id: view.id, name: view.name, caseId: view.caseId },
      truncated: false,
      state: { ...early, edges: Object.fromEntries(edges.map((edge) => [edge.id, edge])) },
    };
  }
  const data = await reads.data;
  const state = fromData(data);
  if (data.nodes.length > layoutThreadAbove) {
    // The layout thread is already on it when the case chart's read started it; otherwise it
    // is asked for first. The chart's elements are built while it runs (moved and drawn after).
    const inCore = () =>
      layoutInCore(
        data.nodes.map((node) => node.id),
        data.edges.map((edge) => [edge.from, edge.to]),
        onProgress,
      );
    const { layoutId } = data;
    const ahead = layoutId ? reads.laidOut : undefined;
    const laidOut =
      layoutId && ahead
        ? withProgress(layoutId, onProgress, () => ahead).then((positions) => positions ?? inCore())
        : inCore();
    // Laid out already (a window opening on the chart read it while its code loaded): built
    // and drawn once, with the positions.
    if (!answered(ahead)?.value) onEarly({ ...state, layout: 'manual' });
    const positions = await laidOut;
    return {
      truncated: data.truncated,
      state: { ...state, layout: 'manual', positions, positionsVersion: 1 },
    };
  }
  return { truncated: data.truncated, state };
}

/**
 * The share of a large chart's layout done (0–1), while it runs, for the loading veil alone:
 * the page, which holds the chart's elements by then, does not render again on every step.
 */
export interface LayoutProgress {
  get(): number | undefined;
  subscribe(listener: () => void): () => void;
}

function progressStore(): LayoutProgress & { set(share: number | undefined): void } {
  let share: number | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => share,
    set(value) {
      share = value;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useChartLoader(source: ChartSource, onLoaded: (state: ChartState) => void) {
  const [status, setStatus] = useState<{
    loading: boolean;
    error: unknown;
    truncated: boolean;
    view?: LoadedChart['view'];
  }>({ loading: false, error: null, truncated: false });
  const [layoutProgress] = useState(progressStore);
  const key = chartSourceKey(source);
  useEffect(() => {
    if (!source.caseId && !source.entityId && !source.viewId) return;
    let cancelled = false;
    let early = false;
    setStatus({ loading: true, error: null, truncated: false }); // eslint-disable-line react-hooks/set-state-in-effect
    layoutProgress.set(undefined);
    const progress = (share: number) => !cancelled && layoutProgress.set(share);
    const onEarly = (state: ChartState) => {
      if (cancelled) return;
      early = true;
      onLoaded(state);
    };
    loadChart(source, progress, onEarly).then(
      (loaded) => {
        if (cancelled) return;
        onLoaded(loaded.state);
        setStatus({ loading: false, error: null, truncated: loaded.truncated, view: loaded.view });
      },
      (error: unknown) => {
        if (cancelled) return;
        // A chart shown before its layout failed is not left half drawn.
        if (early) onLoaded(emptyChart);
        setStatus({ loading: false, error, truncated: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return { ...status, layoutProgress };
}
