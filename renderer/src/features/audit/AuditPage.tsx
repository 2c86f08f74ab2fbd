import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeAudit } from '../../../../electron/api/audit-describe';
import { auditActionGroupNames } from '../../../../electron/api/domain/audit-actions';
import type { AuditRow } from '../../../../electron/api/schemas/audit-schemas';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePager } from '../../components/usePager';
import { downloadDocument } from '../briefings/file-download';
import { CasePicker } from '../graph/CasePicker';

const resultColours = { ok: 'green', denied: 'orange', failed: 'red' } as const;
/** A proven author is the rule: a small green seal; the others are said in words. */
const authorColours = { notProven: 'red', beforeSigning: 'default', system: 'blue' } as const;

interface Filter {
  username?: string;
  group?: string;
  caseId?: string;
  from?: string;
  to?: string;
}

/**
 * 审计日志 for auditors: who did what, in words (导入话单 call_records.csv：导入 1,203 行 …),
 * filtered on the server by user, kind of action, case and days, and exported to Excel.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const errorText = useErrorText();
  const allowed = useCan('lead');
  const pager = usePager();
  const [filter, setFilter] = useState<Filter>({});
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const audit = useProcedure(
    'audit.list',
    { page: pager.page, pageSize: pager.pageSize, ...filter },
    { enabled: allowed, placeholderData: (previous) => previous },
  );
  const users = useProcedure('audit.users', {}, { enabled: allowed });
  const verify = useProcedureMutation('audit.verify');

  if (!allowed) return <Alert type="warning" showIcon title={t('errors.auth.forbidden')} />;

  const change = (next: Filter) => {
    setFilter({ ...filter, ...next });
    pager.reset();
  };
  const exportLog = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      downloadDocument(await invoke('audit.export', { ...filter, language }));
    } catch (caught) {
      setExportError(errorText(caught));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportLog()}
              data-testid="audit-export"
            >
              {t('audit.export')}
            </Button>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate({})}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Select
          allowClear
          placeholder={t('audit.filterUser')}
          style={{ width: 160 }}
          value={filter.username}
          onChange={(username?: string) => change({ username })}
          options={(users.data ?? []).map((name) => ({ value: name, label: name }))}
          data-testid="audit-filter-user"
        />
        <Select
          allowClear
          placeholder={t('audit.filterGroup')}
          style={{ width: 200 }}
          value={filter.group}
          onChange={(group?: string) => change({ group })}
          options={auditActionGroupNames.map((group) => ({
            value: group,
            label: t(`auditLog.groups.${group}`),
          }))}
          data-testid="audit-filter-group"
        />
        <CasePicker value={filter.caseId} onChange={(caseId) => change({ caseId })} width={280} />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('audit.dateFrom'), t('audit.dateTo')]}
          onChange={(dates: [Dayjs | null, Dayjs | null] | null) =>
            change({
              from: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
          data-testid="audit-filter-dates"
        />
      </Space>
      {verify.data && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={
            verify.data.ok
              ? t('audit.verifyOk', { count: verify.data.checked })
              : t('audit.verifyBroken', {
                  seq: verify.data.firstBrokenSeq ?? 0,
                  reason: t(`audit.reasons.${verify.data.reason ?? 'hash'}`),
                })
          }
        />
      )}
      {verify.data &&
        (verify.data.authors.notProvenCount > 0 ||
          verify.data.authors.keysNotProven.length > 0) && (
          <Alert
            style={{ marginBottom: 16 }}
            showIcon
            type="error"
            data-testid="audit-verify-authors"
            title={[
              verify.data.authors.notProvenCount > 0 &&
                t('audit.verifyAuthorsNotProven', {
                  count: verify.data.authors.notProvenCount,
                  seqs: verify.data.authors.notProven.join(', '),
                }),
              verify.data.authors.keysNotProven.length > 0 &&
                t('audit.verifyKeysNotProven', {
                  users: verify.data.authors.keysNotProven.join(', '),
                }),
            ]
              .filter(Boolean)
              .join(' ')}
          />
        )}
      {(audit.isError || verify.isError || exportError) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={exportError ?? errorText(audit.error ?? verify.error)}
        />
      )}
      <Table<AuditRow>
        rowKey="seq"
        size="small"
        loading={audit.isFetching}
        dataSource={audit.data?.rows}
        scroll={{ x: 1000 }}
        pagination={pager.pagination(audit.data?.total)}
        data-testid="audit-table"
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', width: 160, render: formatDateTime },
          { title: t('audit.user'), dataIndex: 'username', width: 100 },
          {
            title: t('audit.action'),
            key: 'action',
            width: 150,
            render: (_, row) => describeAudit(row, language).action,
          },
          {
            title: t('audit.details'),
            key: 'summary',
            render: (_, row) => describeAudit(row, language).summary,
          },
          {
            title: t('audit.result'),
            dataIndex: 'result',
            width: 70,
            render: (result: AuditRow['result']) => (
              <Tag color={resultColours[result]}>{t(`audit.results.${result}`)}</Tag>
            ),
          },
          { title: t('audit.case'), dataIndex: 'caseNo', width: 160 },
          {
            title: t('audit.author'),
            dataIndex: 'author',
            width: 150,
            render: (author: AuditRow['author']) =>
              author === 'proven' ? (
                <SafetyCertificateOutlined
                  className="audit-author-proven"
                  data-testid="audit-author-proven"
                  style={{ color: '#389e0d' }}
                  title={t('audit.authors.proven')}
                  aria-label={t('audit.authors.proven')}
                />
              ) : author ? (
                <Tag color={authorColours[author]}>{t(`audit.authors.${author}`)}</Tag>
              ) : null,
          },
        ]}
      />
    </>
  );
}
