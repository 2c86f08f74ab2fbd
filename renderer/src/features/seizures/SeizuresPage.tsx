import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SeizureRow } from '../../../../electron/api/schemas/seizure-schemas';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { drugName, formatDateTime, formatYuan } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePager } from '../../components/usePager';

export function SeizuresPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const pager = usePager();
  const seizures = useProcedure(
    'seizures.list',
    { page: pager.page, pageSize: pager.pageSize },
    { placeholderData: (previous) => previous },
  );

  return (
    <>
      <PageHeader title={t('seizures.title')} />
      {seizures.isError && <Alert type="error" showIcon title={errorText(seizures.error)} />}
      <Table<SeizureRow>
        rowKey="id"
        size="middle"
        loading={seizures.isFetching}
        dataSource={seizures.data?.rows}
        locale={{ emptyText: t('seizures.empty') }}
        scroll={{ x: 1100 }}
        pagination={pager.pagination(seizures.data?.total)}
        columns={[
          {
            title: t('seizures.seizedAt'),
            dataIndex: 'seizedAt',
            width: 160,
            render: formatDateTime,
          },
          {
            title: t('seizures.case'),
            dataIndex: 'caseNo',
            width: 190,
            render: (caseNo: string, row) => <Link to={`/cases/${row.caseId}`}>{caseNo}</Link>,
          },
          {
            title: t('seizures.drugType'),
            dataIndex: 'drugType',
            render: (code: string) => drugName(code, i18n.language),
          },
          {
            title: t('seizures.quantity'),
            key: 'quantity',
            width: 120,
            align: 'right',
            render: (_value, row) =>
              `${row.quantityValue} ${t(`enums.quantityUnit.${row.quantityUnit}`)}`,
          },
          { title: t('seizures.place'), dataIndex: 'place', ellipsis: true },
          { title: t('seizures.evidenceNo'), dataIndex: 'evidenceNo', width: 170 },
          {
            title: t('seizures.cash'),
            dataIndex: 'cashFen',
            width: 140,
            align: 'right',
            render: (fen: number | null) => formatYuan(fen),
          },
        ]}
      />
    </>
  );
}
