import { FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDynamicText } from '../../i18n/dynamic-text';
import { useSearchParams } from 'react-router';
import { drugCatalog } from '../../../../electron/api/domain/drug-catalog';
import { statsRules, type StatsFigureKey } from '../../../../electron/api/domain/stats-rules';
import {
  classifications,
  type Classification,
} from '../../../../electron/api/schemas/briefing-schemas';
import type { UnitStats } from '../../../../electron/api/schemas/stats-schemas';
import { useQuantityText } from '../../components/QuantityText';
import { decimalOf } from '../../../../electron/api/domain/quantity';
import { invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { downloadDocument } from '../briefings/file-download';
import { MonthlyChart } from './MonthlyChart';
import { WorkspaceOverview } from './WorkspaceOverview';

type SeizedForm = UnitStats['drugs'][number];

const kg = (milligrams: number) => decimalOf(milligrams, 6);

/**
 * 统计: the figures a team lead reports for a period and unit, by month, exported to XLSX or
 * printed on one page; below, what the workspace holds.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const dynamicText = useDynamicText();
  const quantityText = useQuantityText();
  const { message } = App.useApp();
  const errorText = useErrorText();
  // The period and unit live in the address (#/statistics?from=…&to=…&unit=…): a view to return to.
  const [params, setParams] = useSearchParams();
  const range: [Dayjs, Dayjs] = [
    dayjs(params.get('from') ?? dayjs().startOf('year').format('YYYY-MM-DD')),
    dayjs(params.get('to') ?? dayjs().endOf('year').format('YYYY-MM-DD')),
  ];
  const unit = params.get('unit') ?? undefined;
  const choose = (next: { from?: string; to?: string; unit?: string | undefined }) => {
    const merged = {
      from: range[0].format('YYYY-MM-DD'),
      to: range[1].format('YYYY-MM-DD'),
      unit,
      ...next,
    };
    setParams(
      Object.fromEntries(Object.entries(merged).filter(([, value]) => value)) as Record<
        string,
        string
      >,
      { replace: true },
    );
  };
  const [busy, setBusy] = useState<string>();
  const printFrame = useRef<HTMLIFrameElement>(null);
  const [printHtml, setPrintHtml] = useState<string>();
  const language = i18n.language === 'en' ? ('en' as const) : ('zh-CN' as const);
  const [classification, setClassification] = useState<Classification>('internal');
  const period = {
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    unit,
    language,
  };
  const stats = useProcedure('stats.unit', period);

  const exportAs = async (format: 'xlsx' | 'pdf' | 'html') => {
    setBusy(format);
    try {
      const file = await invoke('stats.export', { ...period, format, classification });
      if (format === 'html') setPrintHtml(file.content);
      else downloadDocument(file);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(undefined);
    }
  };

  const data = stats.data;
  const drugLabel = (code: string) => {
    const drug = drugCatalog.find((entry) => entry.code === code);
    return drug ? (i18n.language === 'en' ? drug.en : drug.zh) : code;
  };
  const rules = statsRules[i18n.language === 'en' ? 'en' : 'zh-CN'];
  const figures: [string, StatsFigureKey, string | number][] = data
    ? [
        ['casesSolved', 'casesSolved', data.casesSolved],
        ['substituteCasesSolved', 'substituteCasesSolved', data.substituteCasesSolved],
        ['suspectsArrested', 'suspectsArrested', data.suspectsArrested],
        ['detained', 'detained', data.measures.detained],
        ['arrested', 'arrested', data.measures.arrested],
        ['prosecuted', 'prosecuted', data.measures.prosecuted],
        ['drugsKg', 'drugs', kg(data.drugsMilligrams)],
        ['precursorsKg', 'precursors', kg(data.precursorsMilligrams)],
        ['gangsBroken', 'gangsBroken', data.gangsBroken],
        ['factoriesDestroyed', 'factoriesDestroyed', data.factoriesDestroyed],
        ['densDestroyed', 'densDestroyed', data.densDestroyed],
        ['drugUsersFound', 'drugUsersFound', data.drugUsersFound],
        ['newDrugUsers', 'newDrugUsers', data.newDrugUsers],
        ['compulsoryIsolation', 'compulsoryIsolation', data.measures.compulsoryIsolation],
        ['drugMoney', 'drugMoney', decimalOf(data.drugMoneyFen, 2)],
        ['casesOpened', 'casesOpened', data.casesOpened],
        ['administrativeCases', 'administrativeCases', data.administrativeCases],
      ]
    : [];
  const incomplete = data
    ? data.incomplete.map((item) => t(`statistics.incomplete.${item.kind}`, { count: item.count }))
    : [];

  const seizedColumns: TableColumnsType<SeizedForm> = [
    {
      key: 'drug',
      title: t('seizures.drugType'),
      render: (_, row) => drugLabel(row.drugType),
    },
    {
      key: 'total',
      title: t('statistics.kg'),
      align: 'right',
      render: (_, row) =>
        row.unit === 'mg' ? kg(row.total) : quantityText(row.total, row.unit, row.countUnit),
    },
    {
      key: 'seizures',
      dataIndex: 'seizures',
      title: t('statistics.seizures'),
      align: 'right',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('statistics.title')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(value) =>
                value?.[0] &&
                value[1] &&
                choose({ from: value[0].format('YYYY-MM-DD'), to: value[1].format('YYYY-MM-DD') })
              }
              data-testid="stats-range"
            />
            <Select
              allowClear
              placeholder={t('statistics.allUnits')}
              style={{ width: 200 }}
              value={unit}
              onChange={(chosen?: string) => choose({ unit: chosen })}
              options={(data?.units ?? []).map((name) => ({ value: name, label: name }))}
              data-testid="stats-unit"
            />
            <Select
              style={{ width: 110 }}
              value={classification}
              onChange={setClassification}
              aria-label={t('statistics.classification')}
              title={t('statistics.classification')}
              options={classifications.map((value) => ({
                value,
                label: t(`briefings.classifications.${value}`),
              }))}
              data-testid="stats-classification"
            />
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === 'xlsx'}
              onClick={() => void exportAs('xlsx')}
              data-testid="stats-xlsx"
            >
              {t('statistics.xlsx')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={busy === 'pdf'}
              onClick={() => void exportAs('pdf')}
            >
              {t('statistics.pdf')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              loading={busy === 'html'}
              onClick={() => void exportAs('html')}
            >
              {t('statistics.print')}
            </Button>
          </Space>
        }
      />
      {stats.isError ? <Alert type="error" showIcon title={errorText(stats.error)} /> : null}
      {!data ? (
        <Spin />
      ) : (
        <>
          <Alert
            type="info"
            title={data.paragraph}
            style={{ marginBottom: 16 }}
            data-testid="stats-paragraph"
          />
          {incomplete.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('statistics.incompleteTitle')}
              description={incomplete.join('；')}
              data-testid="stats-incomplete"
            />
          ) : null}
          <Row gutter={[16, 16]}>
            {figures.map(([key, rule, value]) => (
              <Col key={key} xs={12} md={8} xl={4}>
                <Card size="small" style={{ height: '100%' }}>
                  <Statistic
                    title={dynamicText(`statistics.${key}`)}
                    value={value}
                    data-testid={`unit-${key}`}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {rules[rule]}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('statistics.byMonth')}>
                <MonthlyChart months={data.months} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('statistics.drugsByType')}>
                <Table<SeizedForm>
                  size="small"
                  pagination={false}
                  rowKey={(row) => `${row.drugType}-${row.unit}-${row.countUnit ?? ''}`}
                  dataSource={data.drugs}
                  data-testid="stats-drugs"
                  columns={seizedColumns}
                />
                {data.otherSeized.length > 0 && (
                  <Table<SeizedForm>
                    size="small"
                    pagination={false}
                    rowKey={(row) => `${row.drugType}-${row.unit}-${row.countUnit ?? ''}`}
                    dataSource={data.otherSeized}
                    data-testid="stats-other-seized"
                    style={{ marginTop: 12 }}
                    title={() => t('statistics.otherSeized')}
                    columns={seizedColumns}
                  />
                )}
                <div data-testid="stats-target-cases">
                  <Table
                    size="small"
                    pagination={false}
                    style={{ marginTop: 12 }}
                    rowKey="level"
                    dataSource={Object.entries(data.solvedBySupervision).map(([level, count]) => ({
                      level,
                      count,
                    }))}
                    columns={[
                      {
                        key: 'level',
                        title: t('statistics.supervision'),
                        render: (_, row) => dynamicText(`enums.supervisionLevel.${row.level}`),
                      },
                      {
                        key: 'count',
                        dataIndex: 'count',
                        title: t('statistics.casesSolved'),
                        align: 'right',
                      },
                    ]}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {rules.targetCases}
                  </Typography.Text>
                </div>
              </Card>
            </Col>
          </Row>
        </>
      )}
      {printHtml ? (
        <iframe
          ref={printFrame}
          title={t('statistics.print')}
          sandbox="allow-same-origin allow-modals"
          srcDoc={printHtml}
          style={{ position: 'absolute', width: 0, height: 0, border: 0 }}
          onLoad={() => printFrame.current?.contentWindow?.print()}
        />
      ) : null}
      <div style={{ marginTop: 32 }}>
        <WorkspaceOverview />
      </div>
    </>
  );
}
