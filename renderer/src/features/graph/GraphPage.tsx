import { DeploymentUnitOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useProcedure } from '../../api/hooks';
import { fullIdNumbersRole } from '../../../../electron/api/domain/roles';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { CasePicker } from './CasePicker';
import { ChartOverlays, useMenuAnchor } from './ChartOverlays';
import { ChartToolbarRow } from './ChartToolbarRow';
import { ungroupOrganisation } from './chart-state';
import { GraphDialogs } from './GraphDialogs';
import { GraphSidePanel } from './GraphSidePanel';
import { NetworkCanvas, type NetworkHandle } from './NetworkCanvas';
import { ServiceNumbersSwitch } from './ServiceNumbersSwitch';
import { useChartExport } from './useChartExport';
import { useChartHistory } from './useChartHistory';
import { chartSourceOf, type ChartSource } from './chart-reads';
import { useChartLoader } from './useChartLoader';
import { useChartShortcuts } from './useChartShortcuts';
import { useGraphActions, type DrawnChart } from './useGraphActions';
import { useVisElements } from './useVisElements';

/**
 * The link chart: a case's entities and relations, an entity's neighbourhood or a saved view,
 * with expansion, layouts (force, supply chain, communities), analytics, filters, views and export.
 * This page wires the pieces; what they do lives in the hooks and components it composes.
 */
