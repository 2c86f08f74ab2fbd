import { Button, Card, Form, Input, InputNumber, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyPathText, moneyTraceTable } from '../../../../electron/api/domain/analysis-tables';
import { AddToBriefingButton } from './AddToBriefingButton';
import type { ProcedureInput } from '../../../../electron/api/contract';
import type { TracedAccount } from '../../../../electron/api/schemas/analytics-schemas';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { formatDateTime, formatYuan } from '../../components/format';
import {
  ErrorAlert,
  PeriodPicker,
  periodOf,
  ResultHeader,
  useAddToChart,
  useSendToChart,
  type Range,
} from './analytics-shared';

type Query = ProcedureInput<'analytics.moneyTrace'>;

/**
 * The money flow layout: one column per hop, the money running left to right (a forward trace
 * starts on the left, a backward one ends on the right), accounts in each column in the
 * table's order (most money first), centred on the start.
 */
function moneyFlowPositions(
  accounts: { id: string; hop: number }[],
  direction: 'out' | 'in',
): Record<string, { x: number; y: number }> {
  const columns = new Map<number, string[]>();
  for (const account of accounts)
    columns.set(account.hop, [...(columns.get(account.hop) ?? []), account.id]);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const [hop, ids] of columns)
    ids.forEach((id, row) => {
      positions[id] = {
        x: (direction === 'out' ? hop : -hop) * 280,
        y: (row - (ids.length - 1) / 2) * 90,
      };
    });
  return positions;
}

/** 资金穿透: where an account's money went, or where it came from, hop by hop. */
export function MoneyTraceTab() {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const addToChart = useAddToChart();
  const chart = useSendToChart();
  const [account, setAccount] = useState('');
  const [hops, setHops] = useState(3);
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [thresholdYuan, setThreshold] = useState(50_000);
  const [range, setRange] = useState<Range>(null);
  const [query, setQuery] = useState<Query | null>(null);
  const result = useProcedure('analytics.moneyTrace', query ?? { account: '' }, {
    enabled: query !== null,
  });
  const numberOf = new Map(result.data?.accounts.map((row) => [row.id, row.accountNo]));

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('analytics.money.account')}>
          <Input
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            style={{ width: 240 }}
            data-testid="money-account"
          />
        </Form.Item>
        <Form.Item label={t('analytics.money.hops')}>
          <InputNumber min={1} max={8} value={hops} onChange={(v) => setHops(v ?? 3)} />
        </Form.Item>
        <Form.Item label={t('analytics.money.direction')}>
          <Radio.Group
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'out' | 'in')}
            options={[
              { value: 'out', label: t('analytics.money.out') },
              { value: 'in', label: t('analytics.money.in') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('analytics.money.threshold')}>
          <InputNumber min={1} value={thresholdYuan} onChange={(v) => setThreshold(v ?? 50_000)} />
        </Form.Item>
        <Form.Item label={t('analytics.period')}>
          <PeriodPicker value={range} onChange={setRange} />
        </Form.Item>
        <Button
          type="primary"
          disabled={!account.trim()}
          loading={result.isFetching}
          onClick={() =>
            setQuery({
              account: account.trim(),
              hops,
              direction,
              structuringThresholdFen: Math.round(thresholdYuan * 100),
              ...periodOf(range),
            })
          }
        >
          {t('analytics.run')}
        </Button>
      </Form>
      <ErrorAlert error={result.error} />
      {result.data && (
        <>
          <ResultHeader
            shown={result.data.accounts.length}
            total={result.data.total}
            sending={chart.busy}
            onSendToChart={
              canWrite
                ? () =>
                    void chart.send(
                      t('analytics.money.viewName', { account: query?.account ?? '' }),
                      result.data.accounts.map((row) => row.id),
                      undefined,
                      moneyFlowPositions(result.data.accounts, result.data.direction),
                    )
                : undefined
            }
          >
            <AddToBriefingButton
              source="moneyTrace"
              title={t('analytics.money.viewName', { account: query?.account ?? '' })}
              table={() =>
                moneyTraceTable(result.data, (key: string) => t(key as 'analytics.number'))
              }
            />
          </ResultHeader>
          <Typography.Paragraph type="secondary" data-testid="money-opening-zero">
            {t('analytics.money.openingZero')}
          </Typography.Paragraph>
          <Table<TracedAccount>
            size="small"
            rowKey="id"
            dataSource={result.data.accounts}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            data-testid="money-results"
            columns={[
              { title: t('analytics.money.hop'), dataIndex: 'hop' },
              { title: t('analytics.money.account'), dataIndex: 'accountNo' },
              { title: '', dataIndex: 'holderName' },
              { title: t('analytics.money.reached'), dataIndex: 'reachedFen', render: formatYuan },
              {
                title: t('analytics.money.path'),
                dataIndex: 'path',
                render: (path: string[]) => moneyPathText(result.data.direction, path),
              },
              { title: t('analytics.money.inTotal'), dataIndex: 'inFen', render: formatYuan },
              { title: t('analytics.money.outTotal'), dataIndex: 'outFen', render: formatYuan },
              { title: t('analytics.money.net'), dataIndex: 'netFen', render: formatYuan },
              { title: t('analytics.first'), dataIndex: 'firstAt', render: formatDateTime },
              { title: t('analytics.last'), dataIndex: 'lastAt', render: formatDateTime },
              { title: t('analytics.money.counterparties'), dataIndex: 'counterparties' },
              {
                title: t('analytics.money.alerts'),
                dataIndex: 'alerts',
                render: (alerts: TracedAccount['alerts']) =>
                  alerts.map((alert) => (
                    <Tag key={alert} color="red">
                      {t(`analytics.money.${alert}`)}
                    </Tag>
                  )),
              },
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
          <Card size="small" title={t('analytics.money.flows')} style={{ marginTop: 12 }}>
            <Table
              size="small"
              rowKey={(flow) => `${flow.fromId}>${flow.toId}@${flow.hop}`}
              dataSource={result.data.flows}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              columns={[
                { title: t('analytics.money.hop'), dataIndex: 'hop' },
                {
                  title: t('analytics.money.from'),
                  dataIndex: 'fromId',
                  render: (id: string) => numberOf.get(id) ?? id,
                },
                {
                  title: t('analytics.money.to'),
                  dataIndex: 'toId',
                  render: (id: string) => numberOf.get(id) ?? id,
                },
                { title: t('analytics.money.reached'), dataIndex: 'tracedFen', render: formatYuan },
                { title: t('analytics.money.transfers'), dataIndex: 'transfers' },
                { title: t('analytics.first'), dataIndex: 'firstAt', render: formatDateTime },
                { title: t('analytics.last'), dataIndex: 'lastAt', render: formatDateTime },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
