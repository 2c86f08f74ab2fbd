import { PlusOutlined, RiseOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { DrugTotal, SeizureRow } from '../../../../../electron/api/schemas/seizure-schemas';
import { figuresOf } from '../../../../../electron/api/domain/drug-catalog';
import { useProcedure, useProcedureMutation } from '../../../api/hooks';
import { useCan } from '../../../app/SessionContext';
import { decimalOf } from '../../../../../electron/api/domain/quantity';
import { drugName, formatDateTime, formatYuan } from '../../../components/format';
import { useQuantityText } from '../../../components/QuantityText';
import { TierTag } from '../../../components/TierTag';
import { SeizureFormModal } from './SeizureFormModal';
import { RowActions } from '../../../components/RowActions';

const isPlants = (code: string) => figuresOf(code)?.unit === 'plant';

/** Totals per drug (exact, with their statutory tier) and every seizure of the case. */
export function SeizuresTab({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const quantityText = useQuantityText();
  const canWrite = useCan('investigator');
  const [form, setForm] = useState<{ editing?: SeizureRow } | null>(null);
  const seizures = useProcedure('seizures.list', { caseId: detail.id, pageSize: 500 });
  const remove = useProcedureMutation('seizures.delete', { alsoRefreshes: ['cases'] });

  return (
    <>
      {detail.mergedCases.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="totals-with-merged">
          {t('seizure.withMerged', {
            cases: detail.mergedCases.map((merged) => merged.caseNo).join('、'),
          })}
        </Typography.Paragraph>
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {detail.substanceTotals.map((total) => (
          <Col key={total.substance} xs={24} md={12} xl={8}>
            <Card size="small" data-testid={`total-${total.substance}`}>
              <Statistic
                title={`${drugName(total.substance, i18n.language)} · ${t('seizure.total')}`}
                value={
                  total.thresholds || total.counted > 0
                    ? quantityText(
                        total.counted,
                        total.thresholds && isPlants(total.substance) ? 'count' : 'mg',
                        isPlants(total.substance) ? 'plant' : null,
                      )
                    : t('seizure.notCounted')
                }
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
                {detail.drugTotals
                  .filter((form) => form.substance === total.substance)
                  .map(
                    (form) =>
                      `${drugName(form.drugType, i18n.language)} ${quantityText(form.total, form.unit, form.countUnit)}（${form.seizures}）`,
                  )
                  .join('；')}
              </Typography.Paragraph>
              <Space wrap>
                <TierTag tier={total.tier} />
                {total.uncounted > 0 && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t('seizure.uncounted', { count: total.uncounted })}
                  </Typography.Text>
                )}
                {total.thresholds && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('seizure.thresholdHint', {
                      relativelyLarge: quantityText(
                        total.thresholds.relativelyLarge,
                        isPlants(total.substance) ? 'count' : 'mg',
                        'plant',
                      ),
                      large: quantityText(
                        total.thresholds.large,
                        isPlants(total.substance) ? 'count' : 'mg',
                        'plant',
                      ),
                      source: total.thresholds.source,
                    })}
                  </Typography.Text>
                )}
              </Space>
            </Card>
          </Col>
        ))}
        {detail.cashTotalFen > 0 && (
          <Col xs={24} md={12} xl={8}>
            <Card size="small">
              <Statistic
                title={t('seizure.cashTotal')}
                value={`${formatYuan(detail.cashTotalFen)} ${t('common.yuan')}`}
              />
            </Card>
          </Col>
        )}
      </Row>
      {detail.personDrugTotals.length > 0 && (
        <Table
          size="small"
          style={{ marginBottom: 16 }}
          pagination={false}
          title={() => t('seizure.perPerson')}
          rowKey={(row) => `${row.entityId}-${row.substance}`}
          dataSource={detail.personDrugTotals}
          data-testid="person-drug-totals"
          columns={[
            { title: t('seizure.person'), dataIndex: 'name', width: 140 },
            {
              title: t('seizures.drugType'),
              dataIndex: 'substance',
              render: (code: string) => drugName(code, i18n.language),
            },
            {
              title: t('seizure.total'),
              key: 'counted',
              render: (_value, row) =>
                quantityText(row.counted, isPlants(row.substance) ? 'count' : 'mg', 'plant'),
            },
            {
              title: t('seizure.tier'),
              dataIndex: 'tier',
              render: (tier: DrugTotal['tier']) => <TierTag tier={tier} />,
            },
            {
              title: t('seizure.basis'),
              key: 'basis',
              render: (_value, row) => t(`seizure.bases.${row.basis}`, { count: row.sources }),
            },
          ]}
        />
      )}
      {canWrite && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setForm({})}
          data-testid="seizure-add"
        >
          {t('seizure.add')}
        </Button>
      )}
      <Table<SeizureRow>
        rowKey="id"
        size="small"
        loading={seizures.isFetching}
        dataSource={seizures.data?.rows}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={t('seizures.empty')} /> }}
        columns={[
          {
            title: t('seizure.seizedAt'),
            dataIndex: 'seizedAt',
            width: 150,
            render: formatDateTime,
          },
          {
            title: t('seizures.drugType'),
            dataIndex: 'drugType',
            width: 180,
            render: (code: string) => drugName(code, i18n.language),
          },
          {
            title: t('seizure.quantity'),
            key: 'quantity',
            width: 150,
            render: (_value, row) =>
              [
                `${row.quantityValue} ${t(`enums.quantityUnit.${row.quantityUnit}`)}`,
                row.weightBasis ? t(`seizure.weightBases.${row.weightBasis}`) : '',
                row.contentPerUnit ? t('seizure.contentShown', { mg: row.contentPerUnit }) : '',
              ]
                .filter(Boolean)
                .join(' · '),
          },
          {
            title: t('seizure.purity'),
            dataIndex: 'purityBasisPoints',
            width: 90,
            render: (bp: number | null) => (bp === null ? '' : `${decimalOf(bp, 2)}%`),
          },
          {
            title: t('seizure.from'),
            dataIndex: 'fromName',
            width: 110,
            render: (name: string | null, row) =>
              row.fromEntityId ? (
                <Space size={4}>
                  <Link to={`/entities/${row.fromEntityId}`}>{name}</Link>
                  <Tooltip title={t('graph.menu.upstream')}>
                    <Link
                      to={`/graph?case=${detail.id}&traceSeizure=${row.id}`}
                      aria-label={t('graph.menu.upstream')}
                      data-testid={`trace-seizure-${row.id}`}
                    >
                      <RiseOutlined />
                    </Link>
                  </Tooltip>
                </Space>
              ) : (
                ''
              ),
          },
          { title: t('seizure.place'), dataIndex: 'place', ellipsis: true },
          { title: t('seizure.evidenceNo'), dataIndex: 'evidenceNo', width: 160 },
          {
            title: t('seizure.cash'),
            dataIndex: 'cashFen',
            width: 130,
            align: 'right',
            render: (fen: number | null) => formatYuan(fen),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  // Always in view at 1366 px: the table scrolls under it.
                  fixed: 'right' as const,
                  render: (_value: unknown, row: SeizureRow) => (
                    <RowActions
                      onEdit={() => setForm({ editing: row })}
                      onDelete={() => remove.mutate({ id: row.id })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {form && (
        <SeizureFormModal detail={detail} editing={form.editing} onClose={() => setForm(null)} />
      )}
    </>
  );
}
