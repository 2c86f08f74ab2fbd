import { Modal, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDynamicText } from '../../i18n/dynamic-text';
import { linesText } from '../../../../electron/api/domain/file-lines';
import type { RelationRow } from '../../../../electron/api/schemas/entity-schemas';
import type { ProcedureOutput } from '../../../../electron/api/contract';
import { useProcedure } from '../../api/hooks';
import { formatYuan } from '../../components/format';

type RecordRow = ProcedureOutput<'import.records'>['rows'][number];

/** A transfer's IP, MAC, device and branch; the bank's log and voucher numbers on hover. */
function TraceCell({ trace }: { trace: RecordRow['trace'] }) {
  const { t } = useTranslation();
  if (!trace) return null;
  const parts = [
    trace.branch,
    trace.ip && `IP ${trace.ip}`,
    trace.mac && `MAC ${trace.mac}`,
    trace.device && `${t('import.fields.transactions.device')} ${trace.device}`,
  ].filter(Boolean);
  const text = <span data-testid="record-trace">{parts.join(' · ')}</span>;
  return trace.logNo || trace.voucherNo ? (
    <Tooltip
      title={t('relationRecords.traceDetail', {
        logNo: trace.logNo ?? '—',
        voucherNo: trace.voucherNo ?? '—',
      })}
    >
      {text}
    </Tooltip>
  ) : (
    text
  );
}

/** The calls or transfers behind an aggregated relation, as imported (话单 / 流水 drill-down). */
export function RelationRecordsModal({
  relation,
  onClose,
}: {
  relation: RelationRow;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const dynamicText = useDynamicText();
  const [page, setPage] = useState(1);
  const records = useProcedure('import.records', { relationId: relation.id, page, pageSize: 50 });
  const calls = records.data?.kind !== 'transfers';
  return (
    <Modal
      open
      width={900}
      footer={null}
      onCancel={onClose}
      title={`${relation.fromLabel} → ${relation.toLabel}`}
    >
      <Table
        size="small"
        rowKey={(row, index) => `${row.at}-${index}`}
        loading={records.isFetching}
        dataSource={records.data?.rows ?? []}
        data-testid="relation-records"
        pagination={{
          current: page,
          pageSize: 50,
          total: records.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        columns={[
          {
            key: 'at',
            title: t('relationRecords.time'),
            render: (_, row) => dayjs(row.at).format('YYYY-MM-DD HH:mm:ss'),
          },
          calls
            ? {
                key: 'duration',
                title: t('relationRecords.duration'),
                align: 'right',
                render: (_, row) => row.durationSeconds,
              }
            : {
                key: 'amount',
                title: t('relationRecords.amount'),
                align: 'right',
                render: (_, row) => (row.amountFen === null ? '' : formatYuan(row.amountFen)),
              },
          {
            key: 'kind',
            title: t('relationRecords.kind'),
            render: (_, row) =>
              row.offsetLine !== null ? (
                <Tag data-testid="record-offset">
                  {dynamicText(`import.values.${row.recordKind}`)} ·{' '}
                  {row.offsetFile === null
                    ? t('relationRecords.offsetTransfer', { line: row.offsetLine })
                    : t('relationRecords.offsetTransferElsewhere', {
                        line: row.offsetLine,
                        file: row.offsetFile,
                      })}
                </Tag>
              ) : row.attempt ? (
                <Tag data-testid="record-attempt">
                  {dynamicText(`import.values.${row.recordKind}`)} · {t('relationRecords.attempt')}
                </Tag>
              ) : row.unmatchedReversal ? (
                <Tag data-testid="record-reversal-alone">
                  {dynamicText(`import.values.${row.recordKind}`)} ·{' '}
                  {t('relationRecords.unmatchedReversal')}
                </Tag>
              ) : row.copy ? (
                <Tooltip
                  title={t(calls ? 'relationRecords.copyCall' : 'relationRecords.copyTransfer')}
                >
                  <Tag data-testid="record-copy">
                    {dynamicText(`import.values.${row.recordKind}`)} ·{' '}
                    {t(calls ? 'relationRecords.copyCall' : 'relationRecords.copyTransfer')}
                  </Tag>
                </Tooltip>
              ) : (
                dynamicText(`import.values.${row.recordKind}`)
              ),
          },
          {
            key: 'detail',
            title: calls ? t('relationRecords.baseStation') : t('relationRecords.channel'),
            dataIndex: 'detail',
          },
          ...(calls
            ? []
            : [
                {
                  // Where it was made from: what a request for the voucher or video names.
                  key: 'trace',
                  title: t('relationRecords.trace'),
                  render: (_: unknown, row: RecordRow) => <TraceCell trace={row.trace} />,
                },
              ]),
          {
            // Provenance: 关系 → 原始记录 → 文件第 N 行.
            key: 'source',
            title: t('relationRecords.source'),
            render: (_, row) => (
              <Tooltip
                title={t('relationRecords.sourceDetail', {
                  sha256: row.source.sha256 ?? '—',
                  user: row.source.importedBy ?? '—',
                  at: row.source.importedAt
                    ? dayjs(row.source.importedAt).format('YYYY-MM-DD HH:mm')
                    : '—',
                })}
              >
                <span data-testid="record-source">
                  {t('relationRecords.sourceLine', {
                    file: row.source.fileName ?? row.source.importId,
                    line: linesText([row.source.line], language),
                  })}
                </span>
              </Tooltip>
            ),
          },
        ]}
      />
    </Modal>
  );
}
