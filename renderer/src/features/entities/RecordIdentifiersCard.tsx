import { Card, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProcedure } from '../../api/hooks';

type IdentifierType = 'imei' | 'imsi' | 'cell' | 'ip' | 'mac' | 'device' | 'login';

interface IdentifierRow {
  type: IdentifierType;
  value: string;
  seenCount: number;
  firstSeen: string;
  lastSeen: string;
  sharedWith: { id: string; label: string }[];
}

/**
 * What the imported records show a phone or an account was used with: a phone's IMEI, IMSI
 * and cells (话单), an account's IPs, MACs and device IDs (流水), each with how often and when,
 * and the other phones or accounts the same handset or computer served (second phones, one
 * controller's accounts).
 */
export function RecordIdentifiersCard({ entityId, kind }: { entityId: string; kind: string }) {
  if (kind === 'phone') return <PhoneIdentifiers phoneId={entityId} />;
  if (kind === 'account') return <AccountIdentifiers accountId={entityId} />;
  return null;
}

function PhoneIdentifiers({ phoneId }: { phoneId: string }) {
  const rows = useProcedure('import.phoneIdentifiers', { phoneId });
  return <IdentifiersTable rows={rows.data} loading={rows.isFetching} />;
}

function AccountIdentifiers({ accountId }: { accountId: string }) {
  const rows = useProcedure('import.accountIdentifiers', { accountId });
  return <IdentifiersTable rows={rows.data} loading={rows.isFetching} />;
}

function IdentifiersTable({ rows, loading }: { rows?: IdentifierRow[]; loading: boolean }) {
  const { t } = useTranslation();
  // Nothing imported for this entity: no empty card.
  if (!rows?.length) return null;
  const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');
  return (
    <Card title={`${t('recordIdentifiers.title')} (${rows.length})`} size="small">
      <Table
        rowKey={(row) => `${row.type}:${row.value}`}
        size="small"
        loading={loading}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        dataSource={rows}
        data-testid="record-identifiers"
        columns={[
          {
            title: t('recordIdentifiers.type'),
            dataIndex: 'type',
            render: (type: IdentifierType) => t(`recordIdentifiers.types.${type}`),
          },
          { title: t('recordIdentifiers.value'), dataIndex: 'value' },
          { title: t('recordIdentifiers.seen'), dataIndex: 'seenCount', align: 'right' },
          {
            title: t('recordIdentifiers.period'),
            render: (_, row) => `${time(row.firstSeen)} – ${time(row.lastSeen)}`,
          },
          {
            title: t('recordIdentifiers.sharedWith'),
            render: (_, row) =>
              row.sharedWith.length ? (
                <Space size={4} wrap>
                  {row.sharedWith.map((other) => (
                    <Link key={other.id} to={`/entities/${other.id}`}>
                      <Tag color={row.type === 'ip' ? undefined : 'volcano'}>{other.label}</Tag>
                    </Link>
                  ))}
                </Space>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
