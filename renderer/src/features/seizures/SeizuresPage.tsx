import { Alert, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SeizureRow } from '../../../../electron/api/schemas/seizure-schemas';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { drugName, formatDateTime, formatYuan } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';

export function SeizuresPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const seizures = useProcedure(
    'seizures.list',
    { page, pageSize },
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
        pagination={{
          current: page,
          pageSize,
          total: seizures.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
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
