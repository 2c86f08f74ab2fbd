import { Alert, Button, Spin } from 'antd';
import { useState, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartState } from './chart-state';
import { GraphContextMenu } from './GraphContextMenu';
import type { NetworkHandle } from './NetworkCanvas';
import { SelectionBar } from './SelectionBar';
import { UpstreamCard } from './UpstreamCard';
import type { LayoutProgress } from './useChartLoader';
import type { GraphActions } from './useGraphActions';

interface MenuAnchor {
  nodeId: string | null;
  x: number;
  y: number;
}

interface Props {
  state: ChartState;
  actions: GraphActions;
  canvas: RefObject<NetworkHandle | null>;
  loading: boolean;
  /** Share of the layout done (0–1) while a large chart is laid out. */
  layoutProgress: LayoutProgress;
  drawing: boolean;
  menu: MenuAnchor | null;
  onCloseMenu(): void;
}

/** Over the chart while it loads, with the share of its layout done (re-rendered alone on each step). */
function LoadingVeil({ progress }: { progress: LayoutProgress }) {
  const { t } = useTranslation();
  const share = useSyncExternalStore(progress.subscribe, progress.get);
  return (
    <div
      style={{
        position: 'absolute',
        inset: 0,
        display: 'grid',
        placeItems: 'center',
        background: 'rgba(255,255,255,.6)',
      }}
    >
      <div style={{ display: 'grid', justifyItems: 'center', gap: 12 }}>
        <Spin size="large" percent={share === undefined ? undefined : share * 100} />
        {share !== undefined && (
          <span data-testid="graph-layout-progress">
            {t('graph.layingOut', { percent: Math.round(share * 100) })}
          </span>
        )}
      </div>
    </div>
  );
}

/** What floats over the chart: loading veil, hints, the upstream card, selection bar and menu. */
export function ChartOverlays({
  state,
  actions,
  canvas,
  loading,
  layoutProgress,
  drawing,
  menu,
  onCloseMenu,
}: Props) {
  const { t } = useTranslation();
  const { selection, highlight, trace } = actions;
  const menuNode = menu?.nodeId ? (state.nodes[menu.nodeId] ?? null) : null;
  const menuTargets = menu?.nodeId
    ? selection.includes(menu.nodeId)
      ? selection
      : [menu.nodeId]
    : [];
  return (
    <>
      {loading && <LoadingVeil progress={layoutProgress} />}
      {/* At the top right: the supply-chain layout writes its tier names down the left edge
          (取消高亮 had covered 毒源/上线). */}
      <div
        style={{
          position: 'absolute',
          right: 12,
          top: 12,
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
          alignItems: 'flex-end',
        }}
      >
        {drawing && <Alert type="info" showIcon title={t('graph.toolbar.drawHint')} />}
        {highlight && (
          <Button
            size="small"
            onClick={() => actions.setHighlight(null)}
            data-testid="clear-highlight"
          >
            {t('graph.clearHighlight')}
          </Button>
        )}
        {trace && (
          <UpstreamCard
            trace={trace}
            onFocus={(nodeId) => canvas.current?.focus(nodeId)}
            onClose={actions.closeTrace}
          />
        )}
      </div>
      {selection.length > 0 && (
        <div style={{ position: 'absolute', left: 12, bottom: 12 }}>
          <SelectionBar
            count={selection.length}
            label={selection.length === 1 ? state.nodes[selection[0]!]?.label : undefined}
            allPinned={selection.every((id) => state.pinned.includes(id))}
            onAction={(action) => actions.act(action, selection)}
          />
        </div>
      )}
      {menu && (
        <GraphContextMenu
          x={menu.x}
          y={menu.y}
          node={menuNode}
          count={menuTargets.length}
          pinned={menuTargets.every((id) => state.pinned.includes(id))}
          grouped={Boolean(menu.nodeId && state.clusters.includes(menu.nodeId))}
          hiddenCount={state.hidden.length}
          onAction={(action) => actions.act(action, menuTargets)}
          onClose={onCloseMenu}
        />
      )}
    </>
  );
}

/** The context menu's anchor: where it opened and on which entity (none on the background). */
export function useMenuAnchor() {
  return useState<MenuAnchor | null>(null);
}
