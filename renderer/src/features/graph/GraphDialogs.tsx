import { App } from 'antd';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../electron/api/schemas/graph-schemas';
import { invoke } from '../../api/client';
import { RelationFormModal } from '../cases/tabs/RelationFormModal';
import { addGraph } from './chart-state';
import { EntityDrawer } from './EntityDrawer';
import type { NetworkHandle } from './NetworkCanvas';
import { PrintExportModal } from './PrintExportModal';
import { SaveViewModal } from './SaveViewModal';
import type { useChartExport } from './useChartExport';
import type { ChartHistoryHandle, GraphActions } from './useGraphActions';

interface Props {
  chart: ChartHistoryHandle;
  actions: GraphActions;
  exporter: ReturnType<typeof useChartExport>;
  canvas: RefObject<NetworkHandle | null>;
  caseId: string | undefined;
  nodes: GraphNode[];
  currentView: { id: string; name: string } | undefined;
  saving: boolean;
  onSaved(view: { id: string; name: string }): void;
  onCloseSave(): void;
  /** The relation drawn on the chart, to be saved through the relation form. */
  drawn: { fromEntityId: string; toEntityId: string } | null;
  onCloseDrawn(): void;
  fail(error: unknown): void;
}

/** The chart's drawer and dialogs: entity details, titled export, save view, new relation. */
export function GraphDialogs(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { chart, actions, exporter, canvas, caseId } = props;
  const drawerNode = actions.drawerId ? chart.state.nodes[actions.drawerId] : undefined;
  return (
    <>
      {drawerNode && (
        <EntityDrawer
          node={drawerNode}
          onClose={() => actions.setDrawerId(null)}
          onExpand={(id) => void actions.expand([id], 1)}
          onUpstream={(id) => void actions.upstream({ entityId: id })}
        />
      )}
      {exporter.printOpen && (
        <PrintExportModal
          busy={exporter.busy}
          onExport={(choices) => void exporter.exportPrint(choices)}
          onClose={exporter.closePrint}
        />
      )}
      {props.saving && (
        <SaveViewModal
          caseId={caseId}
          current={props.currentView}
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
            props.onSaved({ id: view.id, name: view.name });
            void message.success(t('graph.views.saved'));
          }}
          onClose={props.onCloseSave}
        />
      )}
      {props.drawn && (
        <RelationFormModal
          caseId={caseId}
          suggestions={props.nodes}
          initial={props.drawn}
          onClose={props.onCloseDrawn}
          onSaved={(row) =>
            void invoke('graph.subgraph', {
              entityIds: [row.fromEntityId, row.toEntityId],
              caseId,
            }).then((data) => chart.execute(addGraph(data)), props.fail)
          }
        />
      )}
    </>
  );
}
