import { EditOutlined, SwapRightOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import { useCan } from '../../../app/SessionContext';
import { formatDate, formatYuan } from '../../../components/format';
import { CaseStatusTag } from '../../../components/StatusTag';
import { CaseFormModal } from '../CaseFormModal';
import { TransitionModal } from './TransitionModal';

const mainPath = ['filed', 'investigating', 'solved', 'prosecuted', 'closed'] as const;

export function OverviewTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const current = mainPath.indexOf(detail.status as (typeof mainPath)[number]);
  const dates: Record<(typeof mainPath)[number], string | null> = {
    filed: detail.openedOn,
    investigating: null,
    solved: detail.solvedOn,
    prosecuted: detail.prosecutedOn,
    closed: detail.closedOn,
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={current === -1 ? undefined : current}
        status={current === -1 ? 'error' : 'process'}
        items={mainPath.map((status) => ({
          title: t(`enums.caseStatus.${status}`),
          description: formatDate(dates[status]),
        }))}
      />
      {canWrite && (
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="case-edit">
            {t('cases2.edit')}
          </Button>
          {detail.allowedTransitions.length > 0 && (
            <Button
              type="primary"
              ghost
              icon={<SwapRightOutlined />}
              onClick={() => setMoving(true)}
              data-testid="case-transition"
            >
              {t('cases2.transition')}
            </Button>
          )}
        </Space>
      )}
      <Descriptions
        bordered
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
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
          {
            key: 'accepted',
            label: t('cases2.acceptedOn'),
            children: formatDate(detail.acceptedOn),
          },
          { key: 'opened', label: t('cases.openedOn'), children: formatDate(detail.openedOn) },
          { key: 'solved', label: t('cases.solvedOn'), children: formatDate(detail.solvedOn) },
          {
            key: 'prosecuted',
            label: t('cases.prosecutedOn'),
            children: formatDate(detail.prosecutedOn),
          },
          { key: 'closed', label: t('cases.closedOn'), children: formatDate(detail.closedOn) },
          {
            key: 'cash',
            label: t('seizure.cashTotal'),
            children: detail.cashTotalFen
              ? `${formatYuan(detail.cashTotalFen)} ${t('common.yuan')}`
              : '',
          },
          ...(detail.mergedIntoCaseId
            ? [
                {
                  key: 'merged',
                  label: t('cases2.mergedInto'),
                  children: (
                    <Link to={`/cases/${detail.mergedIntoCaseId}`}>{t('common.open')}</Link>
                  ),
                },
              ]
            : []),
          {
            key: 'summary',
            label: t('cases.summary'),
            span: 'filled' as const,
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {detail.summary}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
      {editing && (
        <CaseFormModal
          open
          editing={detail}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {moving && <TransitionModal detail={detail} open onClose={() => setMoving(false)} />}
    </Space>
  );
}
