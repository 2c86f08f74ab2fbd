import { ArrowLeftOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { CaseDetail } from '../../../../electron/api/schemas/case-schemas';
import type { CasePerson } from '../../../../electron/api/schemas/person-schemas';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { CaseStatusTag, LegalStatusTag } from '../../components/StatusTag';
import { AddPersonModal } from './AddPersonModal';

function CaseOverview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, lg: 2, xxl: 3 }}
      items={[
        { key: 'caseNo', label: t('cases.caseNo'), children: detail.caseNo },
        {
          key: 'status',
          label: t('cases.status'),
          children: <CaseStatusTag status={detail.status} />,
        },
        {
          key: 'offence',
          label: t('cases.offenceType'),
          children: t(`enums.offenceType.${detail.offenceType}`),
        },
        {
          key: 'supervision',
          label: t('cases.supervisionLevel'),
          children: t(`enums.supervisionLevel.${detail.supervisionLevel}`),
        },
        { key: 'unit', label: t('cases.unit'), children: detail.unit },
        { key: 'lead', label: t('cases.leadInvestigator'), children: detail.leadInvestigator },
        { key: 'opened', label: t('cases.openedOn'), children: formatDate(detail.openedOn) },
        { key: 'solved', label: t('cases.solvedOn'), children: formatDate(detail.solvedOn) },
        {
          key: 'prosecuted',
          label: t('cases.prosecutedOn'),
          children: formatDate(detail.prosecutedOn),
        },
        {
          key: 'summary',
          label: t('cases.summary'),
          span: 'filled',
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {detail.summary}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}

function CasePersons({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Table<CasePerson>
      rowKey="caseEntityId"
      size="middle"
      dataSource={detail.persons}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <Empty description={t('persons.empty')} /> }}
      columns={[
        {
          title: t('persons.name'),
          dataIndex: 'name',
          width: 140,
          render: (name: string, person) => (
            <span>
              <Typography.Text strong>{name}</Typography.Text>
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
              <Typography.Text type="secondary">{formatDate(person.legalStatusOn)}</Typography.Text>
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
      ]}
    />
  );
}

export function CaseDetailPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const canWrite = useCan('investigator');
  const { caseId = '' } = useParams();
  const [adding, setAdding] = useState(false);
  const detail = useProcedure('cases.get', { id: caseId });

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error)} />;
  const data = detail.data;

  return (
    <>
      <PageHeader
        title={
          <span>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')} />
            <span data-testid="case-title-heading">{data.title}</span>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 14 }}>
              {data.caseNo}
            </Typography.Text>
          </span>
        }
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-suspect"
            >
              {t('persons.addSuspect')}
            </Button>
          )
        }
      />
      <Tabs
        defaultActiveKey="persons"
        items={[
          { key: 'overview', label: t('cases.overview'), children: <CaseOverview detail={data} /> },
          {
            key: 'persons',
            label: `${t('cases.persons')} (${data.persons.length})`,
            children: <CasePersons detail={data} />,
          },
        ]}
      />
      <AddPersonModal caseId={data.id} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
