import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../../electron/api/schemas/audit-schemas';
import { useProcedure } from '../../../api/hooks';
import { formatDateTime } from '../../../components/format';
import { usePager } from '../../../components/usePager';

/** Who did what to this case and its seizures, relations, events and files. */
export function HistoryTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const pager = usePager();
  const history = useProcedure(
    'cases.auditHistory',
    { caseId, page: pager.page, pageSize: pager.pageSize },
    { placeholderData: (previous) => previous },
  );
  return (
    <Table<AuditRow>
      rowKey="seq"
      size="small"
      loading={history.isFetching}
      dataSource={history.data?.rows}
      pagination={pager.pagination(history.data?.total)}
      columns={[
        { title: t('audit.at'), dataIndex: 'at', width: 150, render: formatDateTime },
        { title: t('audit.user'), dataIndex: 'username', width: 100 },
        {
          title: t('audit.action'),
          dataIndex: 'action',
          width: 180,
          render: (action: string) => <code>{action}</code>,
        },
        {
          title: t('audit.result'),
          dataIndex: 'result',
          width: 70,
          render: (result: AuditRow['result']) => <Tag>{t(`audit.results.${result}`)}</Tag>,
        },
        {
          title: t('audit.details'),
          dataIndex: 'details',
          ellipsis: true,
          render: (details: AuditRow['details']) => (
            <Typography.Text type="secondary">
              {details ? JSON.stringify(details) : ''}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
