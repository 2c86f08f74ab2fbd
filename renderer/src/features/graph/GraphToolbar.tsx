import {
  CheckOutlined,
  DownloadOutlined,
  ExpandOutlined,
  NodeIndexOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Segmented, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDynamicText } from '../../i18n/dynamic-text';
import { EntitySelect } from './EntitySelect';
import type { GraphNode } from '../../../../electron/api/schemas/graph-schemas';
import type { ChartLayout } from './chart-state';

export type ExportFormat = 'print' | 'png' | 'graphml' | 'gexf' | 'anx' | 'json';

interface Props {
  layout: ChartLayout;
  onLayout(layout: Exclude<ChartLayout, 'manual'>): void;
  undoLabel: string | null;
  redoLabel: string | null;
  onUndo(): void;
  onRedo(): void;
  onFit(): void;
  nodes: GraphNode[];
  onFind(nodeId: string): void;
  canWrite: boolean;
  drawing: boolean;
  onDrawing(drawing: boolean): void;
  onSave(): void;
  onExport(format: ExportFormat): void;
  /**
   * Whether the data files carry persons' ID numbers in full; null where the user may not ask
   * (below lead): the files go masked.
   */
  fullIds: boolean | null;
  onFullIds(fullIds: boolean): void;
  busy: boolean;
}

/** Layouts, undo/redo, find, draw a relation, save the view, export. */
export function GraphToolbar(props: Props) {
  const { t } = useTranslation();
  // The last command's name, a key kept in the chart's history.
  const text = useDynamicText();
  const layouts = (['force', 'chain', 'circular'] as const).map((layout) => ({
    value: layout,
    label: t(`graph.layouts.${layout}`),
  }));
  return (
    <Space wrap size={8} data-testid="graph-toolbar">
      <Segmented
        value={props.layout === 'manual' ? undefined : props.layout}
        options={layouts}
        onChange={(layout) => props.onLayout(layout as Exclude<ChartLayout, 'manual'>)}
        data-testid="graph-layouts"
      />
      <Space.Compact>
        <Tooltip
          title={
            props.undoLabel
              ? `${t('graph.toolbar.undo')}：${text(props.undoLabel)}`
              : t('graph.toolbar.undo')
          }
        >
          <Button
            icon={<UndoOutlined />}
            disabled={!props.undoLabel}
            onClick={props.onUndo}
            aria-label={t('graph.toolbar.undo')}
            data-testid="graph-undo"
          />
        </Tooltip>
        <Tooltip
          title={
            props.redoLabel
              ? `${t('graph.toolbar.redo')}：${text(props.redoLabel)}`
              : t('graph.toolbar.redo')
          }
        >
          <Button
            icon={<RedoOutlined />}
            disabled={!props.redoLabel}
            onClick={props.onRedo}
            aria-label={t('graph.toolbar.redo')}
            data-testid="graph-redo"
          />
        </Tooltip>
        <Tooltip title={t('graph.toolbar.fit')}>
          <Button
            icon={<ExpandOutlined />}
            onClick={props.onFit}
            aria-label={t('graph.toolbar.fit')}
          />
        </Tooltip>
      </Space.Compact>
      <EntitySelect
        nodes={props.nodes}
        value={null}
        placeholder={t('graph.toolbar.searchInGraph')}
        style={{ width: 180 }}
        onChange={(nodeId) => nodeId && props.onFind(nodeId)}
        data-testid="graph-find"
      />
      {props.canWrite && (
        <Tooltip title={t('graph.toolbar.drawHint')}>
          <Button
            type={props.drawing ? 'primary' : 'default'}
            icon={<NodeIndexOutlined />}
            onClick={() => props.onDrawing(!props.drawing)}
            data-testid="graph-draw"
          >
            {t('graph.toolbar.draw')}
          </Button>
        </Tooltip>
      )}
      {props.canWrite && (
        <Button icon={<SaveOutlined />} onClick={props.onSave} data-testid="graph-save-view">
          {t('graph.toolbar.save')}
        </Button>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(['print', 'png', 'graphml', 'gexf', 'anx', 'json'] as const).map((format) => ({
              key: format,
              label: t(`graph.toolbar.${format}`),
            })),
            ...(props.fullIds === null
              ? []
              : [
                  { type: 'divider' as const },
                  {
                    key: 'fullIds',
                    label: t('graph.toolbar.fullIds'),
                    icon: props.fullIds ? <CheckOutlined /> : <span style={{ width: 14 }} />,
                  },
                ]),
          ],
          onClick: ({ key }) =>
            key === 'fullIds'
              ? props.onFullIds(!props.fullIds)
              : props.onExport(key as ExportFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={props.busy} data-testid="graph-export">
          {t('graph.toolbar.export')}
        </Button>
      </Dropdown>
    </Space>
  );
}
