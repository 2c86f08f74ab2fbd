import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../electron/api/schemas/audit-schemas';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePager } from '../../components/usePager';

const resultColours = { ok: 'green', denied: 'orange', failed: 'red' } as const;

export function AuditPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const allowed = useCan('lead');
  const pager = usePager();
  const [action, setAction] = useState('');
  const audit = useProcedure(
    'audit.list',
    { page: pager.page, pageSize: pager.pageSize, action: action || undefined },
    { enabled: allowed, placeholderData: (previous) => previous },
  );
  const verify = useProcedureMutation('audit.verify');

  if (!allowed) return <Alert type="warning" showIcon title={t('errors.auth.forbidden')} />;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <>
            <Input.Search
              allowClear
              placeholder={t('audit.filterAction')}
              style={{ width: 240 }}
              onSearch={(value) => {
                setAction(value.trim());
                pager.reset();
              }}
            />
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
      {(audit.isError || verify.isError) && (
        <Alert type="error" showIcon title={errorText(audit.error ?? verify.error)} />
      )}
      <Table<AuditRow>
        rowKey="seq"
        size="small"
        loading={audit.isFetching}
        dataSource={audit.data?.rows}
        scroll={{ x: 1000 }}
        pagination={pager.pagination(audit.data?.total)}
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
          { title: t('audit.at'), dataIndex: 'at', width: 160, render: formatDateTime },
          { title: t('audit.user'), dataIndex: 'username', width: 110 },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 200,
            render: (value: string) => <code>{value}</code>,
          },
          {
            title: t('audit.result'),
            dataIndex: 'result',
            width: 80,
            render: (result: AuditRow['result']) => (
              <Tag color={resultColours[result]}>{t(`audit.results.${result}`)}</Tag>
            ),
          },
          {
            title: t('audit.details'),
            dataIndex: 'details',
            ellipsis: true,
            render: (details: AuditRow['details']) => (
              <Typography.Text type="secondary" ellipsis>
                {details ? JSON.stringify(details) : ''}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
