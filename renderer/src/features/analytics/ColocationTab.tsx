import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cellPresenceTable,
  colocationTable,
} from '../../../../electron/api/domain/analysis-tables';
import { AddToBriefingButton } from './AddToBriefingButton';
import { PhoneTagsInput } from './PhoneTagsInput';
import type { ProcedureInput } from '../../../../electron/api/contract';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { formatDateTime } from '../../components/format';
import { formatChina } from './timeline-scale';
import {
  ErrorAlert,
  PeriodPicker,
  periodOf,
  ResultHeader,
  useAddToChart,
  useSendToChart,
  type Range,
} from './analytics-shared';

type Query = ProcedureInput<'analytics.colocation'>;
type PresenceQuery = ProcedureInput<'analytics.cellPresence'>;

/** A presence query in words: the cell and the instants as China time to the minute. */
function presenceWords(query: PresenceQuery) {
  return {
    cell: query.cell,
    from: formatChina(Date.parse(query.from)),
    to: formatChina(Date.parse(query.to)),
  };
}

/** 同基站伴随 and "who was on this base station between t1 and t2". */
export function ColocationTab() {
  const { t } = useTranslation();
  const addToChart = useAddToChart();
  const canWrite = useCan('investigator');
  const chart = useSendToChart();
  const [phones, setPhones] = useState<string[]>([]);
  const [windowMinutes, setWindow] = useState(10);
  const [minOccasions, setMin] = useState(2);
  const [companions, setCompanions] = useState(false);
  const [range, setRange] = useState<Range>(null);
  const [query, setQuery] = useState<Query | null>(null);
  const result = useProcedure('analytics.colocation', query ?? { phones: [''] }, {
    enabled: query !== null,
  });
  const [cell, setCell] = useState('');
  const [span, setSpan] = useState<[Dayjs, Dayjs] | null>(null);
  const [presenceQuery, setPresenceQuery] = useState<PresenceQuery | null>(null);
  const presence = useProcedure(
    'analytics.cellPresence',
    presenceQuery ?? { cell: '', from: '', to: '' },
    { enabled: presenceQuery !== null },
  );
  const rows = result.data?.pairs.map((pair) => ({ key: `${pair.a.id}|${pair.b.id}`, ...pair }));

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('analytics.phones')}>
          <PhoneTagsInput value={phones} onChange={setPhones} />
        </Form.Item>
        <Form.Item label={t('analytics.colocation.window')}>
          <InputNumber
            min={1}
            max={1440}
            value={windowMinutes}
            onChange={(v) => setWindow(v ?? 10)}
          />
        </Form.Item>
        <Form.Item label={t('analytics.colocation.minOccasions')}>
          <InputNumber min={1} max={1000} value={minOccasions} onChange={(v) => setMin(v ?? 2)} />
        </Form.Item>
        <Form.Item label={t('analytics.colocation.companions')}>
          <Switch checked={companions} onChange={setCompanions} />
        </Form.Item>
        <Form.Item label={t('analytics.period')}>
          <PeriodPicker value={range} onChange={setRange} />
        </Form.Item>
        <Button
          type="primary"
          disabled={!phones.length}
          loading={result.isFetching}
          onClick={() =>
            setQuery({ phones, windowMinutes, minOccasions, companions, ...periodOf(range) })
          }
        >
          {t('analytics.run')}
        </Button>
      </Form>
      <ErrorAlert error={result.error} />
      {rows && (
        <ResultHeader
          shown={rows.length}
          total={result.data!.total}
          sending={chart.busy}
          onSendToChart={
            canWrite && rows.length > 0
              ? () =>
                  void chart.send(
                    t('analytics.colocation.viewName', { phones: phones.join('、') }),
                    rows.flatMap((pair) => [pair.a.id, pair.b.id]),
                  )
              : undefined
          }
        >
          {rows.length > 0 && (
            <AddToBriefingButton
              source="colocation"
              title={t('analytics.briefing.colocationTitle', { phones: phones.join('、') })}
              table={() =>
                colocationTable(result.data!, (key: string) => t(key as 'analytics.number'))
              }
            />
          )}
        </ResultHeader>
      )}
      {rows && (
        <Table
          size="small"
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (pair) => (
              <Table
                size="small"
                rowKey={(item) => `${item.cell}|${item.aAt}|${item.bAt}`}
                pagination={false}
                dataSource={pair.occasions}
                columns={[
                  { title: t('analytics.colocation.cell'), dataIndex: 'cell' },
                  { title: pair.a.number, dataIndex: 'aAt', render: formatDateTime },
                  { title: pair.b.number, dataIndex: 'bAt', render: formatDateTime },
                  { title: t('analytics.colocation.gap'), dataIndex: 'gapSeconds' },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('analytics.colocation.pair'),
              key: 'pair',
              render: (_, pair) => `${pair.a.number} ↔ ${pair.b.number}`,
            },
            {
              title: t('analytics.colocation.occasions'),
              key: 'count',
              render: (_, pair) => pair.occasions.length,
            },
            {
              key: 'chart',
              render: (_, pair) => (
                <Button size="small" onClick={() => addToChart(pair.b.id)}>
                  {t('analytics.addToChart')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Card size="small" title={t('analytics.colocation.presence')} style={{ marginTop: 16 }}>
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label={t('analytics.colocation.cell')}>
            <Input value={cell} onChange={(e) => setCell(e.target.value)} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={t('analytics.period')}>
            <DatePicker.RangePicker
              showTime
              value={span}
              onChange={(dates) =>
                setSpan(dates && dates[0] && dates[1] ? [dates[0], dates[1]] : null)
              }
            />
          </Form.Item>
          <Button
            type="primary"
            disabled={!cell.trim() || !span}
            loading={presence.isFetching}
            onClick={() =>
              span &&
              setPresenceQuery({
                cell: cell.trim(),
                from: span[0].toISOString(),
                to: span[1].toISOString(),
              })
            }
          >
            {t('analytics.run')}
          </Button>
        </Form>
        <ErrorAlert error={presence.error} />
        {presence.data && presenceQuery && (
          <ResultHeader
            shown={presence.data.rows.length}
            total={presence.data.total}
            sending={chart.busy}
            onSendToChart={
              canWrite && presence.data.rows.length > 0
                ? () =>
                    void chart.send(
                      t('analytics.colocation.presenceViewName', presenceWords(presenceQuery)),
                      presence.data.rows.map((row) => row.id),
                    )
                : undefined
            }
          >
            {presence.data.rows.length > 0 && (
              <AddToBriefingButton
                source="colocation"
                title={t('analytics.briefing.presenceTitle', presenceWords(presenceQuery))}
                table={() =>
                  cellPresenceTable(presence.data, (key: string) => t(key as 'analytics.number'))
                }
              />
            )}
          </ResultHeader>
        )}
        {presence.data?.site && (
          <Typography.Paragraph data-testid="presence-site">
            {t('analytics.presenceSite', {
              address: presence.data.site.address ?? '—',
              lng: presence.data.site.lng,
              lat: presence.data.site.lat,
            })}
          </Typography.Paragraph>
        )}
        {presence.data && (
          <Table
            data-testid="presence-results"
            size="small"
            rowKey="id"
            dataSource={presence.data.rows}
            pagination={false}
            columns={[
              { title: t('analytics.number'), dataIndex: 'number' },
              { title: t('analytics.colocation.sightings'), dataIndex: 'sightings' },
              { title: t('analytics.first'), dataIndex: 'firstAt', render: formatDateTime },
              { title: t('analytics.last'), dataIndex: 'lastAt', render: formatDateTime },
            ]}
          />
        )}
      </Card>
    </>
  );
}
