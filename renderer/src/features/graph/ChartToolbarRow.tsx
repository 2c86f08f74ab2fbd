import { Select, Space, Tooltip, Typography } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphToolbar } from './GraphToolbar';

interface Props {
  toolbar: ComponentProps<typeof GraphToolbar>;
  expandHops: 1 | 2 | 3;
  onExpandHops(hops: 1 | 2 | 3): void;
  /** Counts shown at the right: drawn entities and relations, and how many are hidden. */
  stats: { nodes: number; edges: number; hidden: number };
  /** A slot for further controls, placed between the toolbar and the counts. */
  extra?: ReactNode;
}

/** The row above the chart: the toolbar, the expansion depth of double-click and the counts. */
export function ChartToolbarRow({ toolbar, expandHops, onExpandHops, stats, extra }: Props) {
  const { t } = useTranslation();
  return (
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
      <GraphToolbar {...toolbar} />
      <Space size={8}>
        {extra}
        <Tooltip title={t('graph.toolbar.expandHops')}>
          <Select
            size="small"
            data-testid="graph-expand-hops"
            value={expandHops}
            onChange={onExpandHops}
            options={[1, 2, 3].map((hops) => ({
              value: hops,
              label: t('graph.menu.expand', { hops }),
            }))}
            // As wide as its text: a fixed 110 px cut "Expand 1 hop(s)" to "Expand 1…".
            popupMatchSelectWidth={false}
            style={{ minWidth: 96 }}
          />
        </Tooltip>
        <Typography.Text type="secondary" data-testid="graph-stats">
          {t('graph.stats', { nodes: stats.nodes, edges: stats.edges })}
          {stats.hidden > 0 && ` · ${t('graph.hiddenCount', { count: stats.hidden })}`}
        </Typography.Text>
      </Space>
    </div>
  );
}