export function GraphPage({ toolbarExtra }: { toolbarExtra?: ReactNode } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canWrite = useCan('investigator');
  const mayUnmask = useCan(fullIdNumbersRole);
  const source: ChartSource = useMemo(() => chartSourceOf(params), [params]);
  const chart = useChartHistory();
  const loaded = useChartLoader(source, chart.reset);
  // Side analyses (the chain gaps) wait until the chart is drawn: the chart comes first.
  const sourceKey = `${source.caseId ?? ''}|${source.entityId ?? ''}|${source.viewId ?? ''}`;
  const [drawnFor, setDrawnFor] = useState<string | null>(null);
  const onStable = useCallback(() => setDrawnFor(sourceKey), [sourceKey]);
  const caseId = source.caseId ?? loaded.view?.caseId ?? undefined;
  // The header needs the number and title only: the case's detail (every member and figure)
  // would hold the call queue ahead of the chart's layout.
  const caseRow = useProcedure('cases.row', { id: caseId ?? '' }, { enabled: Boolean(caseId) });

  const canvas = useRef<NetworkHandle>(null);
  const [menu, setMenu] = useMenuAnchor();
  const [drawing, setDrawing] = useState(false);
  const [drawn, setDrawn] = useState<{ fromEntityId: string; toEntityId: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedView, setSavedView] = useState<{ id: string; name: string } | null>(null);
  const [expandHops, setExpandHops] = useState<1 | 2 | 3>(1);

  const currentView =
    savedView ?? (loaded.view ? { id: loaded.view.id, name: loaded.view.name } : undefined);
  const nodes = useMemo(() => Object.values(chart.state.nodes), [chart.state.nodes]);
  const edges = useMemo(() => Object.values(chart.state.edges), [chart.state.edges]);
  const fail = useCallback(
    (error: unknown) => void message.error(errorText(error)),
    [message, errorText],
  );

  // The drawn elements depend on the highlight the actions hold, and the actions act on what is
  // drawn: they read it through this ref, filled once the elements are computed.
  const drawnRef = useRef<DrawnChart>({ ids: [], pairs: [] });
  const actions = useGraphActions({ chart, canvas, caseId, drawn: drawnRef, fail });
  const { visNodes, visEdges, clusters, levelLabels, chainOwners, importance } = useVisElements(
    chart.state,
    actions.highlight,
  );
  // The same IDs keep the same array: positions or looks changing do not re-render the lists
  // built from them (the find box holds every entity). IDs hold no line breaks.
  const visibleKey = useMemo(() => visNodes.map((node) => String(node.id)).join('\n'), [visNodes]);
  const visibleIds = useMemo(() => (visibleKey ? visibleKey.split('\n') : []), [visibleKey]);
  useEffect(() => {
    drawnRef.current = {
      ids: visibleIds,
      pairs: visEdges.map((edge) => [String(edge.from), String(edge.to)] as [string, string]),
    };
  }, [visibleIds, visEdges]);
  const visibleNodes = useMemo(() => {
    const shown = new Set(visibleIds);
    return nodes.filter((node) => shown.has(node.id));
  }, [nodes, visibleIds]);

  const exporter = useChartExport({
    canvas,
    caseId,
    visibleIds,
    viewName: currentView?.name,
    fail,
  });
  const { setSelection } = actions;
  const clearSelection = useCallback(() => setSelection([]), [setSelection]);
  useChartShortcuts(chart, actions.selection, clearSelection);

  // Opened from a seizure ("trace upstream"): once the chart is there, trace from whom it was taken.
  const traceSeizure = params.get('traceSeizure');
  const traced = useRef<string | null>(null);
  useEffect(() => {
    if (!traceSeizure || loaded.loading || !nodes.length || traced.current === traceSeizure) return;
    traced.current = traceSeizure;
    void actions.upstream({ seizureId: traceSeizure });
  });

  const hasSource = Boolean(source.caseId || source.entityId || source.viewId);
  const title = loaded.view
    ? `${t('graph.title')} · ${currentView?.name ?? loaded.view.name}`
    : caseRow.data
      ? `${t('graph.title')} · ${caseRow.data.caseNo}`
      : source.entityId && chart.state.nodes[source.entityId]
        ? `${t('graph.title')} · ${chart.state.nodes[source.entityId]!.label}`
        : t('graph.title');

  if (!hasSource) {
    return (
      <>
        <PageHeader title={t('graph.title')} />
        <Empty
          image={<DeploymentUnitOutlined style={{ fontSize: 64, color: '#94a3b8' }} />}
          description={t('graph.empty')}
        >
          <CasePicker onChange={(id) => navigate(`/graph?case=${id}`)} />
        </Empty>
      </>
    );
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 520 }}>
      <PageHeader
        title={<span data-testid="graph-title">{title}</span>}
        extra={
          <>
            {caseId && (
              <Button type="link" onClick={() => navigate(`/cases/${caseId}`)}>
                {t('graph.backToCase')}
              </Button>
            )}
            <CasePicker
              value={caseId}
              currentLabel={
                caseRow.data ? `${caseRow.data.caseNo} ${caseRow.data.title}` : undefined
              }
              onChange={(id) => navigate(`/graph?case=${id}`)}
              width={280}
            />
          </>
        }
      />
      <ChartToolbarRow
        toolbar={{
          layout: chart.state.layout,
          onLayout: (layout) => void actions.applyLayout(layout),
          undoLabel: chart.undoLabel,
          redoLabel: chart.redoLabel,
          onUndo: chart.undo,
          onRedo: chart.redo,
          onFit: () => canvas.current?.fit(),
          nodes: visibleNodes,
          onFind: (nodeId) => {
            canvas.current?.focus(nodeId);
            actions.setSelection([nodeId]);
          },
          canWrite,
          drawing,
          onDrawing: setDrawing,
          onSave: () => setSaving(true),
          onExport: (format) => void exporter.exportAs(format),
          fullIds: mayUnmask ? exporter.fullIds : null,
          onFullIds: exporter.setFullIds,
          busy: exporter.busy,
        }}
        expandHops={expandHops}
        onExpandHops={setExpandHops}
        stats={{
          nodes: visNodes.length,
          edges: visEdges.length,
          hidden: chart.state.hidden.length,
        }}
        extra={
          <>
            <ServiceNumbersSwitch chart={chart} />
            {toolbarExtra}
          </>
        }
      />
      {loaded.error !== null && (
        <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 8 }} />
      )}
      {loaded.truncated && (
        <Alert
          type="warning"
          showIcon
          title={t('graph.truncatedCase')}
          style={{ marginBottom: 8 }}
        />
      )}
      <div style={{ flex: 1, display: 'flex', gap: 12, minHeight: 0 }}>
        <div
          style={{
            flex: 1,
            position: 'relative',
            border: '1px solid #e5e7eb',
            borderRadius: 8,
            overflow: 'hidden',
            minWidth: 0,
          }}
        >
          <NetworkCanvas
            ref={canvas}
            nodes={visNodes}
            edges={visEdges}
            layout={chart.state.layout}
            positions={chart.state.positions}
            positionsVersion={chart.state.positionsVersion}
            clusters={clusters}
            levelLabels={levelLabels}
            chainOwners={chainOwners}
            labelImportance={importance}
            drawing={drawing}
            waiting={loaded.loading}
            onDoubleClick={(nodeId) => void actions.expand([nodeId], expandHops)}
            onOpenGroup={(organisationId) => chart.execute(ungroupOrganisation(organisationId))}
            onSelect={actions.setSelection}
            onContextMenu={setMenu}
            onCreateEdge={(fromEntityId, toEntityId) => {
              setDrawing(false);
              setDrawn({ fromEntityId, toEntityId });
            }}
            onStable={onStable}
          />
          <ChartOverlays
            state={chart.state}
            actions={actions}
            canvas={canvas}
            loading={loaded.loading}
            layoutProgress={loaded.layoutProgress}
            drawing={drawing}
            menu={menu}
            onCloseMenu={() => setMenu(null)}
          />
        </div>
        <GraphSidePanel
          chart={chart}
          actions={actions}
          canvas={canvas}
          caseId={caseId}
          nodes={nodes}
          edges={edges}
          chartDrawn={drawnFor === sourceKey}
          currentViewId={currentView?.id}
          onOpenView={(viewId) => navigate(`/graph?view=${viewId}`)}
        />
      </div>
      <GraphDialogs
        chart={chart}
        actions={actions}
        exporter={exporter}
        canvas={canvas}
        caseId={caseId}
        nodes={nodes}
        currentView={currentView}
        saving={saving}
        onSaved={(view) => {
          setSavedView(view);
          setSaving(false);
        }}
        onCloseSave={() => setSaving(false)}
        drawn={drawn}
        onCloseDrawn={() => setDrawn(null)}
        fail={fail}
      />
    </div>
  );
}
