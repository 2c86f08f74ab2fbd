import { UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { CasePerson } from '../../../../../electron/api/schemas/person-schemas';
import { useProcedureMutation } from '../../../api/hooks';
import { useCan } from '../../../app/SessionContext';
import { formatDate } from '../../../components/format';
import { RowActions } from '../../../components/RowActions';
import { LegalStatusTag } from '../../../components/StatusTag';
import { AddPersonModal } from '../AddPersonModal';
import { AddExistingModal } from './AddExistingModal';
import { MemberModal, type MemberValues } from './MemberModal';

export function PeopleTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const [adding, setAdding] = useState(false);
  const [addingExisting, setAddingExisting] = useState(false);
  const [editing, setEditing] = useState<MemberValues | null>(null);
  const remove = useProcedureMutation('cases.removeMember', { alsoRefreshes: ['entities'] });

  return (
    <>
      {canWrite && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-suspect"
          >
            {t('persons.addSuspect')}
          </Button>
          <Button icon={<UserSwitchOutlined />} onClick={() => setAddingExisting(true)}>
            {t('cases2.addExisting')}
          </Button>
        </Space>
      )}
      <Table<CasePerson>
        rowKey="caseEntityId"
        size="middle"
        dataSource={detail.persons}
        pagination={detail.persons.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('persons.empty')} /> }}
        columns={[
          {
            title: t('persons.name'),
            dataIndex: 'name',
            width: 160,
            render: (name: string, person) => (
              <span>
                <Link to={`/entities/${person.entityId}`}>
                  <Typography.Text strong>{name}</Typography.Text>
                </Link>
                {person.aliases.map((alias) => (
                  <Tag key={alias} style={{ marginLeft: 6 }}>
                    {alias}
                  </Tag>
                ))}
              </span>
            ),
          },
          {
            title: t('persons.roleInCase'),
            dataIndex: 'roleInCase',
            width: 110,
            render: (role: CasePerson['roleInCase']) => t(`enums.caseRole.${role}`),
          },
          {
            title: t('persons.legalStatus'),
            dataIndex: 'legalStatus',
            width: 200,
            render: (status: CasePerson['legalStatus'], person) => (
              <span>
                <LegalStatusTag status={status} />
                <Typography.Text type="secondary">
                  {formatDate(person.legalStatusOn)}
                </Typography.Text>
                {person.caughtOn ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('cases2.caughtOnShort', { date: formatDate(person.caughtOn) })}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          { title: t('persons.idNumber'), dataIndex: 'idNumber', width: 190 },
          {
            title: t('persons.gender'),
            dataIndex: 'gender',
            width: 70,
            render: (gender: CasePerson['gender']) => t(`enums.gender.${gender}`),
          },
          { title: t('persons.birthDate'), dataIndex: 'birthDate', width: 120 },
          { title: t('persons.household'), dataIndex: 'household', ellipsis: true },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_value: unknown, person: CasePerson) => (
                    <RowActions
                      editLabel={t('cases2.memberEdit')}
                      deleteLabel={t('common.remove')}
                      editTestId={`member-edit-${person.name}`}
                      onEdit={() =>
                        setEditing({
                          caseEntityId: person.caseEntityId,
                          roleInCase: person.roleInCase,
                          legalStatus: person.legalStatus,
                          legalStatusOn: person.legalStatusOn,
                          chainTier: null,
                          caughtOn: person.caughtOn,
                          sourceStatus: person.sourceStatus,
                        })
                      }
                      onDelete={() => remove.mutate({ caseEntityId: person.caseEntityId })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <AddPersonModal caseId={detail.id} open={adding} onClose={() => setAdding(false)} />
      {addingExisting && (
        <AddExistingModal
          caseId={detail.id}
          kinds={['person']}
          onClose={() => setAddingExisting(false)}
        />
      )}
      {editing && <MemberModal member={editing} showLegalStatus onClose={() => setEditing(null)} />}
    </>
  );
}
