import { Alert, Card, Col, Row, Spin, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseStatuses } from '../../../../electron/api/domain/case-vocabulary';
import { entityKinds } from '../../../../electron/api/domain/entity-kinds';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';

/** What the workspace holds: cases by status, entities by kind. */
export function WorkspaceOverview() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const stats = useProcedure('stats.summary', {});
  if (stats.isPending) return <Spin />;
  if (stats.isError) return <Alert type="error" showIcon title={errorText(stats.error)} />;
  const data = stats.data;

  const figures = [
    ['cases', data.cases],
    ['entities', data.entities],
    ['relations', data.relations],
    ['seizures', data.seizures],
    ['events', data.events],
    ['users', data.users],
  ] as const;

  return (
    <>
      <PageHeader title={t('statistics.overview')} />
      <Row gutter={[16, 16]}>
        {figures.map(([key, value]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card>
              <Statistic title={t(`statistics.${key}`)} value={value} data-testid={`stat-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={t('statistics.byStatus')}>
            <Table
              size="small"
              pagination={false}
              rowKey="status"
              dataSource={caseStatuses.map((status) => ({
                status,
                count: data.casesByStatus[status],
              }))}
              columns={[
                {
                  title: t('cases.status'),
                  dataIndex: 'status',
                  render: (status: (typeof caseStatuses)[number]) =>
                    t(`enums.caseStatus.${status}`),
                },
                { title: t('statistics.cases'), dataIndex: 'count', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('statistics.byKind')}>
            <Table
              size="small"
              pagination={false}
              rowKey="kind"
              dataSource={entityKinds.map((kind) => ({ kind, count: data.entitiesByKind[kind] }))}
              columns={[
                {
                  title: t('entities.kind'),
                  dataIndex: 'kind',
                  render: (kind: (typeof entityKinds)[number]) => t(`enums.entityKind.${kind}`),
                },
                { title: t('statistics.entities'), dataIndex: 'count', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
