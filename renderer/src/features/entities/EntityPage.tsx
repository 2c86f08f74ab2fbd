import {
  ArrowLeftOutlined,
  DeleteOutlined,
  DeploymentUnitOutlined,
  EditOutlined,
  MergeCellsOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Popconfirm, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { EntityPicker } from '../../components/EntityPicker';
import { formatDate } from '../../components/format';
import { KindTag } from '../../components/KindTag';
import { PageHeader } from '../../components/PageHeader';
import { CaseStatusTag, LegalStatusTag } from '../../components/StatusTag';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { EntityDetailFields } from './EntityDetailFields';
import { EntityFormModal } from './EntityFormModal';
import { RecordIdentifiersCard } from './RecordIdentifiersCard';
import { RelationsTable } from './RelationsTable';
import { useSameAccountTexts } from './useSameAccountTexts';
import { buttonTestId } from '../../components/button-test-id';

export function EntityPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = useCan('investigator');
  const canMerge = useCan('lead');
  const { entityId = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [duplicateId, setDuplicateId] = useState<string>();
  const detail = useProcedure('entities.get', { id: entityId });
  const sameAccountLines = useSameAccountTexts(detail.data?.sameAccounts, false);
  const remove = useProcedureMutation('entities.delete', { alsoRefreshes: ['cases', 'search'] });
  const merge = useProcedureMutation('entities.merge', {
    alsoRefreshes: ['cases', 'search', 'relations', 'events', 'attachments'],
    onSuccess: () => {
      setMerging(false);
      void message.success(t('entity.merged'));
    },
  });

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error)} />;
  const entity = detail.data;
  const live = !entity.deleted && !entity.mergedIntoId;

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('common.back')}
            />
            <KindTag kind={entity.kind} />
            <span data-testid="entity-title">{entity.label}</span>
            {entity.identifier && entity.identifier !== entity.label && (
              <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                {entity.identifier}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          live && (
            <>
              <Button
                icon={<DeploymentUnitOutlined />}
                onClick={() => navigate(`/graph?entity=${entity.id}`)}
                data-testid="open-entity-graph"
              >
                {t('graph.openGraph')}
              </Button>
              {canWrite && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
              )}
              {canMerge && (
                <Button
                  icon={<MergeCellsOutlined />}
                  onClick={() => setMerging(true)}
                  data-testid="entity-merge"
                >
                  {t('entity.merge')}
                </Button>
              )}
              {canWrite && (
                <Popconfirm
                  title={t('common.confirmDelete')}
                  onConfirm={() =>
                    remove.mutate({ id: entity.id }, { onSuccess: () => navigate('/entities') })
                  }
                >
                  <Button danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              )}
            </>
          )
        }
      />
      {entity.deleted && (
        <Alert type="warning" showIcon title={t('entity.deleted')} style={{ marginBottom: 16 }} />
      )}
      {entity.mergedIntoId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('entity.mergedNotice')}
          action={<Link to={`/entities/${entity.mergedIntoId}`}>{t('common.open')}</Link>}
        />
      )}
      {sameAccountLines.map((text, at) => {
        const tie = entity.sameAccounts.ties[at];
        return (
          <Alert
            key={text}
            type={tie ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={text}
            description={tie && !canMerge ? t('entity.sameAccountLead') : undefined}
            data-testid="entity-same-account"
            action={
              tie &&
              canMerge && (
                <Button
                  size="small"
                  icon={<MergeCellsOutlined />}
                  loading={merge.isPending}
                  onClick={() =>
                    merge.mutate({ keepId: tie.accountId, mergeId: tie.nicknameAccountId })
                  }
                  data-testid="entity-same-account-merge"
                >
                  {t('entity.sameAccountMerge')}
                </Button>
              )
            }
          />
        );
      })}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('entity.details')} size="small">
          <EntityDetailFields detail={entity} />
        </Card>
        <Card title={`${t('entity.cases')} (${entity.cases.length})`} size="small">
          <Table
            rowKey="caseEntityId"
            size="small"
            pagination={false}
            dataSource={entity.cases}
            columns={[
              {
                title: t('cases.caseNo'),
                dataIndex: 'caseNo',
                render: (caseNo: string, row) => <Link to={`/cases/${row.caseId}`}>{caseNo}</Link>,
              },
              { title: t('cases.caseTitle'), dataIndex: 'title' },
              {
                title: t('cases.status'),
                dataIndex: 'status',
                render: (status) => <CaseStatusTag status={status} />,
              },
              {
                title: t('persons.roleInCase'),
                dataIndex: 'roleInCase',
                render: (role) => t(`enums.caseRole.${role as 'suspect'}`),
              },
              {
                title: t('persons.legalStatus'),
                dataIndex: 'legalStatus',
                render: (status, row) =>
                  status === 'none' ? (
                    ''
                  ) : (
                    <Space size={4}>
                      <LegalStatusTag status={status} />
                      {formatDate(row.legalStatusOn)}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
        <Card title={`${t('entity.relations')} (${entity.relations.length})`} size="small">
          <RelationsTable rows={entity.relations} showCase />
        </Card>
        <RecordIdentifiersCard entityId={entity.id} kind={entity.kind} />
        <Card title={t('entity.attachments')} size="small">
          <AttachmentsPanel ownerType="entity" ownerId={entity.id} readOnly={!live || !canWrite} />
        </Card>
      </Space>
      {editing && <EntityFormModal open editing={entity} onClose={() => setEditing(false)} />}
      <Modal
        open={merging}
        title={t('entity.merge')}
        okText={t('entity.merge')}
        cancelText={t('common.cancel')}
        okButtonProps={buttonTestId('merge-submit', { disabled: !duplicateId, danger: true })}
        confirmLoading={merge.isPending}
        onCancel={() => setMerging(false)}
        onOk={() => duplicateId && merge.mutate({ keepId: entity.id, mergeId: duplicateId })}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('entity.mergeHint')}</Typography.Paragraph>
        <EntityPicker
          value={duplicateId}
          onChange={setDuplicateId}
          kinds={[entity.kind]}
          testId="merge-picker"
        />
        {merge.isError && (
          <Alert type="error" showIcon title={errorText(merge.error)} style={{ marginTop: 12 }} />
        )}
      </Modal>
    </>
  );
}
