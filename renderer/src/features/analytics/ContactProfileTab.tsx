import { Button, Card, Col, Form, Input, Row, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactProfileTable } from '../../../../electron/api/domain/analysis-tables';
import { AddToBriefingButton } from './AddToBriefingButton';
import type { ProcedureInput } from '../../../../electron/api/contract';
import type {
  PeriodProfile,
  ProfileContact,
} from '../../../../electron/api/schemas/analytics-schemas';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { formatDateTime } from '../../components/format';
import {
  ErrorAlert,
  PeriodPicker,
  periodOf,
  useAddToChart,
  useSendToChart,
  type Range,
} from './analytics-shared';

type Query = ProcedureInput<'analytics.contactProfile'>;

function ContactTable({ rows, title }: { rows: ProfileContact[]; title: string }) {
  const { t } = useTranslation();
  const addToChart = useAddToChart();
  return (
    <Card size="small" title={title}>
      <Table<ProfileContact>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('analytics.number'), dataIndex: 'number' },
          { title: t('analytics.calls'), dataIndex: 'calls' },
          { title: t('analytics.messages'), dataIndex: 'messages' },
          { title: t('analytics.duration'), dataIndex: 'durationSeconds' },
          { title: t('analytics.first'), dataIndex: 'firstAt', render: formatDateTime },
          {
            key: 'chart',
            render: (_, row) => (
              <Button size="small" onClick={() => addToChart(row.id)}>
                {t('analytics.addToChart')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Hour × weekday counts as shaded cells (China time). */
function HeatMatrix({ heatmap }: { heatmap: number[][] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...heatmap.flat());
  const days = t('analytics.profile.weekdays').split(',');
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: 11 }} data-testid="profile-heatmap">
      <tbody>
        <tr>
          <td />
          {Array.from({ length: 24 }, (_, hour) => (
            <td key={hour} style={{ textAlign: 'center', width: 22 }}>
              {hour}
            </td>
          ))}
        </tr>
        {heatmap.map((hours, day) => (
          <tr key={day}>
            <td style={{ paddingRight: 6 }}>{days[day]}</td>
            {hours.map((count, hour) => (
              <Tooltip key={hour} title={count}>
                <td
                  style={{
                    width: 22,
                    height: 18,
                    border: '1px solid #f0f0f0',
                    background: count
                      ? `rgba(22, 119, 255, ${0.15 + (0.85 * count) / max})`
                      : '#fff',
                  }}
                />
              </Tooltip>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DailyBars({ daily }: { daily: PeriodProfile['daily'] }) {
  const max = Math.max(1, ...daily.map((day) => day.calls + day.messages));
  return (
    <div
      style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 120, overflowX: 'auto' }}
    >
      {daily.map((day) => (
        <Tooltip key={day.day} title={`${day.day}: ${day.calls} / ${day.messages}`}>
          <div
            style={{
              width: 8,
              minWidth: 8,
              height: `${(100 * (day.calls + day.messages)) / max}%`,
              background: '#1677ff',
            }}
          />
        </Tooltip>
      ))}
    </div>
  );
}

function PeriodView({ profile }: { profile: PeriodProfile }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {(
          [
            ['analytics.calls', profile.calls],
            ['analytics.messages', profile.messages],
            ['analytics.duration', profile.durationSeconds],
            ['analytics.profile.contacts', profile.contacts],
            ['analytics.profile.activeDays', profile.activeDays],
            ['analytics.profile.nightEvents', profile.nightEvents],
          ] as const
        ).map(([label, value]) => (
          <Col key={label} span={4}>
            <Statistic title={t(label)} value={value} />
          </Col>
        ))}
      </Row>
      <p>
        {t('analytics.first')}: {formatDateTime(profile.firstAt)} · {t('analytics.last')}:{' '}
        {formatDateTime(profile.lastAt)}
        {profile.withheld > 0 && (
          <span data-testid="profile-withheld">
            {' · '}
            {t('analytics.profile.withheld', { count: profile.withheld })}
          </span>
        )}
      </p>
      <Row gutter={12}>
        <Col span={12}>
          <ContactTable rows={profile.topByCount} title={t('analytics.profile.topByCount')} />
        </Col>
        <Col span={12}>
          <ContactTable rows={profile.topByDuration} title={t('analytics.profile.topByDuration')} />
        </Col>
      </Row>
      {profile.from && (
        <div style={{ marginTop: 12 }}>
          <ContactTable rows={profile.newContacts} title={t('analytics.profile.newContacts')} />
        </div>
      )}
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={14}>
          <Card size="small" title={t('analytics.profile.heatmap')}>
            <HeatMatrix heatmap={profile.heatmap} />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('analytics.profile.daily')}>
            <DailyBars daily={profile.daily} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** One phone's contacts, rhythm and night activity; a second period to compare. */
export function ContactProfileTab() {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const chart = useSendToChart();
  const [phone, setPhone] = useState('');
  const [range, setRange] = useState<Range>(null);
  const [compare, setCompare] = useState<Range>(null);
  const [query, setQuery] = useState<Query | null>(null);
  const result = useProcedure('analytics.contactProfile', query ?? { phone: '' }, {
    enabled: query !== null,
  });
  const second = periodOf(compare);
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('analytics.profile.phone')}>
          <Input value={phone} onChange={(e) => setPhone(e.target.value)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('analytics.period')}>
          <PeriodPicker value={range} onChange={setRange} />
        </Form.Item>
        <Form.Item label={t('analytics.profile.compare')}>
          <PeriodPicker value={compare} onChange={setCompare} />
        </Form.Item>
        <Button
          type="primary"
          disabled={!phone.trim()}
          loading={result.isFetching}
          onClick={() =>
            setQuery({
              phone: phone.trim(),
              ...periodOf(range),
              compareFrom: second.from,
              compareTo: second.to,
            })
          }
        >
          {t('analytics.run')}
        </Button>
      </Form>
      <ErrorAlert error={result.error} />
      {result.data && (
        <Space style={{ marginBottom: 8 }}>
          {canWrite && (
            <Button
              loading={chart.busy}
              data-testid="profile-to-chart"
              onClick={() => {
                const { phone: profiled, period, compare } = result.data;
                // The phone and the contacts of its top lists, of both periods.
                const lists = [period, ...(compare ? [compare] : [])].flatMap((item) => [
                  ...item.topByCount,
                  ...item.topByDuration,
                ]);
                void chart.send(t('analytics.profile.viewName', { phone: profiled.number }), [
                  profiled.id,
                  ...lists.map((contact) => contact.id),
                ]);
              }}
            >
              {t('analytics.sendToChart')}
            </Button>
          )}
          <AddToBriefingButton
            source="contactProfile"
            title={t('analytics.briefing.profileTitle', { phone: result.data.phone.number })}
            table={() =>
              contactProfileTable(result.data, (key: string) => t(key as 'analytics.number'))
            }
          />
        </Space>
      )}
      {result.data && <PeriodView profile={result.data.period} />}
      {result.data?.compare && (
        <Card size="small" title={t('analytics.profile.compare')} style={{ marginTop: 16 }}>
          <p>
            {t('analytics.profile.gained')}:{' '}
            {result.data.compare.gained.map((number) => (
              <Tag key={number} color="green">
                {number}
              </Tag>
            ))}
          </p>
          <p>
            {t('analytics.profile.lost')}:{' '}
            {result.data.compare.lost.map((number) => (
              <Tag key={number} color="red">
                {number}
              </Tag>
            ))}
          </p>
          <PeriodView profile={result.data.compare} />
        </Card>
      )}
    </>
  );
}
