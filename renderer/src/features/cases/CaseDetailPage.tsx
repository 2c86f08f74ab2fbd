import { CaseExportMenu } from './CaseExportMenu';
import {
  ArrowLeftOutlined,
  DeploymentUnitOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  GlobalOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { CaseStatusTag } from '../../components/StatusTag';
import { CaseAttachments } from '../attachments/CaseAttachments';
import { HistoryTab } from './tabs/HistoryTab';
import { LinkedTab } from './tabs/LinkedTab';
import { MembersTab } from './tabs/MembersTab';
import { OverviewTab } from './tabs/OverviewTab';
import { PeopleTab } from './tabs/PeopleTab';
import { RelationsTab } from './tabs/RelationsTab';
import { SeizuresTab } from './tabs/SeizuresTab';
import { TimelineTab } from './tabs/TimelineTab';

const identifierKinds = ['phone', 'vehicle', 'account', 'location', 'parcel'] as const;

/** One case, tab by tab; the open tab is in the URL (?tab=…) so it survives reloads and links. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const detail = useProcedure('cases.get', { id: caseId });

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error)} />;
  const data = detail.data;
  const count = (n: number) => (n ? ` (${n})` : '');

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/cases')}
              aria-label={t('common.back')}
            />
            <span data-testid="case-title-heading">{data.title}</span>
            <Typography.Text type="secondary" style={{ fontSize: 14 }}>
              {data.caseNo}
            </Typography.Text>
            <CaseStatusTag status={data.status} />
          </Space>
        }
        extra={
          <Space>
            <Button
              type="primary"
              icon={<DeploymentUnitOutlined />}
              onClick={() => navigate(`/graph?case=${data.id}`)}
              data-testid="open-case-graph"
            >
              {t('graph.openGraph')}
            </Button>
            <Button
              icon={<GlobalOutlined />}
              onClick={() => navigate(`/map?caseId=${data.id}`)}
              data-testid="open-case-map"
            >
              {t('map.openMap')}
            </Button>
            <Button
              icon={<TeamOutlined />}
              onClick={() => navigate(`/analytics?tab=common&case=${data.id}`)}
              data-testid="open-case-common-contacts"
            >
              {t('analytics.common.open')}
            </Button>
            <Button
              icon={<FieldTimeOutlined />}
              onClick={() => navigate(`/analytics?tab=timeline&case=${data.id}`)}
              data-testid="open-case-timeline"
            >
              {t('analytics.timeline.open')}
            </Button>
            <Button
              icon={<FileTextOutlined />}
              onClick={() => navigate(`/briefings?case=${data.id}`)}
              data-testid="open-case-briefing"
            >
              {t('briefings.open')}
            </Button>
            <CaseExportMenu caseId={data.id} />
          </Space>
        }
      />
      <Tabs
        activeKey={params.get('tab') ?? 'people'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={[
          {
            key: 'overview',
            label: t('cases2.tabs.overview'),
            children: <OverviewTab detail={data} />,
          },
          {
            key: 'people',
            label: `${t('cases2.tabs.people')}${count(data.persons.length)}`,
            children: <PeopleTab detail={data} />,
          },
          {
            key: 'organisations',
            label: `${t('cases2.tabs.organisations')}${count(data.members.filter((m) => m.kind === 'organisation').length)}`,
            children: <MembersTab detail={data} kinds={['organisation']} />,
          },
          {
            key: 'identifiers',
            label: `${t('cases2.tabs.identifiers')}${count(data.members.filter((m) => m.kind !== 'organisation').length)}`,
            children: <MembersTab detail={data} kinds={identifierKinds} />,
          },
          {
            key: 'seizures',
            label: `${t('cases2.tabs.seizures')}${count(data.counts.seizures)}`,
            children: <SeizuresTab detail={data} />,
          },
          {
            key: 'relations',
            label: `${t('cases2.tabs.relations')}${count(data.counts.relations)}`,
            children: <RelationsTab detail={data} />,
          },
          {
            key: 'timeline',
            label: `${t('cases2.tabs.timeline')}${count(data.counts.events)}`,
            children: <TimelineTab detail={data} />,
          },
          {
            key: 'attachments',
            label: `${t('cases2.tabs.attachments')}${count(data.counts.attachments)}`,
            children: <CaseAttachments detail={data} />,
          },
          {
            key: 'linked',
            label: t('cases2.tabs.linked'),
            children: <LinkedTab caseId={data.id} />,
          },
          {
            key: 'history',
            label: t('cases2.tabs.history'),
            children: <HistoryTab caseId={data.id} />,
          },
        ]}
      />
    </>
  );
}
