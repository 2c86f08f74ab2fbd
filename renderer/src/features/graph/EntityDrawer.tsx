import { ExpandAltOutlined, ExportOutlined, RiseOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GraphNode } from '../../../../electron/api/schemas/graph-schemas';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { KindTag } from '../../components/KindTag';
import { LegalStatusTag } from '../../components/StatusTag';
import { EntityDetailFields } from '../entities/EntityDetailFields';

interface Props {
  node: GraphNode;
  onClose(): void;
  onExpand(nodeId: string): void;
  onUpstream(nodeId: string): void;
}

/** The side panel of the chart: an entity's key fields, its cases and what to do next, without leaving the chart. */
export function EntityDrawer({ node, onClose, onExpand, onUpstream }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const detail = useProcedure('entities.get', { id: node.id });
  return (
    <Drawer
      open
      mask={false}
      size={380}
      onClose={onClose}
      title={
        <Space size={6}>
          <KindTag kind={node.kind} />
          <span data-testid="entity-drawer-title">{node.label}</span>
        </Space>
      }
      extra={
        <Link to={`/entities/${node.id}`}>
          <ExportOutlined /> {t('graph.selection.open')}
        </Link>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {node.identifier && <Typography.Text copyable>{node.identifier}</Typography.Text>}
        {node.legalStatus && node.legalStatus !== 'none' && (
          <LegalStatusTag status={node.legalStatus} />
        )}
        {node.roleInCase && <Tag>{t(`enums.caseRole.${node.roleInCase}`)}</Tag>}
        {node.chainTier && <Tag color="red">{t(`enums.chainTier.${node.chainTier}`)}</Tag>}
      </Space>
      <Space style={{ marginBottom: 16 }}>
        <Button size="small" icon={<ExpandAltOutlined />} onClick={() => onExpand(node.id)}>
          {t('graph.selection.expand')}
        </Button>
        <Button size="small" icon={<RiseOutlined />} onClick={() => onUpstream(node.id)}>
          {t('graph.menu.upstream')}
        </Button>
      </Space>
      {detail.isPending && <Spin />}
      {detail.isError && <Alert type="error" showIcon title={errorText(detail.error)} />}
      {detail.data && (
        <>
          <EntityDetailFields detail={detail.data} column={1} />
          {detail.data.notes && (
            <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
              {detail.data.notes}
            </Typography.Paragraph>
          )}
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'relations',
                label: t('graph.selection.relations'),
                children: detail.data.relations.length,
              },
            ]}
          />
          <List
            size="small"
            header={<Typography.Text strong>{t('graph.selection.cases')}</Typography.Text>}
            dataSource={detail.data.cases}
            renderItem={(item) => (
              <List.Item>
                <Link to={`/cases/${item.caseId}`}>{item.caseNo}</Link>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
                  {item.title}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
