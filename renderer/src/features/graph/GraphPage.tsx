import { DeploymentUnitOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Select, Space, Spin, Tabs, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { RelationType } from '../../../../electron/api/domain/relation-types';
import type { GraphData, UpstreamTrace } from '../../../../electron/api/schemas/graph-schemas';
import { invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { RelationFormModal } from '../cases/tabs/RelationFormModal';
import { AnalyticsPanel } from './AnalyticsPanel';
import { CasePicker } from './CasePicker';
import {
  addGraph,
  combine,
  groupOrganisation,
  hideNodes,
  pinNodes,
  positionsAround,
  removeNodes,
  setFilters,
  setLayout,
  setPositions,
  showAll,
  showCommunities,
  ungroupOrganisation,
  unpinNodes,
  type ChartState,
} from './chart-state';
import { downloadText, downloadUrl } from './downloads';
import { downloadDocument } from '../briefings/file-download';
import { EntityDrawer } from './EntityDrawer';
import { FilterPanel } from './FilterPanel';
import { GraphContextMenu, type MenuAction } from './GraphContextMenu';
import { circularPositions, nodeKinds } from './graph-model';
import { GraphToolbar, type ExportFormat } from './GraphToolbar';
import { LegendPanel } from './LegendPanel';
import { NetworkCanvas, type NetworkHandle } from './NetworkCanvas';
import { PrintExportModal, type PrintChoices } from './PrintExportModal';
import { SaveViewModal } from './SaveViewModal';
import { ServiceNumbersSwitch } from './ServiceNumbersSwitch';
import { SelectionBar } from './SelectionBar';
import { UpstreamCard } from './UpstreamCard';
import { useChartHistory } from './useChartHistory';
import {
  serverLayoutIterations,
  serverLayoutThreshold,
  useChartLoader,
  type ChartSource,
} from './useChartLoader';
import { useVisElements, type Highlight } from './useVisElements';
import { ViewsPanel } from './ViewsPanel';

const neighbourhoodLimit = 500;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The link chart: a case's entities and relations, an entity's neighbourhood or a saved view,
 * with expansion, layouts (force, supply chain, communities), analytics, filters, views and export.
 */
export function GraphPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canWrite = useCan('investigator');
  const source: ChartSource = useMemo(
    () => ({
      caseId: params.get('case') ?? undefined,
      entityId: params.get('entity') ?? undefined,
      viewId: params.get('view') ?? undefined,
    }),
    [params],
  );
  const chart = useChartHistory();
  const loaded = useChartLoader(source, chart.reset);
  const caseId = source.caseId ?? loaded.view?.caseId ?? undefined;
  const caseDetail = useProcedure('cases.get', { id: caseId ?? '' }, { enabled: Boolean(caseId) });

  const canvas = useRef<NetworkHandle>(null);
  const stateRef = useRef<ChartState>(chart.state);
  useEffect(() => {
    stateRef.current = chart.state;
  }, [chart.state]);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [menu, setMenu] = useState<{ nodeId: string | null; x: number; y: number } | null>(null);
  const [drawerId, setDrawerId] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [drawn, setDrawn] = useState<{ fromEntityId: string; toEntityId: string } | null>(null);
  const [pathEnds, setPathEnds] = useState<{ from?: string; to?: string }>({});
  const [trace, setTrace] = useState<UpstreamTrace | null>(null);
  const [panel, setPanel] = useState('analytics');
  const [saving, setSaving] = useState(false);
  const [savedView, setSavedView] = useState<{ id: string; name: string } | null>(null);
  const [expandHops, setExpandHops] = useState<1 | 2 | 3>(1);
  const [busy, setBusy] = useState(false);
  const [printOpen, setPrintOpen] = useState(false);

  const currentView =
    savedView ?? (loaded.view ? { id: loaded.view.id, name: loaded.view.name } : undefined);
  const { visNodes, visEdges, clusters, levelLabels } = useVisElements(chart.state, highlight);
  const nodes = useMemo(() => Object.values(chart.state.nodes), [chart.state.nodes]);
  const edges = useMemo(() => Object.values(chart.state.edges), [chart.state.edges]);
  const visibleIds = useMemo(() => visNodes.map((node) => String(node.id)), [visNodes]);
  const visibleNodes = useMemo(() => {
    const shown = new Set(visibleIds);
    return nodes.filter((node) => shown.has(node.id));
  }, [nodes, visibleIds]);
  const entityIds = useMemo(() => nodes.map((node) => node.id).sort(), [nodes]);

  const fail = useCallback(
    (error: unknown) => void message.error(errorText(error)),
    [message, errorText],
  );

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
    [chart],
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
    try {
      if (layout === 'chain') return chart.execute(setLayout('chain'));
      if (layout === 'force') {
        if (visibleIds.length <= serverLayoutThreshold) return chart.execute(setLayout('force'));
        const positions = await invoke('graph.layout', {
          nodeIds: visibleIds,
          edges: visEdges.map((edge) => [String(edge.from), String(edge.to)] as [string, string]),
          iterations: serverLayoutIterations,
        });
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

  const exportPrint = async (choices: PrintChoices) => {
    if (!visibleIds.length || !canvas.current) return;
    setBusy(true);
    try {
      const file = await invoke('graph.export', {
        ...choices,
        nodeIds: visibleIds,
        positions: canvas.current.getPositions(),
        caseId,
      });
      downloadDocument(file);
      setPrintOpen(false);
      void message.success(t('graph.exported'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: ExportFormat) => {
    if (!visibleIds.length || !canvas.current) return;
    if (format === 'print') return setPrintOpen(true);
    setBusy(true);
    try {
      if (format === 'png') {
        await invoke('graph.recordImageExport', {
          caseId,
          nodes: visibleIds.length,
          viewName: currentView?.name,
        });
        const url = await canvas.current.exportPng(2);
        downloadUrl(
          url,
          `${caseDetail.data?.caseNo ?? 'graph'}-${new Date().toISOString().slice(0, 10)}.png`,
        );
      } else {
        const file = await invoke('graph.export', {
          format,
          nodeIds: visibleIds,
          positions: canvas.current.getPositions(),
          caseId,
        });
        downloadText(file.content, file.fileName, file.mimeType);
      }
      void message.success(t('graph.exported'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
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
        canvas.current?.select(visibleIds);
        return setSelection(visibleIds);
    }
  };

  // Opened from a seizure ("trace upstream"): once the chart is there, trace from whom it was taken.
  const traceSeizure = params.get('traceSeizure');
  const traced = useRef<string | null>(null);
  useEffect(() => {
    if (!traceSeizure || loaded.loading || !nodes.length || traced.current === traceSeizure) return;
    traced.current = traceSeizure;
    void upstream({ seizureId: traceSeizure });
  });

  // Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo chart edits; Delete hides the selection.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('.ant-modal-wrap')) return;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && key === 'z' && !event.shiftKey) chart.undo();
      else if ((event.ctrlKey || event.metaKey) && (key === 'y' || (key === 'z' && event.shiftKey)))
        chart.redo();
      else if (key === 'delete' && selection.length) {
        chart.execute(hideNodes(selection));
        setSelection([]);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chart, selection]);

  const hasSource = Boolean(source.caseId || source.entityId || source.viewId);
  const title = loaded.view
    ? `${t('graph.title')} · ${currentView?.name ?? loaded.view.name}`
    : caseDetail.data
      ? `${t('graph.title')} · ${caseDetail.data.caseNo}`
      : source.entityId && chart.state.nodes[source.entityId]
        ? `${t('graph.title')} · ${chart.state.nodes[source.entityId]!.label}`
        : t('graph.title');
  const menuNode = menu?.nodeId ? (chart.state.nodes[menu.nodeId] ?? null) : null;
  const menuTargets = menu?.nodeId
    ? selection.includes(menu.nodeId)
      ? selection
      : [menu.nodeId]
    : [];
  const drawerNode = drawerId ? chart.state.nodes[drawerId] : undefined;

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
                caseDetail.data ? `${caseDetail.data.caseNo} ${caseDetail.data.title}` : undefined
              }
              onChange={(id) => navigate(`/graph?case=${id}`)}
              width={280}
            />
          </>
        }
      />
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 12,
          marginBottom: 8,
          flexWrap: 'wrap',
        }}
      >
        <GraphToolbar
          layout={chart.state.layout}
          onLayout={(layout) => void applyLayout(layout)}
          undoLabel={chart.undoLabel}
          redoLabel={chart.redoLabel}
          onUndo={chart.undo}
          onRedo={chart.redo}
          onFit={() => canvas.current?.fit()}
          nodes={visibleNodes}
          onFind={(nodeId) => {
            canvas.current?.focus(nodeId);
            setSelection([nodeId]);
          }}
          canWrite={canWrite}
          drawing={drawing}
          onDrawing={setDrawing}
          onSave={() => setSaving(true)}
          onExport={(format) => void exportAs(format)}
          busy={busy}
        />
        <Space size={8}>
          <ServiceNumbersSwitch chart={chart} />
          <Tooltip title={t('graph.toolbar.expandHops')}>
            <Select
              size="small"
              value={expandHops}
              onChange={setExpandHops}
              options={[1, 2, 3].map((hops) => ({
                value: hops,
                label: t('graph.menu.expand', { hops }),
              }))}
              style={{ width: 110 }}
            />
          </Tooltip>
          <Typography.Text type="secondary" data-testid="graph-stats">
            {t('graph.stats', { nodes: visNodes.length, edges: visEdges.length })}
            {chart.state.hidden.length > 0 &&
              ` · ${t('graph.hiddenCount', { count: chart.state.hidden.length })}`}
          </Typography.Text>
        </Space>
      </div>
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
            positionsVersion={chart.state.positionsVersion}
            clusters={clusters}
            levelLabels={levelLabels}
            drawing={drawing}
            onDoubleClick={(nodeId) => void expand([nodeId], expandHops)}
            onOpenGroup={(organisationId) => chart.execute(ungroupOrganisation(organisationId))}
            onSelect={setSelection}
            onContextMenu={setMenu}
            onCreateEdge={(fromEntityId, toEntityId) => {
              setDrawing(false);
              setDrawn({ fromEntityId, toEntityId });
            }}
          />
          {loaded.loading && (
            <div
              style={{
                position: 'absolute',
                inset: 0,
                display: 'grid',
                placeItems: 'center',
                background: 'rgba(255,255,255,.6)',
              }}
            >
              <Spin size="large" />
            </div>
          )}
          <div
            style={{
              position: 'absolute',
              left: 12,
              top: 12,
              display: 'flex',
              flexDirection: 'column',
              gap: 8,
              alignItems: 'flex-start',
            }}
          >
            {drawing && <Alert type="info" showIcon title={t('graph.toolbar.drawHint')} />}
            {highlight && (
              <Button size="small" onClick={() => setHighlight(null)} data-testid="clear-highlight">
                {t('graph.clearHighlight')}
              </Button>
            )}
            {trace && (
              <UpstreamCard
                trace={trace}
                onFocus={(nodeId) => canvas.current?.focus(nodeId)}
                onClose={() => {
                  setTrace(null);
                  setHighlight(null);
                }}
              />
            )}
          </div>
          {selection.length > 0 && (
            <div style={{ position: 'absolute', left: 12, bottom: 12 }}>
              <SelectionBar
                count={selection.length}
                label={selection.length === 1 ? chart.state.nodes[selection[0]!]?.label : undefined}
                allPinned={selection.every((id) => chart.state.pinned.includes(id))}
                onAction={(action) => act(action, selection)}
              />
            </div>
          )}
          {menu && (
            <GraphContextMenu
              x={menu.x}
              y={menu.y}
              node={menuNode}
              count={menuTargets.length}
              pinned={menuTargets.every((id) => chart.state.pinned.includes(id))}
              grouped={Boolean(menu.nodeId && chart.state.clusters.includes(menu.nodeId))}
              hiddenCount={chart.state.hidden.length}
              onAction={(action) => act(action, menuTargets)}
              onClose={() => setMenu(null)}
            />
          )}
        </div>
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
            activeKey={panel}
            onChange={setPanel}
            items={[
              {
                key: 'analytics',
                label: t('graph.analytics.title'),
                children: (
                  <AnalyticsPanel
                    caseId={caseId}
                    nodes={nodes}
                    entityIds={entityIds}
                    pathEnds={pathEnds}
                    onPathEnds={setPathEnds}
                    communitiesShown={chart.state.communities !== null}
                    onAddGraph={(data) => addAround(data, pathEnds.from, 'graph.commands.path')}
                    onHighlight={setHighlight}
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
                    filters={chart.state.filters}
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
                  />
                ),
              },
              {
                key: 'views',
                label: t('graph.views.title'),
                children: (
                  <ViewsPanel
                    caseId={caseId}
                    currentId={currentView?.id}
                    onOpen={(viewId) => navigate(`/graph?view=${viewId}`)}
                  />
                ),
              },
            ]}
          />
        </div>
      </div>
      {drawerNode && (
        <EntityDrawer
          node={drawerNode}
          onClose={() => setDrawerId(null)}
          onExpand={(id) => void expand([id], 1)}
          onUpstream={(id) => void upstream({ entityId: id })}
        />
      )}
      {printOpen && (
        <PrintExportModal
          busy={busy}
          onExport={(choices) => void exportPrint(choices)}
          onClose={() => setPrintOpen(false)}
        />
      )}
      {saving && (
        <SaveViewModal
          caseId={caseId}
          current={currentView}
          state={() => ({
            nodeIds: Object.keys(chart.state.nodes),
            positions: canvas.current?.getPositions() ?? {},
            hiddenIds: chart.state.hidden,
            pinnedIds: chart.state.pinned,
            clusterIds: chart.state.clusters,
            layout: chart.state.layout,
            filters: chart.state.filters,
          })}
          onSaved={(view) => {
            setSavedView({ id: view.id, name: view.name });
            setSaving(false);
            void message.success(t('graph.views.saved'));
          }}
          onClose={() => setSaving(false)}
        />
      )}
      {drawn && (
        <RelationFormModal
          caseId={caseId}
          suggestions={nodes}
          initial={drawn}
          onClose={() => setDrawn(null)}
          onSaved={(row) =>
            void invoke('graph.subgraph', {
              entityIds: [row.fromEntityId, row.toEntityId],
              caseId,
            }).then((data) => chart.execute(addGraph(data)), fail)
          }
        />
      )}
    </div>
  );
}
