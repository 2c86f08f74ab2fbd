import { useEffect, useState } from 'react';
import type { GraphData } from '../../../../electron/api/schemas/graph-schemas';
import { invoke } from '../../api/client';
import { emptyChart, type ChartState } from './chart-state';

/** Above this many entities the layout is computed in the main process and drawn without physics. */
export const serverLayoutThreshold = 1_500;
/** ForceAtlas2 iterations for those: from its warm start, enough for a readable overview. */
export const serverLayoutIterations = 60;

export interface ChartSource {
  caseId?: string;
  entityId?: string;
  viewId?: string;
}

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

async function loadChart(source: ChartSource): Promise<LoadedChart> {
  if (source.viewId) {
    const view = await invoke('graph.views.get', { id: source.viewId });
    const data = view.state.nodeIds.length
      ? await invoke('graph.subgraph', {
          entityIds: view.state.nodeIds,
          caseId: view.caseId ?? undefined,
        })
      : { nodes: [], edges: [], truncated: false };
    return {
      view: { id: view.id, name: view.name, caseId: view.caseId },
      truncated: false,
      state: {
        ...fromData(data),
        layout: 'manual',
        positions: view.state.positions,
        positionsVersion: 1,
        hidden: view.state.hiddenIds,
        pinned: view.state.pinnedIds,
        filters: view.state.filters,
        clusters: view.state.clusterIds,
      },
    };
  }
  const data = source.caseId
    ? await invoke('graph.case', { caseId: source.caseId })
    : await invoke('graph.neighbourhood', { entityIds: [source.entityId!], hops: 1 });
  const state = fromData(data);
  if (data.nodes.length > serverLayoutThreshold) {
    const positions = await invoke('graph.layout', {
      nodeIds: data.nodes.map((node) => node.id),
      edges: data.edges.map((edge) => [edge.from, edge.to]),
      iterations: serverLayoutIterations,
    });
    return {
      truncated: data.truncated,
      state: { ...state, layout: 'manual', positions, positionsVersion: 1 },
    };
  }
  return { truncated: data.truncated, state };
}

export function useChartLoader(source: ChartSource, onLoaded: (state: ChartState) => void) {
  const [status, setStatus] = useState<{
    loading: boolean;
    error: unknown;
    truncated: boolean;
    view?: LoadedChart['view'];
  }>({ loading: false, error: null, truncated: false });
  const key = `${source.caseId ?? ''}|${source.entityId ?? ''}|${source.viewId ?? ''}`;
  useEffect(() => {
    if (!source.caseId && !source.entityId && !source.viewId) return;
    let cancelled = false;
    setStatus({ loading: true, error: null, truncated: false }); // eslint-disable-line react-hooks/set-state-in-effect
    loadChart(source).then(
      (loaded) => {
        if (cancelled) return;
        onLoaded(loaded.state);
        setStatus({ loading: false, error: null, truncated: loaded.truncated, view: loaded.view });
      },
      (error: unknown) => !cancelled && setStatus({ loading: false, error, truncated: false }),
    );
    return () => {
      cancelled = true;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return status;
}
