import { ApartmentOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { caseStatuses, type CaseStatus } from '../../../../electron/api/domain/case-vocabulary';
import type { CaseRow } from '../../../../electron/api/schemas/case-schemas';
import type { caseSortFields } from '../../../../electron/api/schemas/case-schemas';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePager } from '../../components/usePager';
import { CaseStatusTag } from '../../components/StatusTag';
import { CaseFilters, filtersToInput, type CaseFilterValues } from './CaseFilters';
import { CaseFormModal } from './CaseFormModal';

type SortField = (typeof caseSortFields)[number];

export function CasesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const canWrite = useCan('investigator');
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState('');
  const [statuses, setStatuses] = useState<CaseStatus[]>([]);
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const [showFilters, setShowFilters] = useState(false);
  const pager = usePager();
  const [sort, setSort] = useState<{ field: SortField; order: 'asc' | 'desc' }>({
    field: 'updatedAt',
    order: 'desc',
  });
  const cases = useProcedure(
    'cases.list',
    {
      text: text || undefined,
      statuses: statuses.length ? statuses : undefined,
      ...filtersToInput(filters),
      page: pager.page,
      pageSize: pager.pageSize,
      sort,
    },
    { placeholderData: (previous) => previous },
  );

  const sortOrder = (field: SortField) =>
    sort.field === field ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        extra={
          <>
            <Input.Search
              allowClear
              placeholder={t('cases.searchPlaceholder')}
              style={{ width: 280 }}
              onSearch={(value) => {
                setText(value.trim());
                pager.reset();
              }}
              data-testid="cases-search"
            />
            <Select<CaseStatus[]>
              mode="multiple"
              allowClear
              placeholder={t('cases.statusFilter')}
              style={{ minWidth: 200 }}
              value={statuses}
              onChange={(value) => {
                setStatuses(value);
                pager.reset();
              }}
              options={caseStatuses.map((status) => ({
                value: status,
                label: t(`enums.caseStatus.${status}`),
              }))}
            />
            <Button
              icon={<FilterOutlined />}
              onClick={() => setShowFilters((shown) => !shown)}
              type={showFilters ? 'primary' : 'default'}
              ghost={showFilters}
            >
              {t('common.filters')}
            </Button>
            <Button
              icon={<ApartmentOutlined />}
              onClick={() => navigate('/reports/linked-cases')}
              data-testid="linked-report-open"
            >
              {t('cases2.linkedReport')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="case-create"
              >
                {t('cases.create')}
              </Button>
            )}
          </>
        }
      />
      {showFilters && (
        <CaseFilters
          values={filters}
          onChange={(next) => {
            setFilters(next);
            pager.reset();
          }}
        />
      )}
      {cases.isError && (
        <Alert type="error" showIcon title={errorText(cases.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        loading={cases.isFetching}
        dataSource={cases.data?.rows}
        locale={{ emptyText: t('cases.empty') }}
        virtual={pager.pageSize > 100}
        scroll={pager.pageSize > 100 ? { x: 1100, y: 560 } : { x: 1100 }}
        pagination={pager.pagination(cases.data?.total)}
        onChange={(_pagination, _filters, sorter) => {
          const single = sorter as SorterResult<CaseRow>;
          if (single.order && single.field) {
            setSort({
              field: single.field as SortField,
              order: single.order === 'ascend' ? 'asc' : 'desc',
            });
          } else {
            setSort({ field: 'updatedAt', order: 'desc' });
          }
        }}
        onRow={(row) => ({
          'data-testid': 'case-row',
          style: { cursor: 'pointer' },
          // A click anywhere on the row opens the case; not when the user was selecting text.
          onClick: (event) => {
            if (window.getSelection()?.toString()) return;
            if ((event.target as HTMLElement).closest('a, button')) return;
            navigate(`/cases/${row.id}`);
          },
        })}
        columns={[
          {
            title: t('cases.caseNo'),
            dataIndex: 'caseNo',
            sorter: true,
            sortOrder: sortOrder('caseNo'),
            width: 190,
            render: (caseNo: string, row) => <Link to={`/cases/${row.id}`}>{caseNo}</Link>,
          },
          {
            title: t('cases.caseTitle'),
            dataIndex: 'title',
            sorter: true,
            sortOrder: sortOrder('title'),
            ellipsis: true,
            render: (title: string) => <Typography.Text strong>{title}</Typography.Text>,
          },
          {
            title: t('cases.status'),
            dataIndex: 'status',
            width: 110,
            sorter: true,
            sortOrder: sortOrder('status'),
            render: (status: CaseStatus) => <CaseStatusTag status={status} />,
          },
          {
            title: t('cases.supervisionLevel'),
            dataIndex: 'supervisionLevel',
            width: 140,
            render: (level: CaseRow['supervisionLevel']) => t(`enums.supervisionLevel.${level}`),
          },
          {
            title: t('cases.openedOn'),
            dataIndex: 'openedOn',
            width: 120,
            sorter: true,
            sortOrder: sortOrder('openedOn'),
            render: (value: string | null) => formatDate(value),
          },
          { title: t('cases.suspects'), dataIndex: 'suspectCount', width: 90, align: 'right' },
          {
            title: t('cases.updatedAt'),
            dataIndex: 'updatedAt',
            width: 160,
            sorter: true,
            sortOrder: sortOrder('updatedAt'),
            render: (value: string) => formatDateTime(value),
          },
        ]}
      />
      <CaseFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(row) => {
          setCreating(false);
          navigate(`/cases/${row.id}`);
        }}
      />
    </>
  );
}
