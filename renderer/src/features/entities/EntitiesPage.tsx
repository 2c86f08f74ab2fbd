import { Alert, Input, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityKinds, type EntityKind } from '../../../../electron/api/domain/entity-kinds';
import type { EntityRow } from '../../../../electron/api/schemas/entity-schemas';
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { KindTag } from '../../components/KindTag';
import { EntityFormModal } from './EntityFormModal';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { usePager } from '../../components/usePager';

export function EntitiesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const canWrite = useCan('investigator');
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<EntityKind | 'all'>('all');
  const [text, setText] = useState('');
  const pager = usePager();
  const entities = useProcedure(
    'entities.list',
    {
      kinds: kind === 'all' ? undefined : [kind],
      text: text || undefined,
      page: pager.page,
      pageSize: pager.pageSize,
    },
    { placeholderData: (previous) => previous },
  );

  return (
    <>
      <PageHeader
        title={t('entities.title')}
        extra={
          <>
            <Input.Search
              allowClear
              style={{ width: 360 }}
              placeholder={t('entities.searchPlaceholder')}
              onSearch={(value) => {
                setText(value.trim());
                pager.reset();
              }}
            />
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="entity-create"
              >
                {t('entity.create')}
              </Button>
            )}
          </>
        }
      />
      <Segmented<EntityKind | 'all'>
        style={{ marginBottom: 16 }}
        value={kind}
        onChange={(value) => {
          setKind(value);
          pager.reset();
        }}
        options={[
          { value: 'all', label: t('common.all') },
          ...entityKinds.map((value) => ({ value, label: t(`enums.entityKind.${value}`) })),
        ]}
      />
      {entities.isError && <Alert type="error" showIcon title={errorText(entities.error)} />}
      <Table<EntityRow>
        rowKey="id"
        size="middle"
        loading={entities.isFetching}
        dataSource={entities.data?.rows}
        locale={{ emptyText: t('entities.empty') }}
        pagination={pager.pagination(entities.data?.total)}
        columns={[
          {
            title: t('entities.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (value: EntityKind) => <KindTag kind={value} />,
          },
          {
            title: t('entities.label'),
            dataIndex: 'label',
            ellipsis: true,
            render: (label: string, row) => <Link to={`/entities/${row.id}`}>{label}</Link>,
          },
          { title: t('entities.identifier'), dataIndex: 'identifier', ellipsis: true },
          { title: t('entities.caseCount'), dataIndex: 'caseCount', width: 110, align: 'right' },
        ]}
      />
      {creating && (
        <EntityFormModal
          open
          onClose={() => setCreating(false)}
          onSaved={(detail) => navigate(`/entities/${detail.id}`)}
        />
      )}
    </>
  );
}
