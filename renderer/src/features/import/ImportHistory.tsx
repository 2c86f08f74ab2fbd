import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../electron/api/contract';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../components/format';

type ImportItem = ProcedureOutput<'import.list'>[number];

/**
 * 导入记录: the files imported, newest first, each with its rows, its rejected rows and, for a
 * statement, the failed or declined transfers kept as attempts beside its rows (counted in no
 * amount, so they are not among the rows).
 */
export function ImportHistory() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // Read afresh each time the tab opens: an import just run is in the list.
  const imports = useProcedure('import.list', {}, { refetchOnMount: 'always' });
  if (imports.error) return <Alert type="error" showIcon title={errorText(imports.error)} />;
  return (
    <Table<ImportItem>
      size="small"
      data-testid="import-history"
      loading={imports.isLoading}
      rowKey="id"
      dataSource={imports.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          key: 'createdAt',
          title: t('import.history.createdAt'),
          render: (_, item) => formatDateTime(item.createdAt),
        },
        { key: 'fileName', title: t('import.file'), dataIndex: 'fileName' },
        {
          key: 'template',
          title: t('import.template'),
          render: (_, item) => t(`import.templates.${item.template}`),
        },
        { key: 'rows', title: t('import.history.rows'), dataIndex: 'rowCount', align: 'right' },
        {
          key: 'rejected',
          title: t('import.history.rejected'),
          dataIndex: 'rejectedCount',
          align: 'right',
        },
        {
          key: 'attempts',
          title: t('import.history.attempts'),
          align: 'right',
          // Only a statement holds transfers: other imports have none to count.
          render: (_, item) => (item.template === 'transactions' ? item.attemptCount : '—'),
        },
        { key: 'createdBy', title: t('import.history.createdBy'), dataIndex: 'createdBy' },
      ]}
    />
  );
}
