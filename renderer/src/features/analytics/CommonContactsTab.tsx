import { App, Button, Form, InputNumber, Space, Switch, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { commonContactsTable } from '../../../../electron/api/domain/analysis-tables';
import { AddToBriefingButton } from './AddToBriefingButton';
import { PhoneTagsInput } from './PhoneTagsInput';
import type { ProcedureInput } from '../../../../electron/api/contract';
import type { CommonContact } from '../../../../electron/api/schemas/analytics-schemas';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { useCan } from '../../app/SessionContext';
import { formatDateTime } from '../../components/format';
import { CasePicker } from '../graph/CasePicker';
import {
  ErrorAlert,
  PeriodPicker,
  periodOf,
  ResultHeader,
  useAddToChart,
  useSendToChart,
  type Range,
} from './analytics-shared';

type Query = ProcedureInput<'analytics.commonContacts'>;
const pageSize = 50;

/** 话单碰撞: the numbers in touch with at least K of the target phones. */
export function CommonContactsTab() {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const addToChart = useAddToChart();
  const chart = useSendToChart();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const addToCase = useProcedureMutation('cases.addEntity', {
    alsoRefreshes: ['entities'],
    onSuccess: () => void message.success(t('analytics.addedToCase')),
    onError: (error) => void message.error(errorText(error)),
  });
  const [phones, setPhones] = useState<string[]>([]);
  const [params] = useSearchParams();
  // Opened from a case (`?tab=common&case=ID`): its suspects' phones are the targets.
  const [caseId, setCaseId] = useState<string | undefined>(
    (params.get('tab') === 'common' && params.get('case')) || undefined,
  );
  const [minTargets, setMinTargets] = useState(2);
  const [includeService, setIncludeService] = useState(false);
  const [range, setRange] = useState<Range>(null);
  const [query, setQuery] = useState<Query | null>(null);
  const result = useProcedure('analytics.commonContacts', query ?? { phones: [] }, {
    enabled: query !== null,
  });
  const run = () =>
    setQuery({
      phones: phones.length ? phones : undefined,
      caseId,
      minTargets,
      includeService,
      ...periodOf(range),
      limit: pageSize,
      offset: 0,
    });

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('analytics.phones')}>
          <PhoneTagsInput value={phones} onChange={setPhones} testId="common-phones" />
        </Form.Item>
        <Form.Item label={t('analytics.orCase')}>
          <CasePicker value={caseId} onChange={setCaseId} width={260} />
        </Form.Item>
        <Form.Item label={t('analytics.common.minTargets')}>
          <InputNumber
            min={1}
            max={200}
            value={minTargets}
            onChange={(v) => setMinTargets(v ?? 2)}
          />
        </Form.Item>
        <Form.Item label={t('analytics.period')}>
          <PeriodPicker value={range} onChange={setRange} />
        </Form.Item>
        <Form.Item label={t('analytics.common.includeService')}>
          <Switch checked={includeService} onChange={setIncludeService} />
        </Form.Item>
        <Button
          type="primary"
          onClick={run}
          disabled={!phones.length && !caseId}
          loading={result.isFetching}
          data-testid="common-run"
        >
          {t('analytics.run')}
        </Button>
      </Form>
      <ErrorAlert error={result.error} />
      {result.data && (
        <>
          <ResultHeader
            shown={result.data.rows.length}
            total={result.data.total}
            sending={chart.busy}
            onSendToChart={
              canWrite && result.data.rows.length > 0
                ? () =>
                    void chart.send(
                      t('analytics.common.viewName', { date: dayjs().format('YYYY-MM-DD HH:mm') }),
                      [
                        ...result.data.targets.map((target) => target.id),
                        ...result.data.rows.map((row) => row.id),
                      ],
                    )
                : undefined
            }
          >
            {result.data.rows.length > 0 && (
              <AddToBriefingButton
                caseId={query?.caseId}
                source="commonContacts"
                title={t('analytics.briefing.commonTitle', {
                  targets: result.data.targets.map((target) => target.number).join('、'),
                })}
                table={() =>
                  commonContactsTable(result.data, (key: string) => t(key as 'analytics.number'))
                }
              />
            )}
          </ResultHeader>
          <Table<CommonContact>
            size="small"
            rowKey="id"
            dataSource={result.data.rows}
            data-testid="common-results"
            pagination={{
              current: Math.floor((query?.offset ?? 0) / pageSize) + 1,
              pageSize,
              total: result.data.total,
              showSizeChanger: false,
              onChange: (page) => query && setQuery({ ...query, offset: (page - 1) * pageSize }),
            }}
            expandable={{
              expandedRowRender: (row) => (
                <Table
                  size="small"
                  rowKey="targetId"
                  pagination={false}
                  dataSource={row.perTarget}
                  columns={[
                    { title: t('analytics.common.target'), dataIndex: 'targetNumber' },
                    { title: t('analytics.calls'), dataIndex: 'calls' },
                    { title: t('analytics.messages'), dataIndex: 'messages' },
                    { title: t('analytics.duration'), dataIndex: 'durationSeconds' },
                    { title: t('analytics.outgoing'), dataIndex: 'outgoing' },
                    { title: t('analytics.incoming'), dataIndex: 'incoming' },
                    { title: t('analytics.first'), dataIndex: 'firstAt', render: formatDateTime },
                    { title: t('analytics.last'), dataIndex: 'lastAt', render: formatDateTime },
                  ]}
                />
              ),
            }}
            columns={[
              { title: t('analytics.number'), dataIndex: 'number' },
              {
                title: t('analytics.numberType'),
                dataIndex: 'numberType',
                render: (type: string) => t(`import.values.${type}` as 'import.values.mobile'),
              },
              { title: t('analytics.common.targets'), dataIndex: 'targetCount' },
              { title: t('analytics.calls'), dataIndex: 'calls' },
              { title: t('analytics.messages'), dataIndex: 'messages' },
              { title: t('analytics.duration'), dataIndex: 'durationSeconds' },
              { title: t('analytics.first'), dataIndex: 'firstAt', render: formatDateTime },
              { title: t('analytics.last'), dataIndex: 'lastAt', render: formatDateTime },
              {
                key: 'chart',
                render: (_, row) => (
                  <Space>
                    <Button
                      size="small"
                      onClick={() => addToChart(row.id)}
                      data-testid="add-to-chart"
                    >
                      {t('analytics.addToChart')}
                    </Button>
                    {canWrite && query?.caseId && (
                      <Button
                        size="small"
                        onClick={() =>
                          addToCase.mutate({ caseId: query.caseId!, entityId: row.id })
                        }
                        data-testid="add-to-case"
                      >
                        {t('analytics.addToCase')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
