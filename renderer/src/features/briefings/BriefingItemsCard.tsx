import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';

/**
 * The analysis results kept for the case's briefing (研判结果), in the order they print, with
 * move up/down and remove. `onChanged` refreshes the preview.
 */
export function BriefingItemsCard({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const canWrite = useCan('investigator');
  const items = useProcedure('reports.briefingItems.list', { caseId });
  const done = {
    onSuccess: onChanged,
    onError: (error: unknown) => void message.error(errorText(error)),
  };
  const move = useProcedureMutation('reports.briefingItems.move', done);
  const remove = useProcedureMutation('reports.briefingItems.remove', {
    ...done,
    onSuccess: () => {
      void message.success(t('briefings.items.removed'));
      onChanged();
    },
  });
  const rows = items.data ?? [];
  return (
    <Card size="small" title={t('briefings.items.title')} style={{ marginTop: 12 }}>
      <List
        size="small"
        loading={items.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('briefings.items.empty') }}
        data-testid="briefing-items"
        renderItem={(item, index) => (
          <List.Item
            style={{ paddingInline: 0 }}
            actions={
              canWrite
                ? [
                    <Button
                      key="up"
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      aria-label={t('briefings.items.up')}
                      disabled={index === 0}
                      onClick={() => move.mutate({ id: item.id, direction: 'up' })}
                    />,
                    <Button
                      key="down"
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      aria-label={t('briefings.items.down')}
                      disabled={index === rows.length - 1}
                      onClick={() => move.mutate({ id: item.id, direction: 'down' })}
                    />,
                    <Button
                      key="remove"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('briefings.items.remove')}
                      onClick={() => remove.mutate({ id: item.id })}
                    />,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Typography.Text ellipsis={{ tooltip: item.title }} style={{ maxWidth: 130 }}>
                {item.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.content.kind === 'table'
                  ? t('briefings.items.table', { rows: item.content.rows.length })
                  : t('briefings.items.figure')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
