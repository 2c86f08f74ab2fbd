import { App } from 'antd';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RelationType } from '../../../../electron/api/domain/relation-types';
import {
  layoutThreadAbove,
  type GraphData,
  type UpstreamTrace,
} from '../../../../electron/api/schemas/graph-schemas';
import { invoke } from '../../api/client';
import {
  addGraph,
  combine,
  groupOrganisation,
  hideNodes,
  pinNodes,
  positionsAround,
  removeNodes,
  setLayout,
  setPositions,
  showAll,
  showCommunities,
  ungroupOrganisation,
  unpinNodes,
  type ChartState,
} from './chart-state';
import type { MenuAction } from './GraphContextMenu';
import { circularPositions } from './graph-model';
import type { NetworkHandle } from './NetworkCanvas';
import type { useChartHistory } from './useChartHistory';
import { layoutInCore } from './useChartLoader';
import type { Highlight } from './useVisElements';

const neighbourhoodLimit = 500;

/** What is drawn now (after filters, hiding and grouping): entity ids and relation ends. */
export interface DrawnChart {
  ids: string[];
  pairs: [string, string][];
}

export type ChartHistoryHandle = ReturnType<typeof useChartHistory>;

interface Inputs {
  chart: ChartHistoryHandle;
  canvas: RefObject<NetworkHandle | null>;
  caseId: string | undefined;
  drawn: RefObject<DrawnChart>;
  fail(error: unknown): void;
}

/**
 * The chart's action table: what the context menu, the selection bar, the drawer and the keys
 * do to the chart, with the interaction state they share (selection, highlight, trace, path ends).
 */
export function useGraphActions({ chart, canvas, caseId, drawn, fail }: Inputs) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const stateRef = useRef<ChartState>(chart.state);
  useEffect(() => {
    stateRef.current = chart.state;
  }, [chart.state]);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [drawerId, setDrawerId] = useState<string | null>(null);
  const [pathEnds, setPathEnds] = useState<{ from?: string; to?: string }>({});
  const [trace, setTrace] = useState<UpstreamTrace | null>(null);
  const [panel, setPanel] = useState('analytics');

  /**
   * Adds what a query found, placing new entities around `anchorId`. Nothing moves when nothing
   * is new; the supply-chain layout places new entities on their layers itself.
   */
  const addAround = useCallback(
    (data: GraphData, anchorId: string | undefined, label: string) => {
      const state = stateRef.current;
      const fresh = data.nodes.filter((node) => !state.nodes[node.id]).map((node) => node.id);
      const newEdges = data.edges.some((edge) => !state.edges[edge.id]);
      if (!fresh.length && !newEdges) return 0;
      if (!fresh.length || state.layout === 'chain') {
        chart.execute(combine(label, addGraph(data)));
        return fresh.length;
      }
      const current = canvas.current?.getPositions() ?? {};
      const anchor = (anchorId && current[anchorId]) || { x: 0, y: 0 };
      chart.execute(
        combine(
          label,
          addGraph(data),
          setPositions({ ...current, ...positionsAround(anchor, fresh) }),
        ),
      );
      return fresh.length;
    },
    [chart, canvas],
  );

  const expand = useCallback(
    async (ids: string[], hops: 1 | 2 | 3, relationTypes?: RelationType[]) => {
      try {
        const data = await invoke('graph.neighbourhood', {
          entityIds: ids,
          hops,
          relationTypes,
          caseId,
          limit: neighbourhoodLimit,
        });
        const added = addAround(data, ids[0], 'graph.commands.expand');
        if (data.truncated)
          void message.warning(t('graph.truncated', { limit: neighbourhoodLimit }));
        else void message.info(t('graph.expanded', { count: added }));
      } catch (error) {
        fail(error);
      }
    },
    [addAround, caseId, fail, message, t],
  );

  /** Upstream from a person, or from whom a seizure was taken. */
  const upstream = async (from: { entityId: string } | { seizureId: string }) => {
    try {
      const found = await invoke('graph.upstream', from);
      addAround(found.graph, found.rootId, 'graph.commands.upstream');
      setTrace(found);
      setHighlight({
        nodeIds: new Set(found.graph.nodes.map((node) => node.id)),
        edgeIds: new Set(found.graph.edges.map((edge) => edge.id)),
      });
    } catch (error) {
      fail(error);
    }
  };

  const applyLayout = async (layout: 'force' | 'chain' | 'circular') => {
    const visibleIds = drawn.current.ids;
    try {
      if (layout === 'chain') return chart.execute(setLayout('chain'));
      if (layout === 'force') {
        if (visibleIds.length <= layoutThreadAbove) return chart.execute(setLayout('force'));
        const positions = await layoutInCore(visibleIds, drawn.current.pairs);
        return chart.execute(setLayout('manual', positions));
      }
      if (!visibleIds.length) return;
      const found = await invoke('graph.communities', { entityIds: visibleIds });
      const groups = found.communities
        .map((community) => community.nodeIds)
        .sort((a, b) => b.length - a.length);
      const byNode = Object.fromEntries(
        found.communities.flatMap((community) => community.nodeIds.map((id) => [id, community.id])),
      );
      chart.execute(
        combine(
          'graph.commands.layout',
          setLayout('circular', circularPositions(groups)),
          showCommunities(byNode),
        ),
      );
    } catch (error) {
      fail(error);
    }
  };

  const act = (action: MenuAction, ids: string[]) => {
    const [first] = ids;
    switch (action.type) {
      case 'expand':
        return void expand(ids, action.hops, action.relationTypes);
      case 'hide':
        setSelection([]);
        return chart.execute(hideNodes(ids));
      case 'remove':
        setSelection([]);
        return chart.execute(removeNodes(ids));
      case 'pin': {
        const positions = canvas.current?.getPositions() ?? {};
        return chart.execute(
          pinNodes(
            Object.fromEntries(ids.filter((id) => positions[id]).map((id) => [id, positions[id]!])),
          ),
        );
      }
      case 'unpin':
        return chart.execute(unpinNodes(ids));
      case 'group':
        return first && chart.execute(groupOrganisation(first));
      case 'ungroup':
        return first && chart.execute(ungroupOrganisation(first));
      case 'open':
        return first && navigate(`/entities/${first}`);
      case 'drawer':
        return first && setDrawerId(first);
      case 'pathFrom':
        setPanel('analytics');
        return setPathEnds((ends) => ({ ...ends, from: first }));
      case 'pathTo':
        setPanel('analytics');
        return setPathEnds((ends) => ({ ...ends, to: first }));
      case 'upstream':
        return first && void upstream({ entityId: first });
      case 'showAll':
        return chart.execute(showAll);
      case 'fit':
        return canvas.current?.fit();
      case 'selectAll':
        canvas.current?.select(drawn.current.ids);
        return setSelection(drawn.current.ids);
    }
  };

  return {
    highlight,
    setHighlight,
    selection,
    setSelection,
    drawerId,
    setDrawerId,
    pathEnds,
    setPathEnds,
    trace,
    closeTrace: () => {
      setTrace(null);
      setHighlight(null);
    },
    panel,
    setPanel,
    addAround,
    expand,
    upstream,
    applyLayout,
    act,
  };
}

export type GraphActions = ReturnType<typeof useGraphActions>;
