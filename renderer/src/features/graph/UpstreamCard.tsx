import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UpstreamTrace } from '../../../../electron/api/schemas/graph-schemas';

interface Props {
  trace: UpstreamTrace;
  onFocus(nodeId: string): void;
  onClose(): void;
}

/** The result of an upstream trace: suppliers layer by layer up to the known sources. */
export function UpstreamCard({ trace, onFocus, onClose }: Props) {
  const { t } = useTranslation();
  const label = (id: string) => trace.graph.nodes.find((node) => node.id === id)?.label ?? id;
  const entity = (id: string) => (
    <Tag key={id} style={{ cursor: 'pointer', marginBottom: 4 }} onClick={() => onFocus(id)}>
      {label(id)}
    </Tag>
  );
  return (
    <Card
      size="small"
      title={t('graph.analytics.upstreamOf', { name: label(trace.rootId) })}
      extra={
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          onClick={onClose}
          aria-label={t('common.close')}
        />
      }
      style={{
        width: 320,
        maxHeight: 320,
        overflow: 'auto',
        boxShadow: '0 4px 12px rgba(0,0,0,.12)',
      }}
      data-testid="upstream-card"
    >
      {trace.levels.length === 0 ? (
        <Typography.Text type="warning">{t('graph.analytics.noUpstream')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {trace.levels.map((level) => (
            <div key={level.depth}>
              <Typography.Text type="secondary" style={{ marginRight: 6 }}>
                {t('graph.analytics.depth', { depth: level.depth })}
              </Typography.Text>
              {level.nodeIds.map(entity)}
            </div>
          ))}
          <div>
            <Typography.Text strong style={{ marginRight: 6 }}>
              {t('graph.analytics.sources')}
            </Typography.Text>
            {trace.sourceIds.map(entity)}
          </div>
        </Space>
      )}
    </Card>
  );
}
