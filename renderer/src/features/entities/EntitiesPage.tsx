import { Alert, Input, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityKinds, type EntityKind } from '../../../../electron/api/domain/entity-kinds';
import type { EntityRow } from '../../../../electron/api/schemas/entity-schemas';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { usePager } from '../../components/usePager';

const kindColours: Record<EntityKind, string> = {
  person: 'blue',
  organisation: 'purple',
  location: 'green',
  phone: 'cyan',
  vehicle: 'orange',
  account: 'gold',
  parcel: 'magenta',
};

export function EntitiesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
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
          <Input.Search
            allowClear
            style={{ width: 360 }}
            placeholder={t('entities.searchPlaceholder')}
            onSearch={(value) => {
              setText(value.trim());
              pager.reset();
            }}
          />
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
            render: (value: EntityKind) => (
              <Tag color={kindColours[value]}>{t(`enums.entityKind.${value}`)}</Tag>
            ),
          },
          { title: t('entities.label'), dataIndex: 'label', ellipsis: true },
          { title: t('entities.identifier'), dataIndex: 'identifier', ellipsis: true },
          { title: t('entities.caseCount'), dataIndex: 'caseCount', width: 110, align: 'right' },
        ]}
      />
    </>
  );
}
