import { Tabs } from 'antd';
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphEdge, GraphNode } from '../../../../electron/api/schemas/graph-schemas';
import { AnalyticsPanel } from './AnalyticsPanel';
import { setFilters, showCommunities, type ChartState } from './chart-state';
import { FilterPanel } from './FilterPanel';
import { nodeKinds, nodeStatuses } from './graph-model';
import { LegendPanel } from './LegendPanel';
import type { NetworkHandle } from './NetworkCanvas';
import type { ChartHistoryHandle, GraphActions } from './useGraphActions';
import { ViewsPanel } from './ViewsPanel';

interface Props {
  chart: ChartHistoryHandle;
  actions: GraphActions;
  canvas: RefObject<NetworkHandle | null>;
  caseId: string | undefined;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The chart is drawn: analyses of the whole case may start. */
  chartDrawn: boolean;
  currentViewId: string | undefined;
  onOpenView(viewId: string): void;
}

/** The panel at the right of the chart: analytics and paths, filters, legend and saved views. */
export function GraphSidePanel(props: Props) {
  const { t } = useTranslation();
  const { chart, actions, canvas, caseId, nodes, edges } = props;
  const state: ChartState = chart.state;
  const entityIds = useMemo(() => nodes.map((node) => node.id).sort(), [nodes]);
  return (
    <div
      style={{
        width: 320,
        flexShrink: 0,
        overflowY: 'auto',
        background: '#fff',
        border: '1px solid #e5e7eb',
        borderRadius: 8,
        padding: '0 12px 12px',
      }}
    >
      <Tabs
        activeKey={actions.panel}
        onChange={actions.setPanel}
        items={[
          {
            key: 'analytics',
            label: t('graph.analytics.title'),
            children: (
              <AnalyticsPanel
                caseId={caseId}
                chartDrawn={props.chartDrawn}
                nodes={nodes}
                entityIds={entityIds}
                pathEnds={actions.pathEnds}
                onPathEnds={actions.setPathEnds}
                communitiesShown={state.communities !== null}
                onAddGraph={(data) =>
                  actions.addAround(data, actions.pathEnds.from, 'graph.commands.path')
                }
                onHighlight={actions.setHighlight}
                onFocus={(nodeId) => canvas.current?.focus(nodeId)}
                onCommunities={(communities) => chart.execute(showCommunities(communities))}
              />
            ),
          },
          {
            key: 'filters',
            label: t('graph.filters.title'),
            children: (
              <FilterPanel
                nodes={nodes}
                edges={edges}
                filters={state.filters}
                onChange={(filters) => chart.execute(setFilters(filters))}
              />
            ),
          },
          {
            key: 'legend',
            label: t('graph.legend.title'),
            children: (
              <LegendPanel
                kinds={nodeKinds(nodes)}
                relationTypes={[...new Set(edges.map((edge) => edge.type))]}
                statuses={nodeStatuses(nodes)}
                communities={state.layout === 'circular'}
              />
            ),
          },
          {
            key: 'views',
            label: t('graph.views.title'),
            children: (
              <ViewsPanel
                caseId={caseId}
                currentId={props.currentViewId}
                onOpen={props.onOpenView}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
