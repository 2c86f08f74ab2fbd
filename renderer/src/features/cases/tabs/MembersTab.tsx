import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntityKind } from '../../../../../electron/api/domain/entity-kinds';
import type { CaseDetail, CaseMember } from '../../../../../electron/api/schemas/case-schemas';
import { useProcedureMutation } from '../../../api/hooks';
import { useCan } from '../../../app/SessionContext';
import { KindTag } from '../../../components/KindTag';
import { RowActions } from '../../../components/RowActions';
import { EntityFormModal } from '../../entities/EntityFormModal';
import { AddExistingModal } from './AddExistingModal';
import { MemberModal, type MemberValues } from './MemberModal';
import { caseSuggestions } from './case-suggestions';

/** The organisations, or the identifiers (phones, vehicles, accounts, places, parcels), of a case. */
export function MembersTab({
  detail,
  kinds,
}: {
  detail: CaseDetail;
  kinds: readonly EntityKind[];
}) {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const [creating, setCreating] = useState(false);
  const [existing, setExisting] = useState<{ entityId?: string } | null>(null);
  const [editing, setEditing] = useState<MemberValues | null>(null);
  const remove = useProcedureMutation('cases.removeMember', { alsoRefreshes: ['entities'] });
  const mark = useProcedureMutation('cases.markOutcome', { alsoRefreshes: ['cases', 'stats'] });
  const rows = detail.members.filter((member) => kinds.includes(member.kind));

  return (
    <>
      {canWrite && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid={`add-${kinds[0]}`}
          >
            {t('cases2.addNew')}
          </Button>
          <Button icon={<LinkOutlined />} onClick={() => setExisting({})}>
            {t('cases2.addExisting')}
          </Button>
        </Space>
      )}
      <Table<CaseMember>
        rowKey="caseEntityId"
        size="middle"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: <Empty description={t('common.noData')} /> }}
        columns={[
          {
            title: t('entities.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (kind: EntityKind) => <KindTag kind={kind} />,
          },
          {
            title: t('entities.label'),
            dataIndex: 'label',
            render: (label: string, row) => <Link to={`/entities/${row.entityId}`}>{label}</Link>,
          },
          { title: t('entities.identifier'), dataIndex: 'identifier', ellipsis: true },
          {
            title: t('persons.roleInCase'),
            dataIndex: 'roleInCase',
            width: 110,
            render: (role: CaseMember['roleInCase']) => t(`enums.caseRole.${role}`),
          },
          {
            title: t('cases2.chainTier'),
            dataIndex: 'chainTier',
            width: 140,
            render: (tier: CaseMember['chainTier']) => (tier ? t(`enums.chainTier.${tier}`) : ''),
          },
          {
            title: t('cases2.outcome'),
            key: 'outcome',
            width: 220,
            render: (_value: unknown, row: CaseMember) =>
              !row.markable ? null : canWrite ? (
                <Space size={4}>
                  <DatePicker
                    size="small"
                    placeholder={t(
                      row.kind === 'organisation' ? 'cases2.brokenOn' : 'cases2.destroyedOn',
                    )}
                    value={row.outcomeOn ? dayjs(row.outcomeOn) : null}
                    data-testid={`outcome-${row.label}`}
                    onChange={(value) =>
                      mark.mutate({
                        entityId: row.entityId,
                        on: value ? value.format('YYYY-MM-DD') : null,
                      })
                    }
                  />
                </Space>
              ) : row.outcomeOn ? (
                <Tag color="red">
                  {t(row.kind === 'organisation' ? 'cases2.brokenOn' : 'cases2.destroyedOn')}{' '}
                  {row.outcomeOn}
                </Tag>
              ) : null,
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_value: unknown, row: CaseMember) => (
                    <RowActions
                      editLabel={t('cases2.memberEdit')}
                      deleteLabel={t('common.remove')}
                      onEdit={() =>
                        setEditing({
                          caseEntityId: row.caseEntityId,
                          roleInCase: row.roleInCase,
                          legalStatus: 'none',
                          legalStatusOn: null,
                          chainTier: row.chainTier,
                        })
                      }
                      onDelete={() => remove.mutate({ caseEntityId: row.caseEntityId })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {creating && (
        <EntityFormModal
          open
          caseId={detail.id}
          kinds={kinds}
          ownerSuggestions={caseSuggestions(detail)}
          onClose={() => setCreating(false)}
          onUseExisting={(entityId) => setExisting({ entityId })}
        />
      )}
      {existing && (
        <AddExistingModal
          caseId={detail.id}
          kinds={kinds}
          initialEntityId={existing.entityId}
          onClose={() => setExisting(null)}
        />
      )}
      {editing && (
        <MemberModal member={editing} showLegalStatus={false} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
