import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GradingHelp, GradingText } from '../../components/GradingText';
import { Link } from 'react-router';
import type { RelationType } from '../../../../electron/api/domain/relation-types';
import type { RelationRow } from '../../../../electron/api/schemas/entity-schemas';
import { drugName, formatDate, formatYuan } from '../../components/format';
import { KindTag } from '../../components/KindTag';
import { RelationRecordsModal } from './RelationRecordsModal';
import { RowActions } from '../../components/RowActions';

const ellipsis = {
  display: 'block',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

/** Relations with both ends linked to their entity pages; edit and delete when allowed. */
export function RelationsTable({
  rows,
  onEdit,
  onDelete,
  showCase = false,
}: {
  rows: RelationRow[];
  onEdit?: (row: RelationRow) => void;
  onDelete?: (row: RelationRow) => void;
  showCase?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [drilled, setDrilled] = useState<RelationRow>();
  // A long label is cut with an ellipsis (the full text on hover), never drawn over the next
  // column.
  const end = (id: string, label: string, kind: RelationRow['fromKind']) => (
    <Space size={4} style={{ maxWidth: '100%' }} styles={{ item: { minWidth: 0 } }}>
      <KindTag kind={kind} />
      <Link to={`/entities/${id}`} title={label} style={ellipsis}>
        {label}
      </Link>
    </Space>
  );
  return (
    <>
      {drilled ? (
        <RelationRecordsModal relation={drilled} onClose={() => setDrilled(undefined)} />
      ) : null}
      <Table<RelationRow>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          {
            title: t('relation.from'),
            key: 'from',
            width: 190,
            render: (_v, row) => end(row.fromEntityId, row.fromLabel, row.fromKind),
          },
          {
            title: t('relation.type'),
            dataIndex: 'type',
            width: 130,
            render: (type: RelationType, row) => (
              <Tag>
                {row.directed ? '→ ' : '— '}
                {t(`enums.relationType.${type}`)}
              </Tag>
            ),
          },
          {
            title: t('relation.to'),
            key: 'to',
            width: 190,
            render: (_v, row) => end(row.toEntityId, row.toLabel, row.toKind),
          },
          {
            title: t('relation.period'),
            key: 'period',
            width: 200,
            render: (_v, row) =>
              row.startedOn || row.endedOn
                ? `${formatDate(row.startedOn)} ~ ${formatDate(row.endedOn)}`
                : '',
          },
          {
            title: t('relation.drugAndQuantity'),
            key: 'amount',
            width: 180,
            render: (_v, row) => {
              const text = [
                row.drugType && row.quantityValue && row.quantityUnit
                  ? `${drugName(row.drugType, i18n.language)} ${row.quantityValue} ${t(`enums.quantityUnit.${row.quantityUnit}`)}`
                  : null,
                row.amountFen !== null ? formatYuan(row.amountFen) : null,
                row.eventCount !== null ? `×${row.eventCount}` : null,
                row.durationSeconds !== null
                  ? t('relation.totalSeconds', { seconds: row.durationSeconds })
                  : null,
              ]
                .filter(Boolean)
                .join('  ');
              // Imported calls and transfers: the records behind the totals, one click away.
              return (row.type === 'calls' || row.type === 'finances') && row.eventCount ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDrilled(row)}
                  data-testid="relation-drill"
                >
                  {text}
                </Button>
              ) : (
                text
              );
            },
          },
          {
            title: <GradingHelp>{t('relation.grading')}</GradingHelp>,
            key: 'grading',
            width: 150,
            render: (_v, row) => (
              <GradingText reliability={row.reliability} credibility={row.credibility} />
            ),
          },
          {
            title: t('relation.source'),
            dataIndex: 'source',
            ellipsis: true,
            render: (source: string | null) => (
              <Typography.Text type="secondary">{source}</Typography.Text>
            ),
          },
          ...(showCase
            ? [
                {
                  title: t('relation.case'),
                  dataIndex: 'caseNo',
                  width: 170,
                  render: (caseNo: string | null, row: RelationRow) =>
                    caseNo ? <Link to={`/cases/${row.caseId}`}>{caseNo}</Link> : '',
                },
              ]
            : []),
          ...(onEdit || onDelete
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_v: unknown, row: RelationRow) => (
                    <RowActions
                      onEdit={onEdit && (() => onEdit(row))}
                      onDelete={onDelete && (() => onDelete(row))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
