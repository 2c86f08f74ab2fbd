import { DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { formatDateTime } from '../../components/format';

interface Props {
  caseId?: string;
  currentId?: string;
  onOpen(viewId: string): void;
}

/** The saved views of the case (or all views when the chart is not a case's). */
export function ViewsPanel({ caseId, currentId, onOpen }: Props) {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const views = useProcedure('graph.views.list', { caseId });
  const remove = useProcedureMutation('graph.views.delete');
  return (
    <List
      size="small"
      loading={views.isPending}
      dataSource={views.data}
      data-testid="graph-views"
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('graph.views.none')} />
        ),
      }}
      renderItem={(view) => (
        <List.Item
          actions={
            canWrite
              ? [
                  <Popconfirm
                    key="delete"
                    title={t('graph.views.deleteConfirm', { name: view.name })}
                    onConfirm={() => remove.mutate({ id: view.id })}
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                    />
                  </Popconfirm>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Typography.Link strong={view.id === currentId} onClick={() => onOpen(view.id)}>
                {view.name}
              </Typography.Link>
            }
            description={formatDateTime(view.updatedAt)}
          />
        </List.Item>
      )}
    />
  );
}
