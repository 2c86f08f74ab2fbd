import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LinkedCasesReport } from '../../../../electron/api/schemas/case-schemas';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { SharedEntities } from '../cases/tabs/LinkedTab';

type Pair = LinkedCasesReport[number];

/** Every pair of cases sharing a person or identifier: the workspace's 串并案 leads. */
export function LinkedCasesReportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const report = useProcedure('reports.linkedCases', {});
  const caseCell = (side: Pair['a']) => (
    <span>
      <Link to={`/cases/${side.caseId}?tab=linked`}>{side.caseNo}</Link>
      <Typography.Text style={{ marginLeft: 8 }}>{side.title}</Typography.Text>
    </span>
  );
  return (
    <>
      <PageHeader
        title={t('linkedReport.title')}
        extra={
          report.data && (
            <Typography.Text type="secondary">
              {t('cases2.linkedPairs', { count: report.data.length })}
            </Typography.Text>
          )
        }
      />
      {report.isError && <Alert type="error" showIcon title={errorText(report.error)} />}
      <Table<Pair>
        rowKey={(pair) => `${pair.a.caseId}|${pair.b.caseId}`}
        loading={report.isFetching}
        dataSource={report.data}
        locale={{ emptyText: t('linkedReport.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="linked-report"
        columns={[
          { title: t('linkedReport.caseA'), key: 'a', render: (_v, pair) => caseCell(pair.a) },
          { title: t('linkedReport.caseB'), key: 'b', render: (_v, pair) => caseCell(pair.b) },
          {
            title: t('linkedReport.shared'),
            key: 'shared',
            render: (_v, pair) => <SharedEntities shared={pair.shared} />,
          },
        ]}
      />
    </>
  );
}
